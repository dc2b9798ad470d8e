package vn.directivetracker.workingdays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks one year's holiday file.
 *
 * <p>Format: UTF-8 text, one day a line. Blank lines and lines starting with {@code #} are
 * comments. The first other line is the header {@code date,name_vi,name_en,kind}; every line after
 * it is {@code YYYY-MM-DD,name in Vietnamese,name in English,HOLIDAY|WORKING_DAY} (fields that
 * contain a comma are put in double quotes). Every line is checked and every bad one is reported,
 * so an administrator can fix a file in one go.
 */
final class HolidayCsv {

  static final String HEADER = "date,name_vi,name_en,kind";
  private static final List<String> COLUMNS = List.of("date", "name_vi", "name_en", "kind");
  private static final CSVFormat LINE_FORMAT =
      CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true).get();

  private HolidayCsv() {}

  /** A bad line: its 1-based number in the file (0 for the file as a whole), its text, and why. */
  record LineError(int line, String content, String message) {
    @Override
    public String toString() {
      return line == 0 ? message : "line " + line + ": " + message + " [" + content + "]";
    }
  }

  /** The days of a file, sorted by date, and its errors; the days only count when there are no errors. */
  record Parsed(int year, List<Holiday> days, List<LineError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  /** Decodes bytes strictly (a wrong encoding would garble the Vietnamese names silently). */
  static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
    String text = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text; // byte-order mark from Excel
  }

  static Parsed parse(int year, String text) {
    List<Holiday> days = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    Map<LocalDate, Integer> firstLineOf = new HashMap<>();
    boolean headerSeen = false;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        if (isHeader(trimmed)) {
          continue;
        }
        errors.add(new LineError(lineNo, line, "expected the header line '" + HEADER + "' first"));
        if (!Character.isDigit(trimmed.charAt(0))) {
          continue; // a wrong header, not a data line
        }
      }
      List<String> problems = new ArrayList<>();
      Holiday day = parseLine(year, trimmed, problems);
      if (day != null) {
        Integer first = firstLineOf.putIfAbsent(day.date(), lineNo);
        if (first != null) {
          problems.add("duplicate date " + day.date() + " (first listed on line " + first + ")");
        }
      }
      if (problems.isEmpty()) {
        days.add(day);
      } else {
        errors.add(new LineError(lineNo, line, String.join("; ", problems)));
      }
    }
    if (!headerSeen) {
      errors.add(new LineError(0, "", "the file has no header line '" + HEADER + "' and no days"));
    } else if (days.isEmpty() && errors.isEmpty()) {
      errors.add(new LineError(0, "", "the file lists no days"));
    }
    days.sort(Comparator.comparing(Holiday::date));
    return new Parsed(year, List.copyOf(days), List.copyOf(errors));
  }

  private static boolean isHeader(String line) {
    List<String> fields = fields(line);
    return fields != null
        && fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList().equals(COLUMNS);
  }

  /** Parses one data line; returns null and adds to {@code problems} when it is bad. */
  private static Holiday parseLine(int year, String line, List<String> problems) {
    List<String> f = fields(line);
    if (f == null) {
      problems.add("not a valid CSV line (an unclosed quote?)");
      return null;
    }
    if (f.size() != COLUMNS.size()) {
      problems.add("expected 4 columns (" + HEADER + "), found " + f.size());
      return null;
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(f.get(0));
      if (date.getYear() != year) {
        problems.add("date " + date + " is not in " + year);
      }
    } catch (DateTimeParseException e) {
      problems.add("bad date '" + f.get(0) + "' (expected an existing date as YYYY-MM-DD)");
    }
    if (f.get(1).isEmpty()) {
      problems.add("name_vi is empty");
    }
    if (f.get(2).isEmpty()) {
      problems.add("name_en is empty");
    }
    Holiday.Kind kind = null;
    try {
      kind = Holiday.Kind.valueOf(f.get(3));
    } catch (IllegalArgumentException e) {
      problems.add("unknown kind '" + f.get(3) + "' (expected HOLIDAY or WORKING_DAY)");
    }
    if (kind == Holiday.Kind.WORKING_DAY && date != null && !isWeekend(date)) {
      problems.add("WORKING_DAY " + date + " is a " + date.getDayOfWeek()
          + "; only a Saturday or Sunday can be declared a working day");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Holiday(date, f.get(1), f.get(2), kind);
  }

  private static List<String> fields(String line) {
    try (CSVParser parser = CSVParser.parse(line, LINE_FORMAT)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return null;
      }
      return records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}

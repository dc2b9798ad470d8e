package vn.directivetracker.directive.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;

/**
 * A spreadsheet of tasks, one row per task under a header row that names the columns: read from CSV
 * (UTF-8, with or without a byte order mark, comma or semicolon separated as Excel saves it) or XLSX
 * (the first sheet). Every cell becomes text: Excel date cells ISO dates ({@code 2024-01-31}), numbers
 * without a needless {@code .0}, booleans {@code TRUE}/{@code FALSE}. Formula cells are refused, never
 * evaluated: what a formula computes depends on things the import cannot see.
 *
 * <p>Rows are numbered as Excel shows them (the header is row 1); blank rows are skipped. Problems with
 * the file as a whole (unreadable, no header, unknown or missing columns, too many rows) throw {@link
 * TaskSheetException}; problems with single cells are collected in {@link #problems()} so that every bad
 * cell is reported at once.
 */
public final class TaskSheet {

  /**
   * Limits against hostile workbooks. An XLSX is a zip: a small file may inflate to gigabytes. POI refuses
   * an entry that inflates more than 100 times (ratio 0.01) or beyond the maximum entry size; 20 MB of
   * sheet XML is far more than 500 rows of tasks need. POI's settings are JVM-wide; these are stricter
   * than its defaults and apply only to reading.
   */
  static final double MIN_INFLATE_RATIO = 0.01;
  static final long MAX_ENTRY_SIZE = 20L * 1024 * 1024;

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
  }

  /** The columns a sheet may have, in the order they are reported, and those it must have. */
  public record Columns(List<String> allowed, List<String> required) {
  }

  /** A non-blank data row: its Excel row number and its cells by column name (blank cells absent). */
  public record TaskRow(int number, Map<String, String> cells) {

    public String get(String column) {
      return cells.get(column);
    }
  }

  private final List<String> columns;
  private final List<TaskRow> rows;
  private final List<SheetProblem> problems;

  private TaskSheet(List<String> columns, List<TaskRow> rows, List<SheetProblem> problems) {
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows);
    this.problems = List.copyOf(problems);
  }

  /** The columns the header names, in sheet order. */
  public List<String> columns() {
    return columns;
  }

  public List<TaskRow> rows() {
    return rows;
  }

  /** Cells that cannot be read (formulas, error values, text under a column without a name). */
  public List<SheetProblem> problems() {
    return problems;
  }

  /**
   * Reads {@code content} as XLSX when it is an Office Open XML file, else as CSV text.
   *
   * @throws TaskSheetException when the file cannot be read as a sheet of tasks
   */
  public static TaskSheet read(byte[] content, Columns columns, int maxRows) {
    if (content == null || content.length == 0) {
      throw new TaskSheetException("the file is empty");
    }
    FileMagic magic;
    try {
      magic = FileMagic.valueOf(content);
    } catch (RuntimeException e) {
      magic = FileMagic.UNKNOWN;
    }
    List<List<Raw>> raw = switch (magic) {
      case OOXML -> xlsxRows(content, maxRows);
      case OLE2 -> throw new TaskSheetException(
          "Excel 97-2003 (.xls) files are not accepted; save the sheet as .xlsx or as CSV UTF-8");
      case PDF, PNG, JPEG, GIF, TIFF, BMP, WORD2, XML, HTML -> throw new TaskSheetException(
          "not a spreadsheet: upload the .xlsx template or a CSV file");
      default -> csvRows(content, maxRows);
    };
    return fromRows(raw, columns, maxRows);
  }

  /** A cell as read: its Excel row and column, and its text (null when blank) or the reason it is refused. */
  record Raw(int row, int column, String text, String refusal) {
  }

  private static TaskSheet fromRows(List<List<Raw>> raw, Columns allowed, int maxRows) {
    List<List<Raw>> nonBlank = raw.stream().filter(r -> r.stream().anyMatch(c -> c.text() != null
        || c.refusal() != null))
        .toList();
    if (nonBlank.isEmpty()) {
      throw new TaskSheetException("the sheet is empty: the first row must name the columns ("
          + String.join(", ", allowed.required()) + ", ...)");
    }
    List<Raw> headerCells = nonBlank.get(0);
    int headerRow = headerCells.get(0).row();
    List<SheetProblem> headerProblems = new ArrayList<>();
    Map<Integer, String> columnAt = new LinkedHashMap<>();
    for (Raw cell : headerCells) {
      if (cell.refusal() != null) {
        headerProblems.add(SheetProblem.cell(headerRow, "column " + letter(cell.column()), cell.refusal()));
        continue;
      }
      if (cell.text() == null) {
        continue;
      }
      String name = canonical(cell.text(), allowed.allowed());
      if (name == null) {
        headerProblems.add(SheetProblem.cell(headerRow, "column " + letter(cell.column()),
            "unknown column '" + cell.text() + "'; the columns are " + String.join(", ", allowed.allowed())));
      } else if (columnAt.containsValue(name)) {
        headerProblems.add(SheetProblem.cell(headerRow, "column " + letter(cell.column()),
            "column '" + name + "' appears twice"));
      } else {
        columnAt.put(cell.column(), name);
      }
    }
    for (String required : allowed.required()) {
      if (!columnAt.containsValue(required)) {
        headerProblems.add(new SheetProblem("row " + headerRow, "missing required column '" + required + "'"));
      }
    }
    if (!headerProblems.isEmpty()) {
      throw new TaskSheetException(headerProblems);
    }
    List<List<Raw>> data = nonBlank.subList(1, nonBlank.size());
    if (data.isEmpty()) {
      throw new TaskSheetException("no tasks: the sheet has a header row but no task rows below it");
    }
    if (data.size() > maxRows) {
      throw new TaskSheetException("more than " + maxRows + " task rows; split the notice into several files");
    }
    List<TaskRow> rows = new ArrayList<>();
    List<SheetProblem> problems = new ArrayList<>();
    for (List<Raw> row : data) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (Raw cell : row) {
        String column = columnAt.get(cell.column());
        if (cell.text() == null && cell.refusal() == null) {
          continue;
        }
        if (column == null) {
          problems.add(SheetProblem.cell(cell.row(), "column " + letter(cell.column()),
              "a value under a column without a name in row " + headerRow));
        } else if (cell.refusal() != null) {
          problems.add(SheetProblem.cell(cell.row(), column, cell.refusal()));
        } else {
          cells.put(column, cell.text());
        }
      }
      rows.add(new TaskRow(row.get(0).row(), Collections.unmodifiableMap(cells)));
    }
    List<String> columns = new ArrayList<>(columnAt.values());
    return new TaskSheet(columns, rows, problems);
  }

  /** The allowed column name the header means, ignoring case and surrounding blanks; null if none. */
  private static String canonical(String header, List<String> allowed) {
    String h = header.strip();
    for (String name : allowed) {
      if (name.equalsIgnoreCase(h)) {
        return name;
      }
    }
    return null;
  }

  static String letter(int column) {
    return CellReference.convertNumToColString(column);
  }

  // ---------------------------------------------------------------------------------------------
  // XLSX
  // ---------------------------------------------------------------------------------------------

  private static List<List<Raw>> xlsxRows(byte[] content, int maxRows) {
    // Header, data rows and a few blank ones; a sheet far longer than that is refused while it is read.
    return XlsxRows.read(content, maxRows + 1 + 1000);
  }

  static String tooManyRows(int maxPhysicalRows) {
    return "more than " + (maxPhysicalRows - 1 - 1000) + " task rows; split the notice into several files";
  }

  static String unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && m.contains("Zip bomb")) {
        return "the workbook expands to far more data than a sheet of tasks holds (a zip bomb?); it was not read";
      }
    }
    return "not a readable .xlsx workbook; save it again from Excel as .xlsx, or as CSV UTF-8";
  }

  // ---------------------------------------------------------------------------------------------
  // CSV
  // ---------------------------------------------------------------------------------------------

  private static List<List<Raw>> csvRows(byte[] content, int maxRows) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new TaskSheetException("the CSV file is not UTF-8; in Excel choose \"Save as: CSV UTF-8\"");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\0') >= 0) {
      throw new TaskSheetException("not a spreadsheet: upload the .xlsx template or a CSV file");
    }
    // One CSV record is one Excel row, blank lines included, so record numbers are Excel's row numbers.
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false).get();
    List<List<Raw>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        if (rows.size() > maxRows + 1 + 1000) {
          throw new TaskSheetException("more than " + maxRows + " task rows; split the notice into several files");
        }
        int row = (int) record.getRecordNumber();
        List<Raw> cells = new ArrayList<>();
        for (int c = 0; c < record.size(); c++) {
          cells.add(new Raw(row, c, blankToNull(record.get(c)), null));
        }
        rows.add(cells);
      }
    } catch (UncheckedIOException | IOException e) {
      throw new TaskSheetException("the CSV file cannot be read: " + e.getMessage());
    }
    return rows;
  }

  /**
   * Excel saves "CSV" with the list separator of the user's regional settings: a semicolon where the
   * decimal separator is a comma, as in Vietnam. The header names no value with either, so it tells.
   */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
  }

  static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Dates as the import accepts them: {@code 2024-01-31} (also what Excel date cells become) or {@code 31/01/2024}. */
  public static LocalDate parseDate(String text) {
    String t = text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t);
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(t);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return null;
  }
}

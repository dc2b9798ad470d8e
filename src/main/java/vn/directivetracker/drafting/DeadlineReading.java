package vn.directivetracker.drafting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.workingdays.Holiday;
import vn.directivetracker.workingdays.WorkingDayCalendar;

/**
 * The deadlines a clause words, found in its folded text and read as dates: a day, a month, a quarter, a half
 * or a year (its last day), "before" a day (the day before) or a month (the end of the month before), "before
 * Tết" (the last working day before the year's Tết break), "urgently" (a number of working days after the
 * notice). A day or month written without its year is the first one on or after the notice. One line of
 * {@link #FORMS} per way of writing.
 */
final class DeadlineReading {

  /** A deadline as written and the day it gives; {@code day} is null when it cannot be read as one. */
  record Deadline(int start, int end, String asWritten, LocalDate day, boolean urgent) {
  }

  private interface Reading {
    LocalDate day(Matcher m, LocalDate issuedOn, boolean before, DeadlineReading r);
  }

  private record Form(Pattern pattern, Reading reading) {
    Form(String regex, Reading reading) {
      this(Pattern.compile(regex), reading);
    }
  }

  private static final String MONTH = "(?<mn>january|february|march|april|may|june|july|august|september|october"
      + "|november|december)";
  private static final String YEAR = "(?<y>(?:19|20)\\d\\d)";
  private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december");
  private static final Map<String, Integer> CAN_CHI = Map.of("quy mao", 2023, "giap thin", 2024, "at ty", 2025,
      "binh ngo", 2026, "dinh mui", 2027, "mau than", 2028);

  /** Each way a notice writes a deadline, on folded text; the first form that matches at a place wins. */
  private static final List<Form> FORMS = List.of(
      new Form("\\b" + YEAR + "-(?<m>\\d\\d)-(?<d>\\d\\d)\\b", (m, on, b, r) -> day(m, on, b)),
      new Form("\\b(?:ngay\\s+)?(?<d>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})\\s*/\\s*" + YEAR + "\\b", (m, on, b, r) -> day(m, on, b)),
      new Form("\\bngay\\s+(?<d>\\d{1,2})\\s+thang\\s+(?<m>\\d{1,2})\\s+nam\\s+" + YEAR, (m, on, b, r) -> day(m, on, b)),
      new Form("\\b" + MONTH + "\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*,?\\s*" + YEAR + ")?", (m, on, b, r) -> day(m, on, b)),
      new Form("\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:\\s*,?\\s*" + YEAR + ")?", (m, on, b, r) -> day(m, on, b)),
      new Form("\\bngay\\s+(?<d>\\d{1,2})\\s*/\\s*(?<m>\\d{1,2})\\b(?!\\s*/)", (m, on, b, r) -> day(m, on, b)),
      new Form("\\bthang\\s+(?<m>\\d{1,2})(?:\\s*/\\s*|\\s+nam\\s+)" + YEAR, (m, on, b, r) -> month(m, on, b)),
      new Form("\\b(?:in|by|during|within|until)\\s+(?:the\\s+end\\s+of\\s+)?" + MONTH + "(?:\\s*,?\\s*" + YEAR + ")?",
          (m, on, b, r) -> month(m, on, b)),
      new Form("\\b" + MONTH + "\\s*,?\\s*" + YEAR, (m, on, b, r) -> month(m, on, b)),
      new Form("\\b(?:trong|truoc|cuoi|het)\\s+thang\\s+(?<m>\\d{1,2})\\b(?!\\s*/)", (m, on, b, r) -> month(m, on, b)),
      new Form("\\bquy\\s+(?<q>iv|i{1,3}|[1-4])(?:\\s*/\\s*|\\s+nam\\s+)" + YEAR, (m, on, b, r) -> quarter(m)),
      new Form("\\bq(?<q>[1-4])\\s*/\\s*" + YEAR, (m, on, b, r) -> quarter(m)),
      new Form("\\b(?:the\\s+)?(?<q>first|second|third|fourth)\\s+quarter\\s+(?:of\\s+)?" + YEAR, (m, on, b, r) -> quarter(m)),
      new Form("\\b(?:6|sau)\\s+thang\\s+dau\\s+nam\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 6, 30)),
      new Form("\\b(?:the\\s+)?first\\s+half\\s+of\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 6, 30)),
      new Form("\\b(?:6|sau)\\s+thang\\s+cuoi\\s+nam\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 12, 31)),
      new Form("\\b(?:the\\s+)?second\\s+half\\s+of\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 12, 31)),
      new Form("\\b(?:trong|cuoi|het)\\s+nam\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 12, 31)),
      new Form("\\b(?:complet\\w*|finish\\w*|done)\\s+(?:in|by|within)\\s+" + YEAR + "\\b(?!\\s*[/-])",
          (m, on, b, r) -> LocalDate.of(year(m), 12, 31)),
      new Form("\\bby\\s+the\\s+end\\s+of\\s+" + YEAR, (m, on, b, r) -> LocalDate.of(year(m), 12, 31)),
      new Form("\\btruoc\\s+tet(?:\\s+nguyen\\s+dan)?(?:\\s+(?<cc>" + String.join("|", CAN_CHI.keySet()) + "))?(?:\\s+"
          + YEAR + ")?", (m, on, b, r) -> r.beforeTet(m, on)),
      new Form("\\bbefore\\s+(?:the\\s+)?(?:lunar\\s+new\\s+year|tet)(?:\\s+holiday)?(?:\\s+(?:of\\s+)?" + YEAR + ")?",
          (m, on, b, r) -> r.beforeTet(m, on)));

  private static final Pattern URGENT = Pattern.compile("\\b(?:khan\\s+truong|urgently|urgent|immediately|ngay\\s+lap\\s+tuc)\\b");
  private static final Pattern BEFORE = Pattern.compile("(?:\\btruoc|\\bbefore|\\bprior\\s+to)\\s*$");

  private final WorkingDayCalendar calendar;
  private final int urgentWorkingDays;

  DeadlineReading(WorkingDayCalendar calendar, int urgentWorkingDays) {
    this.calendar = calendar;
    this.urgentWorkingDays = urgentWorkingDays;
  }

  /**
   * The deadlines in {@code folded[from, to)}, in text order, the dated ones before "urgently": the first of them
   * is the clause's deadline.
   */
  List<Deadline> find(Folded text, int from, int to, LocalDate issuedOn) {
    String folded = text.folded();
    List<Deadline> found = new ArrayList<>();
    for (Form form : FORMS) {
      Matcher m = form.pattern().matcher(folded).region(from, to);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (found.stream().anyMatch(d -> d.start() < end && start < d.end())) {
          continue;
        }
        Matcher before = BEFORE.matcher(folded.substring(Math.max(from, start - 12), start));
        boolean strictlyBefore = before.find();
        LocalDate day = safely(() -> form.reading().day(m, issuedOn, strictlyBefore, this));
        int shownFrom = strictlyBefore ? start - (before.end() - before.start()) - 1 : start;
        shownFrom = Math.max(from, shownFrom);
        found.add(new Deadline(shownFrom, end, text.text().substring(shownFrom, end).strip(), day, false));
      }
    }
    found.sort(Comparator.comparingInt(Deadline::start));
    Matcher urgent = URGENT.matcher(folded).region(from, to);
    if (urgent.find()) {
      LocalDate day = safely(() -> calendar.plusWorkingDays(issuedOn, urgentWorkingDays));
      found.add(new Deadline(urgent.start(), urgent.end(), text.text().substring(urgent.start(), urgent.end()), day,
          true));
    }
    return found;
  }

  private interface Day {
    LocalDate get();
  }

  private static LocalDate safely(Day day) {
    try {
      return day.get();
    } catch (RuntimeException e) {
      // 31/2/2024, or a year the holiday calendar does not know yet: the issuer reads the text as written.
      return null;
    }
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group("y"));
  }

  private static int monthOf(Matcher m) {
    String name = group(m, "mn");
    return name != null ? MONTHS.indexOf(name) + 1 : Integer.parseInt(m.group("m"));
  }

  private static String group(Matcher m, String name) {
    try {
      return m.group(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate day(Matcher m, LocalDate issuedOn, boolean before) {
    int month = monthOf(m);
    int dayOfMonth = Integer.parseInt(m.group("d"));
    String y = group(m, "y");
    LocalDate day = LocalDate.of(y != null ? Integer.parseInt(y) : issuedOn.getYear(), month, dayOfMonth);
    if (y == null && day.isBefore(issuedOn)) {
      day = day.plusYears(1);
    }
    return before ? day.minusDays(1) : day;
  }

  private static LocalDate month(Matcher m, LocalDate issuedOn, boolean before) {
    String y = group(m, "y");
    YearMonth month = YearMonth.of(y != null ? Integer.parseInt(y) : issuedOn.getYear(), monthOf(m));
    if (y == null && month.atEndOfMonth().isBefore(issuedOn)) {
      month = month.plusYears(1);
    }
    return before ? month.minusMonths(1).atEndOfMonth() : month.atEndOfMonth();
  }

  private static LocalDate quarter(Matcher m) {
    String q = m.group("q");
    int n = switch (q) {
      case "i", "1", "first" -> 1;
      case "ii", "2", "second" -> 2;
      case "iii", "3", "third" -> 3;
      default -> 4;
    };
    return YearMonth.of(year(m), n * 3).atEndOfMonth();
  }

  /** The last working day before the first day off of the year's Tết break (the next Tết when no year is written). */
  private LocalDate beforeTet(Matcher m, LocalDate issuedOn) {
    String y = group(m, "y");
    String cc = group(m, "cc");
    int year = y != null ? Integer.parseInt(y) : cc != null ? CAN_CHI.get(cc) : issuedOn.getYear();
    LocalDate start = tetStart(year);
    if (y == null && cc == null && start != null && start.isBefore(issuedOn)) {
      start = tetStart(year + 1);
    }
    if (start == null) {
      throw new IllegalStateException("no Tết in the holiday calendar of " + year);
    }
    LocalDate day = start.minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private LocalDate tetStart(int year) {
    return calendar.days(year).stream()
        .filter(h -> h.kind() == Holiday.Kind.HOLIDAY && Folded.fold(h.nameVi()).startsWith("tet nguyen dan"))
        .map(Holiday::date).findFirst().orElse(null);
  }
}

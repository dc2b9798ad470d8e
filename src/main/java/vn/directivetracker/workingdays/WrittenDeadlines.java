package vn.directivetracker.workingdays;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.workingdays.ResolvedDeadline.Form;

/**
 * Reads a deadline the way a Government notice writes it, in Vietnamese or English ("hoàn thành trong
 * quý I/2024", "before the Lunar New Year 2025", "khẩn trương"), and gives the day it means. The table of
 * forms is docs/deadlines.md; anything else is refused rather than guessed, because a wrong deadline
 * escalates the wrong unit.
 *
 * <p>Matching ignores case, diacritics and extra spaces ("Tet Giap Thin" is "Tết Giáp Thìn"), except that
 * "ngay" means "urgently" only without accents: "ngày" is "day".
 *
 * @param calendar the holiday calendar: Tết breaks and working days come from it
 * @param urgentWorkingDays how many working days after the issue date "urgently" gives
 */
@Component
public record WrittenDeadlines(
    WorkingDayCalendar calendar,
    @Value("${directive.deadlines.urgent-working-days:10}") int urgentWorkingDays) {

  /**
   * A deadline phrase found inside a longer sentence.
   *
   * @param deadline the day it means and the phrase as written
   * @param start the index of the phrase's first character in the sentence (NFC-normalised)
   * @param end the index after its last character
   */
  public record Found(ResolvedDeadline deadline, int start, int end) {}

  private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
      + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
  private static final String ORDINAL = "(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)";
  private static final String SEP = "\\s*[/.-]\\s*";
  /** Words that may stand before a deadline and add nothing to it ("to be completed", "thời hạn:"). */
  private static final String FILLER = "(?:(?:(?:to\\s+be\\s+|must\\s+be\\s+|and\\s+)?(?:completed?|finished|done)"
      + "|(?:phai\\s+|va\\s+)?hoan\\s+thanh|thoi\\s+han(?:\\s+hoan\\s+thanh)?|deadline)\\s*:?\\s*)";
  private static final String BEFORE = "(?:before|prior\\s+to|truoc(?:\\s+ngay)?)\\s+";
  /** Words that make the period itself the deadline: its last day. */
  private static final String WITHIN = "(?:(?:by|until|before|at|to)\\s+the\\s+end\\s+of|the\\s+end\\s+of|end\\s+of"
      + "|no\\s+later\\s+than|not\\s+later\\s+than|on\\s+or\\s+before|by|until|within|during|in|on"
      + "|(?:ngay\\s+)?trong(?:\\s+thoi\\s+gian)?|den\\s+(?:het|cuoi)|den(?:\\s+ngay)?"
      + "|cham\\s+nhat(?:\\s+(?:la|vao|trong|den))?(?:\\s+ngay)?|truoc\\s+(?:het\\s+)?cuoi|cuoi|vao(?:\\s+ngay)?"
      + "|het)\\s+";
  private static final String START = "(?<![\\p{Alnum}/.-])";
  private static final String END = "(?![\\p{Alnum}]|[/.-]\\d)";
  /** Group 1: "before"; group 2: a word that makes the period the deadline; the period's groups follow. */
  private static final String LEAD = START + FILLER + "?(?:(" + BEFORE + ")|(" + WITHIN + "))?";
  private static final int FIRST_PERIOD_GROUP = 3;

  private static final String[] CAN = {"giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy"};
  private static final String[][] CHI = {{"ty"}, {"suu"}, {"dan"}, {"mao", "meo"}, {"thin"}, {"ty"}, {"ngo"},
      {"mui"}, {"than"}, {"dau"}, {"tuat"}, {"hoi"}};

  private static final Pattern TET = Pattern.compile(START + FILLER + "?(?:before|prior\\s+to|truoc)\\s+(?:the\\s+)?"
      + "(?:(\\d{4})\\s+)?(?:lunar\\s+new\\s+year|tet)(?:\\s+nguyen\\s+dan)?"
      + "(?:\\s+(?:nam\\s+)?(" + String.join("|", CAN) + ")\\s+(ty|suu|dan|mao|meo|thin|ngo|mui|than|dau|tuat|hoi))?"
      + "(?:\\s+(?:nam\\s+|of\\s+)?(\\d{4}))?" + END);
  private static final Pattern URGENT = Pattern.compile(
      START + "(urgent(?:ly)?|immediately|khan\\s+truong|ngay(?:\\s+lap\\s+tuc)?)" + END);

  /** How one form's groups become a period. */
  @FunctionalInterface
  private interface Reader {
    Period read(Matcher m, int g, LocalDate issuedOn);
  }

  /** The days a written period covers. */
  private record Period(LocalDate first, LocalDate last, Form form) {
    static Period day(LocalDate day) {
      return new Period(day, day, Form.DAY);
    }
  }

  /** One form of the table; a bare form ("2024") counts inside a sentence only after "in", "by", "trước"... */
  private record Rule(Pattern pattern, boolean bareInSentence, Reader reader) {
    Rule(String period, boolean bareInSentence, Reader reader) {
      this(Pattern.compile(LEAD + period + END), bareInSentence, reader);
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule("(\\d{4})-(\\d{1,2})-(\\d{1,2})", true,
          (m, g, on) -> Period.day(day(m, g, g + 1, g + 2))),
      new Rule("(?:ngay\\s+)?(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})", true,
          (m, g, on) -> Period.day(day(m, g + 2, g + 1, g))),
      new Rule("ngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})", true,
          (m, g, on) -> Period.day(day(m, g + 2, g + 1, g))),
      new Rule("(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+)(\\d{4})", true,
          (m, g, on) -> Period.day(LocalDate.of(num(m, g + 2), month(m.group(g)), num(m, g + 1)))),
      new Rule("(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\.?,?\\s+(\\d{4})", true,
          (m, g, on) -> Period.day(LocalDate.of(num(m, g + 2), month(m.group(g + 1)), num(m, g)))),
      new Rule("(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\s*,?\\s*\\d)", true,
          (m, g, on) -> Period.day(next(on, month(m.group(g)), num(m, g + 1)))),
      new Rule("ngay\\s+(\\d{1,2})[/.-](\\d{1,2})(?![/.-]\\d)", true,
          (m, g, on) -> Period.day(next(on, num(m, g + 1), num(m, g)))),
      new Rule("(" + MONTHS + ")\\.?(?:\\s*,\\s*|\\s+of\\s+|\\s+)(\\d{4})", true,
          (m, g, on) -> month(YearMonth.of(num(m, g + 1), month(m.group(g))))),
      new Rule("(\\d{4})-(\\d{1,2})", true,
          (m, g, on) -> month(YearMonth.of(num(m, g), num(m, g + 1)))),
      new Rule("(\\d{1,2})" + SEP + "(\\d{4})", false,
          (m, g, on) -> month(YearMonth.of(num(m, g + 1), num(m, g)))),
      new Rule("thang\\s+(\\d{1,2})(?:" + SEP + "|\\s+nam\\s+)(\\d{4})", true,
          (m, g, on) -> month(YearMonth.of(num(m, g + 1), num(m, g)))),
      new Rule("q([1-4])(?:" + SEP + "|\\s+)(\\d{4})", true,
          (m, g, on) -> quarter(num(m, g + 1), num(m, g))),
      new Rule(ORDINAL + "\\s+quarter(?:\\s+of|\\s*,)?\\s+(\\d{4})", true,
          (m, g, on) -> quarter(num(m, g + 1), ordinal(m.group(g)))),
      new Rule("(?:the\\s+)?quarter\\s+(iv|i{1,3}|[1-4])(?:" + SEP + "|\\s+of\\s+|\\s+)(\\d{4})", true,
          (m, g, on) -> quarter(num(m, g + 1), roman(m.group(g)))),
      new Rule("quy\\s+(iv|i{1,3}|[1-4])(?:" + SEP + "|\\s+nam\\s+|\\s+)(\\d{4})", true,
          (m, g, on) -> quarter(num(m, g + 1), roman(m.group(g)))),
      new Rule(ORDINAL + "\\s+half(?:\\s+of|\\s*,)?(?:\\s+the\\s+year)?\\s+(\\d{4})", true,
          (m, g, on) -> half(num(m, g + 1), ordinal(m.group(g)) == 1)),
      new Rule("(?:(?:6|sau)\\s+thang|nua)\\s+(dau|cuoi)\\s+(?:cua\\s+)?nam\\s+(\\d{4})", true,
          (m, g, on) -> half(num(m, g + 1), "dau".equals(m.group(g)))),
      new Rule("(?:the\\s+)?(?:year\\s+|nam\\s+)?(\\d{4})", false,
          (m, g, on) -> new Period(LocalDate.of(num(m, g), 1, 1), LocalDate.of(num(m, g), 12, 31), Form.YEAR)));

  /**
   * The deadline a notice's words mean, for a notice issued on {@code issuedOn}.
   *
   * @param written the words, e.g. {@code "trong quý I/2024"}; null or blank means no deadline
   * @return the day and the words (trimmed), or empty for no deadline
   * @throws UnreadableDeadlineException when the words are no form of the table, name a day that does not
   *     exist, or need a holiday calendar that is not published; the message names the words
   */
  public Optional<ResolvedDeadline> resolve(String written, LocalDate issuedOn) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    String text = Normalizer.normalize(written, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    String core = text.replaceFirst("[.;,!]+$", "").strip();
    String folded = fold(core);
    for (Pattern pattern : allPatterns()) {
      Matcher m = pattern.matcher(folded);
      if (m.matches()) {
        return Optional.of(read(pattern, m, core, text, issuedOn));
      }
    }
    throw UnreadableDeadlineException.notUnderstood(text);
  }

  /**
   * The first deadline phrase in a sentence, preferring a dated one over "urgently": "… hoàn thành trong
   * quý I/2024." gives the last day of March 2024 and the span of "hoàn thành trong quý I/2024".
   *
   * @param sentence a clause of a notice
   * @return the phrase found, its day and where it is in {@code sentence} (NFC-normalised)
   * @throws UnreadableDeadlineException when a phrase has a deadline's form but no day can be given (31/2/2024,
   *     a Tết without calendar)
   */
  public Optional<Found> find(String sentence, LocalDate issuedOn) {
    List<Found> all = findAll(sentence, issuedOn);
    return all.stream().filter(f -> f.deadline().form() != Form.URGENT).findFirst()
        .or(() -> all.stream().findFirst());
  }

  /** Every deadline phrase in a sentence, in order; where phrases overlap, the longest. */
  public List<Found> findAll(String sentence, LocalDate issuedOn) {
    if (sentence == null || sentence.isBlank()) {
      return List.of();
    }
    String text = Normalizer.normalize(sentence, Normalizer.Form.NFC);
    String folded = fold(text);
    List<Found> candidates = new ArrayList<>();
    for (Pattern pattern : allPatterns()) {
      Matcher m = pattern.matcher(folded);
      int from = 0;
      while (from < folded.length() && m.find(from)) {
        from = m.start() + 1;
        if (counts(pattern, m, text)) {
          String phrase = text.substring(m.start(), m.end());
          candidates.add(new Found(read(pattern, m, text, phrase, issuedOn), m.start(), m.end()));
        }
      }
    }
    candidates.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()
        .thenComparingInt(Found::start));
    List<Found> chosen = new ArrayList<>();
    for (Found f : candidates) {
      if (chosen.stream().noneMatch(c -> f.start() < c.end() && c.start() < f.end())) {
        chosen.add(f);
      }
    }
    chosen.sort(Comparator.comparingInt(Found::start));
    return List.copyOf(chosen);
  }

  private static List<Pattern> allPatterns() {
    List<Pattern> patterns = new ArrayList<>(RULES.size() + 2);
    patterns.add(TET);
    RULES.forEach(r -> patterns.add(r.pattern()));
    patterns.add(URGENT);
    return patterns;
  }

  /** Whether a match inside a sentence is a deadline, not a bare figure or the word "ngày". */
  private static boolean counts(Pattern pattern, Matcher m, String original) {
    if (pattern == URGENT) {
      return !m.group(1).startsWith("ngay") || original.substring(m.start(1), m.start(1) + 4).equalsIgnoreCase("ngay");
    }
    if (pattern == TET) {
      return true;
    }
    Rule rule = RULES.stream().filter(r -> r.pattern() == pattern).findFirst().orElseThrow();
    return rule.bareInSentence() || m.group(1) != null || m.group(2) != null;
  }

  /** The deadline of a match in {@code source} (the text the folded text was made from). */
  private ResolvedDeadline read(Pattern pattern, Matcher m, String source, String asWritten, LocalDate issuedOn) {
    try {
      if (pattern == TET) {
        return new ResolvedDeadline(beforeTet(m, asWritten, issuedOn), asWritten, Form.BEFORE_TET);
      }
      if (pattern == URGENT) {
        if (!counts(pattern, m, source)) {
          throw UnreadableDeadlineException.notUnderstood(asWritten);
        }
        return new ResolvedDeadline(calendar.plusWorkingDays(issuedOn, urgentWorkingDays), asWritten, Form.URGENT);
      }
      Rule rule = RULES.stream().filter(r -> r.pattern() == pattern).findFirst().orElseThrow();
      Period period = rule.reader().read(m, FIRST_PERIOD_GROUP, issuedOn);
      if (m.group(1) != null) {
        return new ResolvedDeadline(period.first().minusDays(1), asWritten, Form.BEFORE);
      }
      return new ResolvedDeadline(period.last(), asWritten, period.form());
    } catch (DateTimeException e) {
      throw new UnreadableDeadlineException(asWritten, "thời hạn '" + asWritten + "' không phải là một ngày có thật"
          + " / deadline '" + asWritten + "' names no real day");
    } catch (UnknownHolidayYearException e) {
      throw new UnreadableDeadlineException(asWritten, "chưa có lịch nghỉ năm " + e.year() + " để tính thời hạn '"
          + asWritten + "' / deadline '" + asWritten + "' needs the holiday calendar of " + e.year()
          + ", which is not published (an administrator publishes it under /api/admin/holidays/" + e.year() + ")");
    }
  }

  /** The last working day before the first day of the Tết break the words name. */
  private LocalDate beforeTet(Matcher m, String asWritten, LocalDate issuedOn) {
    Integer year = m.group(1) != null ? Integer.valueOf(m.group(1)) : null;
    if (m.group(4) != null) {
      int after = Integer.parseInt(m.group(4));
      if (year != null && year != after) {
        throw UnreadableDeadlineException.notUnderstood(asWritten);
      }
      year = after;
    }
    if (m.group(2) != null) {
      int named = canChiYear(m.group(2), m.group(3), issuedOn.getYear());
      if (named < 0 || (year != null && year != named)) {
        throw new UnreadableDeadlineException(asWritten, "tên năm âm lịch trong '" + asWritten + "' không khớp"
            + " / the lunar year named in '" + asWritten + "' is no year"
            + (year == null ? "" : " or is not " + year));
      }
      year = named;
    }
    LocalDate start;
    if (year != null) {
      start = tetBreakStart(year, asWritten);
    } else {
      start = tetBreakStart(issuedOn.getYear(), asWritten);
      if (!start.isAfter(issuedOn)) {
        start = tetBreakStart(issuedOn.getYear() + 1, asWritten);
      }
    }
    LocalDate day = start.minusDays(1);
    while (!calendar.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private LocalDate tetBreakStart(int year, String asWritten) {
    return calendar.days(year).stream()
        .filter(h -> h.kind() == Holiday.Kind.HOLIDAY)
        .filter(h -> fold(h.nameVi()).contains("tet nguyen dan") || fold(h.nameEn()).contains("lunar new year"))
        .map(Holiday::date)
        .min(Comparator.naturalOrder())
        .orElseThrow(() -> new UnreadableDeadlineException(asWritten, "lịch nghỉ năm " + year
            + " không có kỳ nghỉ Tết Nguyên đán / the holiday calendar of " + year + " lists no Tết break, so '"
            + asWritten + "' has no day"));
  }

  /** The year named by a can-chi pair nearest after the issue year (the previous year included); -1 if none. */
  private static int canChiYear(String can, String chi, int issuedYear) {
    for (int year = issuedYear - 1; year < issuedYear + 59; year++) {
      int c = Math.floorMod(year - 4, 10);
      int z = Math.floorMod(year - 4, 12);
      if (CAN[c].equals(can) && List.of(CHI[z]).contains(chi)) {
        return year;
      }
    }
    return -1;
  }

  private static Period month(YearMonth month) {
    return new Period(month.atDay(1), month.atEndOfMonth(), Form.MONTH);
  }

  private static Period quarter(int year, int quarter) {
    YearMonth last = YearMonth.of(year, quarter * 3);
    return new Period(last.minusMonths(2).atDay(1), last.atEndOfMonth(), Form.QUARTER);
  }

  private static Period half(int year, boolean first) {
    return first
        ? new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30), Form.HALF_YEAR)
        : new Period(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31), Form.HALF_YEAR);
  }

  private static LocalDate day(Matcher m, int year, int month, int day) {
    return LocalDate.of(num(m, year), num(m, month), num(m, day));
  }

  /** The day of that month and day that comes first on or after the issue date. */
  private static LocalDate next(LocalDate issuedOn, int month, int day) {
    LocalDate thisYear = LocalDate.of(issuedOn.getYear(), month, day);
    return thisYear.isBefore(issuedOn) ? LocalDate.of(issuedOn.getYear() + 1, month, day) : thisYear;
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int month(String name) {
    return switch (name.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }

  private static int ordinal(String word) {
    return switch (word) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      default -> 4;
    };
  }

  private static int roman(String numeral) {
    return switch (numeral) {
      case "i", "1" -> 1;
      case "ii", "2" -> 2;
      case "iii", "3" -> 3;
      default -> 4;
    };
  }

  /**
   * Lower case without diacritics, one character for one, so that positions in the folded text are
   * positions in the original: "Tết Giáp Thìn" becomes "tet giap thin", "đ" becomes "d".
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'đ' || c == 'Đ') {
        folded.append('d');
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        folded.append(' ');
      } else if (c == '–' || c == '—' || c == '‑') {
        folded.append('-');
      } else {
        folded.append(Character.toLowerCase(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0)));
      }
    }
    return folded.toString();
  }
}

package vn.directivetracker.workingdays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Working days in Vietnam's public administration: Monday to Friday, less the public holidays and
 * the days off the Government announces each year, plus the weekend days it declares working days.
 *
 * <p>The days come from one file per year, {@code YYYY.csv} (format in {@link HolidayCsv}): first
 * the files packaged under {@code classpath:holidays/}, then, year by year, the files in the
 * external directory {@value #DIR_PROPERTY} (default {@value #DEFAULT_DIR}), which replace a
 * packaged year entirely. A missing external directory is fine. {@link #reload()} reads everything
 * again, so an administrator can publish a new year without a release.
 *
 * <p>Every question about a year with no file fails with {@link UnknownHolidayYearException} rather
 * than guessing, except that a Saturday or Sunday of such a year is still not a working day.
 *
 * <p>Thread-safe: each question reads one immutable snapshot; a reload swaps the snapshot whole.
 */
@Component
public class WorkingDayCalendar {

  public static final String DIR_PROPERTY = "directive.holidays.dir";
  public static final String DEFAULT_DIR = "./config/holidays";
  static final String CLASSPATH_PATTERN = "classpath*:holidays/*.csv";
  private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.csv");
  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Path externalDir;
  private volatile Map<Integer, YearCalendar> years = Map.of();

  /** One year's days and where they were read from. */
  private record YearCalendar(int year, Map<LocalDate, Holiday> days, String source) {}

  @Autowired
  public WorkingDayCalendar(@Value("${" + DIR_PROPERTY + ":" + DEFAULT_DIR + "}") String externalDir) {
    this(Path.of(externalDir));
  }

  /**
   * Loads the packaged years and the overrides in {@code externalDir}.
   *
   * @throws IllegalStateException when a calendar file is invalid (every bad line is listed)
   */
  public WorkingDayCalendar(Path externalDir) {
    this.externalDir = Objects.requireNonNull(externalDir, "externalDir").toAbsolutePath().normalize();
    reload();
  }

  /** The directory whose {@code YYYY.csv} files override the packaged ones. */
  public Path externalDir() {
    return externalDir;
  }

  /**
   * Reads the packaged and external files again and switches to them at once. When any file is
   * invalid nothing changes and the exception lists every bad line.
   *
   * @throws IllegalStateException when a calendar file is invalid or cannot be read
   */
  public synchronized void reload() {
    Map<Integer, YearCalendar> loaded = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Resource resource : packagedFiles()) {
      Integer year = yearOf(resource.getFilename());
      if (year == null) {
        continue;
      }
      String source = "classpath:holidays/" + resource.getFilename();
      if (loaded.containsKey(year)) {
        problems.add(source + ": year " + year + " is packaged twice (" + describe(resource) + ")");
        continue;
      }
      try (InputStream in = resource.getInputStream()) {
        load(year, in.readAllBytes(), source, loaded, problems);
      } catch (IOException e) {
        problems.add(source + ": cannot read: " + e.getMessage());
      }
    }
    for (Path file : externalFiles()) {
      int year = yearOf(file.getFileName().toString());
      try {
        load(year, Files.readAllBytes(file), file.toString(), loaded, problems);
      } catch (IOException e) {
        problems.add(file + ": cannot read: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Invalid holiday calendar, nothing was changed:\n  " + String.join("\n  ", problems));
    }
    this.years = Collections.unmodifiableMap(new LinkedHashMap<>(loaded));
    log.info("Holiday calendars loaded: {}", loaded.values().stream()
        .map(y -> y.year() + " (" + y.days().size() + " days, " + y.source() + ")")
        .collect(Collectors.joining(", ")));
  }

  /** Whether {@code date} is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    return isWorkingDay(years, Objects.requireNonNull(date, "date"));
  }

  /**
   * The {@code n}-th working day after {@code start}; {@code start} itself is not counted, so
   * {@code n == 0} gives {@code start} back.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   * @throws UnknownHolidayYearException when the count runs into a year with no calendar
   */
  public LocalDate plusWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    Map<Integer, YearCalendar> snapshot = years;
    LocalDate day = start;
    for (int counted = 0; counted < n; ) {
      day = day.plusDays(1);
      if (isWorkingDay(snapshot, day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * The number of working days after {@code fromExclusive} up to and including {@code
   * toInclusive}; 0 when {@code toInclusive} is not after {@code fromExclusive}. For example the
   * working days a task is overdue: {@code workingDaysBetween(deadline, today)}.
   *
   * @throws UnknownHolidayYearException when the range reaches a year with no calendar
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    Objects.requireNonNull(fromExclusive, "fromExclusive");
    Objects.requireNonNull(toInclusive, "toInclusive");
    Map<Integer, YearCalendar> snapshot = years;
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(snapshot, d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The calendar line for {@code date}, if the date is listed: a day off ({@link
   * Holiday.Kind#HOLIDAY}) or a weekend day declared a working day ({@link
   * Holiday.Kind#WORKING_DAY}).
   *
   * @throws UnknownHolidayYearException when the year has no calendar
   */
  public Optional<Holiday> holiday(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return Optional.ofNullable(year(years, date.getYear(), date).days().get(date));
  }

  /** The years that have a calendar, in order. */
  public Set<Integer> knownYears() {
    return Collections.unmodifiableSet(new TreeSet<>(years.keySet()));
  }

  /**
   * Every listed day of {@code year}, in date order.
   *
   * @throws UnknownHolidayYearException when the year has no calendar
   */
  public List<Holiday> days(int year) {
    return List.copyOf(year(years, year, null).days().values());
  }

  private static boolean isWorkingDay(Map<Integer, YearCalendar> snapshot, LocalDate date) {
    boolean weekend = HolidayCsv.isWeekend(date);
    YearCalendar year = snapshot.get(date.getYear());
    if (year == null) {
      if (weekend) {
        return false;
      }
      throw new UnknownHolidayYearException(date, date.getYear(), new TreeSet<>(snapshot.keySet()));
    }
    Holiday listed = year.days().get(date);
    if (listed != null) {
      return listed.kind() == Holiday.Kind.WORKING_DAY;
    }
    return !weekend;
  }

  private static YearCalendar year(Map<Integer, YearCalendar> snapshot, int year, LocalDate date) {
    YearCalendar found = snapshot.get(year);
    if (found == null) {
      throw new UnknownHolidayYearException(date, year, new TreeSet<>(snapshot.keySet()));
    }
    return found;
  }

  private static void load(int year, byte[] bytes, String source,
      Map<Integer, YearCalendar> into, List<String> problems) {
    String text;
    try {
      text = HolidayCsv.decode(bytes, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      problems.add(source + ": not valid UTF-8");
      return;
    }
    HolidayCsv.Parsed parsed = HolidayCsv.parse(year, text);
    if (!parsed.ok()) {
      parsed.errors().forEach(e -> problems.add(source + ": " + e));
      return;
    }
    Map<LocalDate, Holiday> days = new TreeMap<>();
    parsed.days().forEach(d -> days.put(d.date(), d));
    into.put(year, new YearCalendar(year, Collections.unmodifiableMap(days), source));
  }

  private static Resource[] packagedFiles() {
    try {
      return new PathMatchingResourcePatternResolver(WorkingDayCalendar.class.getClassLoader())
          .getResources(CLASSPATH_PATTERN);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + CLASSPATH_PATTERN, e);
    }
  }

  private List<Path> externalFiles() {
    if (!Files.isDirectory(externalDir)) {
      if (Files.exists(externalDir)) {
        log.warn("{} = {} is not a directory; no holiday overrides read", DIR_PROPERTY, externalDir);
      }
      return List.of();
    }
    try (Stream<Path> files = Files.list(externalDir)) {
      return files
          .filter(p -> yearOf(p.getFileName().toString()) != null && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + externalDir, e);
    }
  }

  private static Integer yearOf(String fileName) {
    if (fileName == null) {
      return null;
    }
    Matcher m = FILE_NAME.matcher(fileName);
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  private static String describe(Resource resource) {
    try {
      return resource.getURL().toString();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }
}

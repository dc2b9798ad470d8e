package vn.directivetracker.workingdays;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain unit tests on the packaged calendar files; no Spring context. */
class WorkingDayCalendarTest {

  private static WorkingDayCalendar calendar;

  @BeforeAll
  static void load(@TempDir Path empty) {
    calendar = new WorkingDayCalendar(empty.resolve("no-such-dir"));
  }

  private static void assertBreak(LocalDate firstOff, LocalDate lastOff) {
    assertThat(calendar.isWorkingDay(firstOff.minusDays(1))).as("day before %s", firstOff).isTrue();
    for (LocalDate d = firstOff; !d.isAfter(lastOff); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as("%s is off", d).isFalse();
    }
    assertThat(calendar.isWorkingDay(lastOff.plusDays(1))).as("day after %s", lastOff).isTrue();
  }

  @Test
  void packagedYearsAreLoaded() {
    assertThat(calendar.knownYears()).containsExactly(2024, 2025, 2026, 2027);
  }

  @Test
  void weekendsAreNotWorkingDaysAndOrdinaryWeekdaysAre() {
    assertThat(calendar.isWorkingDay(of(2025, 3, 8))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(of(2025, 3, 9))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(of(2025, 3, 10))).isTrue(); // Monday
    assertThat(calendar.isWorkingDay(of(2025, 3, 14))).isTrue(); // Friday
    assertThat(calendar.holiday(of(2025, 3, 10))).isEmpty();
  }

  @Test
  void newYearsDay() {
    assertThat(calendar.isWorkingDay(of(2024, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(of(2025, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(of(2025, 1, 2))).isTrue();
    assertThat(calendar.holiday(of(2025, 1, 1))).get()
        .extracting(Holiday::nameVi, Holiday::kind)
        .containsExactly("Tết Dương lịch", Holiday.Kind.HOLIDAY);
    // 2026: Fri 2 Jan swapped with Sat 10 Jan
    assertBreak(of(2026, 1, 1), of(2026, 1, 4));
    assertThat(calendar.isWorkingDay(of(2026, 1, 10))).isTrue();
  }

  @Test
  void tetBreak2024IsThursday8ToWednesday14February() {
    assertBreak(of(2024, 2, 8), of(2024, 2, 14));
  }

  @Test
  void tetBreak2025IsSaturday25JanuaryToSunday2February() {
    assertBreak(of(2025, 1, 25), of(2025, 2, 2));
    assertThat(calendar.holiday(of(2025, 1, 29))).get()
        .extracting(Holiday::nameEn).isEqualTo("Lunar New Year (Tet) - first day");
  }

  @Test
  void tetBreak2026IsSaturday14ToSunday22February() {
    assertBreak(of(2026, 2, 14), of(2026, 2, 22));
    assertThat(calendar.holiday(of(2026, 2, 17))).get()
        .extracting(Holiday::nameVi).isEqualTo("Tết Nguyên đán (mùng 1)");
  }

  @Test
  void tetBreak2027IsProvisionallyThursday4ToWednesday10February() {
    assertBreak(of(2027, 2, 4), of(2027, 2, 10));
  }

  @Test
  void tenWorkingDaysFrom20January2025LandAfterTheTetBreak() {
    // Mon 20 Jan + 10: 21,22,23,24 Jan (4); Sat 25 Jan - Sun 2 Feb off; 3,4,5,6,7 Feb (9);
    // Sat 8, Sun 9 Feb; Mon 10 Feb (10).
    assertThat(calendar.plusWorkingDays(of(2025, 1, 20), 10)).isEqualTo(of(2025, 2, 10));
    assertThat(calendar.plusWorkingDays(of(2025, 1, 20), 4)).isEqualTo(of(2025, 1, 24));
    assertThat(calendar.plusWorkingDays(of(2025, 1, 20), 5)).isEqualTo(of(2025, 2, 3));
  }

  @Test
  void fiveWorkingDaysFrom10February2026LandAfterTheTetBreak() {
    // Tue 10 Feb + 5: 11,12,13 Feb (3); Sat 14 - Sun 22 Feb off; Mon 23 (4), Tue 24 (5).
    assertThat(calendar.plusWorkingDays(of(2026, 2, 10), 5)).isEqualTo(of(2026, 2, 24));
    // Starting inside the break counts from the first day back.
    assertThat(calendar.plusWorkingDays(of(2026, 2, 17), 1)).isEqualTo(of(2026, 2, 23));
  }

  @Test
  void plusZeroWorkingDaysIsTheStartAndNegativeIsRejected() {
    assertThat(calendar.plusWorkingDays(of(2025, 1, 29), 0)).isEqualTo(of(2025, 1, 29));
    assertThatThrownBy(() -> calendar.plusWorkingDays(of(2025, 1, 20), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hungKingsDay() {
    assertThat(calendar.isWorkingDay(of(2024, 4, 18))).isFalse(); // Thursday
    assertThat(calendar.isWorkingDay(of(2025, 4, 7))).isFalse(); // Monday
    assertThat(calendar.isWorkingDay(of(2027, 4, 16))).isFalse(); // Friday
    // 2026: 10/3 lunar is Sunday 26 April, given back on Monday 27 April
    assertThat(calendar.holiday(of(2026, 4, 26))).get()
        .extracting(Holiday::nameEn).isEqualTo("Hung Kings' Commemoration Day");
    assertThat(calendar.isWorkingDay(of(2026, 4, 27))).isFalse();
    assertThat(calendar.isWorkingDay(of(2026, 4, 28))).isTrue();
    // Thu 9 Apr 2026 + 15 working days skips Mon 27 Apr: 10,13-17,20-24 (11), 28,29 (13),
    // Thu 30 Apr and Fri 1 May off, 4,5 May (15).
    assertThat(calendar.plusWorkingDays(of(2026, 4, 9), 15)).isEqualTo(of(2026, 5, 5));
  }

  @Test
  void compensatorySaturdayIsAWorkingDay() {
    LocalDate sat = of(2025, 4, 26); // worked instead of Fri 2 May 2025
    assertThat(sat.getDayOfWeek()).hasToString("SATURDAY");
    assertThat(calendar.isWorkingDay(sat)).isTrue();
    assertThat(calendar.holiday(sat)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.WORKING_DAY);
    assertThat(calendar.isWorkingDay(of(2025, 5, 2))).isFalse();
    assertThat(calendar.plusWorkingDays(of(2025, 4, 25), 1)).isEqualTo(sat);
    assertThat(calendar.isWorkingDay(of(2024, 5, 4))).isTrue(); // for Mon 29 Apr 2024
    assertThat(calendar.isWorkingDay(of(2024, 4, 29))).isFalse();
    assertThat(calendar.isWorkingDay(of(2026, 8, 22))).isTrue(); // for Mon 31 Aug 2026
    assertThat(calendar.isWorkingDay(of(2026, 8, 31))).isFalse();
  }

  @Test
  void nationalDay() {
    assertBreak(of(2024, 8, 31), of(2024, 9, 3));
    assertBreak(of(2025, 8, 30), of(2025, 9, 2));
    assertBreak(of(2026, 8, 29), of(2026, 9, 2));
  }

  @Test
  void workingDaysBetween() {
    // January 2025: 23 weekdays less 1 Jan and 27-31 Jan.
    assertThat(calendar.workingDaysBetween(of(2024, 12, 31), of(2025, 1, 31))).isEqualTo(17);
    assertThat(calendar.plusWorkingDays(of(2024, 12, 31), 17)).isEqualTo(of(2025, 1, 24));
    // Fri 25 Apr 2025 -> Mon 5 May: Sat 26 (worked), 28, 29 Apr, 5 May; 30 Apr - 4 May off.
    assertThat(calendar.workingDaysBetween(of(2025, 4, 25), of(2025, 5, 5))).isEqualTo(4);
    // start excluded, end included
    assertThat(calendar.workingDaysBetween(of(2025, 3, 10), of(2025, 3, 11))).isEqualTo(1);
    // empty and reversed ranges
    assertThat(calendar.workingDaysBetween(of(2025, 3, 10), of(2025, 3, 10))).isZero();
    assertThat(calendar.workingDaysBetween(of(2025, 3, 10), of(2025, 3, 3))).isZero();
    // across years
    assertThat(calendar.workingDaysBetween(of(2024, 12, 27), of(2025, 1, 3))).isEqualTo(4);
  }

  @Test
  void plusAndBetweenAgree() {
    LocalDate start = of(2024, 1, 1);
    for (int n = 0; n <= 700; n += 7) {
      LocalDate end = calendar.plusWorkingDays(start, n);
      assertThat(calendar.workingDaysBetween(start, end)).as("n=%d", n).isEqualTo(n);
      assertThat(calendar.isWorkingDay(end) || n == 0).isTrue();
    }
  }

  @Test
  void missingYearFailsLoudlyButWeekendsStayWeekends() {
    assertThatThrownBy(() -> calendar.isWorkingDay(of(2028, 3, 1)))
        .isInstanceOf(UnknownHolidayYearException.class)
        .hasMessageContaining("No holiday calendar for year 2028")
        .hasMessageContaining("2028-03-01");
    assertThatThrownBy(() -> calendar.isWorkingDay(of(2023, 12, 29)))
        .isInstanceOf(UnknownHolidayYearException.class);
    assertThat(calendar.isWorkingDay(of(2028, 3, 4))).isFalse(); // Saturday
    // a deadline running past the last known year is refused, not guessed
    assertThatThrownBy(() -> calendar.plusWorkingDays(of(2027, 12, 20), 10))
        .isInstanceOf(UnknownHolidayYearException.class)
        .satisfies(e -> assertThat(((UnknownHolidayYearException) e).year()).isEqualTo(2028));
    assertThatThrownBy(() -> calendar.workingDaysBetween(of(2027, 12, 1), of(2028, 1, 10)))
        .isInstanceOf(UnknownHolidayYearException.class);
    assertThatThrownBy(() -> calendar.holiday(of(2030, 1, 1)))
        .isInstanceOf(UnknownHolidayYearException.class);
    assertThatThrownBy(() -> calendar.days(2030)).isInstanceOf(UnknownHolidayYearException.class);
  }

  @Test
  void externalFileOverridesThePackagedYearAndAddsNewYears(@TempDir Path dir) throws IOException {
    write(dir, "2025.csv", """
        # test override
        date,name_vi,name_en,kind
        2025-01-01,Tết Dương lịch,New Year's Day,HOLIDAY
        2025-03-03,Ngày thử,Test day,HOLIDAY
        """);
    write(dir, "2030.csv", "date,name_vi,name_en,kind\n2030-01-01,Tết Dương lịch,New Year's Day,HOLIDAY\n");
    write(dir, "notes.txt", "ignored");
    WorkingDayCalendar overridden = new WorkingDayCalendar(dir);

    assertThat(overridden.knownYears()).containsExactly(2024, 2025, 2026, 2027, 2030);
    assertThat(overridden.isWorkingDay(of(2025, 3, 3))).isFalse();
    // the override replaces the whole year: the packaged Tet days are gone
    assertThat(overridden.isWorkingDay(of(2025, 1, 29))).isTrue();
    assertThat(overridden.days(2025)).hasSize(2);
    // other years are still the packaged ones
    assertThat(overridden.isWorkingDay(of(2026, 2, 17))).isFalse();
    assertThat(overridden.isWorkingDay(of(2030, 1, 2))).isTrue();
  }

  @Test
  void reloadPicksUpANewFileAndKeepsTheOldCalendarWhenAFileIsBad(@TempDir Path dir) throws IOException {
    WorkingDayCalendar cal = new WorkingDayCalendar(dir);
    assertThat(cal.knownYears()).doesNotContain(2028);

    write(dir, "2028.csv", "date,name_vi,name_en,kind\n2028-01-03,Ngày thử,Test day,HOLIDAY\n");
    cal.reload();
    assertThat(cal.knownYears()).contains(2028);
    assertThat(cal.isWorkingDay(of(2028, 1, 3))).isFalse();

    write(dir, "2028.csv", "date,name_vi,name_en,kind\n2028-13-03,Ngày thử,Test day,HOLIDAY\n");
    assertThatThrownBy(cal::reload)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2028.csv")
        .hasMessageContaining("line 2");
    assertThat(cal.isWorkingDay(of(2028, 1, 3))).as("old snapshot kept").isFalse();
  }

  @Test
  void anInvalidExternalFileFailsAtStartup(@TempDir Path dir) throws IOException {
    write(dir, "2026.csv", "date,name_vi,name_en,kind\n2026-01-01,Tết,New Year,HOLIDAYS\n");
    assertThatThrownBy(() -> new WorkingDayCalendar(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown kind 'HOLIDAYS'");
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}

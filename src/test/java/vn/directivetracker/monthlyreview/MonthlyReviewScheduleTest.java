package vn.directivetracker.monthlyreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.directivetracker.workingdays.WorkingDayCalendar;

/** The first working day of a month, from the packaged holiday calendars (no Spring). */
class MonthlyReviewScheduleTest {

  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Path.of("target/no-holiday-overrides"));

  @ParameterizedTest
  @CsvSource({
      "2024-04, 2024-04-01",  // a Monday
      "2024-05, 2024-05-02",  // after the 30/4 - 1/5 break
      "2024-06, 2024-06-03",  // the 1st is a Saturday
      "2025-01, 2025-01-02",  // New Year's Day
      "2025-02, 2025-02-03",  // the Tet break ends on Sunday 2 February
      "2024-09, 2024-09-04"}) // National Day: 2 and 3 September
  void theFirstWorkingDayOfAMonthFollowsTheHolidayCalendar(String month, String expected) {
    assertThat(MonthlyReviewSchedule.firstWorkingDay(CALENDAR, YearMonth.parse(month)))
        .isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({"'', 0", "P06WG, 1", "'HAIPHONGWG,P06WG', 2"})
  void theIssuersOfARunAreKeptAsTextAndIteratedAsAList(String csv, int size) {
    assertThat(new MonthlyReviewSchedule(CALENDAR, null, null).issuers(csv)).hasSize(size);
  }
}

package vn.directivetracker.workingdays;

import java.time.LocalDate;
import java.util.Set;

/**
 * Thrown when a working-day question needs a year for which no holiday calendar is loaded. A
 * deadline computed as if such a year had no holidays would be silently wrong, so the calendar
 * refuses instead.
 */
public class UnknownHolidayYearException extends IllegalStateException {

  private final int year;

  UnknownHolidayYearException(LocalDate date, int year, Set<Integer> knownYears) {
    super("No holiday calendar for year " + year
        + (date == null ? "" : " (asked about " + date + ")")
        + "; known years: " + knownYears
        + ". An administrator must publish " + year + ".csv (PUT /api/admin/holidays/" + year
        + ") before working days in " + year + " can be computed.");
    this.year = year;
  }

  /** The year that has no calendar. */
  public int year() {
    return year;
  }
}

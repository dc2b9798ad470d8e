package vn.directivetracker.workingdays;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline as a notice wrote it and the day it means.
 *
 * @param date the last day the task may be completed on
 * @param asWritten the words as the notice wrote them (trimmed)
 * @param form which row of the table in docs/deadlines.md read them
 */
public record ResolvedDeadline(LocalDate date, String asWritten, Form form) {

  /** The rows of the table in docs/deadlines.md. */
  public enum Form {
    /** A day: {@code 20/9/2024}, {@code September 20, 2024}. */
    DAY,
    /** A month: {@code tháng 9/2024}; its last day. */
    MONTH,
    /** A quarter: {@code quý I/2024}; its last day. */
    QUARTER,
    /** A half year: {@code 6 tháng đầu năm 2024}; its last day. */
    HALF_YEAR,
    /** A year: {@code năm 2024}; 31 December. */
    YEAR,
    /** "before" one of the above: the day before it starts. */
    BEFORE,
    /** Before the Lunar New Year: the last working day before the Tết break. */
    BEFORE_TET,
    /** "urgently": a number of working days after the issue date. */
    URGENT
  }

  public ResolvedDeadline {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(asWritten, "asWritten");
    Objects.requireNonNull(form, "form");
  }

  /** Whether the words say more than the date does, so a reader should see both. */
  public boolean differsFromDate() {
    return !asWritten.equals(date.toString());
  }
}

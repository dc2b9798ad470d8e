package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads what a unit or reviewer submitted, whichever way the form typed it. */
final class ReportVariables {

  static final String RESULT = "reportResult";
  static final String COMPLETION_DATE = "completionDate";
  static final String ACCEPTED = "reportAccepted";
  static final String COMMENT = "reviewComment";
  static final String CONTRIBUTION = "contribution";
  static final String PROGRESS_PERCENT = "progressPercent";
  static final String PROGRESS_TEXT = "progressText";
  /** The value a report says a task with a target has reached (shared.TaskTarget). */
  static final String VALUE_REACHED = "valueReached";
  /** The largest value a report may give, as dt_report.value_reached holds it. */
  private static final java.math.BigDecimal MAX_VALUE = new java.math.BigDecimal("1e15");
  /** The evidence files a report may carry (embedded form file fields). */
  static final java.util.List<String> EVIDENCE = java.util.List.of("evidence1", "evidence2", "evidence3");

  private ReportVariables() {
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString().strip();
  }

  /** A date variable: a Date (Tasklist date field) or text yyyy-MM-dd; null when absent or unreadable. */
  static LocalDate date(VariableScope scope, String name, ZoneId zone) {
    Object value = scope.getVariable(name);
    if (value instanceof Date d) {
      return LocalDate.ofInstant(d.toInstant(), zone);
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return LocalDate.parse(s.strip().length() > 10 ? s.strip().substring(0, 10) : s.strip());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * A value reached: a number (Double or Long from the form) or its text, with at most four decimals and below
   * 10^15 either way; null when absent or not such a number.
   */
  static java.math.BigDecimal number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    java.math.BigDecimal number;
    try {
      if (value instanceof Double d) {
        number = Double.isFinite(d) ? java.math.BigDecimal.valueOf(d) : null;
      } else if (value instanceof Number n) {
        number = new java.math.BigDecimal(n.toString());
      } else if (value instanceof String s && !s.isBlank()) {
        number = new java.math.BigDecimal(s.strip());
      } else {
        number = null;
      }
    } catch (NumberFormatException e) {
      number = null;
    }
    if (number == null || number.abs().compareTo(MAX_VALUE) >= 0 || number.stripTrailingZeros().scale() > 4) {
      return null;
    }
    return number;
  }

  /** A percentage: a number (Long from the form) or its text; null when absent or not a whole number. */
  static Integer percent(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number n) {
      // A whole number within int's range: a Long of 4294967346 is not 50 (intValue would wrap it).
      double d = n.doubleValue();
      return d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (int) d : null;
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return Integer.valueOf(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}

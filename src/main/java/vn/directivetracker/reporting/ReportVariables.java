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
}

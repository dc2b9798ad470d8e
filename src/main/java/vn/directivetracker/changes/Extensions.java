package vn.directivetracker.changes;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Small helpers shared by the extension steps. */
final class Extensions {

  static final String APPROVED = "extensionApproved";
  static final String COMMENT = "extensionComment";
  static final String DECIDED_BY = "extensionDecidedBy";
  static final int MAX_COMMENT = 2000;

  private Extensions() {
  }

  static String date(LocalDate date) {
    return date == null ? "—" : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  static String comment(org.camunda.bpm.engine.delegate.VariableScope scope) {
    Object value = scope.getVariable(COMMENT);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}

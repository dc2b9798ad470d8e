package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.UnitsAsWritten;

/**
 * What the Tasklist forms show that dt_task does not hold as such: unit names resolved from the registry,
 * and the contributions and the reviewer's earlier comments, appended to process variables as they arrive
 * (only tasks that have them carry them). A Camunda String variable holds at most 4000 characters, so long
 * texts are cut with an ellipsis; the full texts stay in dt_report. The task's own facts come to the forms
 * from forms.FormFactsController.
 */
@Component
public record FormContext(UnitRegistry registry, UnitsAsWritten unitsAsWritten) {

  static final int MAX_VARIABLE = 3900;
  static final int MAX_ENTRY = 800;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String CONTRIBUTIONS = "contributionsSummary";
  static final String RETURNS = "returnHistory";

  /**
   * What the contribution form (a Camunda Form, which can show only variables) shows beyond the process's
   * reference, taskKey and taskTitle: set as local variables of each contribution task when it is created, so
   * only tasks with coordinating units carry them. The other forms read the facts from
   * GET /forms-api/tasks/{taskId}/facts (forms.FormFactsController).
   */
  public Map<String, Object> contributionVariables(TaskRecord task) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("issuerName", name(task.issuer()));
    vars.put("leadUnitName", registry.nameAsWritten(task.leadUnit(),
        unitsAsWritten.ofTask(task.id()).map(UnitsAsWritten.Written::leadUnit).orElse(null)));
    vars.put("expectedResult", cut(task.expectedResult(), MAX_VARIABLE));
    return vars;
  }

  /** "Bộ Y tế (MOH)", or the code itself for a unit no longer in the registry. */
  public String name(String code) {
    return registry.labelOf(code);
  }

  void addContribution(VariableScope scope, String unit, LocalDate day, String text) {
    append(scope, CONTRIBUTIONS, "• " + name(unit) + ", " + DAY.format(day) + ": " + cut(text, MAX_ENTRY));
  }

  void addReturn(VariableScope scope, String reviewer, LocalDate day, String comment) {
    append(scope, RETURNS, "• " + DAY.format(day) + " (" + reviewer + "): " + cut(comment, MAX_ENTRY));
  }

  /** Newest entries are kept when the history outgrows the variable: they matter most to the form. */
  private static void append(VariableScope scope, String name, String entry) {
    Object old = scope.getVariable(name);
    String text = old == null || old.toString().isEmpty() ? entry : old + "\n" + entry;
    if (text.length() > MAX_VARIABLE) {
      text = "…" + text.substring(text.length() - MAX_VARIABLE + 1);
    }
    scope.setVariable(name, text);
  }

  static String cut(String text, int max) {
    if (text == null) {
      return null;
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}

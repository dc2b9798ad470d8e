package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.TaskRecord;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;

/**
 * What the Tasklist forms show beyond the task's own fields, kept as process variables: the forms run in
 * the Tasklist session, which can read the task's variables (Camunda checks the caller may see the task)
 * but cannot call /api (HTTP basic). So names are resolved here, once, and the contributions and the
 * reviewer's earlier comments are appended as they arrive. A Camunda String variable holds at most 4000
 * characters, so long texts are cut with an ellipsis; the full texts stay in dt_report.
 */
@Component("formContext")
public class FormContext {

  static final int MAX_VARIABLE = 3900;
  static final int MAX_ENTRY = 800;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String CONTRIBUTIONS = "contributionsSummary";
  static final String RETURNS = "returnHistory";

  private final UnitRegistry registry;

  FormContext(UnitRegistry registry) {
    this.registry = registry;
  }

  /** Variables set when the task process loads its task. */
  public Map<String, Object> variables(TaskRecord task) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("issuerName", name(task.issuer()));
    vars.put("taskDescription", cut(task.description(), MAX_VARIABLE));
    vars.put("expectedResult", cut(task.expectedResult(), MAX_VARIABLE));
    vars.put("coordinatingUnitNames", cut(names(task.coordinatingUnits()), MAX_VARIABLE));
    // contributionsSummary and returnHistory are set when the first contribution or return arrives; the
    // forms show "none yet" while they are absent.
    return vars;
  }

  /** "Bộ Y tế (MOH)", or the code itself for a unit no longer in the registry. */
  public String name(String code) {
    return code == null ? null : registry.find(code).map(Unit::nameVi).map(n -> n + " (" + code + ")").orElse(code);
  }

  String names(List<String> codes) {
    return String.join("; ", codes.stream().map(this::name).toList());
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

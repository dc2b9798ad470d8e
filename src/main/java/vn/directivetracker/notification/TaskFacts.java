package vn.directivetracker.notification;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.UnitsAsWritten;

/** The facts every task notice shows: the directive, the task, its lead unit, deadline and Tasklist link. */
@Component
public class TaskFacts {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final UnitRegistry registry;
  private final String baseUrl;
  private final UnitsAsWritten unitsAsWritten;

  TaskFacts(UnitRegistry registry, @Value("${directive.base-url:http://localhost:8080}") String baseUrl,
      UnitsAsWritten unitsAsWritten) {
    this.registry = registry;
    this.unitsAsWritten = unitsAsWritten;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Facts of the task; {@code camundaTaskId} names the Tasklist task to link to, or null for the inbox. */
  public Map<String, String> of(TaskRecord task, String camundaTaskId) {
    Map<String, String> facts = new HashMap<>();
    facts.put("reference", task.reference());
    facts.put("issuer", name(task.issuer()));
    facts.put("taskKey", task.key());
    facts.put("taskTitle", task.title());
    facts.put("deadline", task.deadline() == null ? "—" : DATE.format(task.deadline()));
    String written = unitsAsWritten.ofTask(task.id()).map(UnitsAsWritten.Written::leadUnit).orElse(null);
    facts.put("unit", task.leadUnit() == null ? "" : registry.nameAsWritten(task.leadUnit(), written));
    facts.put("expectedResult", task.expectedResult() == null ? "—" : task.expectedResult());
    facts.put("link", tasklistLink() + (camundaTaskId == null ? "" : "#/?task=" + camundaTaskId));
    return facts;
  }

  /** Tasklist's inbox, for a mail about several tasks. */
  String tasklistLink() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  public String name(String unitCode) {
    return registry.nameOf(unitCode);
  }
}

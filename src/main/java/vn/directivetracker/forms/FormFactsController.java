package vn.directivetracker.forms;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.security.WebappSessions;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.TaskTargets;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.web.ApiException;

/**
 * What Tasklist's forms show about the directive task behind a user task: the notice, the task's title,
 * description, expected result and deadline, who leads and who coordinates, read from dt_task when the form
 * opens. These facts used to be copied into a dozen process variables of every task instance, each written,
 * read back by every later step and rewritten at the end, cut at 4,000 characters and kept up to date by
 * every amendment; now they have one home and the forms show the full texts.
 *
 * <p>The forms run inside Tasklist, which holds a Camunda webapp session, not the HTTP basic credentials of
 * /api: so this endpoint (outside /api and /engine-rest) accepts the caller of that session and answers only
 * for a task the caller may see, by the same authorization check Tasklist's own task query makes. It only
 * reads, so it needs no CSRF token (a cross-site page cannot read the answer).
 */
@RestController
class FormFactsController {

  private final ProcessEngine engine;
  private final DirectiveTasks tasks;
  private final UnitRegistry registry;
  private final WebappSessions sessions;
  private final TaskTargets targets;
  private final UnitsAsWritten unitsAsWritten;

  FormFactsController(ProcessEngine engine, DirectiveTasks tasks, UnitRegistry registry, WebappSessions sessions,
      TaskTargets targets, UnitsAsWritten unitsAsWritten) {
    this.unitsAsWritten = unitsAsWritten;
    this.engine = engine;
    this.targets = targets;
    this.tasks = tasks;
    this.registry = registry;
    this.sessions = sessions;
  }

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/forms-api/tasks/{taskId}/facts")
  ResponseEntity<Map<String, Object>> facts(@PathVariable String taskId, HttpServletRequest request) {
    UserAuthentication user = webappUser(request);
    String directiveTaskId = visibleDirectiveTask(taskId, user);
    TaskRecord task = tasks.find(directiveTaskId)
        .orElseThrow(() -> ApiException.notFound("directive task of user task " + taskId));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("directiveTaskId", task.id());
    facts.put("reference", task.reference());
    facts.put("issuer", task.issuer());
    facts.put("issuerName", registry.labelOf(task.issuer()));
    facts.put("issuedOn", String.valueOf(task.issuedOn()));
    facts.put("taskKey", task.key());
    facts.put("taskTitle", task.title());
    facts.put("taskDescription", task.description());
    facts.put("expectedResult", task.expectedResult());
    facts.put("deadline", task.deadline() == null ? null : task.deadline().toString());
    tasks.deadlineAsWritten(task.id()).filter(w -> !w.equals(String.valueOf(task.deadline())))
        .ifPresent(w -> facts.put("deadlineAsWritten", w));
    targets.of(task.id()).ifPresent(target -> {
      List<BigDecimal> values = targets.valuesOf(List.of(task.id()), null).getOrDefault(task.id(), List.of());
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("measure", target.measure());
      shown.put("unit", target.unit());
      shown.put("baseline", target.baselineOrZero().toPlainString());
      shown.put("value", target.value().toPlainString());
      shown.put("reached", values.isEmpty() ? null : values.get(values.size() - 1).toPlainString());
      facts.put("target", shown);
    });
    facts.put("keyTask", task.keyTask());
    facts.put("leadUnit", task.leadUnit());
    UnitsAsWritten.Written written = unitsAsWritten.ofTask(task.id())
        .orElse(new UnitsAsWritten.Written(null, List.of(), null));
    facts.put("leadUnitName", registry.nameAsWritten(task.leadUnit(), written.leadUnit()));
    facts.put("leadUnitAsWritten", written.leadUnit());
    facts.put("conclusion", written.conclusionKey());
    facts.put("coordinatingUnits", task.coordinatingUnits());
    facts.put("coordinatingUnitNames", registry.labelsOf(task.coordinatingUnits()));
    // The lead asks for a later deadline from its form; a request already waiting is shown instead.
    tasks.pendingExtension(task.id()).ifPresent(p -> facts.put("pendingExtension",
        Map.of("requestedDeadline", p.requestedDeadline().toString(), "requestedBy", p.requestedBy())));
    // Official work of a unit: not to be kept by the browser or a proxy after the form is closed.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(facts);
  }

  /** The user logged in to the webapps in this session (checked again as Camunda does); 401 without one. */
  private UserAuthentication webappUser(HttpServletRequest request) {
    return sessions.user(request)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "log in to Tasklist first"));
  }

  /**
   * The directive task behind the user task, if the user may see the user task: 404 for a task that does not
   * exist, that the user may not see (they must not learn that it exists) or that belongs to no directive task.
   */
  private String visibleDirectiveTask(String taskId, UserAuthentication user) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user.getName(), user.getGroupIds(), user.getTenantIds());
    try {
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
      Object id = task == null ? null : engine.getTaskService().getVariable(taskId, "directiveTaskId");
      if (!(id instanceof String directiveTaskId)) {
        throw ApiException.notFound("task " + taskId);
      }
      return directiveTaskId;
    } finally {
      identity.clearAuthentication();
    }
  }
}

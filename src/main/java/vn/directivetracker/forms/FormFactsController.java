package vn.directivetracker.forms;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
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

  private final Long revalidateAfterMillis;

  FormFactsController(ProcessEngine engine, DirectiveTasks tasks, UnitRegistry registry,
      @Value("${camunda.bpm.webapp.auth.cache.ttl-enabled:true}") boolean revalidate,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long revalidateAfterMillis) {
    this.engine = engine;
    this.tasks = tasks;
    this.registry = registry;
    this.revalidateAfterMillis = revalidate ? revalidateAfterMillis : null;
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
    facts.put("keyTask", task.keyTask());
    facts.put("leadUnit", task.leadUnit());
    facts.put("leadUnitName", registry.nameOf(task.leadUnit()));
    facts.put("coordinatingUnits", task.coordinatingUnits());
    facts.put("coordinatingUnitNames", registry.labelsOf(task.coordinatingUnits()));
    // Official work of a unit: not to be kept by the browser or a proxy after the form is closed.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(facts);
  }

  /**
   * The user logged in to the webapps in this session, for this engine; 401 without one. As Camunda's own
   * webapp filter does, the session's user and groups are checked against the identity service again once
   * they are older than camunda.bpm.webapp.auth.cache.time-to-live: a user deleted, locked or moved to another
   * unit since logging in loses what the session gave.
   */
  private UserAuthentication webappUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (all != null && revalidateAfterMillis != null) {
      AuthenticationUtil.updateCache(all, session, revalidateAfterMillis);
      AuthenticationUtil.updateSession(session, all);
    }
    Authentication auth = all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
    if (!(auth instanceof UserAuthentication user)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "log in to Tasklist first");
    }
    return user;
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

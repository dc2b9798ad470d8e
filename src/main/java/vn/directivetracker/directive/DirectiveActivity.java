package vn.directivetracker.directive;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.shared.ProcessElements;

/**
 * What the issuer's page shows beside a directive's tasks ({@code GET /api/directives/{id}/activity}): per task,
 * the lead unit's name, the last report (progress, completion or contribution) and the extension request
 * awaiting the issuer's decision, with the Tasklist task that decides it. For the issuer's members and its
 * secretariat only: the units read their own tasks in Tasklist, auditors the audit trail.
 */
@RestController
class DirectiveActivity {

  private final DirectiveService directives;
  private final CurrentUser currentUser;
  private final JdbcTemplate jdbc;
  private final UnitRegistry registry;
  private final TaskService tasks;
  private final PrivilegedEngine engine;

  DirectiveActivity(DirectiveService directives, CurrentUser currentUser, JdbcTemplate jdbc, UnitRegistry registry,
      TaskService tasks, PrivilegedEngine engine) {
    this.directives = directives;
    this.currentUser = currentUser;
    this.jdbc = jdbc;
    this.registry = registry;
    this.tasks = tasks;
    this.engine = engine;
  }

  @Operation(summary = "A directive's activity",
      description = "Each task's last report, its outcome and any pending extension request, for the issuer's page;"
          + " the issuer's members and secretariat only.")
  @GetMapping("/api/directives/{id}/activity")
  @Transactional(readOnly = true)
  List<TaskActivity> activity(@PathVariable String id) {
    directives.requireIssuerSide(id, currentUser.get());
    Map<String, LastReport> reports = lastReports(id);
    Map<String, PendingExtension> extensions = pendingExtensions(id);
    return jdbc.query("select id, task_key, lead_unit from dt_task where directive_id = ? order by position",
        (rs, n) -> new TaskActivity(rs.getString("id"), rs.getString("task_key"),
            registry.nameOf(rs.getString("lead_unit")), reports.get(rs.getString("id")),
            extensions.get(rs.getString("id"))), id);
  }

  private Map<String, LastReport> lastReports(String directiveId) {
    Map<String, LastReport> last = new HashMap<>();
    jdbc.query("select r.task_id, r.kind, r.unit, r.submitted_by, r.submitted_at, r.completion_date, r.outcome,"
        + " r.progress_percent from dt_report r join dt_task t on t.id = r.task_id where t.directive_id = ?"
        + " order by r.submitted_at", rs -> {
          last.put(rs.getString("task_id"), new LastReport(rs.getString("kind"), rs.getString("unit"),
              rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
              rs.getDate("completion_date") == null ? null : rs.getDate("completion_date").toLocalDate(),
              rs.getString("outcome"), (Integer) rs.getObject("progress_percent")));
        }, directiveId);
    return last;
  }

  private Map<String, PendingExtension> pendingExtensions(String directiveId) {
    Map<String, PendingExtension> pending = new HashMap<>();
    jdbc.query("select e.id, e.task_id, e.requested_by, e.requested_at, e.requested_deadline, e.reason,"
        + " t.process_instance_id from dt_extension e join dt_task t on t.id = e.task_id"
        + " where t.directive_id = ? and e.state = 'PENDING'", rs -> {
          String processInstanceId = rs.getString("process_instance_id");
          pending.put(rs.getString("task_id"), new PendingExtension(rs.getString("id"), rs.getString("requested_by"),
              rs.getTimestamp("requested_at").toInstant(), rs.getDate("requested_deadline").toLocalDate(),
              rs.getString("reason"), decisionTask(processInstanceId)));
        }, directiveId);
    return pending;
  }

  /** The open Tasklist task that decides the request, if its process still waits for the decision. */
  private String decisionTask(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    List<Task> open = engine.call(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ProcessElements.DECIDE_EXTENSION).listPage(0, 1));
    return open.isEmpty() ? null : open.get(0).getId();
  }

  /** One task's activity; {@code lastReport} and {@code pendingExtension} are absent when there is none. */
  record TaskActivity(String taskId, String key, String leadUnitName, LastReport lastReport,
      PendingExtension pendingExtension) {
  }

  /** The latest report a unit submitted on the task, and how the review ended (absent while awaiting it). */
  record LastReport(String kind, String unit, String submittedBy, Instant submittedAt, LocalDate completionDate,
      String outcome, Integer progressPercent) {
  }

  /** An extension request awaiting the issuer; {@code decisionTaskId} is its Tasklist task. */
  record PendingExtension(String id, String requestedBy, Instant requestedAt, LocalDate requestedDeadline,
      String reason, String decisionTaskId) {
  }
}

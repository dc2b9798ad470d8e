package vn.directivetracker.changes;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.QueryPages;
import vn.directivetracker.escalation.DeadlinePlan;
import vn.directivetracker.escalation.EscalationSchedule;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessElements;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * Changes a running task: the record (dt_task, and one dt_amendment row per field with who, when, why,
 * before and after), the process variables, and the engine state that follows from them. One
 * implementation for the issuer's amendments and for approved extension requests, so a new deadline
 * has the same effect whichever way it came.
 *
 * <p>The task's process has no timers. A new deadline moves the escalation sweep's next_escalation_at and
 * next_reminder_at (EscalationSchedule#plan): the first moment after the new deadline day and the first
 * reminder still ahead of it. That covers every case: a later or earlier date, a deadline added or removed
 * (never escalates), an overdue task that is no longer overdue (it stops escalating until the new deadline
 * passes) or still is (its next_escalation_at is past, so the next sweep escalates it at once, by the new
 * number of days overdue).
 */
@Component
public record TaskChanges(JdbcTemplate jdbc, DirectiveTasks tasks, DeadlinePlan plan, UnitRegistry registry,
    TaskService taskService, RuntimeService runtime, BusinessClock clock, Notifier notifier, TaskFacts facts,
    EscalationSchedule escalations) {

  public static final String AMENDMENT = "AMENDMENT";
  public static final String EXTENSION = "EXTENSION";

  static final String CARRY_OUT = ProcessElements.CARRY_OUT;
  static final String REVIEW = ProcessElements.REVIEW_REPORT;
  static final String CONTRIBUTE = ProcessElements.CONTRIBUTE;
  static final String CONTRIBUTION = ProcessElements.CONTRIBUTION;
  static final String CONTRIBUTION_BODY = CONTRIBUTION + "#multiInstanceBody";

  /** What to change; a null field (or {@code deadlineGiven} false) leaves that part as it is. */
  public record Change(boolean deadlineGiven, LocalDate deadline, String leadUnit, List<String> coordinatingUnits,
      Boolean keyTask) {

    public static Change deadline(LocalDate deadline) {
      return new Change(true, deadline, null, null, null);
    }
  }

  /** One changed field, as stored in dt_amendment. */
  public record FieldChange(String field, String oldValue, String newValue) {
  }

  /** The fields that would change; empty when the change leaves the task as it is. */
  public List<FieldChange> diff(TaskRecord before, Change change) {
    List<FieldChange> diffs = new ArrayList<>();
    if (change.deadlineGiven() && !Objects.equals(before.deadline(), change.deadline())) {
      diffs.add(new FieldChange("deadline", str(before.deadline()), str(change.deadline())));
    }
    if (change.leadUnit() != null && !change.leadUnit().equals(before.leadUnit())) {
      diffs.add(new FieldChange("leadUnit", before.leadUnit(), change.leadUnit()));
    }
    if (change.coordinatingUnits() != null
        && !new LinkedHashSet<>(change.coordinatingUnits()).equals(new LinkedHashSet<>(before.coordinatingUnits()))) {
      diffs.add(new FieldChange("coordinatingUnits", String.join(",", before.coordinatingUnits()),
          String.join(",", change.coordinatingUnits())));
    }
    if (change.keyTask() != null && change.keyTask() != before.keyTask()) {
      diffs.add(new FieldChange("keyTask", String.valueOf(before.keyTask()), String.valueOf(change.keyTask())));
    }
    return diffs;
  }

  /**
   * Stores the change in dt_task and dt_amendment (grouped by {@code changeId}); returns what changed.
   * A new deadline that is not (yet) passed clears the task's escalation level: it is no longer overdue.
   */
  public List<FieldChange> record(TaskRecord before, Change change, String changeId, String by, String reason,
      String source) {
    List<FieldChange> diffs = diff(before, change);
    if (diffs.isEmpty()) {
      return diffs;
    }
    LocalDate deadline = change.deadlineGiven() ? change.deadline() : before.deadline();
    boolean leadChanged = change.leadUnit() != null && !change.leadUnit().equals(before.leadUnit());
    String lead = leadChanged ? change.leadUnit() : before.leadUnit();
    List<String> coordinating = change.coordinatingUnits() != null ? change.coordinatingUnits() : before.coordinatingUnits();
    boolean keyTask = change.keyTask() != null ? change.keyTask() : before.keyTask();
    boolean deadlineChanged = !Objects.equals(deadline, before.deadline());
    boolean noLongerOverdue = deadlineChanged && (deadline == null || !clock.today().isAfter(deadline));
    // The level is left as stored unless the task is no longer overdue: a sweep may have raised it since
    // `before` was read.
    jdbc.update("update dt_task set deadline = ?, lead_unit = ?, requested_lead_unit = ?, lead_decided_by = ?,"
        + " coordinating_units = ?, key_task = ?" + (noLongerOverdue ? ", escalation_level = 0" : "") + " where id = ?",
        deadline == null ? null : java.sql.Date.valueOf(deadline), lead,
        leadChanged ? lead : before.requestedLeadUnit(), leadChanged ? "ISSUER" : before.leadDecidedBy(),
        String.join(",", coordinating), keyTask, before.id());
    Timestamp at = Timestamp.from(clock.now());
    for (FieldChange d : diffs) {
      jdbc.update("insert into dt_amendment (id, change_id, task_id, field, old_value, new_value, reason, source,"
          + " amended_by, amended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), changeId,
          before.id(), d.field(), d.oldValue(), d.newValue(), reason, source, by, at);
    }
    return diffs;
  }

  /** The changes recorded under one change id, in the order they were stored. */
  public List<FieldChange> changesOf(String changeId) {
    return jdbc.query("select field, old_value, new_value from dt_amendment where change_id = ? order by field",
        (rs, n) -> new FieldChange(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")),
        changeId);
  }

  /** The process variables that follow from the stored task (what LoadDirectiveTask and AssignLeadUnit set). */
  public Map<String, Object> variables(TaskRecord task) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("dueAt", plan.dueAt(task.deadline()));
    vars.put("leadUnit", task.leadUnit());
    vars.put("keyTask", task.keyTask());
    vars.put("coordinatingUnits", String.join(",", task.coordinatingUnits()));
    return vars;
  }

  /**
   * Makes the running process follow the record: due dates and priorities of the open user tasks, the
   * lead's candidate group (an officer of the old lead who had claimed the task loses it), contribution
   * tasks added or cancelled, the next escalation and reminder moved. Call after {@link #variables} are set.
   * Called through the engine's API, so the user operation log names the caller when one is authenticated.
   */
  public void applyToEngine(String processInstanceId, TaskRecord before, TaskRecord after) {
    boolean deadlineChanged = !Objects.equals(before.deadline(), after.deadline());
    Date dueAt = plan.dueAt(after.deadline());
    for (Task task : QueryPages.all(taskService.createTaskQuery().processInstanceId(processInstanceId))) {
      String key = task.getTaskDefinitionKey();
      if (deadlineChanged && (CARRY_OUT.equals(key) || CONTRIBUTE.equals(key))) {
        task.setDueDate(dueAt);
        taskService.saveTask(task);
      }
      if (before.keyTask() != after.keyTask() && (CARRY_OUT.equals(key) || REVIEW.equals(key))) {
        taskService.setPriority(task.getId(), after.keyTask() ? 80 : 50);
      }
      if (!after.leadUnit().equals(before.leadUnit()) && CARRY_OUT.equals(key)) {
        taskService.deleteCandidateGroup(task.getId(), before.leadUnit());
        taskService.addCandidateGroup(task.getId(), after.leadUnit());
        if (task.getAssignee() != null) {
          taskService.setAssignee(task.getId(), null);
        }
      }
      // The contribution form shows the lead's name from its task's own variable (reporting.ContributionFacts).
      if (!after.leadUnit().equals(before.leadUnit()) && CONTRIBUTE.equals(key)
          && taskService.getVariableLocal(task.getId(), "leadUnitName") != null) {
        taskService.setVariableLocal(task.getId(), "leadUnitName", registry.nameOf(after.leadUnit()));
      }
    }
    Set<String> removed = new LinkedHashSet<>(before.coordinatingUnits());
    removed.removeAll(after.coordinatingUnits());
    Set<String> added = new LinkedHashSet<>(after.coordinatingUnits());
    added.removeAll(before.coordinatingUnits());

    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    ProcessInstanceModificationBuilder cancel = runtime.createProcessInstanceModification(processInstanceId);
    boolean cancelling = false;
    for (String unit : removed) {
      for (String contribution : openContributions(processInstanceId, tree, unit)) {
        cancel.cancelActivityInstance(contribution);
        cancelling = true;
      }
    }
    if (cancelling) {
      cancel.execute();
    }
    if (deadlineChanged) {
      escalations.plan(after);
    }
    // One unit at a time: the first may have to create the multi-instance body the next ones join.
    for (String unit : added) {
      ActivityInstance[] bodies = runtime.getActivityInstance(processInstanceId).getActivityInstances(CONTRIBUTION_BODY);
      ProcessInstanceModificationBuilder add = runtime.createProcessInstanceModification(processInstanceId);
      (bodies.length > 0 ? add.startBeforeActivity(CONTRIBUTION,
          bodies[0].getId()) : add.startBeforeActivity(CONTRIBUTION))
          .setVariableLocal(ProcessVariables.COORDINATING_UNIT, unit)
          .execute();
    }
  }

  /** The contribution sub-process instances whose open task is for this unit. */
  private List<String> openContributions(String processInstanceId, ActivityInstance tree, String unit) {
    List<String> found = new ArrayList<>();
    List<Task> open = QueryPages.all(taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(CONTRIBUTE));
    for (Task task : open) {
      boolean forUnit = false;
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        forUnit |= IdentityLinkType.CANDIDATE.equals(link.getType()) && unit.equals(link.getGroupId());
      }
      if (!forUnit) {
        continue;
      }
      for (ActivityInstance userTask : tree.getActivityInstances(CONTRIBUTE)) {
        if (List.of(userTask.getExecutionIds()).contains(task.getExecutionId())) {
          found.add(userTask.getParentActivityInstanceId());
        }
      }
    }
    return found;
  }

  /**
   * Tells the units what changed and why: a new lead gets the assignment (with a link to the task), the
   * old lead, the lead that stays and the coordinating units (before and after) get the amendment.
   */
  public void notifyUnits(String processInstanceId, String processDefinitionId, TaskRecord after,
      List<FieldChange> changes, String reason, String changeId) {
    String oldLead = after.leadUnit();
    Set<String> told = new LinkedHashSet<>();
    told.addAll(after.coordinatingUnits());
    for (FieldChange c : changes) {
      if (c.field().equals("leadUnit")) {
        oldLead = c.oldValue();
      }
      if (c.field().equals("coordinatingUnits") && c.oldValue() != null && !c.oldValue().isEmpty()) {
        told.addAll(List.of(c.oldValue().split(",")));
      }
    }
    Task carryOut = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(CARRY_OUT)
        .singleResult();
    String taskLink = carryOut == null ? null : carryOut.getId();
    told.add(oldLead);
    if (!oldLead.equals(after.leadUnit())) {
      // The new lead hears of the task as of any assignment, not as a change to something it never had.
      told.remove(after.leadUnit());
      notifier.notify(processDefinitionId, new Notice(NotificationEvent.ASSIGNED,
          "ASSIGNED:" + after.id() + ":" + changeId, after.id(), List.of(after.leadUnit()), facts.of(after, taskLink)));
    }
    String lines = describe(changes);
    for (String group : told) {
      Map<String, String> values = facts.of(after, group.equals(after.leadUnit()) ? taskLink : null);
      values.put("recipient", facts.name(group));
      values.put("changes", lines);
      values.put("reason", reason);
      notifier.notify(processDefinitionId, new Notice(NotificationEvent.AMENDED,
          "AMENDED:" + after.id() + ":" + changeId + ":" + group, after.id(), List.of(group), values));
    }
  }

  private String describe(List<FieldChange> changes) {
    StringBuilder sb = new StringBuilder();
    for (FieldChange c : changes) {
      String label = switch (c.field()) {
        case "deadline" -> "Thời hạn / Deadline";
        case "leadUnit" -> "Đơn vị chủ trì / Lead unit";
        case "coordinatingUnits" -> "Đơn vị phối hợp / Coordinating units";
        case "keyTask" -> "Nhiệm vụ trọng tâm / Key task";
        default -> c.field();
      };
      sb.append(sb.isEmpty() ? "" : "\n").append("  - ").append(label).append(": ")
          .append(shown(c.field(), c.oldValue())).append(" → ").append(shown(c.field(), c.newValue()));
    }
    return sb.toString();
  }

  private String shown(String field, String value) {
    if (value == null || value.isEmpty()) {
      return "—";
    }
    if (field.equals("deadline")) {
      return LocalDate.parse(value).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
    if (field.equals("leadUnit")) {
      return registry.labelOf(value);
    }
    return value;
  }

  private static String str(LocalDate date) {
    return date == null ? null : date.toString();
  }
}

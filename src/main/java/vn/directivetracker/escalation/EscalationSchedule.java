package vn.directivetracker.escalation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.TaskModels;
import vn.directivetracker.directive.TaskRecord;

/**
 * When a task is next due for the escalation sweep: {@code dt_task.next_escalation_at}. Set when the task is
 * loaded (the first moment after its deadline day), moved when its deadline changes, cleared when it closes
 * (DirectiveTasks#markCompleted, #markWithdrawn); after each escalation the sweep sets it to the look-again
 * morning.
 *
 * <p>Instances of directive-task version 1 (with {@code Timer_Overdue}) still escalate by their own timers:
 * their tasks keep a null next_escalation_at, so the sweep never escalates them a second time, and they keep
 * the process variables those timers read ({@code overdueAt}).
 */
@Component
public class EscalationSchedule {

  /** The overdue timer of directive-task version 1: an instance whose model has it escalates by timer. */
  static final String TIMER_OVERDUE = "Timer_Overdue";

  private final JdbcTemplate jdbc;
  private final DeadlinePlan plan;
  private final TaskModels models;

  EscalationSchedule(JdbcTemplate jdbc, DeadlinePlan plan, TaskModels models) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.models = models;
  }

  /** Whether instances of this process definition escalate by their own timer (directive-task version 1). */
  public boolean escalatesByTimer(String processDefinitionId) {
    return models.definition(processDefinitionId).findActivity(TIMER_OVERDUE) != null;
  }

  /**
   * Plans the task's first escalation from its deadline (none without one), for a task whose instance
   * escalates through the sweep; leaves a version 1 instance's task alone. Only an open task is planned.
   */
  public void plan(String taskId, LocalDate deadline, String processDefinitionId) {
    if (escalatesByTimer(processDefinitionId)) {
      return;
    }
    Date overdueAt = plan.overdueAt(deadline);
    jdbc.update("update dt_task set next_escalation_at = ? where id = ? and state = ?",
        overdueAt == null ? null : new Timestamp(overdueAt.getTime()), taskId, TaskRecord.OPEN);
  }

  /**
   * The variables a version 1 instance's deadline watch reads besides DeadlinePlan#variables (its overdue timer
   * and the level its escalations wrote); nothing for a current instance.
   */
  public Map<String, Object> timerVariables(TaskRecord task, String processDefinitionId) {
    Map<String, Object> vars = new HashMap<>();
    if (escalatesByTimer(processDefinitionId)) {
      vars.put("overdueAt", plan.overdueAt(task.deadline()));
      vars.put("escalationLevel", task.escalationLevel());
    }
    return vars;
  }
}

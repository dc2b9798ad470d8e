package vn.directivetracker.escalation;

import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.TaskModels;
import vn.directivetracker.directive.TaskRecord;
import vn.directivetracker.reporting.ProgressReports;

/**
 * When a task is next due for the escalation sweep: {@code dt_task.next_escalation_at} for its next escalation,
 * {@code dt_task.next_reminder_at} for its next reminder and {@code dt_task.next_progress_at} for the opening of
 * its next monthly progress period (planned once, at load: the deadline does not move it). Both are set when the task is loaded (the first
 * moment after its deadline day; the first reminder still ahead), moved when its deadline changes, cleared when
 * it closes (DirectiveTasks#markCompleted, #markWithdrawn); after each escalation or reminder the sweep sets the
 * next one.
 *
 * <p>Older running instances keep the timers their model has, and the sweep leaves their tasks alone (the
 * column stays null), so nothing is sent or opened twice: instances of directive-task versions 1 to 3 remind by
 * their own {@code Timer_Reminder} (which reads {@code nextReminderAt}) and open their progress periods by their
 * own {@code Timer_MonthlyProgress}, and version 1 also escalates by its own {@code Timer_Overdue} (which reads
 * {@code overdueAt}).
 */
@Component
public class EscalationSchedule {

  /** The overdue timer of directive-task version 1: an instance whose model has it escalates by timer. */
  static final String TIMER_OVERDUE = "Timer_Overdue";
  /** The reminder timer of directive-task versions 1 to 3: an instance whose model has it reminds by timer. */
  static final String TIMER_REMINDER = "Timer_Reminder";
  /** The monthly progress cycle of directive-task versions 1 to 3: such an instance opens its periods itself. */
  static final String TIMER_MONTHLY_PROGRESS = "Timer_MonthlyProgress";

  private final JdbcTemplate jdbc;
  private final DeadlinePlan plan;
  private final TaskModels models;
  private final ProgressReports progress;

  EscalationSchedule(JdbcTemplate jdbc, DeadlinePlan plan, TaskModels models, ProgressReports progress) {
    this.jdbc = jdbc;
    this.plan = plan;
    this.models = models;
    this.progress = progress;
  }

  /** Whether instances of this process definition escalate by their own timer (directive-task version 1). */
  public boolean escalatesByTimer(String processDefinitionId) {
    return models.has(processDefinitionId, TIMER_OVERDUE);
  }

  /** Whether instances of this process definition remind by their own timer (directive-task versions 1 to 3). */
  public boolean remindsByTimer(String processDefinitionId) {
    return models.has(processDefinitionId, TIMER_REMINDER);
  }

  /** Whether instances of this process definition open their monthly progress periods by their own timer. */
  public boolean opensProgressByTimer(String processDefinitionId) {
    return models.has(processDefinitionId, TIMER_MONTHLY_PROGRESS);
  }

  /**
   * Plans a task just loaded: its first escalation and reminder (as {@link #plan}) and, where the instance leaves
   * it to the sweep, the opening of its first monthly progress period (dt_task.next_progress_at). One statement.
   */
  public void planNew(TaskRecord task, String processDefinitionId) {
    if (opensProgressByTimer(processDefinitionId)) {
      plan(task, processDefinitionId);
      return;
    }
    jdbc.update("update dt_task set next_escalation_at = ?, next_reminder_at = ?, next_progress_at = ? where id = ?"
        + " and state = ?", sweepEscalation(task, processDefinitionId), sweepReminder(task, processDefinitionId),
        timestamp(progress.nextOpening()), task.id(), TaskRecord.OPEN);
  }

  /**
   * Plans the task's next escalation and next reminder from its days (none without a deadline), each only
   * where the instance leaves it to the sweep. Only an open task is planned.
   */
  public void plan(TaskRecord task, String processDefinitionId) {
    if (escalatesByTimer(processDefinitionId) && remindsByTimer(processDefinitionId)) {
      return;
    }
    jdbc.update("update dt_task set next_escalation_at = ?, next_reminder_at = ? where id = ? and state = ?",
        sweepEscalation(task, processDefinitionId), sweepReminder(task, processDefinitionId), task.id(),
        TaskRecord.OPEN);
  }

  /** The task's first escalation for the sweep; null without a deadline or when the instance escalates itself. */
  private Timestamp sweepEscalation(TaskRecord task, String processDefinitionId) {
    return escalatesByTimer(processDefinitionId) ? null : timestamp(plan.overdueAt(task.deadline()));
  }

  /** The task's next reminder for the sweep; null when none is left or the instance reminds by its own timer. */
  private Timestamp sweepReminder(TaskRecord task, String processDefinitionId) {
    return remindsByTimer(processDefinitionId) ? null : timestamp(plan.nextReminder(task));
  }

  /**
   * The variables an older instance's own deadline timers read besides DeadlinePlan#variables: the reminder
   * timer's {@code nextReminderAt} (versions 1 to 3), version 1's overdue timer and the level its escalations
   * wrote; nothing for a current instance.
   */
  public Map<String, Object> timerVariables(TaskRecord task, String processDefinitionId) {
    Map<String, Object> vars = new HashMap<>();
    if (remindsByTimer(processDefinitionId)) {
      vars.put("nextReminderAt", plan.nextReminder(task));
    }
    if (escalatesByTimer(processDefinitionId)) {
      vars.put("overdueAt", plan.overdueAt(task.deadline()));
      vars.put("escalationLevel", task.escalationLevel());
    }
    return vars;
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}

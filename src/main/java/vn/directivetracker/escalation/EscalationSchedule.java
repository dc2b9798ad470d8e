package vn.directivetracker.escalation;

import java.sql.Timestamp;
import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.reporting.ProgressReports;
import vn.directivetracker.shared.TaskRecord;

/**
 * When a task is next due for the escalation sweep: {@code dt_task.next_escalation_at} for its next escalation,
 * {@code dt_task.next_reminder_at} for its next reminder and {@code dt_task.next_progress_at} for the opening of
 * its next monthly progress period. All three are set when the task is loaded (the first moment after its
 * deadline day; the first reminder still ahead; the next opening), the first two moved when its deadline
 * changes, all cleared when it closes (DirectiveTasks#markCompleted, #markWithdrawn); after each escalation,
 * reminder or opening the sweep sets the next one.
 */
@Component
public record EscalationSchedule(JdbcTemplate jdbc, DeadlinePlan plan, ProgressReports progress) {

  /**
   * Plans a task just loaded: its first escalation and reminder (as {@link #plan}) and the opening of its first
   * monthly progress period. One statement.
   */
  public void planNew(TaskRecord task) {
    jdbc.update("update dt_task set next_escalation_at = ?, next_reminder_at = ?, next_progress_at = ? where id = ?"
        + " and state = ?", timestamp(plan.overdueAt(task.deadline())), timestamp(plan.nextReminder(task)),
        timestamp(progress.nextOpening()), task.id(), TaskRecord.OPEN);
  }

  /**
   * Plans the task's next escalation and next reminder from its days (none without a deadline). Only an open
   * task is planned.
   */
  public void plan(TaskRecord task) {
    jdbc.update("update dt_task set next_escalation_at = ?, next_reminder_at = ? where id = ? and state = ?",
        timestamp(plan.overdueAt(task.deadline())), timestamp(plan.nextReminder(task)), task.id(), TaskRecord.OPEN);
  }

  private static Timestamp timestamp(Date date) {
    return date == null ? null : new Timestamp(date.getTime());
  }
}

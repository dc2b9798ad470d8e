package vn.directivetracker.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;

/**
 * dt_escalation, one row per escalation (the record reports count and auditors read, with the
 * escalation-level decision's inputs and outputs), and the escalation sweep's reads and writes of dt_task: its
 * escalations (next_escalation_at), its reminders (next_reminder_at) and its progress periods (next_progress_at).
 */
@Repository
class EscalationRepository {

  static final String SWEEP = "SWEEP";

  private static final String INSERT = "insert into dt_escalation (id, task_id, level, days_overdue, audience,"
      + " escalated_at, key_task, lead_unit_type, next_check_in_days, next_escalation_at, decision_definition_id,"
      + " escalated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  EscalationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
  }

  /** One escalation: what was decided, from which inputs, by which version of the decision, and by whom. */
  record Row(String taskId, int level, int daysOverdue, String audience, Instant escalatedAt, Boolean keyTask,
      String leadUnitType, Integer nextCheckInDays, Instant nextEscalationAt, String decisionDefinitionId,
      String escalatedBy) {

    Object[] args() {
      return new Object[] {UUID.randomUUID().toString(), taskId, level, daysOverdue, audience,
          Timestamp.from(escalatedAt), keyTask, leadUnitType, nextCheckInDays,
          nextEscalationAt == null ? null : Timestamp.from(nextEscalationAt), decisionDefinitionId, escalatedBy};
    }
  }

  /** A task due for escalation, with what the sweep needs beyond the record. */
  record DueTask(TaskRecord task, boolean deadlineInWorkingDays, Timestamp nextEscalationAt) {
  }

  void insert(Row row) {
    jdbc.update(INSERT, row.args());
  }

  /** The page's records in one JDBC batch. */
  void insertAll(List<Row> rows) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(INSERT, rows.stream().map(Row::args).toList());
    }
  }

  /**
   * Up to {@code limit} open tasks whose next escalation has come, the longest waiting first. On PostgreSQL
   * the rows are locked, and rows another sweep has locked are skipped, so two sweeps at once (two nodes, or
   * a sweep still running when the next starts) share the work instead of both deciding the same tasks; on
   * every database the conditional update of {@link #advance} is what guarantees one escalation per due
   * moment.
   */
  List<DueTask> due(Instant now, int limit) {
    return jdbc.query(DirectiveTasks.SELECT + "where t.next_escalation_at <= ? and t.state = ?"
        + " order by t.next_escalation_at, t.id limit ?" + (postgres ? " for update of t skip locked" : ""),
        (rs, n) -> new DueTask(DirectiveTasks.ROW.mapRow(rs, n), rs.getObject("deadline_working_days") != null,
            rs.getTimestamp("next_escalation_at")),
        Timestamp.from(now), TaskRecord.OPEN, limit);
  }

  /** A due task the sweep could not decide on, and when to look at it again. */
  record Hold(String taskId, Timestamp dueAt, Instant until) {
  }

  /** Moves held tasks' next escalation, under the same condition as {@link #advance}. */
  void hold(List<Hold> holds) {
    if (!holds.isEmpty()) {
      jdbc.batchUpdate("update dt_task set next_escalation_at = ? where id = ? and state = ? and next_escalation_at = ?",
          holds.stream().sorted(java.util.Comparator.comparing(Hold::taskId)).map(h -> new Object[] {
              Timestamp.from(h.until()), h.taskId(), TaskRecord.OPEN, h.dueAt()}).toList());
    }
  }

  /** What the sweep writes into a due task: the new level and when to look again. */
  record Advance(String taskId, Timestamp dueAt, int level, Instant escalatedAt, Instant nextEscalationAt) {
  }

  /**
   * Records each task's new level and next escalation, in one JDBC batch, only where the task is still open
   * and still due at the moment this sweep read (another sweep, a completion, a withdrawal or a changed
   * deadline since then leaves it alone). Returns the task ids that were advanced: only those escalate.
   */
  List<String> advance(List<Advance> advances) {
    if (advances.isEmpty()) {
      return List.of();
    }
    // In id order: two transactions lock the same rows in the same order.
    List<Advance> ordered = advances.stream().sorted(java.util.Comparator.comparing(Advance::taskId)).toList();
    int[] counts = jdbc.batchUpdate("update dt_task set escalation_level = ?, last_escalated_at = ?,"
        + " next_escalation_at = ? where id = ? and state = ? and next_escalation_at = ?",
        ordered.stream().map(a -> new Object[] {a.level(), Timestamp.from(a.escalatedAt()),
            Timestamp.from(a.nextEscalationAt()), a.taskId(), TaskRecord.OPEN, a.dueAt()}).toList());
    return updated(ordered.stream().map(Advance::taskId).toList(), counts);
  }

  /** The ids whose conditional update changed their row, from a batch's update counts in the same order. */
  private static List<String> updated(List<String> taskIds, int[] counts) {
    List<String> advanced = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        advanced.add(taskIds.get(i));
      } else if (counts[i] != 0) {
        throw new IllegalStateException("the database did not say whether task " + taskIds.get(i)
            + " was updated (" + counts[i] + ")");
      }
    }
    return advanced;
  }

  /** A task due for a reminder, and the moment it was due when the sweep read it. */
  record DueReminder(TaskRecord task, Timestamp nextReminderAt) {
  }

  /**
   * Up to {@code limit} open tasks whose next reminder has come, the longest waiting first, locked as in
   * {@link #due}.
   */
  List<DueReminder> dueReminders(Instant now, int limit) {
    return jdbc.query(DirectiveTasks.SELECT + "where t.next_reminder_at <= ? and t.state = ?"
        + " order by t.next_reminder_at, t.id limit ?" + (postgres ? " for update of t skip locked" : ""),
        (rs, n) -> new DueReminder(DirectiveTasks.ROW.mapRow(rs, n), rs.getTimestamp("next_reminder_at")),
        Timestamp.from(now), TaskRecord.OPEN, limit);
  }

  /** What the sweep writes into a task it reminded: the reminder after this one, null when none is left. */
  record NextReminder(String taskId, Timestamp dueAt, Instant nextReminderAt) {
  }

  /**
   * Moves each task's next reminder, in one JDBC batch, only where the task is still open and its reminder still
   * due at the moment this sweep read it (as {@link #advance}). Returns the task ids moved: only those are reminded.
   */
  List<String> advanceReminders(List<NextReminder> reminders) {
    if (reminders.isEmpty()) {
      return List.of();
    }
    // In id order, as advance: two transactions lock the same rows in the same order.
    List<NextReminder> ordered = reminders.stream()
        .sorted(java.util.Comparator.comparing(NextReminder::taskId)).toList();
    int[] counts = jdbc.batchUpdate(
        "update dt_task set next_reminder_at = ? where id = ? and state = ? and next_reminder_at = ?",
        ordered.stream().map(r -> new Object[] {
            r.nextReminderAt() == null ? null : Timestamp.from(r.nextReminderAt()), r.taskId(), TaskRecord.OPEN,
            r.dueAt()}).toList());
    return updated(ordered.stream().map(NextReminder::taskId).toList(), counts);
  }


  /** A task whose monthly progress period is due to open: its process instance and the moment it was due. */
  record DueProgress(String taskId, String processInstanceId, Timestamp nextProgressAt) {
  }

  /**
   * Up to {@code limit} open tasks whose progress period is due to open, the longest waiting first, locked as in
   * {@link #due}.
   */
  List<DueProgress> dueProgress(Instant now, int limit) {
    return jdbc.query("select t.id, t.process_instance_id, t.next_progress_at from dt_task t"
        + " where t.next_progress_at <= ? and t.state = ? and t.process_instance_id is not null"
        + " order by t.next_progress_at, t.id limit ?"
        + (postgres ? " for update of t skip locked" : ""),
        (rs, n) -> new DueProgress(rs.getString("id"), rs.getString("process_instance_id"),
            rs.getTimestamp("next_progress_at")),
        Timestamp.from(now), TaskRecord.OPEN, limit);
  }

  /**
   * Moves each task's next progress period to {@code next}, in one JDBC batch, only where the task is still open
   * and its period still due as this sweep read it (as {@link #advance}). Returns the task ids moved: only their
   * periods are opened.
   */
  List<String> advanceProgress(List<DueProgress> due, Instant next) {
    if (due.isEmpty()) {
      return List.of();
    }
    List<DueProgress> ordered = due.stream().sorted(java.util.Comparator.comparing(DueProgress::taskId)).toList();
    int[] counts = jdbc.batchUpdate(
        "update dt_task set next_progress_at = ? where id = ? and state = ? and next_progress_at = ?",
        ordered.stream().map(d -> new Object[] {Timestamp.from(next), d.taskId(), TaskRecord.OPEN,
            d.nextProgressAt()}).toList());
    return updated(ordered.stream().map(DueProgress::taskId).toList(), counts);
  }
}

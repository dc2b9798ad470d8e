package vn.directivetracker.shared;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The stored tasks of directives, as the processes see them: the directive process asks which tasks to
 * start, the task process loads its facts and writes back what it decided. Exposed to BPMN expressions
 * as {@code directiveTasks}. Runs inside the engine's transaction (same DataSource, same Spring
 * transaction), so a step and its record commit or roll back together.
 */
@Component("directiveTasks")
public class DirectiveTasks {

  // A class, not a record: the models call this bean in expressions, and a record would also offer them its
  // JdbcTemplate through an accessor.
  private final JdbcTemplate jdbc;

  DirectiveTasks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The stored task joined with its directive; rows map with {@link #ROW}. */
  public static final String SELECT = "select t.*, d.reference, d.issuer, d.issuer_level, d.issued_on"
      + " from dt_task t join dt_directive d on d.id = t.directive_id ";

  public static final RowMapper<TaskRecord> ROW = DirectiveTasks::map;

  /** The ids of a directive's tasks in notice order: the collection the directive process iterates. */
  public List<String> idsOf(String directiveId) {
    return jdbc.queryForList("select id from dt_task where directive_id = ? order by position", String.class,
        directiveId);
  }

  public TaskRecord load(String taskId) {
    List<TaskRecord> rows = jdbc.query(SELECT + "where t.id = ?", ROW, taskId);
    if (rows.isEmpty()) {
      throw new IllegalStateException("no directive task " + taskId);
    }
    return rows.get(0);
  }

  /** The stored task, or empty when there is no task with this id. */
  public java.util.Optional<TaskRecord> find(String taskId) {
    return jdbc.query(SELECT + "where t.id = ?", ROW, taskId).stream().findFirst();
  }

  /** The task's deadline as the notice wrote it ("quý I/2024"), if it was written. */
  public java.util.Optional<String> deadlineAsWritten(String taskId) {
    return jdbc.queryForList("select deadline_as_written from dt_task where id = ? and deadline_as_written is not null",
        String.class, taskId).stream().findFirst();
  }

  /** The lead unit's request for a later deadline that awaits the issuer's decision, if there is one. */
  public java.util.Optional<PendingExtension> pendingExtension(String taskId) {
    return jdbc.query("select requested_deadline, requested_by from dt_extension where open_task_id = ?",
        (rs, n) -> new PendingExtension(rs.getDate(1).toLocalDate(), rs.getString(2)), taskId).stream().findFirst();
  }

  /** A request for a later deadline, still undecided. */
  public record PendingExtension(LocalDate requestedDeadline, String requestedBy) {
  }

  public String processInstanceOf(String taskId) {
    return jdbc.queryForObject("select process_instance_id from dt_task where id = ?", String.class, taskId);
  }

  /** Sub-tasks still open in the directives its lead unit issued to split this task. */
  public int openSubtaskCount(String taskId) {
    Integer n = jdbc.queryForObject("select count(*) from dt_task s join dt_directive d on d.id = s.directive_id"
        + " where d.parent_task_id = ? and s.state = ?", Integer.class, taskId, TaskRecord.OPEN);
    return n == null ? 0 : n;
  }

  public void linkProcessInstance(String taskId, String processInstanceId) {
    jdbc.update("update dt_task set process_instance_id = ? where id = ?", processInstanceId, taskId);
  }

  /** A comma-separated list of unit codes as a list: the collection of the contribution multi-instance. */
  public List<String> units(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
  }

  public void assignLead(String taskId, String leadUnit, String decidedBy) {
    jdbc.update("update dt_task set lead_unit = ?, lead_decided_by = ? where id = ?", leadUnit, decidedBy, taskId);
  }

  /**
   * Closes the task as accepted; on time or late follows from the completion date and the deadline. A closed
   * task is no longer due for the sweep's escalations, reminders and progress periods.
   */
  public void markCompleted(String taskId, LocalDate completedOn, Instant at) {
    jdbc.update("update dt_task set state = ?, completed_on = ?, closed_at = ?, next_escalation_at = null,"
        + " next_reminder_at = null, next_progress_at = null where id = ? and state = ?",
        TaskRecord.COMPLETED, Date.valueOf(completedOn), Timestamp.from(at), taskId, TaskRecord.OPEN);
  }

  public void markWithdrawn(String taskId, Instant at) {
    jdbc.update("update dt_task set state = ?, closed_at = ?, next_escalation_at = null,"
        + " next_reminder_at = null, next_progress_at = null where id = ? and state = ?",
        TaskRecord.WITHDRAWN, Timestamp.from(at), taskId, TaskRecord.OPEN);
  }

  static TaskRecord map(ResultSet rs, int rowNum) throws SQLException {
    String coordinating = rs.getString("coordinating_units");
    return new TaskRecord(
        rs.getString("id"),
        rs.getString("directive_id"),
        rs.getString("reference"),
        rs.getString("issuer"),
        rs.getString("issuer_level"),
        toLocalDate(rs.getDate("issued_on")),
        rs.getString("task_key"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("domain"),
        rs.getString("province"),
        rs.getString("requested_lead_unit"),
        rs.getString("lead_unit"),
        rs.getString("lead_decided_by"),
        coordinating == null || coordinating.isEmpty() ? List.of() : Arrays.asList(coordinating.split(",")),
        toLocalDate(rs.getDate("deadline")),
        rs.getBoolean("key_task"),
        rs.getString("expected_result"),
        rs.getString("state"),
        toLocalDate(rs.getDate("completed_on")),
        rs.getInt("escalation_level"));
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}

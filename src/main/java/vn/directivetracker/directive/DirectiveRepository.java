package vn.directivetracker.directive;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;

/** dt_directive and dt_task for the API: insert a notice, read it back, list and withdraw. */
@Repository
class DirectiveRepository {

  private final JdbcTemplate jdbc;

  DirectiveRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String issuer, String reference) {
    Integer n = jdbc.queryForObject("select count(*) from dt_directive where issuer = ? and reference = ?",
        Integer.class, issuer, reference);
    return n != null && n > 0;
  }

  void insert(DirectiveRow d) {
    jdbc.update("insert into dt_directive (id, issuer, reference, issued_on, title, issuer_level, issued_by, issued_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?)", d.id(), d.issuer(), d.reference(), Date.valueOf(d.issuedOn()),
        d.title(), d.issuerLevel(), d.issuedBy(), Timestamp.from(d.issuedAt()));
  }

  void insertTasks(String directiveId, List<NewTask> tasks) {
    jdbc.batchUpdate("insert into dt_task (id, directive_id, task_key, position, title, description, domain, province,"
        + " requested_lead_unit, coordinating_units, deadline, key_task, expected_result, state, escalation_level,"
        + " deadline_working_days) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", tasks, tasks.size(),
        (ps, t) -> {
          ps.setString(1, t.id());
          ps.setString(2, directiveId);
          ps.setString(3, t.key());
          ps.setInt(4, t.position());
          ps.setString(5, t.title());
          ps.setString(6, t.description());
          ps.setString(7, t.domain());
          ps.setString(8, t.province());
          ps.setString(9, t.requestedLeadUnit());
          ps.setString(10, String.join(",", t.coordinatingUnits()));
          ps.setDate(11, t.deadline() == null ? null : Date.valueOf(t.deadline()));
          ps.setBoolean(12, t.keyTask());
          ps.setString(13, t.expectedResult());
          ps.setString(14, TaskRecord.OPEN);
          ps.setObject(15, t.deadlineWorkingDays(), java.sql.Types.INTEGER);
        });
  }

  void setProcessInstance(String directiveId, String processInstanceId) {
    jdbc.update("update dt_directive set process_instance_id = ? where id = ?", processInstanceId, directiveId);
  }

  void markWithdrawn(String directiveId, String by, String reason, Instant at) {
    jdbc.update("update dt_directive set withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? where id = ?",
        Timestamp.from(at), by, reason, directiveId);
  }

  Optional<DirectiveRow> find(String id) {
    return jdbc.query("select * from dt_directive where id = ?", DIRECTIVE_ROW, id).stream().findFirst();
  }

  List<TaskRecord> tasksOf(String directiveId) {
    return jdbc.query(DirectiveTasks.SELECT + "where t.directive_id = ? order by t.position", DirectiveTasks.ROW,
        directiveId);
  }

  /** The lead unit of the task a sub-directive splits, if it is one. */
  Optional<String> parentLeadUnit(String directiveId) {
    return jdbc.queryForList("select p.lead_unit from dt_directive d join dt_task p on p.id = d.parent_task_id"
        + " where d.id = ?", String.class, directiveId).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  void setParentTask(String directiveId, String parentTaskId) {
    jdbc.update("update dt_directive set parent_task_id = ? where id = ?", parentTaskId, directiveId);
  }

  /** Per task of this directive that was split: its sub-tasks counted (withdrawn ones are not counted). */
  java.util.Map<String, DirectiveView.Subtasks> subtasksOf(String directiveId, LocalDate today) {
    java.util.Map<String, DirectiveView.Subtasks> counts = new java.util.HashMap<>();
    jdbc.query("select d.parent_task_id, count(*) as total,"
        + " sum(case when s.state = 'COMPLETED' then 1 else 0 end) as completed,"
        + " sum(case when s.state = 'OPEN' and s.deadline < ? then 1 else 0 end) as overdue"
        + " from dt_directive d join dt_task s on s.directive_id = d.id"
        + " where s.state <> 'WITHDRAWN' and d.parent_task_id in (select id from dt_task where directive_id = ?)"
        + " group by d.parent_task_id", rs -> {
          counts.put(rs.getString("parent_task_id"), new DirectiveView.Subtasks(rs.getInt("total"),
              rs.getInt("completed"), rs.getInt("overdue")));
        }, Date.valueOf(today), directiveId);
    return counts;
  }

  /** Keeps each task's deadline as the notice wrote it, by task id. */
  void keepDeadlinesAsWritten(java.util.Map<String, String> writtenByTaskId) {
    jdbc.batchUpdate("update dt_task set deadline_as_written = ? where id = ?", writtenByTaskId.entrySet().stream()
        .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
  }

  /** Task id to its deadline as the notice wrote it, for the tasks whose deadline was written. */
  java.util.Map<String, String> deadlinesAsWritten(String directiveId) {
    return byTaskId("deadline_as_written", String.class, directiveId);
  }

  /** Task id to the number of working days its deadline was given in, for the tasks given so. */
  java.util.Map<String, Integer> workingDayDeadlines(String directiveId) {
    return byTaskId("deadline_working_days", Integer.class, directiveId);
  }

  /** A column of a directive's tasks by task id, for the tasks where it is set. */
  private <T> java.util.Map<String, T> byTaskId(String column, Class<T> type, String directiveId) {
    java.util.Map<String, T> values = new java.util.HashMap<>();
    jdbc.query("select id, " + column + " from dt_task where directive_id = ? and " + column + " is not null",
        rs -> {
          values.put(rs.getString(1), rs.getObject(2, type));
        }, directiveId);
    return values;
  }

  String processInstanceOf(String taskId) {
    return jdbc.queryForObject("select process_instance_id from dt_task where id = ?", String.class, taskId);
  }

  /**
   * Directives newest first, filtered by issuer and status; when {@code units} is given, only those in
   * which one of these units leads or coordinates a task (or which one of them issued).
   */
  List<DirectiveSummary> summaries(String issuer, String status, List<String> units, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (issuer != null) {
      where.append(" and s.issuer = ?");
      args.add(issuer);
    }
    if (status != null) {
      where.append(" and s.status = ?");
      args.add(status);
    }
    if (units != null) {
      if (units.isEmpty()) {
        return List.of();
      }
      String marks = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
      where.append(" and (s.issuer in (" + marks + ") or s.issuer || 'SEC' in (" + marks + ")"
          + " or exists (select 1 from dt_task t where t.directive_id = s.id and t.lead_unit in (" + marks + ")))");
      args.addAll(units);
      args.addAll(units);
      args.addAll(units);
    }
    args.add(limit);
    String sql = "select * from (select d.id, d.reference, d.issuer, d.issued_on, d.title, d.issued_at,"
        + " (select count(*) from dt_task t where t.directive_id = d.id) as tasks,"
        + " (select count(*) from dt_task t where t.directive_id = d.id and t.state = 'OPEN') as open_tasks,"
        + " case when d.withdrawn_at is not null then 'WITHDRAWN'"
        + "  when exists (select 1 from dt_task t where t.directive_id = d.id and t.state = 'OPEN') then 'ACTIVE'"
        + "  else 'COMPLETED' end as status"
        + " from dt_directive d) s" + where + " order by s.issued_on desc, s.issued_at desc limit ?";
    return jdbc.query(sql, (rs, n) -> new DirectiveSummary(rs.getString("id"), rs.getString("reference"),
        rs.getString("issuer"), rs.getDate("issued_on").toLocalDate(), rs.getString("title"),
        rs.getString("status"), rs.getInt("tasks"), rs.getInt("open_tasks")), args.toArray());
  }

  private static final org.springframework.jdbc.core.RowMapper<DirectiveRow> DIRECTIVE_ROW = (rs, n) ->
      new DirectiveRow(rs.getString("id"), rs.getString("issuer"), rs.getString("reference"),
          rs.getDate("issued_on").toLocalDate(), rs.getString("title"), rs.getString("issuer_level"),
          rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("withdrawn_at") != null);

  record DirectiveRow(String id, String issuer, String reference, LocalDate issuedOn, String title,
      String issuerLevel, String issuedBy, Instant issuedAt, boolean withdrawn) {
  }

  record NewTask(String id, String key, int position, String title, String description, String domain,
      String province, String requestedLeadUnit, List<String> coordinatingUnits, LocalDate deadline,
      Integer deadlineWorkingDays, boolean keyTask, String expectedResult) {
  }
}

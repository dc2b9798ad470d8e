package vn.directivetracker.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.shared.TaskTarget;
import vn.directivetracker.shared.TaskTargets;

/**
 * The monthly report's figures, counted by the database (one GROUP BY per question, plain SQL that H2 and
 * PostgreSQL both run), never by loading tasks. A task is judged by business dates as it stood at a cut-off:
 * <ul>
 *   <li>counted when its directive was issued on or before the last day ({@code issued_on}), so a notice
 *       back-filled later counts in the months it was in force, and not once it was withdrawn
 *       ({@code closed_at} of a WITHDRAWN task before the cut-off moment);</li>
 *   <li>completed when its accepted completion date ({@code completed_on}) is on or before the last day;
 *       on time when that date is not after the deadline;</li>
 *   <li>otherwise open: overdue when its deadline is before the last day, in progress otherwise.</li>
 * </ul>
 */
@Repository
class MonthlyReportQueries {

  /** Open at the cut-off: not completed by then (a task withdrawn later was open then too). */
  private static final String OPEN = "(t.state <> 'COMPLETED' or t.completed_on > :asOf)";
  private static final String COMPLETED = "(t.state = 'COMPLETED' and t.completed_on <= :asOf)";
  private static final String ON_TIME = "(t.deadline is null or t.completed_on <= t.deadline)";

  private static final String COUNTED_TASKS = " from dt_task t join dt_directive d on d.id = t.directive_id"
      + " where d.issuer = :issuer and d.issued_on <= :asOf"
      + " and not (t.state = 'WITHDRAWN' and t.closed_at < :cutOff)";

  private static final String FIGURES = "sum(case when " + COMPLETED + " and " + ON_TIME + " then 1 else 0 end) as on_time,"
      + " sum(case when " + COMPLETED + " and not " + ON_TIME + " then 1 else 0 end) as late,"
      + " sum(case when " + OPEN + " and (t.deadline is null or t.deadline >= :asOf) then 1 else 0 end) as in_progress,"
      + " sum(case when " + OPEN + " and t.deadline < :asOf then 1 else 0 end) as overdue";

  private final NamedParameterJdbcTemplate jdbc;

  MonthlyReportQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The counts of one cut-off, per lead unit, in no particular order. */
  Map<String, Counts> countsByLeadUnit(Cutoff c) {
    String sql = "select coalesce(t.lead_unit, '-') as unit, " + FIGURES + ","
        + " sum(case when " + OPEN + " and d.issued_on < :progressDue and p.task_id is null then 1 else 0 end) as missing"
        + " from dt_task t join dt_directive d on d.id = t.directive_id"
        + " left join (select distinct r.task_id from dt_report r where r.kind = 'PROGRESS' and r.period = :period) p"
        + "   on p.task_id = t.id"
        + " where d.issuer = :issuer and d.issued_on <= :asOf"
        + " and not (t.state = 'WITHDRAWN' and t.closed_at < :cutOff)"
        + " group by coalesce(t.lead_unit, '-')";
    Map<String, Counts> counts = new LinkedHashMap<>();
    jdbc.query(sql, params(c), (ResultSet rs) -> {
      counts.put(rs.getString("unit"), new Counts(rs.getInt("on_time"), rs.getInt("late"), rs.getInt("in_progress"),
          rs.getInt("overdue"), rs.getInt("missing")));
    });
    return counts;
  }

  /** Escalations recorded within the month (up to the cut-off), per lead unit. */
  Map<String, Integer> escalationsByLeadUnit(Cutoff c) {
    String sql = "select coalesce(t.lead_unit, '-') as unit, count(*) as n"
        + " from dt_escalation e join dt_task t on t.id = e.task_id join dt_directive d on d.id = t.directive_id"
        + " where d.issuer = :issuer and e.escalated_at >= :monthStart and e.escalated_at < :cutOff"
        + " group by coalesce(t.lead_unit, '-')";
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.query(sql, params(c), (ResultSet rs) -> {
      counts.put(rs.getString("unit"), rs.getInt("n"));
    });
    return counts;
  }

  /** On-time completions and overdue tasks of all units at one cut-off: a point of the trend. */
  Counts totals(Cutoff c) {
    String sql = "select " + FIGURES + COUNTED_TASKS;
    return jdbc.queryForObject(sql, params(c), (rs, n) -> new Counts(rs.getInt("on_time"), rs.getInt("late"),
        rs.getInt("in_progress"), rs.getInt("overdue"), 0));
  }

  /** The tasks open and past their deadline at the cut-off, the longest overdue first. */
  List<OverdueRow> overdueTasks(Cutoff c) {
    String sql = "select t.id, t.directive_id, d.reference, t.task_key, t.title, t.lead_unit, t.deadline,"
        + " (select max(e.level) from dt_escalation e where e.task_id = t.id and e.escalated_at < :cutOff) as level"
        + COUNTED_TASKS + " and " + OPEN + " and t.deadline < :asOf"
        + " order by t.deadline, d.reference, t.position";
    return jdbc.query(sql, params(c), (rs, n) -> new OverdueRow(rs.getString("id"), rs.getString("directive_id"),
        rs.getString("reference"), rs.getString("task_key"), rs.getString("title"), rs.getString("lead_unit"),
        toLocalDate(rs.getDate("deadline")), rs.getInt("level")));
  }

  /** The tasks with a measurable target counted at the cut-off, in notice order. */
  List<TargetRow> targetTasks(Cutoff c) {
    String sql = "select t.id, t.directive_id, d.reference, t.task_key, t.title, t.lead_unit, t.deadline, d.issued_on,"
        + " t.target_measure, t.target_unit, t.target_baseline, t.target_value,"
        + " case when " + COMPLETED + " then 1 else 0 end as completed"
        + COUNTED_TASKS + " and t.target_measure is not null"
        + " order by d.issued_on, d.reference, t.position";
    return jdbc.query(sql, params(c), (rs, n) -> new TargetRow(rs.getString("id"), rs.getString("directive_id"),
        rs.getString("reference"), rs.getString("task_key"), rs.getString("title"), rs.getString("lead_unit"),
        toLocalDate(rs.getDate("issued_on")), toLocalDate(rs.getDate("deadline")), rs.getInt("completed") == 1,
        TaskTargets.target(rs)));
  }

  private static MapSqlParameterSource params(Cutoff c) {
    return new MapSqlParameterSource()
        .addValue("issuer", c.issuer())
        .addValue("asOf", Date.valueOf(c.asOf()))
        .addValue("cutOff", Timestamp.from(c.cutOff()))
        .addValue("monthStart", Timestamp.from(c.monthStart()))
        .addValue("progressDue", Date.valueOf(c.progressDue()))
        .addValue("period", c.period());
  }

  private static LocalDate toLocalDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  /**
   * Where to count: the issuer, the last day counted, the moment the month (or now) ends, the moment it
   * began, the progress report due day and the period ('YYYY-MM') of its progress reports.
   */
  record Cutoff(String issuer, LocalDate asOf, Instant cutOff, Instant monthStart, LocalDate progressDue,
      String period) {
  }

  record Counts(int onTime, int late, int inProgress, int overdue, int missingProgressReports) {
  }

  record TargetRow(String taskId, String directiveId, String reference, String taskKey, String title,
      String leadUnit, LocalDate issuedOn, LocalDate deadline, boolean completed, TaskTarget target) {
  }

  record OverdueRow(String taskId, String directiveId, String reference, String taskKey, String title,
      String leadUnit, LocalDate deadline, int escalationLevel) {
  }
}

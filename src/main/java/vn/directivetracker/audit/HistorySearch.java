package vn.directivetracker.audit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.TaskStatus;

/**
 * Finds directives' tasks, running and finished, for the history page: by reference (or task key or title),
 * unit (lead or coordinating), status and the day of issue. A caller finds what the audit trail lets them
 * read: auditors and administrators everything, an issuer's members and secretariat its directives, a unit
 * the tasks it leads.
 */
@Repository
class HistorySearch {

  static final int MAX_ROWS = 200;

  private final JdbcTemplate jdbc;

  HistorySearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What to look for; null or empty means any. */
  record Criteria(String text, String unit, TaskStatus status, LocalDate from, LocalDate to) {
  }

  /** One task found, with its directive. */
  record Row(String directiveId, String issuer, String reference, String directiveTitle, LocalDate issuedOn,
      String taskId, String key, String title, String leadUnit, LocalDate deadline, TaskStatus status,
      String statusLabel, LocalDate completedOn, boolean running) {
  }

  List<Row> find(Criteria c, Caller caller, LocalDate today) {
    StringBuilder sql = new StringBuilder("select d.id as directive_id, d.issuer, d.reference, d.title as d_title,"
        + " d.issued_on, t.id as task_id, t.task_key, t.title, t.lead_unit, t.deadline, t.state, t.completed_on"
        + " from dt_task t join dt_directive d on d.id = t.directive_id where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (!caller.isAuditor() && !caller.isAdmin()) {
      List<String> groups = caller.groups().isEmpty() ? List.of("-") : caller.groups();
      String marks = String.join(",", Collections.nCopies(groups.size(), "?"));
      sql.append(" and (d.issuer in (").append(marks).append(") or d.issuer || 'SEC' in (").append(marks)
          .append(") or t.lead_unit in (").append(marks).append("))");
      args.addAll(groups);
      args.addAll(groups);
      args.addAll(groups);
    }
    if (c.text() != null && !c.text().isBlank()) {
      String like = "%" + c.text().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
          + "%";
      sql.append(" and (lower(d.reference) like ? escape '\\' or lower(t.task_key) like ? escape '\\'"
          + " or lower(t.title) like ? escape '\\' or lower(d.title) like ? escape '\\')");
      Collections.addAll(args, like, like, like, like);
    }
    if (c.unit() != null && !c.unit().isBlank()) {
      sql.append(" and (t.lead_unit = ? or ',' || t.coordinating_units || ',' like ?)");
      Collections.addAll(args, c.unit(), "%," + c.unit() + ",%");
    }
    if (c.status() != null) {
      Date day = Date.valueOf(today);
      switch (c.status()) {
        case WITHDRAWN -> sql.append(" and t.state = 'WITHDRAWN'");
        case COMPLETED_ON_TIME -> sql.append(" and t.state = 'COMPLETED'"
            + " and (t.deadline is null or t.completed_on is null or t.completed_on <= t.deadline)");
        case COMPLETED_LATE -> sql.append(" and t.state = 'COMPLETED' and t.completed_on > t.deadline");
        case OVERDUE -> {
          sql.append(" and t.state = 'OPEN' and t.deadline < ?");
          args.add(day);
        }
        case IN_PROGRESS -> {
          sql.append(" and t.state = 'OPEN' and (t.deadline is null or t.deadline >= ?)");
          args.add(day);
        }
        default -> throw new IllegalArgumentException(c.status().toString());
      }
    }
    if (c.from() != null) {
      sql.append(" and d.issued_on >= ?");
      args.add(Date.valueOf(c.from()));
    }
    if (c.to() != null) {
      sql.append(" and d.issued_on <= ?");
      args.add(Date.valueOf(c.to()));
    }
    sql.append(" order by d.issued_on desc, d.issuer, d.reference, t.position fetch first ").append(MAX_ROWS + 1)
        .append(" rows only");
    return jdbc.query(sql.toString(), (rs, n) -> {
      String state = rs.getString("state");
      LocalDate deadline = day(rs.getDate("deadline"));
      LocalDate completedOn = day(rs.getDate("completed_on"));
      TaskStatus status = TaskStatus.of(state, deadline, completedOn, today);
      return new Row(rs.getString("directive_id"), rs.getString("issuer"), rs.getString("reference"),
          rs.getString("d_title"), day(rs.getDate("issued_on")), rs.getString("task_id"), rs.getString("task_key"),
          rs.getString("title"), rs.getString("lead_unit"), deadline,
          status, STATUS_LABELS.get(status), completedOn, TaskRecord.OPEN.equals(state));
    }, args.toArray());
  }

  private static LocalDate day(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  static final Map<TaskStatus, String> STATUS_LABELS = Map.of(
      TaskStatus.IN_PROGRESS, "Đang thực hiện trong hạn",
      TaskStatus.OVERDUE, "Quá hạn",
      TaskStatus.COMPLETED_ON_TIME, "Hoàn thành đúng hạn",
      TaskStatus.COMPLETED_LATE, "Hoàn thành quá hạn",
      TaskStatus.WITHDRAWN, "Đã thu hồi");
}

package vn.directivetracker.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasks' measurable targets (dt_task.target_*) and the values their reports gave (dt_report.value_reached):
 * one home for the issuing, the forms, the directive view, the monthly report and the review pack.
 */
@Component
public class TaskTargets {

  private static final String TARGET_COLUMNS = "target_measure, target_unit, target_baseline, target_value";

  private final JdbcTemplate jdbc;

  TaskTargets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps the targets of new tasks, by task id. */
  public void keep(Map<String, TaskTarget> byTaskId) {
    jdbc.batchUpdate("update dt_task set target_measure = ?, target_unit = ?, target_baseline = ?, target_value = ?"
        + " where id = ?", byTaskId.entrySet().stream().map(e -> new Object[] {e.getValue().measure().strip(),
            e.getValue().unit().strip(), e.getValue().baseline(), e.getValue().value(), e.getKey()}).toList());
  }

  /** The task's target, if it has one. */
  public Optional<TaskTarget> of(String taskId) {
    return jdbc.query("select " + TARGET_COLUMNS + " from dt_task where id = ? and target_measure is not null",
        (rs, n) -> target(rs), taskId).stream().findFirst();
  }

  /** The targets of a directive's tasks, by task id; tasks without one are absent. */
  public Map<String, TaskTarget> ofDirective(String directiveId) {
    Map<String, TaskTarget> targets = new HashMap<>();
    jdbc.query("select id, " + TARGET_COLUMNS + " from dt_task where directive_id = ? and target_measure is not null",
        rs -> {
          targets.put(rs.getString("id"), target(rs));
        }, directiveId);
    return targets;
  }

  /**
   * The values the tasks' reports gave, oldest first, by task id, up to {@code until} (exclusive; null: all).
   * A report the issuer returned does not count: its value was not accepted as reported.
   */
  public Map<String, List<BigDecimal>> valuesOf(Collection<String> taskIds, java.time.Instant until) {
    Map<String, List<BigDecimal>> values = new LinkedHashMap<>();
    if (taskIds.isEmpty()) {
      return values;
    }
    List<Object> args = new ArrayList<>(taskIds);
    String marks = String.join(",", java.util.Collections.nCopies(taskIds.size(), "?"));
    String sql = "select task_id, value_reached from dt_report where value_reached is not null"
        + " and (outcome is null or outcome <> 'RETURNED') and task_id in (" + marks + ")";
    if (until != null) {
      sql += " and submitted_at < ?";
      args.add(java.sql.Timestamp.from(until));
    }
    jdbc.query(sql + " order by submitted_at, id", rs -> {
      values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(strip(rs.getBigDecimal(2)));
    }, args.toArray());
    return values;
  }

  /** The target of a dt_task row selected with its target_* columns. */
  public static TaskTarget target(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TaskTarget(rs.getString("target_measure"), rs.getString("target_unit"),
        strip(rs.getBigDecimal("target_baseline")), strip(rs.getBigDecimal("target_value")));
  }

  /** 76.0000 as stored is 76 as written (and 100 stays 100, not 1E+2). */
  static BigDecimal strip(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}

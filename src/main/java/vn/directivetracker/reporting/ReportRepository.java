package vn.directivetracker.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dt_report: every report a unit submits (completion or contribution) and how it was reviewed. */
@Repository
class ReportRepository {

  static final String COMPLETION = "COMPLETION";
  static final String CONTRIBUTION = "CONTRIBUTION";
  static final String PROGRESS = "PROGRESS";
  static final String ACCEPTED = "ACCEPTED";
  static final String RETURNED = "RETURNED";

  private final JdbcTemplate jdbc;

  ReportRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String insert(String taskId, String kind, String unit, String by, String result, LocalDate completionDate,
      Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into dt_report (id, task_id, kind, unit, submitted_by, submitted_at, result, completion_date)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?)", id, taskId, kind, unit, by, Timestamp.from(at), result,
        completionDate == null ? null : Date.valueOf(completionDate));
    return id;
  }

  /** A monthly progress report of the lead unit for a period (yyyy-MM). */
  String insertProgress(String taskId, String unit, String by, String text, String period, Integer percent,
      Instant at) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into dt_report (id, task_id, kind, unit, submitted_by, submitted_at, result, period,"
        + " progress_percent) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, taskId, PROGRESS, unit, by, Timestamp.from(at),
        text, period, percent);
    return id;
  }

  void setProgress(String reportId, Integer percent) {
    jdbc.update("update dt_report set progress_percent = ? where id = ?", percent, reportId);
  }

  /** The value a report of a task with a target says was reached; nothing for null. */
  void setValueReached(String reportId, java.math.BigDecimal value) {
    if (value != null) {
      jdbc.update("update dt_report set value_reached = ? where id = ?", value, reportId);
    }
  }

  /**
   * Records the review of the task's report awaiting one: its latest completion report without an outcome
   * (a returned report has one, so a resubmission is the only one waiting). A task under review has exactly
   * one; none means the model and the table disagree, which must stop the step rather than pass unrecorded.
   * Returns the completion date that report gave (null when it gave none): what the lead unit reported, not a
   * variable that a later form could have changed.
   */
  LocalDate reviewAwaiting(String taskId, String outcome, String comment, String by, Instant at) {
    List<Map<String, Object>> awaiting = jdbc.queryForList("select id, completion_date from dt_report"
        + " where task_id = ? and kind = ? and outcome is null order by submitted_at desc fetch first 1 rows only",
        taskId, COMPLETION);
    if (awaiting.isEmpty()) {
      throw new IllegalStateException("task " + taskId + " has no report awaiting review");
    }
    Object id = awaiting.get(0).get("id");
    int updated = jdbc.update("update dt_report set outcome = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?"
        + " where id = ? and outcome is null", outcome, comment, by, Timestamp.from(at), id);
    if (updated != 1) {
      throw new IllegalStateException("task " + taskId + " has no report awaiting review");
    }
    Object date = awaiting.get(0).get("completion_date");
    return date instanceof Date d ? d.toLocalDate() : date instanceof java.time.LocalDate l ? l : null;
  }

  /** Who submitted the task's latest completion report (null before the first). */
  String latestSubmitter(String taskId) {
    List<String> by = jdbc.queryForList("select submitted_by from dt_report where task_id = ? and kind = ?"
        + " order by submitted_at desc fetch first 1 rows only", String.class, taskId, COMPLETION);
    return by.isEmpty() ? null : by.get(0);
  }
}

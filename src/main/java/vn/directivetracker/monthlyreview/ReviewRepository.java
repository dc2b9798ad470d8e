package vn.directivetracker.monthlyreview;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dt_review_run (one monthly run) and dt_review (one issuer's review pack, conclusions and follow-up draft). */
@Repository
class ReviewRepository {

  private final JdbcTemplate jdbc;

  ReviewRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the run of a month; false when it was already claimed (the run happened, or runs right now). */
  boolean claimRun(String runMonth, String reviewedMonth, Instant at, String processInstanceId) {
    Integer n = jdbc.queryForObject("select count(*) from dt_review_run where run_month = ?", Integer.class, runMonth);
    if (n != null && n > 0) {
      return false;
    }
    try {
      jdbc.update("insert into dt_review_run (run_month, reviewed_month, started_at, process_instance_id)"
          + " values (?, ?, ?, ?)", runMonth, reviewedMonth, Timestamp.from(at), processInstanceId);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * Issuers that had a task open at the end of {@code asOf} (by the business dates the monthly report uses),
   * in code order.
   */
  List<String> issuersWithOpenTasks(LocalDate asOf, Instant cutOff) {
    return jdbc.queryForList("select distinct d.issuer from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.issued_on <= ?"
        + " and (t.state = 'OPEN' or (t.state = 'COMPLETED' and t.completed_on > ?)"
        + "      or (t.state = 'WITHDRAWN' and t.closed_at >= ?))"
        + " order by d.issuer", String.class, Date.valueOf(asOf), Date.valueOf(asOf), Timestamp.from(cutOff));
  }

  void insert(String id, String issuer, String period, String reportJson, Instant at, String processInstanceId) {
    jdbc.update("insert into dt_review (id, issuer, period, report_json, created_at, process_instance_id)"
        + " values (?, ?, ?, ?, ?, ?)", id, issuer, period, reportJson, Timestamp.from(at), processInstanceId);
  }

  void recordConclusions(String id, String conclusions, boolean issueFollowUp, String heldBy, Instant at) {
    jdbc.update("update dt_review set conclusions = ?, issue_follow_up = ?, held_by = ?, held_at = ? where id = ?",
        conclusions, issueFollowUp, heldBy, Timestamp.from(at), id);
  }

  void recordFollowUp(String id, String followUpJson) {
    jdbc.update("update dt_review set follow_up_json = ? where id = ?", followUpJson, id);
  }

  Optional<ReviewRow> find(String id) {
    return jdbc.query("select * from dt_review where id = ?", (rs, n) -> new ReviewRow(rs.getString("id"),
        rs.getString("issuer"), rs.getString("period"), rs.getString("report_json"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("process_instance_id"), rs.getString("conclusions"),
        (Boolean) rs.getObject("issue_follow_up"), rs.getString("held_by"),
        rs.getTimestamp("held_at") == null ? null : rs.getTimestamp("held_at").toInstant(),
        rs.getString("follow_up_json")), id).stream().findFirst();
  }

  /** The facts of tasks a follow-up directive repeats, in the order of the ids given. */
  List<TaskFacts> tasks(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    List<TaskFacts> found = jdbc.query("select id, domain, province, lead_unit, coordinating_units, key_task,"
        + " expected_result, description from dt_task where id in (" + marks + ")", (rs, n) -> new TaskFacts(
            rs.getString("id"), rs.getString("domain"), rs.getString("province"), rs.getString("lead_unit"),
            rs.getString("coordinating_units"), rs.getBoolean("key_task"), rs.getString("expected_result"),
            rs.getString("description")), ids.toArray());
    return ids.stream().flatMap(id -> found.stream().filter(t -> t.id().equals(id))).toList();
  }

  record ReviewRow(String id, String issuer, String period, String reportJson, Instant createdAt,
      String processInstanceId, String conclusions, Boolean issueFollowUp, String heldBy, Instant heldAt,
      String followUpJson) {
  }

  record TaskFacts(String id, String domain, String province, String leadUnit, String coordinatingUnits,
      boolean keyTask, String expectedResult, String description) {
  }
}

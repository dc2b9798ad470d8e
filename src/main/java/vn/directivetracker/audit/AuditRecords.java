package vn.directivetracker.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads our own tables (dt_*) for the audit: what the processes recorded beside Camunda's history. */
@Repository
class AuditRecords {

  private final JdbcTemplate jdbc;

  AuditRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Directive> directive(String id) {
    return jdbc.query("select * from dt_directive where id = ?", AuditRecords::directive, id).stream().findFirst();
  }

  Optional<Directive> directiveByKey(String issuer, String reference) {
    return jdbc.query("select * from dt_directive where issuer = ? and reference = ?", AuditRecords::directive,
        issuer, reference).stream().findFirst();
  }

  Optional<Task> task(String id) {
    return jdbc.query("select * from dt_task where id = ?", AuditRecords::task, id).stream().findFirst();
  }

  Optional<Task> taskByKey(String issuer, String reference, String key) {
    return jdbc.query("select t.* from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.issuer = ? and d.reference = ? and t.task_key = ?", AuditRecords::task, issuer, reference, key)
        .stream().findFirst();
  }

  /** The task a directive-task process instance runs, if it is one. */
  Optional<Task> taskByProcess(String processInstanceId) {
    return jdbc.query("select * from dt_task where process_instance_id = ?", AuditRecords::task, processInstanceId)
        .stream().findFirst();
  }

  /** The directive a directive process instance runs, if it is one. */
  Optional<Directive> directiveByProcess(String processInstanceId) {
    return jdbc.query("select * from dt_directive where process_instance_id = ?", AuditRecords::directive,
        processInstanceId).stream().findFirst();
  }

  List<Task> tasksOf(String directiveId) {
    return jdbc.query("select * from dt_task where directive_id = ? order by position", AuditRecords::task,
        directiveId);
  }

  List<Report> reports(String taskId) {
    return jdbc.query("select * from dt_report where task_id = ? order by submitted_at, id", (rs, n) -> new Report(
        rs.getString("id"), rs.getString("kind"), rs.getString("unit"), rs.getString("submitted_by"),
        instant(rs, "submitted_at"), rs.getString("result"), date(rs, "completion_date"), rs.getString("period"),
        (Integer) rs.getObject("progress_percent", Integer.class), rs.getBigDecimal("value_reached"),
        rs.getString("outcome"), rs.getString("review_comment"), rs.getString("reviewed_by"),
        instant(rs, "reviewed_at")), taskId);
  }

  List<Escalation> escalations(String taskId) {
    return jdbc.query("select * from dt_escalation where task_id = ? order by escalated_at, id", (rs, n) ->
        new Escalation(rs.getString("id"), rs.getInt("level"), rs.getInt("days_overdue"), rs.getString("audience"),
            instant(rs, "escalated_at"), (Boolean) rs.getObject("key_task", Boolean.class),
            rs.getString("lead_unit_type"), (Integer) rs.getObject("next_check_in_days", Integer.class),
            instant(rs, "next_escalation_at"), rs.getString("decision_definition_id"), rs.getString("escalated_by")),
        taskId);
  }

  List<Notification> notifications(String taskId) {
    return jdbc.query("select id, event, recipient_groups, recipient_addresses, subject, status, created_at, sent_at"
        + " from dt_notification where task_id = ? order by created_at, id", (rs, n) -> new Notification(
        rs.getString("id"), rs.getString("event"), rs.getString("recipient_groups"),
        rs.getString("recipient_addresses"), rs.getString("subject"), rs.getString("status"),
        instant(rs, "created_at"), instant(rs, "sent_at")), taskId);
  }

  private static Directive directive(ResultSet rs, int n) throws SQLException {
    return new Directive(rs.getString("id"), rs.getString("issuer"), rs.getString("reference"),
        date(rs, "issued_on"), rs.getString("title"), rs.getString("issued_by"), instant(rs, "issued_at"),
        rs.getString("process_instance_id"), instant(rs, "withdrawn_at"), rs.getString("withdrawn_by"),
        rs.getString("withdrawn_reason"));
  }

  private static Task task(ResultSet rs, int n) throws SQLException {
    String coordinating = rs.getString("coordinating_units");
    return new Task(rs.getString("id"), rs.getString("directive_id"), rs.getString("task_key"), rs.getInt("position"),
        rs.getString("title"), rs.getString("domain"), rs.getString("province"), rs.getString("requested_lead_unit"),
        rs.getString("lead_unit"), rs.getString("lead_decided_by"),
        coordinating == null || coordinating.isEmpty() ? List.of() : List.of(coordinating.split(",")),
        date(rs, "deadline"), rs.getBoolean("key_task"), rs.getString("expected_result"), rs.getString("state"),
        date(rs, "completed_on"), instant(rs, "closed_at"), rs.getString("process_instance_id"),
        rs.getString("lead_unit_as_written"), rs.getString("coordinating_units_as_written"),
        rs.getString("conclusion_key"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  record Directive(String id, String issuer, String reference, LocalDate issuedOn, String title, String issuedBy,
      Instant issuedAt, String processInstanceId, Instant withdrawnAt, String withdrawnBy, String withdrawnReason) {

    String businessKey() {
      return issuer + ":" + reference;
    }
  }

  record Task(String id, String directiveId, String key, int position, String title, String domain, String province,
      String requestedLeadUnit, String leadUnit, String leadDecidedBy, List<String> coordinatingUnits,
      LocalDate deadline, boolean keyTask, String expectedResult, String state, LocalDate completedOn,
      Instant closedAt, String processInstanceId, String leadUnitAsWritten, String coordinatingUnitsAsWritten,
      String conclusionKey) {
  }

  record Report(String id, String kind, String unit, String submittedBy, Instant submittedAt, String result,
      LocalDate completionDate, String period, Integer progressPercent, java.math.BigDecimal valueReached,
      String outcome, String reviewComment,
      String reviewedBy, Instant reviewedAt) {
  }

  /**
   * An escalation by the sweep and the escalation-level decision behind it: inputs (days overdue, key task, lead
   * unit type) and outputs (level, audience, days until the next look).
   */
  record Escalation(String id, int level, int daysOverdue, String audience, Instant escalatedAt, Boolean keyTask,
      String leadUnitType, Integer nextCheckInDays, Instant nextEscalationAt, String decisionDefinitionId,
      String escalatedBy) {
  }

  record Notification(String id, String event, String recipientGroups, String recipientAddresses, String subject,
      String status, Instant createdAt, Instant sentAt) {
  }
}

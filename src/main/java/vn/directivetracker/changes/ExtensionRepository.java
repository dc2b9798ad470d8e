package vn.directivetracker.changes;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dt_extension: each request to extend a deadline and how the issuer decided it. */
@Repository
class ExtensionRepository {

  static final String PENDING = "PENDING";
  static final String APPROVED = "APPROVED";
  static final String REFUSED = "REFUSED";

  private final JdbcTemplate jdbc;

  ExtensionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean hasOpen(String taskId) {
    Integer n = jdbc.queryForObject("select count(*) from dt_extension where open_task_id = ?", Integer.class, taskId);
    return n != null && n > 0;
  }

  /** Fails with a duplicate key when the task already has an open request (uq_dt_extension_open). */
  void insert(Extension e) {
    jdbc.update("insert into dt_extension (id, task_id, open_task_id, unit, requested_by, requested_at,"
        + " current_deadline, requested_deadline, reason, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(), e.taskId(), e.taskId(), e.unit(), e.requestedBy(), Timestamp.from(e.requestedAt()),
        Date.valueOf(e.currentDeadline()), Date.valueOf(e.requestedDeadline()), e.reason(), PENDING);
  }

  Optional<Extension> find(String id) {
    return jdbc.query("select * from dt_extension where id = ?", (rs, n) -> new Extension(rs.getString("id"),
        rs.getString("task_id"), rs.getString("unit"), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), rs.getDate("current_deadline").toLocalDate(),
        rs.getDate("requested_deadline").toLocalDate(), rs.getString("reason"), rs.getString("state"),
        rs.getString("decided_by"), rs.getString("decision_comment")), id).stream().findFirst();
  }

  void decide(String id, String state, String by, String comment, Instant at) {
    jdbc.update("update dt_extension set state = ?, open_task_id = null, decided_by = ?, decided_at = ?,"
        + " decision_comment = ? where id = ?", state, by, Timestamp.from(at), comment, id);
  }

  record Extension(String id, String taskId, String unit, String requestedBy, Instant requestedAt,
      LocalDate currentDeadline, LocalDate requestedDeadline, String reason, String state, String decidedBy,
      String decisionComment) {
  }
}

package vn.directivetracker.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dt_escalation: one row per escalation, the record reports count and auditors read. */
@Repository
class EscalationRepository {

  private final JdbcTemplate jdbc;

  EscalationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String taskId, int level, int daysOverdue, String audience, Instant at) {
    jdbc.update("insert into dt_escalation (id, task_id, level, days_overdue, audience, escalated_at)"
        + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), taskId, level, daysOverdue, audience,
        Timestamp.from(at));
  }
}

package vn.directivetracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** dt_digest_entry: the notices kept for officers who get a daily digest, until their digest is sent. */
@Repository
class DigestRepository {

  private final JdbcTemplate jdbc;

  DigestRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String notificationId, String userId, String email, Instant at) {
    jdbc.update("insert into dt_digest_entry (notification_id, user_id, email, created_at) values (?, ?, ?, ?)",
        notificationId, userId, email, Timestamp.from(at));
  }

  /** The officers with notices waiting, created up to {@code until}. */
  List<String> usersWithPending(Instant until) {
    return jdbc.queryForList("select distinct user_id from dt_digest_entry where sent_at is null and created_at <= ?"
        + " order by user_id", String.class, Timestamp.from(until));
  }

  List<Pending> pending(String userId, Instant until) {
    return jdbc.query("select e.notification_id, e.email, n.subject, n.body from dt_digest_entry e"
        + " join dt_notification n on n.id = e.notification_id"
        + " where e.user_id = ? and e.sent_at is null and e.created_at <= ? order by e.created_at, n.subject",
        (rs, i) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), userId,
        Timestamp.from(until));
  }

  void markSent(String userId, List<String> notificationIds, Instant at) {
    for (String id : notificationIds) {
      jdbc.update("update dt_digest_entry set sent_at = ? where user_id = ? and notification_id = ? and sent_at is null",
          Timestamp.from(at), userId, id);
    }
  }

  record Pending(String notificationId, String email, String subject, String body) {
  }
}

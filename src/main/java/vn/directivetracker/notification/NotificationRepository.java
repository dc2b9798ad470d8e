package vn.directivetracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outbox, dt_notification. */
@Repository
class NotificationRepository {

  static final String PENDING = "PENDING";
  static final String SENT = "SENT";
  static final String LOGGED = "LOGGED";
  /** Meant only for officers who get the daily digest: nothing mailed now. */
  static final String DIGESTED = "DIGESTED";
  /** Waiting in a bundle (dt_notice_bundle) for the one mail that lists every notice of it. */
  static final String BUNDLED = "BUNDLED";

  private final JdbcTemplate jdbc;

  NotificationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String idempotencyKey) {
    Integer n = jdbc.queryForObject("select count(*) from dt_notification where idempotency_key = ?", Integer.class,
        idempotencyKey);
    return n != null && n > 0;
  }

  /** Which of these idempotency keys are written already, in one query per 500 keys. */
  java.util.Set<String> existing(java.util.Collection<String> idempotencyKeys) {
    java.util.Set<String> found = new java.util.HashSet<>();
    List<String> keys = List.copyOf(idempotencyKeys);
    for (int from = 0; from < keys.size(); from += 500) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      found.addAll(jdbc.queryForList("select idempotency_key from dt_notification where idempotency_key in ("
          + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", String.class, chunk.toArray()));
    }
    return found;
  }

  /** A row to insert in a batch: {@link #insert(String, Notice, String, String, Instant, String, String)}'s arguments. */
  record NewRow(String id, Notice notice, String subject, String body, Instant at, String status, String bundleId) {
  }

  /** Many outbox rows in one JDBC batch. */
  void insertAll(List<NewRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(INSERT, rows.stream().map(r -> new Object[] {r.id(), r.notice().idempotencyKey(),
        r.notice().event().name(), r.notice().directiveTaskId(), String.join(",", r.notice().recipientGroups()),
        r.subject(), r.body(), r.status(), Timestamp.from(r.at()), r.bundleId()}).toList());
  }

  private static final String INSERT = "insert into dt_notification (id, idempotency_key, event, task_id,"
      + " recipient_groups, subject, body, status, created_at, bundle_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  void insert(String id, Notice notice, String subject, String body, Instant at) {
    insert(id, notice, subject, body, at, PENDING, null);
  }

  void insert(String id, Notice notice, String subject, String body, Instant at, String status, String bundleId) {
    jdbc.update(INSERT, id, notice.idempotencyKey(),
        notice.event().name(), notice.directiveTaskId(), String.join(",", notice.recipientGroups()), subject, body,
        status, Timestamp.from(at), bundleId);
  }

  Optional<Stored> find(String id) {
    return jdbc.query("select * from dt_notification where id = ?", STORED, id).stream().findFirst();
  }

  /** The notices of a bundle still waiting for its mail, oldest first, in one query. */
  List<Stored> bundled(String bundleId) {
    return jdbc.query("select * from dt_notification where bundle_id = ? and status = ? order by created_at, id",
        STORED, bundleId, BUNDLED);
  }

  /** Marks every notice of the bundle still waiting as delivered, in one statement. */
  void markBundleDelivered(String bundleId, String status, List<String> addresses, Instant at) {
    jdbc.update("update dt_notification set status = ?, recipient_addresses = ?, sent_at = ? where bundle_id = ?"
        + " and status = ?", status, truncate(String.join(",", addresses), 8000), Timestamp.from(at), bundleId,
        BUNDLED);
  }

  private static final org.springframework.jdbc.core.RowMapper<Stored> STORED = (rs, n) -> new Stored(rs.getString("id"),
      rs.getString("event"), Arrays.asList(rs.getString("recipient_groups").split(",")), rs.getString("subject"),
      rs.getString("body"), rs.getString("status"));

  void markDelivered(String id, String status, List<String> addresses, Instant at) {
    jdbc.update("update dt_notification set status = ?, recipient_addresses = ?, sent_at = ? where id = ?", status,
        truncate(String.join(",", addresses), 8000), Timestamp.from(at), id);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  record Stored(String id, String event, List<String> recipientGroups, String subject, String body, String status) {
  }
}

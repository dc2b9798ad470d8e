package vn.directivetracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * dt_notice_bundle: the notices of one kind for one unit within one window, mailed together by one job.
 *
 * <p>Nothing may be lost between a writer adding a notice and the job sending the bundle, so both take the
 * bundle's row lock: a writer locks the bundle (shared, on PostgreSQL) before it adds its notice and keeps
 * the lock until its transaction commits; the job locks it exclusively before it reads the notices. The job therefore sees every notice
 * added before it, and a writer that comes after the job finds the bundle SENT and opens a new one.
 */
@Repository
class NoticeBundles {

  static final String OPEN = "OPEN";
  static final String SENT = "SENT";

  private final JdbcTemplate jdbc;
  private final boolean postgres;

  NoticeBundles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
  }

  record Bundle(String id, String recipientGroup, String state) {
  }

  /** Creates the bundle unless it exists; true when this call created it (and must schedule its job). */
  boolean createIfAbsent(String id, String key, String group, Instant now, Instant due) {
    Object[] args = {id, key, group, OPEN, Timestamp.from(now), Timestamp.from(due)};
    String insert = "insert into dt_notice_bundle (id, bundle_key, recipient_group, state, created_at, due_at)"
        + " values (?, ?, ?, ?, ?, ?)";
    if (postgres) {
      // A failed statement would abort the whole PostgreSQL transaction, so the race is settled in SQL.
      return jdbc.update(insert + " on conflict (bundle_key) do nothing", args) == 1;
    }
    try {
      return jdbc.update(insert, args) == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /**
   * The bundle of that key, locked against its delivery until the transaction ends. On PostgreSQL the lock
   * is shared: writers of one bundle do not wait for each other (a unit's hundreds of escalations at
   * midnight would otherwise run one at a time), only the delivery job's exclusive lock waits for them all.
   */
  Optional<Bundle> lockByKey(String key) {
    return jdbc.query("select id, recipient_group, state from dt_notice_bundle where bundle_key = ? for "
        + (postgres ? "share" : "update"), (rs, n) -> new Bundle(rs.getString(1), rs.getString(2), rs.getString(3)),
        key).stream().findFirst();
  }

  /** The bundle, locked until the transaction ends. */
  Optional<Bundle> lock(String id) {
    return jdbc.query("select id, recipient_group, state from dt_notice_bundle where id = ? for update",
        (rs, n) -> new Bundle(rs.getString(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
  }

  void markSent(String bundleId, Instant at) {
    jdbc.update("update dt_notice_bundle set state = ?, sent_at = ? where id = ?", SENT, Timestamp.from(at), bundleId);
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }
}

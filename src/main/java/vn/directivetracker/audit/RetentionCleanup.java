package vn.directivetracker.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.engine.EngineFacts;
import vn.directivetracker.shared.BusinessClock;

/**
 * Our dt_* rows follow Camunda's history: once every task of a directive has been closed for longer than
 * the history time to live, Camunda's history cleanup removes its process history (the removal time of
 * the whole hierarchy is the end of the directive's root process plus its TTL, and the root ends when its
 * last task closes), and this removes the directive, its tasks, reports, escalations and notifications.
 * A directive with an open task, or closed more recently, is never touched. One transaction per
 * directive, so a failure leaves every directive either whole or gone. Runs daily after Camunda's
 * cleanup window (see docs/retention.md); several nodes running it at once only delete the same rows.
 */
@Component
class RetentionCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionCleanup.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final BusinessClock clock;
  private final int days;

  RetentionCleanup(JdbcTemplate jdbc, TransactionTemplate transactions, BusinessClock clock,
      @Value("${directive.history-time-to-live}") String historyTimeToLive) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    // Camunda's own reading of a TTL ("P3650D" or "3650"), so both sides count the same days.
    this.days = EngineFacts.historyTimeToLiveDays(historyTimeToLive);
  }

  @Scheduled(cron = "${directive.retention.cron:0 30 5 * * *}", zone = "${directive.zone:Asia/Ho_Chi_Minh}")
  void scheduled() {
    int removed = run();
    if (removed > 0) {
      LOG.info("Retention: removed the records of {} directive(s) closed more than {} days ago", removed, days);
    }
  }

  /** Removes the dt_* rows of directives past their time; returns how many directives. */
  int run() {
    Instant cutoff = clock.now().minus(days, ChronoUnit.DAYS);
    List<String> expired = jdbc.queryForList("select d.id from dt_directive d"
        + " where exists (select 1 from dt_task t where t.directive_id = d.id)"
        + " and not exists (select 1 from dt_task t where t.directive_id = d.id"
        + "   and (t.state = 'OPEN' or t.closed_at is null or t.closed_at >= ?))"
        + " and (d.withdrawn_at is null or d.withdrawn_at < ?)", String.class,
        Timestamp.from(cutoff), Timestamp.from(cutoff));
    for (String id : expired) {
      transactions.executeWithoutResult(status -> delete(id));
    }
    return expired.size();
  }

  int days() {
    return days;
  }

  private void delete(String directiveId) {
    String tasks = "(select id from dt_task where directive_id = ?)";
    // A sub-directive outlives the link to a parent task whose history is gone.
    jdbc.update("update dt_directive set parent_task_id = null where parent_task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_digest_entry where notification_id in (select id from dt_notification"
        + " where task_id in " + tasks + ")", directiveId);
    jdbc.update("delete from dt_amendment where task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_extension where task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_notification where task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_escalation where task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_report where task_id in " + tasks, directiveId);
    jdbc.update("delete from dt_task where directive_id = ?", directiveId);
    jdbc.update("delete from dt_directive where id = ?", directiveId);
    // An escalation bundle whose every notice is gone with its directive goes too.
    jdbc.update("delete from dt_notice_bundle where state = 'SENT' and not exists"
        + " (select 1 from dt_notification n where n.bundle_id = dt_notice_bundle.id)");
  }
}

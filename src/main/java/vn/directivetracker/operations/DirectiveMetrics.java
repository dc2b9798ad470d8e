package vn.directivetracker.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;

/**
 * Prometheus figures an operator watches: open and overdue tasks per lead unit, escalations, the
 * notification backlog and its failures, and the job executor's backlog. Read from the database by one
 * scheduled refresh (every {@code directive.metrics.refresh-ms}, default a minute), not per scrape, so a
 * scrape costs nothing at 100,000 tasks. Every node reports the same database-wide figures.
 */
@Component
class DirectiveMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;
  private final BusinessClock clock;
  private final AtomicLong escalations = new AtomicLong();
  private final AtomicLong pendingNotices = new AtomicLong();
  private final AtomicLong failedNotices = new AtomicLong();
  private final AtomicLong dueJobs = new AtomicLong();
  private MultiGauge openTasks;
  private MultiGauge overdueTasks;

  DirectiveMetrics(JdbcTemplate jdbc, BusinessClock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    openTasks = MultiGauge.builder("directive.tasks.open").description("Open tasks per lead unit").register(registry);
    overdueTasks = MultiGauge.builder("directive.tasks.overdue").description("Overdue tasks per lead unit")
        .register(registry);
    Gauge.builder("directive.escalations", escalations, AtomicLong::get)
        .description("Escalations recorded since the start").register(registry);
    Gauge.builder("directive.notifications.pending", pendingNotices, AtomicLong::get)
        .description("Notices in the outbox waiting for delivery").register(registry);
    Gauge.builder("directive.notifications.failed", failedNotices, AtomicLong::get)
        .description("Notice deliveries that ran out of retries (incidents)").register(registry);
    Gauge.builder("directive.jobs.due", dueJobs, AtomicLong::get)
        .description("Jobs due now and not yet executed (job executor backlog)").register(registry);
    refresh();
  }

  @Scheduled(fixedDelayString = "${directive.metrics.refresh-ms:60000}",
      initialDelayString = "${directive.metrics.refresh-ms:60000}")
  void refresh() {
    Date today = Date.valueOf(clock.today());
    List<MultiGauge.Row<?>> open = jdbc.query("select lead_unit, count(*) n,"
        + " sum(case when deadline < ? then 1 else 0 end) overdue"
        + " from dt_task where state = 'OPEN' and lead_unit is not null group by lead_unit",
        (rs, i) -> MultiGauge.Row.of(Tags.of("unit", rs.getString("lead_unit")), rs.getLong("n")), today);
    List<MultiGauge.Row<?>> overdue = jdbc.query("select lead_unit, count(*) n from dt_task"
        + " where state = 'OPEN' and deadline < ? and lead_unit is not null group by lead_unit",
        (rs, i) -> MultiGauge.Row.of(Tags.of("unit", rs.getString("lead_unit")), rs.getLong("n")), today);
    if (openTasks != null) {
      openTasks.register(open, true);
      overdueTasks.register(overdue, true);
    }
    escalations.set(count("select count(*) from dt_escalation"));
    pendingNotices.set(count("select count(*) from dt_notification where status = 'PENDING'"));
    failedNotices.set(count("select count(*) from ACT_RU_JOB where HANDLER_TYPE_ = 'directive-notification'"
        + " and RETRIES_ = 0"));
    dueJobs.set(count("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
        + " and (DUEDATE_ is null or DUEDATE_ <= CURRENT_TIMESTAMP) and LOCK_OWNER_ is null"));
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }
}

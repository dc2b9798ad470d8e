package vn.directivetracker.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.AsyncJobs;
import vn.directivetracker.engine.EngineClock;

/**
 * Writes a notification into the outbox in the transaction of the step that causes it, and schedules
 * its delivery as a Camunda job. If the step rolls back, so does the notice; if the mail server is down,
 * the job retries (failed-job-retry-time-cycle) and then shows as an incident in Cockpit. A notice whose
 * idempotency key was already written is skipped, so a repeated step never mails twice.
 */
@Component
public class Notifier {

  private final NotificationRepository outbox;
  private final NotificationTemplates templates;
  private final NoticeBundles bundles;
  private final Duration bundleWindow;

  Notifier(NotificationRepository outbox, NotificationTemplates templates, NoticeBundles bundles,
      @Value("${directive.notification.bundle-window:PT15M}") Duration bundleWindow) {
    this.outbox = outbox;
    this.templates = templates;
    this.bundles = bundles;
    if (bundleWindow.isNegative() || bundleWindow.isZero()) {
      throw new IllegalArgumentException("directive.notification.bundle-window must be positive, not " + bundleWindow);
    }
    this.bundleWindow = bundleWindow;
  }

  /** Must run inside an engine command (a delegate or listener) of the process the notice is about. */
  public void notify(DelegateExecution execution, Notice notice) {
    notify(execution.getProcessDefinitionId(), notice);
  }

  /**
   * The same, for a step taken through the engine's API (an amendment) rather than by a delegate; must
   * run inside an engine command too (see engine.PrivilegedEngine).
   */
  public void notify(String processDefinitionId, Notice notice) {
    if (notice.recipientGroups().isEmpty() || outbox.exists(notice.idempotencyKey())) {
      return;
    }
    String id = UUID.randomUUID().toString();
    outbox.insert(id, notice, templates.subject(notice.event(), notice.facts()),
        templates.body(notice.event(), notice.facts()), EngineClock.now());
    AsyncJobs.forDefinition(processDefinitionId, NotificationJobHandler.TYPE, id, null);
  }

  /**
   * The same notice, but mailed with the others of its kind that each recipient unit gets within the same
   * window ({@code directive.notification.bundle-window}, 15 minutes by default): a unit whose 300 tasks
   * fall overdue at midnight gets one mail listing them, delivered by one job, not 300 mails and 300 jobs.
   * Each group gets its own outbox row, so each unit's bundle is its own. Must run inside an engine command.
   */
  public void notifyBundled(DelegateExecution execution, Notice notice) {
    notifyBundled(execution.getProcessDefinitionId(), java.util.List.of(notice));
  }

  /**
   * Many notices bundled at once, as {@link #notifyBundled(DelegateExecution, Notice)} does for one, with a
   * fixed number of statements however many notices there are: one query for the idempotency keys already
   * written, one bundle looked up (and created if need be) per recipient group, one batch of outbox rows. The
   * escalation sweep queues a page of escalations this way. Must run inside an engine command; the delivery
   * jobs belong to {@code processDefinitionId} (incidents show under it in Cockpit).
   */
  public void notifyBundled(String processDefinitionId, java.util.List<Notice> notices) {
    Instant now = EngineClock.now();
    long window = bundleWindow.toMillis();
    Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / window * window);
    // One outbox row per notice and group: each unit's bundle (of each kind of notice) is its own.
    java.util.Map<String, java.util.List<Notice>> byBundle = new java.util.TreeMap<>();
    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
    for (Notice notice : notices) {
      for (String group : new java.util.TreeSet<>(notice.recipientGroups())) {
        Notice one = new Notice(notice.event(), notice.idempotencyKey() + ":" + group, notice.directiveTaskId(),
            java.util.List.of(group), notice.facts());
        if (keys.add(one.idempotencyKey())) {
          byBundle.computeIfAbsent(group + ":" + notice.event(), g -> new java.util.ArrayList<>()).add(one);
        }
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    java.util.Set<String> written = outbox.existing(keys);
    java.util.List<NotificationRepository.NewRow> rows = new java.util.ArrayList<>();
    // Sorted by group: two transactions lock the bundles of the same groups in the same order, so they cannot
    // deadlock.
    for (java.util.Map.Entry<String, java.util.List<Notice>> entry : byBundle.entrySet()) {
      java.util.List<Notice> fresh = entry.getValue().stream().filter(n -> !written.contains(n.idempotencyKey()))
          .toList();
      if (fresh.isEmpty()) {
        continue;
      }
      String group = fresh.get(0).recipientGroups().get(0);
      String event = fresh.get(0).event().name();
      String key = event + ":" + group + ":" + windowStart.toEpochMilli();
      NoticeBundles.Bundle bundle = openBundle(processDefinitionId, key, group, now, windowStart.plus(bundleWindow));
      if (!NoticeBundles.OPEN.equals(bundle.state())) {
        // Its mail has gone already: these notices start a bundle of their own, mailed at once.
        bundle = openBundle(processDefinitionId, key + ":" + UUID.randomUUID(), group, now, now);
      }
      for (Notice one : fresh) {
        rows.add(new NotificationRepository.NewRow(UUID.randomUUID().toString(), one,
            templates.subject(one.event(), one.facts()), templates.body(one.event(), one.facts()), now,
            NotificationRepository.BUNDLED, bundle.id()));
      }
    }
    outbox.insertAll(rows);
  }

  private NoticeBundles.Bundle openBundle(String processDefinitionId, String key, String group, Instant now,
      Instant due) {
    String id = NoticeBundles.newId();
    if (bundles.createIfAbsent(id, key, group, now, due)) {
      AsyncJobs.forDefinition(processDefinitionId, NotificationJobHandler.BUNDLE_TYPE, id, due);
    }
    return bundles.lockByKey(key).orElseThrow(() -> new IllegalStateException("bundle " + key + " vanished"));
  }

}

package vn.directivetracker.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineClock;
import vn.directivetracker.engine.QueryPages;

/**
 * Delivers one outbox entry, or one bundle of them, to the current members of the recipient groups. Without
 * an SMTP host (the demo run) the mail goes to the log and the entries are marked LOGGED. A delivered entry
 * is never sent again, even if its job runs twice. Officers who chose the daily digest get no mail now: the
 * notice is kept for their digest (dt_digest_entry), and an entry meant only for such officers is marked
 * DIGESTED.
 */
@Component
class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  private final NotificationRepository outbox;
  private final NoticeBundles bundles;
  private final DigestRepository digests;
  private final NotificationPreferences preferences;
  private final NotificationTemplates templates;
  private final TaskFacts facts;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;

  NotificationDelivery(NotificationRepository outbox, NoticeBundles bundles, DigestRepository digests,
      NotificationPreferences preferences, NotificationTemplates templates, TaskFacts facts,
      ObjectProvider<JavaMailSender> mailSender,
          @Value("${directive.mail-from:directive-tracker@localhost}") String from) {
    this.outbox = outbox;
    this.bundles = bundles;
    this.digests = digests;
    this.preferences = preferences;
    this.templates = templates;
    this.facts = facts;
    this.mailSender = mailSender;
    this.from = from;
  }

  void deliver(String notificationId, IdentityService identity) {
    NotificationRepository.Stored notice = outbox.find(notificationId).orElse(null);
    if (notice == null || !NotificationRepository.PENDING.equals(notice.status())) {
      return;
    }
    send(List.of(notice), notice.recipientGroups(), notice.subject(), notice.body(), identity,
        "X-Directive-Notification", notificationId, (status, to, at) -> outbox.markDelivered(notificationId,
            status, to, at));
  }

  /**
   * One mail to the bundle's unit listing every notice of it (a bundle of one reads like a single notice).
   * Locks the bundle first: a notice being added to it is committed before this reads them (NoticeBundles).
   */
  void deliverBundle(String bundleId, IdentityService identity) {
    NoticeBundles.Bundle bundle = bundles.lock(bundleId).orElse(null);
    if (bundle == null || !NoticeBundles.OPEN.equals(bundle.state())) {
      return;
    }
    List<NotificationRepository.Stored> notices = outbox.bundled(bundleId);
    if (!notices.isEmpty()) {
      String subject = notices.get(0).subject();
      String body = notices.get(0).body();
      if (notices.size() > 1) {
        Map<String, String> values = listing(notices);
        values.put("unit", facts.name(bundle.recipientGroup()));
        // A bundle holds notices of one kind (Notifier#notifyBundled); each kind that is bundled has a template.
        NotificationEvent template = NotificationEvent.valueOf(notices.get(0).event() + "_BUNDLE");
        subject = templates.subject(template, values);
        body = templates.body(template, values);
      }
      send(notices, List.of(bundle.recipientGroup()), subject, body, identity, "X-Directive-Bundle", bundleId,
          (status, to, at) -> outbox.markBundleDelivered(bundleId, status, to, at));
    }
    bundles.markSent(bundleId, EngineClock.now());
  }

  /**
   * One line per notice (its subject names the notice, task, level and days overdue): a unit with hundreds
   * of overdue tasks gets a list it can read, and each task's details are one click away in Tasklist.
   */
  private Map<String, String> listing(List<NotificationRepository.Stored> notices) {
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (NotificationRepository.Stored notice : notices) {
      lines.append(++n).append(". ").append(notice.subject()).append('\n');
    }
    Map<String, String> values = new HashMap<>();
    values.put("count", String.valueOf(notices.size()));
    values.put("notices", lines.toString().strip());
    values.put("link", facts.tasklistLink());
    return values;
  }

  /** How a sent mail is recorded on its outbox entries. */
  private interface Outcome {
    void record(String status, List<String> addresses, Instant at);
  }

  /** Sends one mail about these outbox entries to the members of the groups, and records how it went. */
  private void send(List<NotificationRepository.Stored> notices, List<String> groups, String subject, String body,
      IdentityService identity, String header, String headerValue, Outcome outcome) {
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> digested = new LinkedHashSet<>();
    Instant now = EngineClock.now();
    for (String group : groups) {
      for (User user : QueryPages.all(identity.createUserQuery().memberOfGroup(group))) {
        if (user.getEmail() == null || user.getEmail().isBlank() || addresses.contains(user.getEmail())) {
          continue;
        }
        if (preferences.digest(identity, user.getId())) {
          if (digested.add(user.getId())) {
            for (NotificationRepository.Stored notice : notices) {
              digests.add(notice.id(), user.getId(), user.getEmail(), now);
            }
          }
        } else {
          addresses.add(user.getEmail());
        }
      }
    }
    List<String> to = new ArrayList<>(addresses);
    String status;
    JavaMailSender sender = mailSender.getIfAvailable();
    if (to.isEmpty() && !digested.isEmpty()) {
      status = NotificationRepository.DIGESTED;
    } else if (to.isEmpty()) {
      LOG.warn("Notification {} ({}) has no recipient with an e-mail address in {}", headerValue, subject, groups);
      status = NotificationRepository.LOGGED;
    } else if (sender == null) {
      LOG.info("Mail (no SMTP host configured) to {}: {}\n{}", to, subject, body);
      status = NotificationRepository.LOGGED;
    } else {
      sender.send(mime -> {
        MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
        message.setFrom(from);
        // One mail to the unit's officers together, blind-copied: officers of other units stay private.
        message.setTo(from);
        message.setBcc(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body, false);
        mime.setHeader(header, headerValue);
      });
      status = NotificationRepository.SENT;
    }
    outcome.record(status, status.equals(NotificationRepository.DIGESTED) ? List.of() : to,
        EngineClock.now());
  }
}

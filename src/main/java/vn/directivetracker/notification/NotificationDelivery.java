package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers one outbox entry to the current members of its groups. Without an SMTP host (the demo run)
 * the mail goes to the log and the entry is marked LOGGED. A delivered entry is never sent again, even
 * if its job runs twice. Officers who chose the daily digest get no mail now: the notice is kept for their
 * digest (dt_digest_entry), and an entry meant only for such officers is marked DIGESTED.
 */
@Component
class NotificationDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

  private final NotificationRepository outbox;
  private final DigestRepository digests;
  private final NotificationPreferences preferences;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;

  NotificationDelivery(NotificationRepository outbox, DigestRepository digests, NotificationPreferences preferences,
      ObjectProvider<JavaMailSender> mailSender, @Value("${directive.mail-from:directive-tracker@localhost}") String from) {
    this.outbox = outbox;
    this.digests = digests;
    this.preferences = preferences;
    this.mailSender = mailSender;
    this.from = from;
  }

  void deliver(String notificationId, IdentityService identity) {
    NotificationRepository.Stored notice = outbox.find(notificationId).orElse(null);
    if (notice == null || !NotificationRepository.PENDING.equals(notice.status())) {
      return;
    }
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> digested = new LinkedHashSet<>();
    java.time.Instant now = ClockUtil.getCurrentTime().toInstant();
    for (String group : notice.recipientGroups()) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (user.getEmail() == null || user.getEmail().isBlank() || addresses.contains(user.getEmail())) {
          continue;
        }
        if (preferences.digest(identity, user.getId())) {
          if (digested.add(user.getId())) {
            digests.add(notificationId, user.getId(), user.getEmail(), now);
          }
        } else {
          addresses.add(user.getEmail());
        }
      }
    }
    List<String> to = new ArrayList<>(addresses);
    JavaMailSender sender = mailSender.getIfAvailable();
    if (to.isEmpty() && !digested.isEmpty()) {
      outbox.markDelivered(notificationId, NotificationRepository.DIGESTED, List.of(), now);
      return;
    }
    if (to.isEmpty()) {
      LOG.warn("Notification {} ({}) has no recipient with an e-mail address in {}", notificationId,
          notice.event(), notice.recipientGroups());
      outbox.markDelivered(notificationId, NotificationRepository.LOGGED, to, ClockUtil.getCurrentTime().toInstant());
      return;
    }
    if (sender == null) {
      LOG.info("Mail (no SMTP host configured) to {}: {}\n{}", to, notice.subject(), notice.body());
      outbox.markDelivered(notificationId, NotificationRepository.LOGGED, to, ClockUtil.getCurrentTime().toInstant());
      return;
    }
    sender.send(mime -> {
      MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
      message.setFrom(from);
      // One mail to the unit's officers together, blind-copied: officers of other units stay private.
      message.setTo(from);
      message.setBcc(to.toArray(String[]::new));
      message.setSubject(notice.subject());
      message.setText(notice.body(), false);
      mime.setHeader("X-Directive-Notification", notificationId);
    });
    outbox.markDelivered(notificationId, NotificationRepository.SENT, to, ClockUtil.getCurrentTime().toInstant());
  }
}

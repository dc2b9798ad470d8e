package vn.directivetracker.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import vn.directivetracker.shared.BusinessClock;

/**
 * One officer's digest: every notice kept for them up to the cut-off, in one mail, then marked sent. Run
 * as its own job per officer, so a failing mail retries for that officer only, and a job run twice finds
 * nothing left to send.
 */
@Component
class DigestMail {

  private static final Logger LOG = LoggerFactory.getLogger(DigestMail.class);

  private final DigestRepository digests;
  private final NotificationTemplates templates;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final BusinessClock clock;
  private final String from;
  private final TaskFacts facts;

  DigestMail(DigestRepository digests, NotificationTemplates templates, ObjectProvider<JavaMailSender> mailSender,
      BusinessClock clock, @Value("${directive.mail-from:directive-tracker@localhost}") String from,
      TaskFacts facts) {
    this.digests = digests;
    this.templates = templates;
    this.mailSender = mailSender;
    this.clock = clock;
    this.from = from;
    this.facts = facts;
  }

  void send(String userId, Instant until, IdentityService identity) {
    List<DigestRepository.Pending> pending = digests.pending(userId, until);
    if (pending.isEmpty()) {
      return;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    String address = user != null && user.getEmail() != null && !user.getEmail().isBlank()
        ? user.getEmail() : pending.get(pending.size() - 1).email();
    StringBuilder full = new StringBuilder();
    StringBuilder subjects = new StringBuilder();
    int n = 0;
    for (DigestRepository.Pending p : pending) {
      n++;
      full.append(n).append(". ").append(p.subject()).append("\n\n").append(p.body()).append("\n\n========\n\n");
      subjects.append(n).append(". ").append(p.subject()).append('\n');
    }
    Map<String, String> values = new HashMap<>();
    values.put("user", user == null ? userId : (nonNull(user.getFirstName()) + " "
        + nonNull(user.getLastName())).strip());
    values.put("day", TaskFacts.DATE.format(LocalDate.ofInstant(until, clock.zone())));
    values.put("count", String.valueOf(pending.size()));
    values.put("notices", full.toString().strip());
    values.put("listEn", subjects.toString().strip());
    values.put("link", facts.tasklistLink());
    String subject = templates.subject(NotificationEvent.DIGEST, values);
    String body = templates.body(NotificationEvent.DIGEST, values);
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.info("Digest (no SMTP host configured) to {}: {}\n{}", address, subject, body);
    } else {
      sender.send(mime -> {
        MimeMessageHelper message = new MimeMessageHelper(mime, false, "UTF-8");
        message.setFrom(from);
        message.setTo(address);
        message.setSubject(subject);
        message.setText(body, false);
        mime.setHeader("X-Directive-Digest", userId);
      });
    }
    digests.markSent(userId, pending.stream().map(DigestRepository.Pending::notificationId).toList(),
        EngineClock.now());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}

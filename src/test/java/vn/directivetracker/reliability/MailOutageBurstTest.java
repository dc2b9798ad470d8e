package vn.directivetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The mail server is down for the length of a burst of escalations: 50 overdue tasks back-filled at once,
 * their escalations and notices run while SMTP refuses connections, then SMTP comes back. Every
 * escalation is recorded once, and every notice reaches each of its recipients exactly once.
 */
@Tag("reliability")
class MailOutageBurstTest extends ApplicationTest {

  static final int TASKS = 50;
  static final String[] DOMAINS = {"HEALTH", "CIVIL_STATUS", "EDUCATION", "ENERGY", "TAX", "LAND", "BANKING",
      "LABOUR", "HOUSING", "TELECOM"};

  @Autowired
  JdbcTemplate jdbc;

  @org.springframework.beans.factory.annotation.Value("${directive.mail-from}")
  String mailFrom;

  @AfterEach
  void mailServerBack() {
    if (!MAIL.isRunning()) {
      MAIL.start();
    }
  }

  @Test
  void aBurstOfEscalationsDuringAMailOutageIsDeliveredOnceEachWhenTheServerIsBack() throws Exception {
    clockAt("2024-03-01T09:00");
    String ref = DirectiveFixtures.uniqueReference("BURST");
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      tasks.add(DirectiveFixtures.task(String.format("T%02d", i + 1), DOMAINS[i % DOMAINS.length], "2024-01-31"));
    }
    MAIL.stop();
    JsonNode directive = new DirectiveFixtures(http, jdbc).issue("leader", "P06WG", ref, "2024-01-10", tasks);
    String directiveId = directive.get("id").asText();
    List<String> processes = new DirectiveFixtures(http, jdbc).processesOf(directiveId);

    // Jobs run and the mail ones fail: escalations are recorded all the same.
    int failures = runDueJobsTolerant(processes);
    // One assignment notice per task, and one escalation mail per unit (its bundle), all failing.
    assertThat(failures).as("notice jobs failed while SMTP was down").isGreaterThan(TASKS);
    assertThat(escalationsPerTask(directiveId)).hasSize(TASKS).allSatisfy((task, n) -> assertThat(n).isEqualTo(1));
    assertThat(outbox(directiveId, "SENT")).isZero();
    int notices = outbox(directiveId, null);
    assertThat(outbox(directiveId, "PENDING") + outbox(directiveId, "BUNDLED")).isEqualTo(notices);

    // SMTP is back; the retries (R3/PT5M in tests) come due five minutes later.
    MAIL.start();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 6 * 60_000));
    assertThat(runDueJobsTolerant(processes)).as("nothing fails once SMTP is back").isZero();
    assertThat(outbox(directiveId, "SENT")).isEqualTo(notices);

    // Run everything again, as a second node or a replayed job would: nothing new is sent, and a second sweep
    // escalates nothing again (every task's next look is days ahead).
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60 * 60_000));
    runEscalationSweep(processes);
    runDueJobsTolerant(processes);
    assertThat(escalationsPerTask(directiveId).values()).containsOnly(1);

    // A mail is one notice (X-Directive-Notification) or one unit's bundle of escalations (X-Directive-Bundle).
    Map<String, List<String>> bundled = new HashMap<>();
    jdbc.query("select bundle_id, id from dt_notification where bundle_id is not null",
        rs -> { bundled.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)); });
    java.util.Set<String> ours = new java.util.HashSet<>(jdbc.queryForList("select n.id from dt_notification n"
        + " join dt_task t on t.id = n.task_id where t.directive_id = ?", String.class, directiveId));
    Map<String, Integer> perRecipientAndNotice = new HashMap<>();
    int listingMails = 0;
    for (var user : MAIL.getUserManager().listUser()) {
      if (user.getEmail().equals(mailFrom)) {
        continue; // the To: of every notice; officers are blind-copied
      }
      for (var stored : MAIL.getManagers().getImapHostManager().getInbox(user).getMessages()) {
        MimeMessage m = stored.getMimeMessage();
        String single = m.getHeader("X-Directive-Notification", null);
        List<String> covered = single != null ? List.of(single)
            : bundled.getOrDefault(m.getHeader("X-Directive-Bundle", null), List.of());
        List<String> ourNotices = covered.stream().filter(ours::contains).toList();
        if (ourNotices.size() > 1) {
          listingMails++;
        }
        for (String notice : ourNotices) {
          perRecipientAndNotice.merge(user.getEmail() + " " + notice, 1, Integer::sum);
        }
      }
    }
    assertThat(listingMails).as("mails that list several escalations of one unit").isPositive();
    assertThat(perRecipientAndNotice).isNotEmpty();
    assertThat(perRecipientAndNotice.values()).as("no recipient got a notice twice").containsOnly(1);
    java.util.Set<String> expected = new java.util.HashSet<>();
    jdbc.query("select n.id, n.recipient_addresses from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.directive_id = ? and n.status = 'SENT'", rs -> {
          for (String address : rs.getString(2).split(",")) {
            expected.add(address + " " + rs.getString(1));
          }
        }, directiveId);
    assertThat(perRecipientAndNotice.keySet()).as("every recipient of every notice got it, nobody else")
        .isEqualTo(expected);
  }

  private Map<String, Integer> escalationsPerTask(String directiveId) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.query("select t.id, count(e.id) from dt_task t left join dt_escalation e on e.task_id = t.id"
        + " where t.directive_id = ? group by t.id", rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        }, directiveId);
    return counts;
  }

  private int outbox(String directiveId, String status) {
    return jdbc.queryForObject("select count(*) from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.directive_id = ?" + (status == null ? "" : " and n.status = '" + status + "'"),
        Integer.class, directiveId);
  }

  /** Like runDueJobs, but a failing job (SMTP down) is counted and left to its retries. */
  private int runDueJobsTolerant(Collection<String> processInstanceIds) {
    ManagementService management = engine.getManagementService();
    int failures = 0;
    java.util.Set<String> failedThisRound = new java.util.HashSet<>();
    for (int round = 0; round < 50; round++) {
      if (escalationDue(processInstanceIds)) {
        runEscalationSweep(processInstanceIds);
      }
      Date horizon = new Date(ClockUtil.getCurrentTime().getTime() + 1);
      List<Job> due = new ArrayList<>();
      for (String id : processInstanceIds) {
        for (Job job : management.createJobQuery().processInstanceId(id).executable().list()) {
          if ((job.getDuedate() == null || job.getDuedate().before(horizon)) && !failedThisRound.contains(job.getId())) {
            due.add(job);
          }
        }
      }
      // Notice deliveries are jobs of the process definition, not of an instance: found through the outbox.
      for (Job job : noticeJobs(processInstanceIds)) {
        if (!failedThisRound.contains(job.getId())) {
          due.add(job);
        }
      }
      if (due.isEmpty()) {
        return failures;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures++;
          failedThisRound.add(job.getId());
        }
      }
    }
    throw new IllegalStateException("jobs keep coming after 50 rounds");
  }
}

package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Escalations that fall together reach each unit as one mail listing its tasks, delivered by one job per
 * unit, while every escalation keeps its own outbox row (its record); a unit with one escalation gets the
 * single notice as before.
 */
class EscalationBundleTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void tasksOfOneUnitEscalatedTogetherAreListedInOneMailAndAUnitWithOneGetsTheNoticeItself() throws Exception {
    clockAt("2024-06-03T09:00");
    String ref = DirectiveFixtures.uniqueReference("BUNDLE");
    // Three health tasks (MOH leads) and one civil-status task (MOJ), three days overdue: level 1, lead only.
    var directive = directives.issue("leader", "P06WG", ref, "2024-05-02", List.of(
        DirectiveFixtures.task("T01", "HEALTH", "2024-05-31"),
        DirectiveFixtures.task("T02", "HEALTH", "2024-05-31"),
        DirectiveFixtures.task("T03", "SOCIAL_PROTECTION", "2024-05-31"),
        DirectiveFixtures.task("T04", "CIVIL_STATUS", "2024-05-31")));
    String directiveId = directive.get("id").asText();
    List<String> processes = directives.processesOf(directiveId);

    // The escalation sweep runs; the notices wait in bundles, one per unit, each with one delivery job.
    runEscalationSweep(processes);
    List<Map<String, Object>> rows = jdbc.queryForList("select n.status, n.bundle_id, n.recipient_groups"
        + " from dt_notification n join dt_task t on t.id = n.task_id where t.directive_id = ?"
        + " and n.event = 'ESCALATION'", directiveId);
    assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("BUNDLED"));
    assertThat(rows.stream().filter(r -> r.get("recipient_groups").equals("MOH")).map(r -> r.get("bundle_id"))
        .distinct()).hasSize(1);
    assertThat(noticeJobs(processes).stream().filter(j -> isBundleJob(j))).hasSize(2);

    runDueJobs(processes);

    List<MimeMessage> toMoh = escalationMailsTo("moh", directiveId);
    assertThat(toMoh).hasSize(1);
    assertThat(toMoh.get(0).getSubject()).contains("Cảnh báo quá hạn: 3 nhiệm vụ").contains("Overdue: 3 tasks");
    String body = String.valueOf(toMoh.get(0).getContent());
    assertThat(body).contains(ref + "] Cảnh báo cấp 1: nhiệm vụ T01", "nhiệm vụ T02", "nhiệm vụ T03")
        .doesNotContain("nhiệm vụ T04");
    // A list of one line per task, not three full notices: one Vietnamese part, one English part.
    assertThat(body.split("-------- English --------", -1)).hasSize(2);
    List<MimeMessage> toMoj = escalationMailsTo("moj", directiveId);
    assertThat(toMoj).singleElement().satisfies(m ->
        assertThat(m.getSubject()).startsWith("[" + ref + "] Cảnh báo cấp 1: nhiệm vụ T04 quá hạn 3 ngày"));
    assertThat(jdbc.queryForList("select n.status from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.directive_id = ? and n.event = 'ESCALATION'", String.class, directiveId)).containsOnly("SENT");
    assertThat(jdbc.queryForList("select distinct b.state from dt_notice_bundle b join dt_notification n"
        + " on n.bundle_id = b.id join dt_task t on t.id = n.task_id where t.directive_id = ?", String.class,
        directiveId)).containsExactly("SENT");
  }

  @Test
  void anEscalationThatComesAfterItsUnitsBundleWasMailedGoesOutInABundleOfItsOwn() throws Exception {
    clockAt("2024-07-03T09:00");
    String first = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("LATE"), "2024-06-01",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-30"))).get("id").asText();
    runDueJobs(directives.processesOf(first));
    String firstBundle = bundleOf(first);
    assertThat(jdbc.queryForObject("select state from dt_notice_bundle where id = ?", String.class, firstBundle))
        .isEqualTo("SENT");

    // Same unit, same window, but its bundle has gone: a new bundle, due at once, not the sent one.
    String second = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("LATE"), "2024-06-01",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-30"))).get("id").asText();
    runEscalationSweep(directives.processesOf(second));
    String secondBundle = bundleOf(second);
    assertThat(secondBundle).isNotEqualTo(firstBundle);
    assertThat(jdbc.queryForObject("select due_at from dt_notice_bundle where id = ?", java.sql.Timestamp.class,
        secondBundle).toInstant()).isEqualTo(now());

    runDueJobs(directives.processesOf(second));
    assertThat(escalationMailsTo("moh", second)).hasSize(1);
    assertThat(escalationMailsTo("moh", first)).hasSize(1);
  }

  private String bundleOf(String directiveId) {
    return jdbc.queryForObject("select n.bundle_id from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.directive_id = ? and n.event = 'ESCALATION'", String.class, directiveId);
  }

  private static boolean isBundleJob(Job job) {
    return NotificationJobHandler.BUNDLE_TYPE.equals(
        ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).getJobHandlerType());
  }

  /** The mails to this user that carry escalations of this directive's tasks. */
  private List<MimeMessage> escalationMailsTo(String user, String directiveId) throws Exception {
    List<String> bundles = jdbc.queryForList("select distinct n.bundle_id from dt_notification n join dt_task t"
        + " on t.id = n.task_id where t.directive_id = ? and n.bundle_id is not null", String.class, directiveId);
    List<MimeMessage> found = new ArrayList<>();
    var account = MAIL.getUserManager().getUserByEmail(user + "@demo.directivetracker.vn");
    for (var stored : MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      MimeMessage m = stored.getMimeMessage();
      if (bundles.contains(m.getHeader("X-Directive-Bundle", null))) {
        found.add(m);
      }
    }
    return found;
  }
}

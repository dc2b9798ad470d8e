package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Mail goes through the outbox and a retried job: with the SMTP server down the process goes on, the
 * notice waits, and it is delivered once the server is back; when the retries run out an incident shows;
 * a notice is never mailed twice.
 */
class NotificationDeliveryTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  NotificationDelivery delivery;

  DirectiveFixtures directives;

  @BeforeEach
  void fixtures() {
    directives = new DirectiveFixtures(http, jdbc);
  }

  @AfterEach
  void mailServerBack() {
    if (!MAIL.isRunning()) {
      MAIL.start();
    }
  }

  @Test
  void withTheMailServerDownTheTaskIsAssignedAndItsNoticeIsDeliveredOnceTheServerIsBack() throws Exception {
    clockAt("2024-04-01T09:00");
    String ref = DirectiveFixtures.uniqueReference("MAILDOWN");
    MAIL.stop();
    JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-04-01",
        List.of(DirectiveFixtures.task("T01", "EDUCATION", "2024-06-30")));
    String pi = directives.processOf(issued.get("id").asText(), "T01");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskCandidateGroup("MOET").count())
        .isEqualTo(1);

    Job notice = noticeJob(pi);
    ManagementService management = engine.getManagementService();
    assertThatThrownBy(() -> management.executeJob(notice.getId())).isNotNull();
    Job failed = noticeJob(pi);
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("Couldn't connect");
    assertThat(outboxStatus(pi)).containsExactly("PENDING");

    MAIL.start();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 6 * 60_000));
    management.executeJob(failed.getId());
    assertThat(outboxStatus(pi)).containsExactly("SENT");
    assertThat(inboxSubjects("moet", ref)).hasSize(1);

    // The job belongs to no process instance, so Camunda would keep its log for ever: every row of it, and
    // the failed attempt's stack trace, is removed ten years after it was written (docs/retention.md).
    List<Map<String, Object>> log = jdbc.queryForList("select timestamp_, removal_time_, job_exception_stack_id_"
        + " from act_hi_job_log where job_id_ = ?", failed.getId());
    assertThat(log).hasSizeGreaterThanOrEqualTo(3).allSatisfy(row -> assertThat(instant(row, "removal_time_"))
        .isEqualTo(instant(row, "timestamp_").plus(3650, ChronoUnit.DAYS)));
    Map<String, Object> failure = log.stream().filter(row -> row.get("job_exception_stack_id_") != null)
        .findFirst().orElseThrow();
    assertThat(jdbc.queryForObject("select removal_time_ from act_ge_bytearray where id_ = ?", Timestamp.class,
        failure.get("job_exception_stack_id_")).toInstant()).isEqualTo(instant(failure, "removal_time_"));

    // Delivering the same entry again (a job run twice after a crash) sends nothing.
    String id = jdbc.queryForObject("select n.id from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.process_instance_id = ?", String.class, pi);
    delivery.deliver(id, engine.getIdentityService());
    assertThat(inboxSubjects("moet", ref)).hasSize(1);
  }

  @Test
  void whenTheRetriesRunOutAnIncidentShowsAndARetryFromCockpitDelivers() throws Exception {
    clockAt("2024-04-01T09:00");
    String ref = DirectiveFixtures.uniqueReference("INCIDENT");
    MAIL.stop();
    JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-04-01",
        List.of(DirectiveFixtures.task("T01", "ENERGY", "2024-06-30")));
    String pi = directives.processOf(issued.get("id").asText(), "T01");
    ManagementService management = engine.getManagementService();
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = noticeJob(pi);
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    assertThat(noticeJob(pi).getRetries()).isZero();
    // The incident belongs to the task's process definition (Cockpit lists it there); the job is not
    // bound to an execution, so that a notice outlives the step that ends the task.
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("directive-task").latestVersion().singleResult().getId();
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().configuration(noticeJob(pi).getId()).list();
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo("failedJob");
      assertThat(i.getProcessDefinitionId()).isEqualTo(definition);
      assertThat(i.getIncidentMessage()).contains("Couldn't connect");
    });
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).count()).isEqualTo(1);
    // Its history belongs to no process instance either: removed ten years after it was created.
    Map<String, Object> history = jdbc.queryForMap("select create_time_, removal_time_ from act_hi_incident"
        + " where id_ = ?", incidents.get(0).getId());
    assertThat(instant(history, "removal_time_")).isEqualTo(instant(history, "create_time_").plus(3650, ChronoUnit.DAYS));

    MAIL.start();
    management.setJobRetries(noticeJob(pi).getId(), 1);
    management.executeJob(noticeJob(pi).getId());
    assertThat(inboxSubjects("moit", ref)).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().incidentId(incidents.get(0).getId()).count()).isZero();
    // Resolving it kept the removal time.
    assertThat(jdbc.queryForObject("select removal_time_ from act_hi_incident where id_ = ?", Timestamp.class,
        incidents.get(0).getId()).toInstant()).isEqualTo(instant(history, "removal_time_"));
  }

  @Test
  void templatesHaveTheSameKeysInVietnameseAndEnglishAndEveryEventHasASubjectAndBody() {
    var vi = NotificationTemplates.load("notifications/messages_vi.properties");
    var en = NotificationTemplates.load("notifications/messages_en.properties");
    assertThat(vi.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (NotificationEvent event : NotificationEvent.values()) {
      assertThat(vi.getProperty(event.name() + ".subject")).isNotBlank();
      assertThat(vi.getProperty(event.name() + ".body")).isNotBlank();
    }
  }

  private Job noticeJob(String processInstanceId) {
    String notice = jdbc.queryForObject("select n.id from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.process_instance_id = ?", String.class, processInstanceId);
    return engine.getManagementService().createJobQuery().messages().list().stream()
        .filter(j -> notice.equals(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
            .getJobHandlerConfigurationRaw()))
        .findFirst().orElseThrow();
  }

  private List<String> outboxStatus(String processInstanceId) {
    return jdbc.queryForList("select n.status from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.process_instance_id = ?", String.class, processInstanceId);
  }

  private static List<String> inboxSubjects(String user, String reference) throws Exception {
    var account = MAIL.getUserManager().getUserByEmail(user + "@demo.directivetracker.vn");
    if (account == null) {
      return List.of();
    }
    List<String> subjects = new java.util.ArrayList<>();
    for (var stored : MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      if (stored.getMimeMessage().getSubject().contains(reference)) {
        subjects.add(stored.getMimeMessage().getSubject());
      }
    }
    return subjects;
  }

  private static Instant instant(Map<String, Object> row, String column) {
    assertThat(row.get(column)).as(column).isNotNull();
    return ((Timestamp) row.get(column)).toInstant();
  }
}

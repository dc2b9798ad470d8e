package vn.directivetracker.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * The escalation-sweep process, its jobs run by hand at the engine clock's time: every due task escalated
 * once, page by page; tasks not due, completed or withdrawn left alone; the look-again day from the
 * escalation-level decision; a task changed while a page runs skipped; a failing page redone whole.
 */
class EscalationSweepTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  EscalationSweep sweep;

  @Autowired
  EscalationRepository repository;

  @Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @AfterEach
  void defaultPageSize() {
    sweep.pageSize(500);
  }

  @Test
  void everyDueTaskIsEscalatedOncePageByPageAndTasksNotDueClosedOrWithdrawnAreLeftAlone() throws Exception {
    clockAt("2024-05-01T09:47");
    Map<String, Object> key = DirectiveFixtures.task("T05", "HEALTH", "2024-04-19");
    key.put("keyTask", true);
    Issued issued = issued(directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("SWEEP"), "2024-04-01",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-04-19"),
            DirectiveFixtures.task("T02", "HEALTH", "2024-04-19"),
            DirectiveFixtures.task("T03", "CIVIL_STATUS", "2024-04-19"),
            DirectiveFixtures.task("T04", "LAND", "2024-04-19"), key,
            DirectiveFixtures.task("T06", "HEALTH", "2024-06-30"),
            DirectiveFixtures.task("T07", "HEALTH", "2024-04-19"),
            DirectiveFixtures.task("T08", "HEALTH", "2024-04-19"))));
    String directiveId = issued.directiveId();
    Map<String, String> ids = issued.ids();
    List<String> processes = issued.processes();

    // Before the sweep: T07 is completed (late), T08 withdrawn. Neither is due any more.
    String t07 = directives.processOf(directiveId, "T07");
    Task carryOut = engine.getTaskService().createTaskQuery().processInstanceId(t07)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    engine.getTaskService().complete(carryOut.getId(), Map.of("reportResult", "Xong", "completionDate", "2024-04-30"));
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(t07)
        .taskDefinitionKey("UserTask_ReviewReport").singleResult();
    engine.getTaskService().complete(review.getId(), Map.of("reportAccepted", true));
    assertThat(directives.post("leader", "/api/directives/" + directiveId + "/tasks/T08/withdrawal",
        Map.of("reason", "Không còn cần thiết")).getStatusCode().value()).isEqualTo(200);
    assertThat(nextEscalation(ids.get("T07"))).isNull();
    assertThat(nextEscalation(ids.get("T08"))).isNull();
    assertThat(nextEscalation(ids.get("T06"))).isEqualTo(vietnam("2024-07-01T00:00"));

    // Five due tasks, two a page: three pages, each its own job, the gateway looping while a page was full.
    sweep.pageSize(2);
    // Then the reminders and the progress periods: none due, one page each that finds none.
    assertThat(runEscalationSweep(processes)).isEqualTo(1 + 3 + 1 + 1);
    HistoricProcessInstance run = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(lastSweep).singleResult();
    assertThat(run.getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId("ServiceTask_EscalateDueTasks").count()).isEqualTo(3);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId("ServiceTask_RemindDueTasks").count()).isOne();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId("EndEvent_SweepDone").count()).isOne();

    for (String k : List.of("T01", "T02", "T03", "T04", "T05")) {
      assertThat(escalations(ids.get(k))).as(k).isOne();
    }
    for (String k : List.of("T06", "T07", "T08")) {
      assertThat(escalations(ids.get(k))).as(k).isZero();
    }
    // 12 days overdue. Ordinary ministry task: level 2 to the issuer, looked at again in 7 days; the key task
    // (key-level2-issuer) in 3 days; both at 08:00 Ha Noi time.
    Map<String, Object> ordinary = record(ids.get("T01"));
    assertThat(ordinary).containsEntry("LEVEL", 2).containsEntry("DAYS_OVERDUE", 12).containsEntry("AUDIENCE", "ISSUER")
        .containsEntry("KEY_TASK", false).containsEntry("LEAD_UNIT_TYPE", "MINISTRY")
        .containsEntry("NEXT_CHECK_IN_DAYS", 7).containsEntry("ESCALATED_BY", "SWEEP");
    assertThat(nextEscalation(ids.get("T01"))).isEqualTo(vietnam("2024-05-08T08:00"));
    assertThat(record(ids.get("T05"))).containsEntry("LEVEL", 2).containsEntry("KEY_TASK", true)
        .containsEntry("NEXT_CHECK_IN_DAYS", 3);
    assertThat(nextEscalation(ids.get("T05"))).isEqualTo(vietnam("2024-05-04T08:00"));
    assertThat(jdbc.queryForObject("select escalation_level from dt_task where id = ?", Integer.class, ids.get("T01")))
        .isEqualTo(2);
    // One notice per task and recipient group, each in its unit's bundle (MOH: T01, T02, T05).
    assertThat(jdbc.queryForList("select n.recipient_groups from dt_notification n join dt_task t on t.id = n.task_id"
        + " where t.directive_id = ? and n.event = 'ESCALATION' and n.task_id = ?", String.class, directiveId,
        ids.get("T01"))).containsExactlyInAnyOrder("MOH", "P06WG", "P06WGSEC");
    assertThat(jdbc.queryForObject("select count(distinct n.bundle_id) from dt_notification n join dt_task t"
        + " on t.id = n.task_id where t.directive_id = ? and n.recipient_groups = 'MOH'", Integer.class, directiveId))
        .isOne();

    // The next sweep, a quarter of an hour later, finds nothing due: nobody is escalated twice.
    ClockUtil.setCurrentTime(new Date(now().toEpochMilli() + 15 * 60_000));
    runEscalationSweep(processes);
    for (String k : List.of("T01", "T02", "T03", "T04", "T05")) {
      assertThat(escalations(ids.get(k))).as(k).isOne();
    }
    // On the look-again morning of the key task, only it is due.
    clockAt("2024-05-04T08:00:01");
    runDueJobs(processes);
    assertThat(escalations(ids.get("T05"))).isEqualTo(2);
    assertThat(escalations(ids.get("T01"))).isOne();
    assertThat(record(ids.get("T05"))).containsEntry("DAYS_OVERDUE", 15).containsEntry("LEVEL", 3);
  }

  @Test
  void aTaskChangedAfterThePageReadItIsLeftAloneAndAPageThatFailsIsRedoneWholeWithoutDuplicates() {
    clockAt("2024-04-01T09:00");
    Issued issued = threeTasks("SWEEP-RACE", "2024-03-01", "2024-03-20");
    String directiveId = issued.directiveId();
    Map<String, String> ids = issued.ids();
    List<String> processes = issued.processes();
    parkOtherDueTasks(processes);

    // A page read the three tasks; before it writes, T01 gets a later deadline (its next escalation moves):
    // the conditional update advances only the two still due as read.
    List<EscalationRepository.DueTask> read = repository.due(now(), 10);
    assertThat(read).extracting(d -> d.task().key()).containsExactlyInAnyOrder("T01", "T02", "T03");
    assertThat(new TaskChangeFixtures(http, engine).amend("leader", directiveId, "T01",
        Map.of("deadline", "2024-04-30", "reason", "Gia hạn")).getStatusCode().value()).isEqualTo(200);
    List<String> advanced = repository.advance(read.stream().map(d -> new EscalationRepository.Advance(d.task().id(),
        d.nextEscalationAt(), 1, now(), now().plusSeconds(86_400))).toList());
    assertThat(advanced).containsExactlyInAnyOrder(ids.get("T02"), ids.get("T03"));
    // Put T02 and T03 back as they were, for the sweep below.
    jdbc.update("update dt_task set next_escalation_at = ?, escalation_level = 0 where id in (?, ?)",
        Timestamp.from(vietnam("2024-03-21T00:00").toInstant()), ids.get("T02"), ids.get("T03"));

    // The database refuses T03's record: the page fails and rolls back whole, its job keeps its retries.
    jdbc.execute("alter table dt_escalation add constraint ck_sweep_test_fails check (task_id <> '" + ids.get("T03")
        + "')");
    Job page;
    try {
      Job start = engine.getManagementService().createJobQuery().processDefinitionKey(SWEEP).timers().singleResult();
      engine.getManagementService().executeJob(start.getId());
      page = sweepPageJobs().get(0);
      String pageId = page.getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(pageId)).isNotNull();
      page = engine.getManagementService().createJobQuery().jobId(pageId).singleResult();
      assertThat(page.getRetries()).isPositive();
      assertThat(page.getDuedate()).isAfter(new Date(now().toEpochMilli()));
      assertThat(page.getExceptionMessage()).isNotBlank();
      for (String k : List.of("T01", "T02", "T03")) {
        assertThat(escalations(ids.get(k))).as(k).isZero();
      }
      assertThat(jdbc.queryForObject("select count(*) from dt_notification where event = 'ESCALATION' and task_id in"
          + " (?, ?, ?)", Integer.class, ids.get("T01"), ids.get("T02"), ids.get("T03"))).isZero();
      assertThat(nextEscalation(ids.get("T02"))).isEqualTo(vietnam("2024-03-21T00:00"));
    } finally {
      jdbc.execute("alter table dt_escalation drop constraint ck_sweep_test_fails");
    }

    // The retry (the global retry cycle) redoes the page: each due task once, T01 not at all.
    ClockUtil.setCurrentTime(page.getDuedate());
    engine.getManagementService().executeJob(page.getId());
    // The sweep goes on to its reminders and progress periods: one page each.
    for (int i = 0; i < 2; i++) {
      engine.getManagementService().executeJob(sweepPageJobs().get(0).getId());
    }
    assertThat(sweepPageJobs()).isEmpty();
    assertThat(escalations(ids.get("T01"))).isZero();
    assertThat(escalations(ids.get("T02"))).isOne();
    assertThat(escalations(ids.get("T03"))).isOne();
    // Level 2 of a ministry's task: the lead, the issuer and its secretariat; one outbox row each.
    assertThat(jdbc.queryForObject("select count(*) from dt_notification where event = 'ESCALATION' and task_id in"
        + " (?, ?)", Integer.class, ids.get("T02"), ids.get("T03"))).isEqualTo(6);
    runDueJobs(processes);
    assertThat(escalations(ids.get("T02"))).isOne();
    assertThat(jdbc.queryForList("select distinct status from dt_notification where event = 'ESCALATION' and task_id"
        + " in (?, ?)", String.class, ids.get("T02"), ids.get("T03"))).containsExactly("SENT");
  }

  @Test
  void aTaskWhoseEscalationCannotBeDecidedIsHeldToTheNextMorningAndTheOthersStillEscalate() throws Exception {
    clockAt("2024-06-03T10:00");
    Issued issued = threeTasks("SWEEP-HOLD", "2024-05-01", "2024-05-20");
    Map<String, String> ids = issued.ids();
    List<String> processes = issued.processes();
    // T02's lead unit is not (or no longer) in the registry: nothing says whom to tell or at which level.
    jdbc.update("update dt_task set lead_unit = 'GHOSTUNIT' where id = ?", ids.get("T02"));
    double heldBefore = meters.counter("directive.escalations.held").count();

    runEscalationSweep(processes);

    assertThat(escalations(ids.get("T01"))).isOne();
    assertThat(escalations(ids.get("T03"))).isOne();
    assertThat(escalations(ids.get("T02"))).isZero();
    assertThat(nextEscalation(ids.get("T02"))).isEqualTo(vietnam("2024-06-04T08:00"));
    assertThat(meters.counter("directive.escalations.held").count()).isEqualTo(heldBefore + 1);
    // The sweep ended normally: no page left to retry, no incident.
    assertThat(sweepPageJobs()).isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(lastSweep).count()).isZero();

    // Mended the same day: it escalates at its next look, the next morning.
    jdbc.update("update dt_task set lead_unit = 'MOH' where id = ?", ids.get("T02"));
    clockAt("2024-06-04T08:00:01");
    runEscalationSweep(processes);
    assertThat(escalations(ids.get("T02"))).isOne();
    assertThat(escalations(ids.get("T01"))).isOne();
  }

  /** A directive issued through the API: its id, its tasks' ids by key, and their process instances. */
  @Test
  void dueRemindersGoOutOncePerTaskInOneMailPerUnitAndNotAfterTheDeadline() throws Exception {
    clockAt("2024-05-02T09:00");
    String reference = DirectiveFixtures.uniqueReference("SWEEP-REMIND");
    Issued issued = issued(directives.issue("leader", "P06WG", reference, "2024-05-02",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-28"), DirectiveFixtures.task("T02", "HEALTH", "2024-06-28"),
            DirectiveFixtures.task("T03", "CIVIL_STATUS", "2024-06-28"), DirectiveFixtures.task("T04", "HEALTH", "2024-05-20"))));
    Map<String, String> ids = issued.ids();
    // Half of the time (57 days: 2024-05-30; 18 days: 2024-05-11), at 08:00 in Ha Noi.
    assertThat(nextReminder(ids.get("T01"))).isEqualTo(vietnam("2024-05-30T08:00"));
    assertThat(nextReminder(ids.get("T04"))).isEqualTo(vietnam("2024-05-11T08:00"));

    // T04's reminders were missed (no sweep ran) and its deadline has passed: the escalations speak, not a reminder.
    clockAt("2024-05-25T09:00");
    runEscalationSweep(issued.processes());
    assertThat(nextReminder(ids.get("T04"))).isNull();
    assertThat(reminders(ids.get("T04"))).isZero();
    assertThat(escalations(ids.get("T04"))).isOne();

    // T01 and T02 are MOH's, T03 MOJ's: three reminders, two bundles, and each task's next reminder moved on.
    clockAt("2024-05-30T08:00:01");
    runEscalationSweep(issued.processes());
    for (String k : List.of("T01", "T02", "T03")) {
      assertThat(reminders(ids.get(k))).as(k).isOne();
      assertThat(nextReminder(ids.get(k))).as(k).isEqualTo(vietnam("2024-06-25T08:00"));
    }
    assertThat(jdbc.queryForList("select count(*) from dt_notification where event = 'REMINDER' and task_id in (?, ?, ?)"
        + " group by bundle_id order by count(*)", Integer.class, ids.get("T01"), ids.get("T02"), ids.get("T03")))
        .containsExactly(1, 2);
    // A second sweep at the same moment reminds nobody again.
    runEscalationSweep(issued.processes());
    assertThat(reminders(ids.get("T01"))).isOne();

    runDueJobs(issued.processes());
    List<String> moh = mailsTo("moh", reference);
    assertThat(moh).filteredOn(m -> m.contains("Nhắc việc: 2 nhiệm vụ của Bộ Y tế")).singleElement().asString()
        .contains("nhiệm vụ T01").contains("nhiệm vụ T02").contains("Reminder: 2 tasks of");
    assertThat(mailsTo("moj", reference)).filteredOn(m -> m.contains("Nhắc việc")).singleElement().asString()
        .contains("nhiệm vụ T03").contains("còn 29 ngày");
  }

  @Test
  void eachOpenTaskGetsOneProgressPeriodAMonthFromTheSweepEvenWhenSweepsRunTwiceOrAMonthWasMissed() {
    clockAt("2024-08-01T09:00");
    Issued issued = threeTasks("SWEEP-PROGRESS", "2024-08-01", "2024-12-31");
    Map<String, String> ids = issued.ids();
    assertThat(directives.post("leader", "/api/directives/" + issued.directiveId() + "/tasks/T03/withdrawal",
        Map.of("reason", "Không còn cần thiết")).getStatusCode().value()).isEqualTo(200);
    assertThat(nextProgress(ids.get("T01"))).isEqualTo(vietnam("2024-08-15T08:00"));
    assertThat(nextProgress(ids.get("T03"))).isNull();

    // Two sweeps at the same moment: one period each for T01 and T02, none for the withdrawn T03; then September's.
    clockAt("2024-08-15T08:00:01");
    runEscalationSweep(issued.processes());
    runEscalationSweep(issued.processes());
    assertThat(periods(issued, "T01")).containsExactly("2024-08");
    assertThat(periods(issued, "T02")).containsExactly("2024-08");
    assertThat(nextProgress(ids.get("T01"))).isEqualTo(vietnam("2024-09-15T08:00"));

    // No sweep ran in September or October: November's sweep opens one period, November's, and plans December's.
    clockAt("2024-11-16T10:00");
    runEscalationSweep(issued.processes());
    assertThat(periods(issued, "T01")).containsExactly("2024-08", "2024-11");
    assertThat(nextProgress(ids.get("T01"))).isEqualTo(vietnam("2024-12-15T08:00"));
  }

  /** The periods opened in the task's process (each opening keeps its own {@code progressPeriod}). */
  private List<String> periods(Issued issued, String key) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(directives.processOf(issued.directiveId(), key)).variableName("progressPeriod").list()
        .stream().map(v -> (String) v.getValue()).sorted().toList();
  }

  private int reminders(String taskId) {
    return jdbc.queryForObject("select count(*) from dt_notification where task_id = ? and event = 'REMINDER'",
        Integer.class, taskId);
  }

  /** Subject and body of each mail to the user that mentions the reference. */
  private static List<String> mailsTo(String user, String reference) throws Exception {
    List<String> mails = new java.util.ArrayList<>();
    var account = MAIL.getUserManager().getUserByEmail(user + "@demo.directivetracker.vn");
    for (var stored : MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      var m = stored.getMimeMessage();
      String mail = m.getSubject() + "\n" + m.getContent();
      if (mail.contains(reference)) {
        mails.add(mail);
      }
    }
    return mails;
  }

  private record Issued(String directiveId, Map<String, String> ids, List<String> processes) {
  }

  /** T01 and T02 (HEALTH) and T03 (CIVIL_STATUS), all with the same deadline. */
  private Issued threeTasks(String reference, String issuedOn, String deadline) {
    return issued(directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference(reference), issuedOn,
        List.of(DirectiveFixtures.task("T01", "HEALTH", deadline), DirectiveFixtures.task("T02", "HEALTH", deadline),
            DirectiveFixtures.task("T03", "CIVIL_STATUS", deadline))));
  }

  private Issued issued(JsonNode issued) {
    String directiveId = issued.get("id").asText();
    Map<String, String> ids = new HashMap<>();
    issued.get("tasks").forEach(t -> ids.put(t.get("key").asText(), t.get("id").asText()));
    return new Issued(directiveId, ids, directives.processesOf(directiveId));
  }

  private int escalations(String taskId) {
    return jdbc.queryForObject("select count(*) from dt_escalation where task_id = ?", Integer.class, taskId);
  }

  private Map<String, Object> record(String taskId) {
    return jdbc.queryForMap("select * from dt_escalation where task_id = ? order by escalated_at desc limit 1", taskId);
  }

  private static Date vietnam(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }
}

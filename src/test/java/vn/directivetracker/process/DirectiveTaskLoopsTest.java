package vn.directivetracker.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * The loops of directive-task, end to end through the API and the engine: a returned report goes back to
 * the lead unit; and the escalation sweep reminds the task until no reminder is left and looks at an overdue
 * task again (escalation-sweep's own page loops are EscalationSweepTest's). Each
 * loop enters its step through an explicit merging gateway (bpmnlint's fake-join and
 * no-gateway-join-fork rules); this checks the steps still run as before, as often as before.
 */
class DirectiveTaskLoopsTest extends ApplicationTest {

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void returnReminderAndEscalationLoopsRunThroughTheirMergeGateways() {
    clockAt("2026-03-02T09:00");
    String reference = "LOOPS-" + System.nanoTime();
    Map<String, Object> body = Map.of(
        "reference", reference,
        "issuedOn", "2026-03-02",
        "issuer", "P06WG",
        "title", "Loops of the task process",
        "tasks", List.of(Map.of(
            "key", "t1",
            "title", "Connect the health insurance lookup",
            "domain", "HEALTH",
            "leadUnit", "MOH",
            "coordinatingUnits", List.of("MOJ"),
            "deadline", "2026-03-20")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("leader", "demo");
    ResponseEntity<String> issued = http.exchange("/api/directives", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
    assertThat(issued.getStatusCode()).as(issued.getBody()).isEqualTo(HttpStatus.CREATED);

    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    ProcessInstance directive = runtime.createProcessInstanceQuery().processInstanceBusinessKey("P06WG:" + reference)
        .singleResult();
    ProcessInstance task = runtime.createProcessInstanceQuery().superProcessInstanceId(directive.getId())
        .singleResult();
    List<String> instances = List.of(task.getId());
    runDueJobs(instances);

    Task carryOut = tasks.createTaskQuery().processInstanceId(task.getId()).taskDefinitionKey("UserTask_CarryOut")
        .singleResult();
    assertThat(carryOut).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceId(task.getId()).taskDefinitionKey("UserTask_Contribute")
        .taskCandidateGroup("MOJ").count()).isEqualTo(1);
    String directiveTaskId = jdbc.queryForObject("select id from dt_task where process_instance_id = ?", String.class,
        task.getId());
    assertThat(nextReminder(directiveTaskId)).isEqualTo(clockDate("2026-03-11T08:00"));

    // Reminders are the sweep's: half time (03-11), then three days before (03-17), then none; escalation is
    // the sweep's too, from dt_task.next_escalation_at. No timer of the task's own.
    clockAt("2026-03-11T09:00");
    runDueJobs(instances);
    assertThat(nextReminder(directiveTaskId)).isEqualTo(clockDate("2026-03-17T08:00"));
    clockAt("2026-03-17T09:00");
    runDueJobs(instances);
    assertThat(nextReminder(directiveTaskId)).isNull();
    assertThat(nextEscalation(directiveTaskId)).isEqualTo(clockDate("2026-03-21T00:00"));
    assertThat(jdbc.queryForObject("select count(*) from dt_notification where task_id = ? and event = 'REMINDER'",
        Integer.class, directiveTaskId)).isEqualTo(2);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(task.getId()).timers()
        .count()).isZero();

    // Return loop: the report goes back to the lead unit as a new carry-out task.
    tasks.complete(carryOut.getId(), Map.of("reportResult", "Connected in one province", "completionDate",
        "2026-03-17"));
    runDueJobs(instances);
    Task review = tasks.createTaskQuery().processInstanceId(task.getId()).taskDefinitionKey("UserTask_ReviewReport")
        .singleResult();
    tasks.complete(review.getId(), Map.of("reportAccepted", false, "reviewComment", "All provinces, please"));
    runDueJobs(instances);
    Task again = tasks.createTaskQuery().processInstanceId(task.getId()).taskDefinitionKey("UserTask_CarryOut")
        .singleResult();
    assertThat(again).isNotNull();
    assertThat(again.getId()).isNotEqualTo(carryOut.getId());
    assertThat(passed(task.getId(), "UserTask_CarryOut")).isEqualTo(2);

    // Escalation loop, now the sweep's: overdue on 03-21, looked at again when the decision says. The task's
    // own process runs no escalation step, and the ended deadline watch has not ended it.
    clockAt("2026-03-21T09:00");
    runDueJobs(instances);
    assertThat(escalations(directiveTaskId)).isEqualTo(1);
    Date lookAgain = nextEscalation(directiveTaskId);
    assertThat(lookAgain).isEqualTo(clockDate("2026-03-28T08:00"));
    ClockUtil.setCurrentTime(new Date(lookAgain.getTime() + 60_000));
    runDueJobs(instances);
    assertThat(escalations(directiveTaskId)).isEqualTo(2);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getId()).count()).isOne();

    // Accepted: the task ends (terminate), and with it the watch and the contribution.
    tasks.complete(again.getId(), Map.of("reportResult", "Connected everywhere", "completionDate",
        LocalDate.ofInstant(now(), VIETNAM).toString()));
    runDueJobs(instances);
    review = tasks.createTaskQuery().processInstanceId(task.getId()).taskDefinitionKey("UserTask_ReviewReport")
        .singleResult();
    tasks.complete(review.getId(), Map.of("reportAccepted", true));
    runDueJobs(instances);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.getId()).count()).isZero();
    assertThat(passed(task.getId(), "EndEvent_TaskCompleted")).isEqualTo(1);
    assertThat(nextEscalation(directiveTaskId)).isNull();
  }

  private int escalations(String directiveTaskId) {
    return jdbc.queryForObject("select count(*) from dt_escalation where task_id = ?", Integer.class, directiveTaskId);
  }

  private long passed(String processInstanceId, String activityId) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
        .count();
  }

  private static Date clockDate(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }
}

package vn.directivetracker.monthlyreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The {@code monthly-review} process with the engine clock: the daily timer fires on 1 May 2024 (a holiday,
 * nothing happens), on 2 May (the first working day: a review pack and a meeting task per issuer with open
 * tasks) and on 3 May (already done). Only this class issues for LAICHAUWG, SONLAWG and THAINGUYENWG (whose
 * review nobody completes, so the instance runs whatever order the tests run in); the shared database gives
 * other issuers reviews too, which these tests leave alone.
 */
class MonthlyReviewProcessTest extends ApplicationTest {

  static final String PROCESS = "monthly-review";

  private static Run run;

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;

  /** What the three mornings produced. */
  record Run(String holidayInstance, String reviewInstance, String nextDayInstance, String laiChauDirective) {
  }

  @BeforeEach
  void runTheFirstDaysOfMayOnce() {
    directives = new DirectiveFixtures(http, jdbc);
    if (run == null) {
      clockAt("2024-04-01T09:00");
      Map<String, Object> l1 = DirectiveFixtures.task("L1", "HEALTH", "2024-04-15");
      l1.put("leadUnit", "LAICHAUPC");
      l1.put("coordinatingUnits", List.of("LAICHAUDOH"));
      l1.put("keyTask", true);
      Map<String, Object> l2 = DirectiveFixtures.task("L2", "TAX", "2024-06-30");
      l2.put("leadUnit", "LAICHAUDOJ");
      JsonNode laiChau = directives.issue("laichauwg", "LAICHAUWG", DirectiveFixtures.uniqueReference("REV-L"),
          "2024-04-01", List.of(l1, l2));
      Map<String, Object> s1 = DirectiveFixtures.task("S1", "LAND", "2024-04-10");
      s1.put("leadUnit", "SONLAOFFICE");
      directives.issue("sonlawg", "SONLAWG", DirectiveFixtures.uniqueReference("REV-S"), "2024-04-01", List.of(s1));
      directives.issue("thainguyenwg", "THAINGUYENWG", DirectiveFixtures.uniqueReference("REV-T"), "2024-04-01",
          List.of(DirectiveFixtures.task("N1", "HEALTH", "2024-04-20")));

      String holiday = fireTimer("2024-05-01T07:00");
      String review = fireTimer("2024-05-02T07:00");
      runDueJobs(List.of(review));
      String nextDay = fireTimer("2024-05-03T07:00");
      run = new Run(holiday, review, nextDay, laiChau.get("id").asText());
    }
    clockAt("2024-05-02T10:00");
  }

  @Test
  void theTimerStartsAReviewOnlyOnTheFirstWorkingDayAndOnlyOnce() {
    assertThat(historic(run.holidayInstance()).getEndTime()).isNotNull();
    assertThat(passed(run.holidayInstance())).contains("EndEvent_NoReviewToday").doesNotContain("SubProcess_IssuerReview");
    assertThat(passed(run.nextDayInstance())).contains("EndEvent_NoReviewToday");
    assertThat(instance(run.reviewInstance())).isWaitingAt("UserTask_HoldReview")
        .hasPassed("ServiceTask_CheckReviewDue", "ServiceTask_BuildReviewPack");
    assertThat(jdbc.queryForMap("select reviewed_month, process_instance_id from dt_review_run where run_month = '2024-05'"))
        .containsEntry("REVIEWED_MONTH", "2024-04").containsEntry("PROCESS_INSTANCE_ID", run.reviewInstance());
    assertThat(jdbc.queryForObject("select count(*) from dt_review where issuer = 'LAICHAUWG' and period = '2024-04'",
        Integer.class)).isEqualTo(1);
    // Another start timer is waiting for the next morning.
    Job next = startTimer();
    assertThat(next.getDuedate()).isAfter(java.sql.Timestamp.valueOf("2024-05-03 00:00:00"));
  }

  @Test
  void eachIssuerWithOpenTasksGetsAPackAndAMeetingTaskForItsGroup() {
    Task task = meetingTask("THAINGUYENWG");
    assertThat(task).hasName("Họp đánh giá tháng / Hold the monthly review").hasCandidateGroup("THAINGUYENWG");
    // An issuer without directives has nothing to review.
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(run.reviewInstance())
        .taskCandidateGroup("ANGIANGWG").count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from dt_review where issuer = 'ANGIANGWG'", Integer.class)).isZero();

    Map<String, Object> vars = engine.getTaskService().getVariables(task.getId());
    assertThat(vars).containsEntry("reviewMonth", "2024-04").containsEntry("issuer", "THAINGUYENWG")
        .containsEntry("overdueTasks", 1).containsEntry("reviewId", reviewOf("THAINGUYENWG"));
    assertThat((String) vars.get("reportUrl"))
        .endsWith("/api/reports/monthly?issuer=THAINGUYENWG&month=2024-04&format=html");

    JsonNode review = directives.get("laichauwg", "/api/reviews/" + reviewOf("LAICHAUWG"));
    assertThat(review.get("month").asText()).isEqualTo("2024-04");
    assertThat(review.get("issuer").asText()).isEqualTo("LAICHAUWG");
    JsonNode totals = review.get("report").get("totals");
    assertThat(List.of(totals.get("overdue").asInt(), totals.get("inProgress").asInt(),
        totals.get("missingProgressReports").asInt())).containsExactly(1, 1, 2);
    JsonNode overdue = review.get("report").get("overdueTasks");
    assertThat(overdue).hasSize(1);
    assertThat(overdue.get(0).get("taskKey").asText()).isEqualTo("L1");
    assertThat(overdue.get(0).get("daysOverdue").asInt()).isEqualTo(15);
    assertThat(directives.get("thainguyenwgsec", "/api/reviews/" + reviewOf("THAINGUYENWG")).get("status").asText())
        .isEqualTo("PENDING");
  }

  @Test
  void conclusionsAreRequiredAndAFollowUpDirectiveIsDraftedReadyToIssue() {
    Task task = meetingTask("LAICHAUWG");
    String reviewId = (String) engine.getTaskService().getVariable(task.getId(), "reviewId");

    ResponseEntity<String> refused = completeOverRest("laichauwg", task, Map.of(
        "conclusions", Map.of("value", "   ", "type", "String"),
        "issueFollowUp", Map.of("value", false, "type", "Boolean")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("conclusions");
    // A value of another type than the form's checkbox is refused before the form's own check.
    ResponseEntity<String> mistyped = completeOverRest("laichauwg", task, Map.of(
        "conclusions", Map.of("value", "Kết luận", "type", "String"),
        "issueFollowUp", Map.of("value", "yes", "type", "String")));
    assertThat(mistyped.getStatusCode().value()).isEqualTo(400);
    assertThat(mistyped.getBody()).contains("issueFollowUp must be of type Boolean");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(completeOverRest("sonlawg", task, Map.of("conclusions", Map.of("value", "x", "type", "String")))
        .getStatusCode().value()).isIn(403, 404);

    ResponseEntity<String> done = completeOverRest("laichauwg", task, Map.of(
        "conclusions", Map.of("value", "Công an tỉnh hoàn thành L1 trong tháng 5.", "type", "String"),
        "issueFollowUp", Map.of("value", true, "type", "Boolean")));
    assertThat(done.getStatusCode().value()).isEqualTo(204);
    assertThat(instance(run.reviewInstance())).hasPassed("ServiceTask_RecordConclusions", "ServiceTask_DraftFollowUp",
        "EndEvent_FollowUpDrafted");

    JsonNode review = directives.get("laichauwg", "/api/reviews/" + reviewId);
    assertThat(review.get("status").asText()).isEqualTo("HELD");
    assertThat(review.get("conclusions").asText()).isEqualTo("Công an tỉnh hoàn thành L1 trong tháng 5.");
    assertThat(review.get("heldBy").asText()).isEqualTo("laichauwg");
    assertThat(review.get("issueFollowUp").asBoolean()).isTrue();

    JsonNode body = directives.get("laichauwg", "/api/reviews/" + reviewId + "/follow-up");
    assertThat(body.get("issuer").asText()).isEqualTo("LAICHAUWG");
    assertThat(body.get("reference").asText()).isEqualTo("TB-DG-2024-04");
    assertThat(body.get("issuedOn").asText()).isEqualTo("2024-05-02");
    assertThat(body.get("tasks")).hasSize(1);
    JsonNode t01 = body.get("tasks").get(0);
    assertThat(t01.get("key").asText()).isEqualTo("T01");
    assertThat(t01.get("title").asText()).isEqualTo("Nhiệm vụ L1 (HEALTH)");
    assertThat(t01.get("leadUnit").asText()).isEqualTo("LAICHAUPC");
    assertThat(t01.get("coordinatingUnits").get(0).asText()).isEqualTo("LAICHAUDOH");
    assertThat(t01.get("deadline").asText()).isEqualTo("2024-05-31");
    assertThat(t01.get("keyTask").asBoolean()).isTrue();
    assertThat(t01.get("description").asText()).contains("L1", "quá hạn 15 ngày");

    // The leader issues it as drafted.
    ResponseEntity<String> issued = directives.post("laichauwg", "/api/directives", body.toString());
    assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(201);
    JsonNode followUp = DirectiveFixtures.read(issued.getBody());
    assertThat(DirectiveFixtures.taskOf(followUp, "T01").get("leadUnit").asText()).isEqualTo("LAICHAUPC");
    assertThat(DirectiveFixtures.taskOf(followUp, "T01").get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void withoutAFollowUpThereIsNoDraftAndOnlyTheIssuersSideMayReadTheReview() {
    Task task = meetingTask("SONLAWG");
    String reviewId = (String) engine.getTaskService().getVariable(task.getId(), "reviewId");
    assertThat(completeOverRest("sonlawg", task, Map.of(
        "conclusions", Map.of("value", "Văn phòng UBND tỉnh báo cáo lại trong tuần.", "type", "String")))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(instance(run.reviewInstance())).hasPassed("EndEvent_ReviewHeld");

    ResponseEntity<String> none = http.withBasicAuth("sonlawg", "demo")
        .getForEntity("/api/reviews/" + reviewId + "/follow-up", String.class);
    assertThat(none.getStatusCode().value()).isEqualTo(404);
    assertThat(none.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(directives.get("sonlawgsec", "/api/reviews/" + reviewId).get("issueFollowUp").asBoolean()).isFalse();
    assertThat(directives.get("auditor", "/api/reviews/" + reviewId).get("status").asText()).isEqualTo("HELD");
    assertThat(status("leader", "/api/reviews/" + reviewId)).isEqualTo(403);
    assertThat(status("laichauwg", "/api/reviews/" + reviewId + "/follow-up")).isEqualTo(403);
    assertThat(status("admin", "/api/reviews/no-such-review")).isEqualTo(404);
    assertThat(http.getForEntity("/api/reviews/" + reviewId, String.class).getStatusCode().value()).isEqualTo(401);
  }

  // ---------------------------------------------------------------------------------------------

  /** Moves the clock and fires the daily start timer as the job executor would; returns the new instance. */
  private String fireTimer(String localDateTime) {
    clockAt(localDateTime);
    Set<String> before = new HashSet<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> before.add(p.getId()));
    engine.getManagementService().executeJob(startTimer().getId());
    List<String> started = new ArrayList<>();
    engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).list()
        .forEach(p -> {
          if (!before.contains(p.getId())) {
            started.add(p.getId());
          }
        });
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private Job startTimer() {
    ManagementService management = engine.getManagementService();
    return management.createJobQuery().processDefinitionKey(PROCESS).timers().list().stream()
        .filter(j -> j.getProcessInstanceId() == null).findFirst()
        .orElseThrow(() -> new AssertionError("no start timer of " + PROCESS));
  }

  private Task meetingTask(String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(run.reviewInstance())
        .taskDefinitionKey("UserTask_HoldReview").taskCandidateGroup(group).singleResult();
  }

  private String reviewOf(String issuer) {
    return jdbc.queryForObject("select id from dt_review where issuer = ? and period = '2024-04'", String.class, issuer);
  }

  private ResponseEntity<String> completeOverRest(String user, Task task, Map<String, Object> variables) {
    return directives.post(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
  }

  private int status(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode().value();
  }

  private ProcessInstance instance(String id) {
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi).as("running instance " + id).isNotNull();
    return pi;
  }

  private HistoricProcessInstance historic(String id) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private List<String> passed(String id) {
    List<String> ids = new ArrayList<>();
    engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).list()
        .forEach(a -> ids.add(a.getActivityId()));
    return ids;
  }
}

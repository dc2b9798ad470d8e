package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.directivetracker.Mailbox.bodiesTo;
import static vn.directivetracker.Mailbox.subjectsTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Every path of a directive task, driven through the API and Tasklist's engine calls with the engine
 * clock moved by the test: accept, return and resubmit, no deadline, reminders and repeated escalation,
 * withdrawal, coordinating units, a back-filled notice.
 */
class DirectiveTaskScenarioTest extends ApplicationTest {

  @Test
  void reportAcceptedOnTimeClosesTheTaskAndStopsItsTimersAndContributions() throws Exception {
    clockAt("2024-01-10T09:00");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "HEALTH", "2024-01-31", "MPS");
    IssuedTask issued = issueOneTask("ACCEPT", "2024-01-10", t01);
    assertThat(DirectiveFixtures.taskOf(issued.directive(), "T01").get("leadUnit").asText()).isEqualTo("MOH");
    ProcessInstance pi = issued.process();

    assertThat(pi).isWaitingAt("UserTask_CarryOut", "UserTask_Contribute");
    Task carryOut = task("UserTask_CarryOut", pi);
    assertThat(carryOut).hasCandidateGroup("MOH");
    assertThat(carryOut.getDueDate()).isEqualTo(inVietnam("2024-01-31T23:59:59"));
    assertThat(task("UserTask_Contribute", pi)).hasCandidateGroup("MPS");

    runDueJobs(directives.processesOf(issued.directiveId()));
    assertThat(subjectsTo("moh", issued.reference())).singleElement().asString().contains("Giao nhiệm vụ T01");
    assertThat(subjectsTo("mps", issued.reference())).singleElement().asString().contains("Phối hợp");
    assertThat(bodyTo("moh", issued.reference())).contains("#/?task=" + carryOut.getId()).contains("-------- English --------");

    clockAt("2024-01-25T10:00");
    complete(carryOut, withVariables("reportResult", "Đã ban hành hướng dẫn", "completionDate", "2024-01-25"));
    assertThat(pi).isWaitingAt("UserTask_ReviewReport", "UserTask_Contribute");
    assertThat(task("UserTask_ReviewReport", pi)).hasCandidateGroup("P06WGSEC");
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));

    assertThat(pi).isEnded().hasPassed("ServiceTask_AcceptReport", "EndEvent_TaskCompleted")
        .hasNotPassed("EndEvent_ContributionsDone");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    JsonNode task = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01");
    assertThat(task.get("status").asText()).isEqualTo("COMPLETED_ON_TIME");
    assertThat(task.get("completedOn").asText()).isEqualTo("2024-01-25");
    assertThat(directives.get("leader", "/api/directives/" + issued.directiveId()).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(jdbc.queryForList("select outcome from dt_report where task_id = ?", String.class,
        task.get("id").asText())).containsExactly("ACCEPTED");

    runDueJobs(directives.processesOf(issued.directiveId()));
    assertThat(subjectsTo("moh", issued.reference())).anySatisfy(s -> assertThat(s).contains("đã hoàn thành"));
    assertThat(subjectsTo("secretary", issued.reference())).anySatisfy(s -> assertThat(s).contains("chờ xem xét"));
  }

  @Test
  void returnedReportGoesBackWithTheCommentAndALateResubmissionCompletesLate() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("RETURN", "2024-01-10", DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-01-31"));
    ProcessInstance pi = issued.process();
    assertThat(task("UserTask_CarryOut", pi)).hasCandidateGroup("MOJ");

    clockAt("2024-01-20T15:00");
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Báo cáo sơ bộ", "completionDate", "2024-01-20"));
    Task review = task("UserTask_ReviewReport", pi);
    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), withVariables("reportAccepted", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reviewComment");
    assertThat(pi).isWaitingAt("UserTask_ReviewReport");

    complete(review, withVariables("reportAccepted", false, "reviewComment", "Thiếu số liệu của 12 địa phương"));
    assertThat(pi).isWaitingAt("UserTask_CarryOut").hasPassed("ServiceTask_ReturnReport");
    runDueJobs(directives.processesOf(issued.directiveId()));
    assertThat(subjectsTo("moj", issued.reference())).anySatisfy(s -> assertThat(s).contains("bị trả lại"));
    assertThat(bodiesTo("moj", issued.reference())).anySatisfy(b -> assertThat(b).contains("Thiếu số liệu của 12 địa phương"));

    clockAt("2024-02-03T09:00");
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Báo cáo đầy đủ", "completionDate", "2024-02-02"));
    // The resubmitted report is reviewed afresh: the earlier return neither prefills nor answers for it.
    Task again = task("UserTask_ReviewReport", pi);
    assertThat(engine.getTaskService().getVariables(again.getId())).doesNotContainKeys("reportAccepted", "reviewComment");
    assertThatThrownBy(() -> engine.getTaskService().complete(again.getId(), Map.of()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reportAccepted");
    complete(again, withVariables("reportAccepted", true));
    assertThat(pi).isEnded();
    JsonNode task = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01");
    assertThat(task.get("status").asText()).isEqualTo("COMPLETED_LATE");
    assertThat(jdbc.queryForList("select outcome from dt_report where task_id = ? order by submitted_at", String.class,
        task.get("id").asText())).containsExactly("RETURNED", "ACCEPTED");
    assertThat(jdbc.queryForList("select review_comment from dt_report where task_id = ? order by submitted_at",
        String.class, task.get("id").asText())).containsExactly("Thiếu số liệu của 12 địa phương", null);
  }

  @Test
  void aReportWithoutResultOrWithAFutureDateIsRefusedAndTheTaskStaysOpen() {
    clockAt("2024-01-10T09:00");
    ProcessInstance pi = issueOneTask("INVALID", "2024-01-10", DirectiveFixtures.task("T01", "LAND", "2024-03-31"))
        .process();
    Task carryOut = task("UserTask_CarryOut", pi);
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(), withVariables("completionDate", "2024-01-09")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("reportResult").hasMessageContaining("before the directive was issued");
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(),
        withVariables("reportResult", "xong", "completionDate", "2024-05-01")))
        .hasMessageContaining("in the future");
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
  }

  @Test
  void aReviewWithoutItsReportInTheTableIsRefusedRatherThanRecordedNowhere() {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("NOREPORT", "2024-01-10", DirectiveFixtures.task("T01", "LAND", "2024-03-31"));
    ProcessInstance pi = issued.process();
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Đã xong", "completionDate", "2024-01-10"));
    // The review finds its report in dt_report (no variable names it): gone, the review cannot be recorded.
    jdbc.update("delete from dt_report where task_id = ?", issued.taskId());
    Task review = task("UserTask_ReviewReport", pi);

    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), withVariables("reportAccepted", true)))
        .hasMessageContaining("has no report awaiting review");
    assertThat(pi).isWaitingAt("UserTask_ReviewReport");
    assertThat(jdbc.queryForObject("select state from dt_task where id = ?", String.class, issued.taskId())).isEqualTo("OPEN");
  }

  @Test
  void aTaskWithoutDeadlineHasNoTimers() {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("NODEADLINE", "2024-01-10", DirectiveFixtures.task("T01", "COMMUNICATION", null));
    assertThat(DirectiveFixtures.taskOf(issued.directive(), "T01").get("leadUnit").asText()).isEqualTo("MCST");
    ProcessInstance pi = issued.process();
    assertThat(pi).isWaitingAt("UserTask_CarryOut").hasPassed("EndEvent_NoCoordination");
    assertThat(nextReminder(issued.taskId())).isNull();
    assertThat(nextEscalation(issued.taskId())).isNull();
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isNull();
    // No timers at all: the sweep opens its monthly progress periods (the 15th at 08:00), nothing watches a deadline.
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    assertThat(nextProgress(issued.taskId())).isEqualTo(inVietnam("2024-01-15T08:00:00"));
    clockAt("2030-01-01T09:00");
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01")
        .get("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void remindersBeforeTheDeadlineThenEscalationsThatRiseAsTheEscalationTableSays() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("ESCALATE", "2024-01-10", DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-01-31"));
    ProcessInstance pi = issued.process();
    List<String> processes = directives.processesOf(issued.directiveId());
    runDueJobs(processes);

    // No timer of the task's own watches the deadline: the sweep reminds it (dt_task.next_reminder_at).
    assertThat(timers(pi)).isEmpty();
    // Half of the time: day 10 of 21; then 3 days before the deadline; both at 08:00 in Ha Noi.
    assertThat(nextReminder(issued.taskId())).isEqualTo(inVietnam("2024-01-20T08:00:00"));
    clockAt("2024-01-19T17:00");
    runDueJobs(processes);
    assertThat(subjectsTo("moj", issued.reference())).filteredOn(s -> s.contains("Nhắc việc")).isEmpty();
    clockAt("2024-01-20T08:00:01");
    runDueJobs(processes);
    assertThat(nextReminder(issued.taskId())).isEqualTo(inVietnam("2024-01-28T08:00:00"));
    assertThat(subjectsTo("moj", issued.reference())).filteredOn(s -> s.contains("Nhắc việc")).singleElement().asString()
        .contains("T01");
    clockAt("2024-01-28T08:00:01");
    runDueJobs(processes);
    assertThat(subjectsTo("moj", issued.reference())).filteredOn(s -> s.contains("Nhắc việc")).hasSize(2);
    assertThat(bodiesTo("moj", issued.reference())).anySatisfy(b -> assertThat(b).contains("còn 3 ngày"));
    // The reminders done: none is planned, and a sweep that runs again sends none.
    assertThat(nextReminder(issued.taskId())).isNull();
    runEscalationSweep(processes);
    runDueJobs(processes);
    assertThat(subjectsTo("moj", issued.reference())).filteredOn(s -> s.contains("Nhắc việc")).hasSize(2);
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
    assertThat(nextEscalation(issued.taskId())).isEqualTo(inVietnam("2024-02-01T00:00:00"));

    // From the first moment after the deadline day, then as often as escalation-level says: the sweep.
    List<Integer> levels = new ArrayList<>();
    List<Integer> days = new ArrayList<>();
    List<Date> looks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Date due = nextEscalation(issued.taskId());
      looks.add(due);
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
      runDueJobs(processes);
      Map<String, Object> last = jdbc.queryForMap(
          "select level, days_overdue from dt_escalation where task_id = ? order by escalated_at desc limit 1", issued.taskId());
      levels.add(((Number) last.get("level")).intValue());
      days.add(((Number) last.get("days_overdue")).intValue());
    }
    assertThat(days).containsExactly(1, 8, 15, 22, 29, 36);
    assertThat(levels).containsExactly(1, 2, 2, 2, 2, 3);
    // Looked at again on the 7th day, 08:00 Ha Noi time (nextCheckInDays of the ordinary rules).
    assertThat(looks).containsExactly(inVietnam("2024-02-01T00:00:00"), inVietnam("2024-02-08T08:00:00"),
        inVietnam("2024-02-15T08:00:00"), inVietnam("2024-02-22T08:00:00"), inVietnam("2024-02-29T08:00:00"),
        inVietnam("2024-03-07T08:00:00"));
    assertThat(jdbc.queryForObject("select count(*) from dt_escalation where task_id = ?", Integer.class, issued.taskId()))
        .isEqualTo(6);
    // The facts are in dt_task and dt_escalation, not in the task's process.
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("escalationLevel",
        "escalationAudience", "daysOverdue", "nextCheckInDays", "nextEscalationAt", "overdueAt");
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
        .decisionDefinitionKey("escalation-level").count()).isZero();
    JsonNode task = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01");
    assertThat(task.get("status").asText()).isEqualTo("OVERDUE");
    assertThat(task.get("escalationLevel").asInt()).isEqualTo(3);
    // Level 1 tells the lead only; a ministry's level 2 and 3 go to the working group and its secretariat.
    assertThat(subjectsTo("moj", issued.reference())).filteredOn(s -> s.contains("Cảnh báo cấp")).hasSize(6);
    assertThat(subjectsTo("leader", issued.reference())).filteredOn(s -> s.contains("Cảnh báo cấp")).hasSize(5);
    assertThat(subjectsTo("secretary", issued.reference())).filteredOn(s -> s.contains("Cảnh báo cấp 3")).hasSize(1);

    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Hoàn thành", "completionDate",
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()));
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));
    assertThat(pi).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01")
        .get("status").asText()).isEqualTo("COMPLETED_LATE");
    // Closed: the sweep no longer looks at it.
    assertThat(nextEscalation(issued.taskId())).isNull();
  }

  @Test
  void aBackFilledNoticeIsOverdueAtOnceAndEscalatesAtOnce() throws Exception {
    clockAt("2024-03-01T09:00");
    String ref = DirectiveFixtures.uniqueReference("BACKFILL");
    Map<String, Object> key = DirectiveFixtures.task("T01", "BANKING", "2024-01-05");
    key.put("keyTask", true);
    JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-01-02",
        List.of(key, DirectiveFixtures.task("T02", "TAX", "2024-12-31")));
    assertThat(DirectiveFixtures.taskOf(issued, "T01").get("status").asText()).isEqualTo("OVERDUE");
    assertThat(DirectiveFixtures.taskOf(issued, "T01").get("leadUnit").asText()).isEqualTo("SBV");
    assertThat(DirectiveFixtures.taskOf(issued, "T02").get("status").asText()).isEqualTo("IN_PROGRESS");
    String directiveId = issued.get("id").asText();
    runDueJobs(directives.processesOf(directiveId));
    JsonNode t01 = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T01");
    assertThat(t01.get("escalationLevel").asInt()).isEqualTo(3);
    assertThat(subjectsTo("sbv", ref)).anySatisfy(s -> assertThat(s).contains("quá hạn 56 ngày"));
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T02")
        .get("escalationLevel").asInt()).isZero();
  }

  @Test
  void withdrawingATaskEndsItsProcessTimersAndInboxEntriesAndTellsTheUnits() throws Exception {
    clockAt("2024-01-10T09:00");
    String ref = DirectiveFixtures.uniqueReference("WITHDRAW");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "LAND", "2024-02-28", "MOF");
    JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-01-10",
        List.of(t01, DirectiveFixtures.task("T02", "HOUSING", "2024-02-28")));
    String directiveId = issued.get("id").asText();
    ProcessInstance pi = processInstance(directives.processOf(directiveId, "T01"));
    assertThat(pi).isWaitingAt("UserTask_CarryOut", "UserTask_Contribute");

    var response = directives.post("leader", "/api/directives/" + directiveId + "/tasks/T01/withdrawal",
        Map.of("reason", "Đã lồng ghép vào nhiệm vụ khác"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isEnded().hasPassed("ServiceTask_RecordWithdrawal", "EndEvent_TaskWithdrawn");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
    JsonNode after = directives.get("leader", "/api/directives/" + directiveId);
    assertThat(DirectiveFixtures.taskOf(after, "T01").get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(DirectiveFixtures.taskOf(after, "T02").get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("withdrawalReason").singleResult().getValue()).isEqualTo("Đã lồng ghép vào nhiệm vụ khác");

    runDueJobs(directives.processesOf(directiveId));
    assertThat(subjectsTo("mae", ref)).anySatisfy(s -> assertThat(s).contains("Thu hồi nhiệm vụ T01"));
    assertThat(subjectsTo("mof", ref)).anySatisfy(s -> assertThat(s).contains("Thu hồi nhiệm vụ T01"));
    assertThat(bodiesTo("mae", ref)).anySatisfy(b -> assertThat(b).contains("Đã lồng ghép vào nhiệm vụ khác"));
  }

  @Test
  void aCoordinatingUnitsContributionIsRecordedAndDoesNotBlockTheLead() {
    clockAt("2024-01-10T09:00");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "IDENTIFICATION", "2024-02-28", "MOST", "VPCP");
    IssuedTask issued = issueOneTask("COORD", "2024-01-10", t01);
    ProcessInstance pi = issued.process();
    List<Task> contributions = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_Contribute").list();
    assertThat(contributions).hasSize(2);
    Task most = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_Contribute").taskCandidateGroup("MOST").singleResult();
    complete(most, withVariables("contribution", "Đã cung cấp chuẩn dữ liệu"));
    assertThat(jdbc.queryForList("select unit from dt_report where task_id = ? and kind = 'CONTRIBUTION'",
        String.class, issued.taskId())).containsExactly("MOST");

    clockAt("2024-01-30T15:00");
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "VNeID đã tích hợp", "completionDate", "2024-01-30"));
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));
    assertThat(pi).isEnded();
  }

  private List<Job> timers(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  private static String bodyTo(String user, String reference) throws Exception {
    return bodiesTo(user, reference).get(0);
  }
}

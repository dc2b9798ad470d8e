package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.directivetracker.Mailbox.bodiesTo;
import static vn.directivetracker.Mailbox.subjectsTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * The issuer amends running tasks through the API and the process follows: timers move, the escalation
 * sweep's next look (dt_task.next_escalation_at) moves with the deadline, an overdue task given more time
 * stops escalating, one still overdue escalates again at once, a deadline added or removed starts or ends the watch, the
 * lead's inbox entry moves, contribution tasks come and go, the key flag sets the priority; each change
 * is kept with who, when, why, before and after.
 */
class TaskAmendmentScenarioTest extends ApplicationTest {

  TaskChangeFixtures changes;

  @BeforeEach
  void fixtures() {
    changes = new TaskChangeFixtures(http, engine);
  }

  @Test
  void aLaterDeadlineMovesTheDueDatesAndTheTimersAndIsKeptWithWhoAndWhy() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask t01 = issueOneTask("AMEND-DL", "2024-01-10", DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-01-31"));
    ProcessInstance pi = t01.process();
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-01-20T08:00:00"));
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isEqualTo(inVietnam("2024-01-31T23:59:59"));

    clockAt("2024-01-12T10:00");
    ResponseEntity<String> response = changes.amend("leader", t01.directiveId(), "T01",
        Map.of("deadline", "2024-03-10", "reason", "Chờ Nghị định sửa đổi / waiting for the amended decree"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(DirectiveFixtures.taskOf(DirectiveFixtures.read(response.getBody()), "T01").get("deadline").asText())
        .isEqualTo("2024-03-10");
    // Half of 2024-01-10..2024-03-10 (60 days) is 2024-02-09.
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-02-09T08:00:00"));
    assertThat(changes.timers(pi.getId())).isEmpty();
    assertThat(pi).isWaitingAt("UserTask_CarryOut").hasPassed("ServiceTask_ApplyAmendment");
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isEqualTo(inVietnam("2024-03-10T23:59:59"));
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-03-11T00:00:00"));
    assertThat(variable(pi, "amendedBy")).isEqualTo("leader");

    Map<String, Object> row = jdbc.queryForMap("select * from dt_amendment where task_id = ?", t01.taskId());
    assertThat(row).containsEntry("FIELD", "deadline").containsEntry("OLD_VALUE", "2024-01-31")
        .containsEntry("NEW_VALUE", "2024-03-10").containsEntry("AMENDED_BY", "leader")
        .containsEntry("SOURCE", "AMENDMENT");
    assertThat((String) row.get("REASON")).contains("Nghị định");
    // The engine's own history names the caller for the changes made through its API. A new deadline no longer
    // modifies the process instance: no timer of its own watches the deadline.
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(pi.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE).count()).isZero();
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(pi.getId())
        .userId("leader").operationType(UserOperationLogEntry.OPERATION_TYPE_UPDATE).property("dueDate").count())
        .isEqualTo(1);

    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(subjectsTo("moj", t01.reference())).anySatisfy(s -> assertThat(s).contains("Điều chỉnh nhiệm vụ T01"));
    assertThat(bodiesTo("moj", t01.reference())).anySatisfy(b -> assertThat(b)
        .contains("31/01/2024 → 10/03/2024").contains("waiting for the amended decree"));

    // The old reminder day passes quietly; the new one reminds.
    clockAt("2024-01-21T09:00");
    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(subjectsTo("moj", t01.reference())).noneSatisfy(s -> assertThat(s).contains("Nhắc việc"));
    clockAt("2024-02-09T08:00:01");
    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(subjectsTo("moj", t01.reference())).filteredOn(s -> s.contains("Nhắc việc")).hasSize(1);
  }

  @Test
  void anOverdueTaskGivenMoreTimeStopsEscalatingAndEscalatesAgainWhenTheNewDeadlinePasses() {
    clockAt("2024-01-10T09:00");
    IssuedTask t01 = issueOneTask("AMEND-OVERDUE", "2024-01-10", DirectiveFixtures.task("T01", "LAND", "2024-01-31"));
    ProcessInstance pi = t01.process();
    List<String> processes = directives.processesOf(t01.directiveId());

    clockAt("2024-02-02T09:00");
    runDueJobs(processes);
    assertThat(escalations(t01.taskId())).isEqualTo(1);
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-09T08:00:00"));
    assertThat(status(t01.directiveId())).isEqualTo("OVERDUE");

    ResponseEntity<String> response = changes.amend("leader", t01.directiveId(), "T01",
        Map.of("deadline", "2024-02-20", "reason", "Gia hạn theo Thông báo 45/TB-VPCP"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(status(t01.directiveId())).isEqualTo("IN_PROGRESS");
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + t01.directiveId()), "T01")
        .get("escalationLevel").asInt()).isZero();
    // Back to watching: the reminder three days before the new deadline.
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-02-17T08:00:00"));
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-21T00:00:00"));

    clockAt("2024-02-12T09:00"); // past the look-again day the escalation had planned (9 Feb)
    runDueJobs(processes);
    assertThat(escalations(t01.taskId())).isEqualTo(1);

    clockAt("2024-02-21T00:00:01");
    runDueJobs(processes);
    assertThat(escalations(t01.taskId())).isEqualTo(2);
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-28T08:00:00"));

    // An earlier deadline that has passed too: still overdue, so the next sweep escalates it at once, by the
    // days overdue counted from the new deadline; its level is not reset.
    clockAt("2024-02-21T10:00");
    assertThat(changes.amend("leader", t01.directiveId(), "T01", Map.of("deadline", "2024-02-19",
        "reason", "Rút ngắn thời hạn")).getStatusCode().value()).isEqualTo(200);
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-20T00:00:00"));
    assertThat(status(t01.directiveId())).isEqualTo("OVERDUE");
    runDueJobs(processes);
    assertThat(escalations(t01.taskId())).isEqualTo(3);
    assertThat(jdbc.queryForObject("select days_overdue from dt_escalation where task_id = ? order by escalated_at"
        + " desc limit 1", Integer.class, t01.taskId())).isEqualTo(2);
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
  }

  @Test
  void aDeadlineAddedStartsTheWatchAndADeadlineRemovedEndsIt() {
    clockAt("2024-01-10T09:00");
    IssuedTask t01 = issueOneTask("AMEND-NODL", "2024-01-10", DirectiveFixtures.task("T01", "COMMUNICATION", null));
    ProcessInstance pi = t01.process();
    assertThat(nextReminder(t01.taskId())).isNull();
    assertThat(nextEscalation(t01.taskId())).isNull();

    Map<String, Object> add = new HashMap<>();
    add.put("deadline", "2024-02-10");
    add.put("reason", "Ấn định thời hạn");
    assertThat(changes.amend("leader", t01.directiveId(), "T01", add).getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-01-25T08:00:00"));
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isEqualTo(inVietnam("2024-02-10T23:59:59"));
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-11T00:00:00"));

    Map<String, Object> remove = new HashMap<>();
    remove.put("deadline", null);
    remove.put("reason", "Nhiệm vụ thường xuyên, không ấn định thời hạn");
    assertThat(changes.amend("leader", t01.directiveId(), "T01", remove).getStatusCode().value()).isEqualTo(200);
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
    assertThat(nextReminder(t01.taskId())).isNull();
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isNull();
    assertThat(variable(pi, "dueAt")).isNull();
    assertThat(nextEscalation(t01.taskId())).isNull();
    clockAt("2030-01-01T09:00");
    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(status(t01.directiveId())).isEqualTo("IN_PROGRESS");
    assertThat(escalations(t01.taskId())).isZero();
  }

  @Test
  void anOpenContributionTaskShowsTheNewLeadsName() {
    clockAt("2024-01-10T09:00");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "HEALTH", "2024-02-28", "MPS");
    IssuedTask issued = issueOneTask("AMEND-LEAD-C", "2024-01-10", t01);
    ProcessInstance pi = issued.process();
    Task contribute = task("UserTask_Contribute", pi);
    // The contribution form (a Camunda Form) shows variables only: its task carries the lead's name itself.
    assertThat(engine.getTaskService().getVariableLocal(contribute.getId(), "leadUnitName")).isEqualTo("Bộ Y tế");

    assertThat(changes.amend("leader", issued.directiveId(), "T01", Map.of("leadUnit", "VSS", "reason",
        "Bảo hiểm xã hội Việt Nam chủ trì")).getStatusCode().value()).isEqualTo(200);

    assertThat(engine.getTaskService().getVariableLocal(contribute.getId(), "leadUnitName"))
        .isEqualTo("Bảo hiểm xã hội Việt Nam");
  }

  @Test
  void aNewLeadGetsTheInboxEntryTheOldOneLosesItAndBothAreTold() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("AMEND-LEAD", "2024-01-10", DirectiveFixtures.task("T01", "HEALTH", "2024-02-28"));
    ProcessInstance pi = issued.process();
    Task carryOut = task("UserTask_CarryOut", pi);
    engine.getTaskService().claim(carryOut.getId(), "moh");
    assertThat(unitSees("MOH", pi)).isOne();

    ResponseEntity<String> response = changes.amend("leader", issued.directiveId(), "T01",
        Map.of("leadUnit", "VSS", "reason", "Bảo hiểm xã hội Việt Nam chủ trì theo Nghị quyết 12"));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode t01 = DirectiveFixtures.taskOf(DirectiveFixtures.read(response.getBody()), "T01");
    assertThat(t01.get("leadUnit").asText()).isEqualTo("VSS");
    assertThat(t01.get("leadDecidedBy").asText()).isEqualTo("ISSUER");
    assertThat(unitSees("MOH", pi)).isZero();
    assertThat(unitSees("VSS", pi)).isOne();
    Task moved = task("UserTask_CarryOut", pi);
    assertThat(moved.getId()).isEqualTo(carryOut.getId());
    assertThat(moved.getAssignee()).isNull();
    assertThat(variable(pi, "leadUnit")).isEqualTo("VSS");
    // The lead's name, type and who decided are dt_task's and the registry's (the forms read them there), so an
    // amendment has no copies of them to rewrite.
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("leadUnitType",
        "leadUnitName", "leadDecidedBy");
    assertThat(jdbc.queryForObject("select lead_unit from dt_task where id = ?", String.class, issued.taskId())).isEqualTo("VSS");
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(pi.getId())
        .userId("leader").operationType(UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK).count()).isOne();

    runDueJobs(directives.processesOf(issued.directiveId()));
    assertThat(subjectsTo("vss", issued.reference())).anySatisfy(s -> assertThat(s).contains("Giao nhiệm vụ T01"));
    assertThat(subjectsTo("moh", issued.reference())).anySatisfy(s -> assertThat(s).contains("Điều chỉnh nhiệm vụ T01"));
    assertThat(bodiesTo("moh", issued.reference())).anySatisfy(b -> assertThat(b).contains("(MOH) → ")
        .contains("(VSS)"));

    // The new lead reports, and the report is recorded as the new lead's.
    complete(moved, withVariables("reportResult", "Đã đồng bộ", "completionDate", "2024-01-10"));
    assertThat(jdbc.queryForObject("select unit from dt_report where task_id = ?", String.class, issued.taskId())).isEqualTo("VSS");
  }

  @Test
  void coordinatingUnitsComeAndGoAndTheKeyFlagSetsThePriority() {
    clockAt("2024-01-10T09:00");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "IDENTIFICATION", "2024-02-28", "MOST", "VPCP");
    IssuedTask issued = issueOneTask("AMEND-COORD", "2024-01-10", t01);
    ProcessInstance pi = issued.process();
    assertThat(contributors(pi)).containsExactlyInAnyOrder("MOST", "VPCP");

    assertThat(changes.amend("leader", issued.directiveId(), "T01", Map.of("coordinatingUnits", List.of("VPCP", "MOF"),
        "keyTask", true, "reason", "Bổ sung Bộ Tài chính")).getStatusCode().value()).isEqualTo(200);
    assertThat(contributors(pi)).containsExactlyInAnyOrder("VPCP", "MOF");
    // The engine's own history names the caller of the modification that added and cancelled contributions.
    assertThat(engine.getHistoryService().createUserOperationLogQuery().processInstanceId(pi.getId())
        .userId("leader").operationType(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE).count())
        .isPositive();
    assertThat(task("UserTask_CarryOut", pi).getPriority()).isEqualTo(80);
    assertThat(variable(pi, "coordinatingUnits")).isEqualTo("VPCP,MOF");
    assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("coordinatingUnitNames",
        "coordinatingUnitCount");
    assertThat(jdbc.queryForList("select field from dt_amendment where task_id = ? order by field", String.class,
        issued.taskId())).containsExactly("coordinatingUnits", "keyTask");

    // None left: the contribution branch ends; one added later starts it again.
    assertThat(changes.amend("leader", issued.directiveId(), "T01", Map.of("coordinatingUnits", List.of(),
        "reason", "Không cần phối hợp")).getStatusCode().value()).isEqualTo(200);
    assertThat(contributors(pi)).isEmpty();
    assertThat(changes.amend("leader", issued.directiveId(), "T01", Map.of("coordinatingUnits", List.of("MOJ"),
        "reason", "Bộ Tư pháp phối hợp")).getStatusCode().value()).isEqualTo(200);
    assertThat(contributors(pi)).containsExactly("MOJ");
    Task moj = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_Contribute").singleResult();
    assertThat(moj.getDueDate()).isEqualTo(inVietnam("2024-02-28T23:59:59"));
    complete(moj, withVariables("contribution", "Ý kiến thẩm định"));
    assertThat(jdbc.queryForList("select unit from dt_report where task_id = ? and kind = 'CONTRIBUTION'",
        String.class, issued.taskId())).containsExactly("MOJ");
    assertThat(pi).isWaitingAt("UserTask_CarryOut");
  }

  private long unitSees(String group, ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group)
        .includeAssignedTasks().count();
  }

  private List<String> contributors(ProcessInstance pi) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_Contribute").list().stream()
        .flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
        .map(l -> l.getGroupId()).toList();
  }

  private int escalations(String taskId) {
    return jdbc.queryForObject("select count(*) from dt_escalation where task_id = ?", Integer.class, taskId);
  }

  private String status(String directiveId) {
    return DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T01")
        .get("status").asText();
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }
}

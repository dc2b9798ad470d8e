package vn.directivetracker.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.directivetracker.Mailbox.bodiesTo;
import static vn.directivetracker.Mailbox.subjectsTo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * A lead unit asks for more time; the issuer decides in Tasklist. Approved: the deadline moves as an
 * amendment moves it. Refused (with a comment): nothing moves. Both are kept and told.
 */
class ExtensionScenarioTest extends ApplicationTest {

  TaskChangeFixtures changes;

  @BeforeEach
  void fixtures() {
    changes = new TaskChangeFixtures(http, engine);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineTheTimersAndTheDueDateAndTellsTheUnit() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask t01 = issueOneTask("EXT-OK", "2024-01-10", DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-01-31"));
    ProcessInstance pi = t01.process();

    clockAt("2024-01-15T10:00");
    ResponseEntity<String> asked = request("moj", t01.taskId(), "2024-02-29", "Chờ số liệu của 63 địa phương");
    assertThat(asked.getStatusCode().value()).isEqualTo(201);
    assertThat(DirectiveFixtures.read(asked.getBody()).get("state").asText()).isEqualTo("PENDING");
    assertThat(pi).isWaitingAt("UserTask_CarryOut", "UserTask_DecideExtension");
    Task decide = task("UserTask_DecideExtension", pi);
    assertThat(decide).hasCandidateGroup("P06WG");
    assertThat(request("moj", t01.taskId(), "2024-03-15", "Lần nữa").getStatusCode().value()).isEqualTo(409);
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-01-20T08:00:00"));
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-02-01T00:00:00"));

    engine.getIdentityService().setAuthentication("leader", List.of("P06WG"));
    engine.getTaskService().complete(decide.getId(), withVariables("extensionApproved", true,
        "extensionComment", "Đồng ý, lần cuối"));
    engine.getIdentityService().clearAuthentication();

    assertThat(pi).hasPassed("ServiceTask_ApplyExtension", "EndEvent_ExtensionApproved")
        .isWaitingAt("UserTask_CarryOut");
    // Half of 2024-01-10..2024-02-29 (50 days) is 2024-02-04.
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-02-04T08:00:00"));
    // The escalation sweep's next look moves with the deadline, as an amendment's does.
    assertThat(nextEscalation(t01.taskId())).isEqualTo(inVietnam("2024-03-01T00:00:00"));
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isEqualTo(inVietnam("2024-02-29T23:59:59"));
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + t01.directiveId()), "T01")
        .get("deadline").asText()).isEqualTo("2024-02-29");
    Map<String, Object> extension = jdbc.queryForMap("select * from dt_extension where task_id = ?", t01.taskId());
    assertThat(extension).containsEntry("STATE", "APPROVED").containsEntry("DECIDED_BY", "leader")
        .containsEntry("REQUESTED_BY", "moj").containsEntry("OPEN_TASK_ID", null);
    Map<String, Object> amendment = jdbc.queryForMap("select * from dt_amendment where task_id = ?", t01.taskId());
    assertThat(amendment).containsEntry("SOURCE", "EXTENSION").containsEntry("OLD_VALUE", "2024-01-31")
        .containsEntry("NEW_VALUE", "2024-02-29").containsEntry("AMENDED_BY", "leader");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("extensionOutcome").singleResult().getValue()).isEqualTo("APPROVED");

    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(subjectsTo("leader", t01.reference())).anySatisfy(s -> assertThat(s).contains("Đề nghị gia hạn"));
    assertThat(subjectsTo("moj", t01.reference())).anySatisfy(s -> assertThat(s).contains("Đồng ý gia hạn"));

    // A second request, for a date after the new deadline, is taken again.
    assertThat(request("moj", t01.taskId(), "2024-02-20", "Thêm").getStatusCode().value()).isEqualTo(400);
    assertThat(request("moj", t01.taskId(), "2024-03-20", "Thêm thời gian").getStatusCode().value()).isEqualTo(201);
    assertThat(task("UserTask_DecideExtension", pi)).isNotNull();
  }

  @Test
  void aRefusalNeedsACommentAndLeavesTheDeadlineAsItWas() throws Exception {
    clockAt("2024-01-10T09:00");
    IssuedTask t01 = issueOneTask("EXT-NO", "2024-01-10", DirectiveFixtures.task("T01", "LAND", "2024-01-31"));
    ProcessInstance pi = t01.process();
    assertThat(request("mae", t01.taskId(), "2024-03-31", "Thiếu kinh phí").getStatusCode().value()).isEqualTo(201);
    Task decide = task("UserTask_DecideExtension", pi);

    assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(), withVariables("extensionApproved", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("extensionComment");
    assertThatThrownBy(() -> engine.getTaskService().complete(decide.getId(), withVariables("extensionComment", "?")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("extensionApproved");
    engine.getTaskService().complete(decide.getId(), withVariables("extensionApproved", false,
        "extensionComment", "Nhiệm vụ trọng tâm, không gia hạn"));

    assertThat(pi).hasPassed("ServiceTask_RefuseExtension", "EndEvent_ExtensionRefused")
        .hasNotPassed("ServiceTask_ApplyExtension").isWaitingAt("UserTask_CarryOut");
    assertThat(nextReminder(t01.taskId())).isEqualTo(inVietnam("2024-01-20T08:00:00"));
    assertThat(task("UserTask_CarryOut", pi).getDueDate()).isEqualTo(inVietnam("2024-01-31T23:59:59"));
    assertThat(jdbc.queryForObject("select state from dt_extension where task_id = ?", String.class, t01.taskId()))
        .isEqualTo("REFUSED");
    assertThat(jdbc.queryForObject("select count(*) from dt_amendment where task_id = ?", Integer.class, t01.taskId()))
        .isZero();
    runDueJobs(directives.processesOf(t01.directiveId()));
    assertThat(bodiesTo("mae", t01.reference())).anySatisfy(b -> assertThat(b)
        .contains("Nhiệm vụ trọng tâm, không gia hạn").contains("31/03/2024"));
  }

  private ResponseEntity<String> request(String user, String taskId, String deadline, String reason) {
    return changes.send(user, HttpMethod.POST, "/api/tasks/" + taskId + "/extension-request",
        Map.of("deadline", deadline, "reason", reason));
  }
}

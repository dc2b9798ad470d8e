package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * The Tasklist forms of a directive task: deployed from forms/ under their classpath names, resolved by
 * their form keys, fed by the process variables they show, and what they submit checked on the server
 * (evidence files: type and size); the reviewer downloads the evidence through the engine API.
 */
class TaskFormsTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;
  FormService forms;

  @BeforeEach
  void fixtures() {
    directives = new DirectiveFixtures(http, jdbc);
    forms = engine.getFormService();
  }

  @Test
  void formsAreDeployedUnderTheirClasspathNamesAndResolveForEveryUserTask() throws Exception {
    clockAt("2024-03-01T09:00");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "HEALTH", "2024-03-29");
    t01.put("coordinatingUnits", List.of("MPS"));
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FORMS"), "2024-03-01",
        List.of(t01));
    ProcessInstance pi = instance(directives.processOf(issued.get("id").asText(), "T01"));
    List<String> names = engine.getRepositoryService().getDeploymentResourceNames(
        engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId());
    assertThat(names).contains("processes/directive-task.bpmn", "forms/carry-out.html", "forms/review-report.html",
        "forms/contribute.form", "forms/report-progress.html");

    Task carryOut = task("UserTask_CarryOut", pi);
    assertThat(forms.getTaskFormKey(pi.getProcessDefinitionId(), "UserTask_CarryOut"))
        .isEqualTo("embedded:deployment:forms/carry-out.html");
    assertThat(html(carryOut)).contains("cam-variable-name=\"reportResult\"", "cam-variable-name=\"completionDate\"",
        "type=\"file\" id=\"evidence1\"", "type: 'File'", "var MAX_FILE = 10485760;",
        "Tiến độ (%) / Progress (%)");
    Task contribute = task("UserTask_Contribute", pi);
    assertThat(forms.getTaskFormKey(pi.getProcessDefinitionId(), "UserTask_Contribute"))
        .isEqualTo("camunda-forms:deployment:forms/contribute.form");
    assertThat(html(contribute)).contains("\"key\": \"contribution\"", "\"required\": true");
    // The contribution form (a Camunda Form) shows variables only: its task carries the facts as its own.
    assertThat(engine.getTaskService().getVariablesLocal(contribute.getId())).containsEntry("issuerName",
        "Tổ công tác triển khai Đề án 06 (P06WG)").containsEntry("leadUnitName", "Bộ Y tế")
        .containsEntry("expectedResult", "Báo cáo kết quả");

    // The embedded forms read the task's facts from dt_task (forms.FormFactsController), not from variables.
    assertThat(html(carryOut)).contains("/forms-api/tasks/' + camForm.taskId + '/facts'");
    Map<String, Object> vars = engine.getTaskService().getVariables(carryOut.getId());
    assertThat(vars).doesNotContainKeys("issuerName", "coordinatingUnitNames", "expectedResult", "taskDescription",
        "deadline", "issuedOn", "leadUnitName", "coordinatingUnitCount", "directiveId");
    // Nothing contributed yet: no variable (the forms say "none yet"), no row written for it.
    assertThat(vars).doesNotContainKeys("contributionsSummary", "returnHistory");
    // The lead-unit decision's inputs were transient: in its history, not in the variables; who decided and
    // the lead's type are dt_task's.
    assertThat(vars).doesNotContainKeys("domain", "province", "issuerLevel", "requestedLeadUnit", "leadUnitType",
        "leadDecidedBy");

    clockAt("2024-03-05T10:00");
    complete(contribute, withVariables("contribution", "Đã rà soát dữ liệu dân cư"));
    assertThat(engine.getTaskService().getVariable(carryOut.getId(), "contributionsSummary"))
        .isEqualTo("• Bộ Công an (MPS), 05/03/2024: Đã rà soát dữ liệu dân cư");

    clockAt("2024-03-10T10:00");
    complete(carryOut, withVariables("reportResult", "Đã xong", "completionDate", "2024-03-10", "progressPercent", 100L,
        "evidence1", pdf("bien-ban.pdf", 2048)));
    Task review = task("UserTask_ReviewReport", pi);
    assertThat(forms.getTaskFormKey(pi.getProcessDefinitionId(), "UserTask_ReviewReport"))
        .isEqualTo("embedded:deployment:forms/review-report.html");
    assertThat(html(review)).contains("cam-variable-name=\"reportAccepted\"", "/variables/' + name + '/data'");

    // The reviewer downloads the evidence through the engine API; another unit cannot.
    ResponseEntity<byte[]> file = http.withBasicAuth("secretary", "demo").getForEntity(
        "/engine-rest/task/" + review.getId() + "/variables/evidence1/data", byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getBody()).hasSize(2048);
    assertThat(file.getHeaders().getContentType().toString()).startsWith("application/pdf");
    assertThat(http.withBasicAuth("moj", "demo").getForEntity(
        "/engine-rest/task/" + review.getId() + "/variables/evidence1/data", String.class).getStatusCode().value())
        .isIn(403, 404);
    assertThat(jdbc.queryForObject("select progress_percent from dt_report where task_id = ? and kind = 'COMPLETION'",
        Integer.class, issued.get("tasks").get(0).get("id").asText())).isEqualTo(100);

    clockAt("2024-03-11T10:00");
    complete(review, withVariables("reportAccepted", false, "reviewComment", "Thiếu biên bản nghiệm thu"));
    assertThat(engine.getTaskService().getVariable(task("UserTask_CarryOut", pi).getId(), "returnHistory"))
        .isEqualTo("• 11/03/2024 (unknown): Thiếu biên bản nghiệm thu");
  }

  @Test
  void evidenceOfTheWrongTypeOrTooLargeIsRefusedAndNothingIsCompleted() {
    clockAt("2024-03-01T09:00");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("EVIDENCE"), "2024-03-01",
        List.of(DirectiveFixtures.task("T01", "LAND", "2024-04-30")));
    ProcessInstance pi = instance(directives.processOf(issued.get("id").asText(), "T01"));
    Task carryOut = task("UserTask_CarryOut", pi);
    Map<String, Object> report = withVariables("reportResult", "Xong", "completionDate", "2024-03-01");

    report.put("evidence1", Variables.fileValue("setup.exe").file(new byte[10]).mimeType("application/x-msdownload").create());
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(), report))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'setup.exe' is not an accepted type");
    report.put("evidence1", pdf("scan.pdf", 10 * 1024 * 1024 + 1));
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(), report))
        .hasMessageContaining("'scan.pdf' is larger than 10 MB");
    report.put("evidence1", Variables.fileValue("anh.png").file(new byte[10]).mimeType("application/pdf").create());
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(), report))
        .hasMessageContaining("does not match its extension");
    report.put("evidence1", pdf("ok.pdf", 100));
    report.put("progressPercent", 140L);
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(), report))
        .hasMessageContaining("progressPercent must be a whole number 0-100");
    assertThat(engine.getTaskService().createTaskQuery().taskId(carryOut.getId()).count()).isEqualTo(1);

    report.put("progressPercent", 100L);
    report.put("evidence2", Variables.fileValue("bang-tinh.xlsx").file(new byte[50]).mimeType("application/octet-stream").create());
    engine.getTaskService().complete(carryOut.getId(), report);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_ReviewReport").count()).isEqualTo(1);
  }

  @Test
  void theIssuerDecidesAnExtensionInItsFormAndTheServerRefusesARefusalWithoutAComment() throws Exception {
    clockAt("2024-03-01T09:00");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("EXT-FORM"), "2024-03-01",
        List.of(DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-03-29")));
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    ProcessInstance pi = instance(directives.processOf(issued.get("id").asText(), "T01"));
    clockAt("2024-03-05T10:00");
    assertThat(new TaskChangeFixtures(http, engine).send("moj", HttpMethod.POST, "/api/tasks/" + taskId
        + "/extension-request", Map.of("deadline", "2024-04-30", "reason", "Chờ số liệu của các địa phương"))
        .getStatusCode().value()).isEqualTo(201);

    Task decide = task("UserTask_DecideExtension", pi);
    assertThat(forms.getTaskFormKey(pi.getProcessDefinitionId(), "UserTask_DecideExtension"))
        .isEqualTo("embedded:deployment:forms/decide-extension.html");
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(engine.getRepositoryService()
        .getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId())).contains("forms/decide-extension.html");
    // The form submits what ExtensionDecisionValidator reads, with its length limit, and shows the variables
    // the request put on the process.
    assertThat(html(decide)).contains("cam-variable-name=\"extensionApproved\" cam-variable-type=\"Boolean\"",
        "cam-variable-name=\"extensionComment\" cam-variable-type=\"String\"", "maxlength=\"2000\"",
        "'requestedDeadline', 'extensionReason'", "ctx.leadUnitName", "/forms-api/tasks/",
        "Xét đề nghị gia hạn / Decide the extension request");
    Map<String, Object> vars = engine.getTaskService().getVariables(decide.getId());
    assertThat(vars.get("extensionReason")).isEqualTo("Chờ số liệu của các địa phương");
    assertThat(vars.get("requestedDeadline")).isInstanceOf(java.util.Date.class);
    assertThat(vars).doesNotContainKey("deadline");

    // What Tasklist sends when the form is bypassed: a refusal with no comment, or only blanks, or too long.
    for (String comment : new String[] {null, "   ", "x".repeat(2001)}) {
      ResponseEntity<String> refused = completeOverRest("leader", decide.getId(), false, comment);
      assertThat(refused.getStatusCode().value()).as("comment %s", comment).isEqualTo(400);
      assertThat(refused.getBody()).contains("extensionComment");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(decide.getId()).count()).isOne();
    assertThat(completeOverRest("leader", decide.getId(), false, "Nhiệm vụ trọng tâm, không gia hạn")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("extensionOutcome").singleResult().getValue()).isEqualTo("REFUSED");
  }

  private ResponseEntity<String> completeOverRest(String user, String taskId, boolean approved, String comment) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("extensionApproved", Map.of("value", approved, "type", "Boolean"));
    Map<String, Object> text = new java.util.HashMap<>();
    text.put("value", comment);
    text.put("type", "String");
    variables.put("extensionComment", text);
    return new TaskChangeFixtures(http, engine).send(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables));
  }

  private String html(Task task) throws Exception {
    try (InputStream in = (InputStream) forms.getDeployedTaskForm(task.getId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static FileValue pdf(String name, int size) {
    return Variables.fileValue(name).file(new byte[size]).mimeType("application/pdf").create();
  }

  private ProcessInstance instance(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }
}

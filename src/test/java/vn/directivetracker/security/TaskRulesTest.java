package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * The task rules (docs/security.md, "Task variables"), tried as an attacker would over both engine API surfaces
 * and the Java API: each refusal is a 403 with a message that says why, and nothing changes (process variables,
 * dt_task, dt_report, the engine's history).
 */
class TaskRulesTest extends ApplicationTest {

  @Autowired
  private JdbcTemplate jdbc;
  @Autowired
  private vn.directivetracker.engine.FormVariables forms;

  private EngineApiClient api() {
    return new EngineApiClient(http);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** A MOH task (lead) with MPS coordinating, issued 2024-03-01, due 2024-12-31. */
  private record Work(String directiveId, String dtTaskId, String process, String carryOut, String contribute) {
  }

  private Work issue() {
    Map<String, Object> task = DirectiveFixtures.task("T01", "HEALTH", "2024-12-31");
    task.put("coordinatingUnits", List.of("MPS"));
    JsonNode d = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("RULES"), "2024-03-01",
        List.of(task));
    String process = directives.processOf(d.get("id").asText(), "T01");
    String dtTask = jdbc.queryForObject("select id from dt_task where process_instance_id = ?", String.class, process);
    return new Work(d.get("id").asText(), dtTask, process, task(process, "UserTask_CarryOut").getId(),
        task(process, "UserTask_Contribute").getId());
  }

  private Task task(String process, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process).taskDefinitionKey(activity)
        .singleResult();
  }

  /** Everything a refused call must leave as it was. */
  private String state(Work w) {
    Map<String, Object> variables = new TreeMap<>(engine.getRuntimeService().getVariables(w.process()));
    variables.remove("evidence1");
    return variables + "\n" + jdbc.queryForList("select * from dt_task where id = ?", w.dtTaskId())
        + "\n" + jdbc.queryForList("select * from dt_report where task_id = ? order by submitted_at", w.dtTaskId())
        + "\nopen tasks " + engine.getTaskService().createTaskQuery().processInstanceId(w.process()).list().stream()
            .map(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee()).sorted().toList()
        + "\nhistory " + engine.getHistoryService().createHistoricActivityInstanceQuery()
            .processInstanceId(w.process()).count()
        + " " + engine.getHistoryService().createHistoricDetailQuery().processInstanceId(w.process()).count()
        + "\ncomments " + engine.getTaskService().getProcessInstanceComments(w.process()).size()
        + " " + engine.getTaskService().getTaskComments(w.carryOut()).size()
        + " attachments " + engine.getTaskService().getTaskAttachments(w.carryOut()).size()
        + " " + engine.getTaskService().getProcessInstanceAttachments(w.process()).size();
  }

  /**
   * Refused with 403: by the engine's rule (its message), or already by the REST allow-list in front of it
   * (EngineApiFirewall) where the role never needs the call. The engine's rule alone is tested through the
   * Java API below.
   */
  private static void assertRefused(ResponseEntity<String> answer, String message) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
    String body = answer.getBody();
    assertThat(body.contains("\"type\":\"Forbidden\"")
        || (body.contains("AuthorizationException") && body.contains(message)))
        .as("refused by the allow-list or with the engine's message '%s': %s", message, body).isTrue();
  }

  private static String completion(String... nameValues) {
    StringBuilder json = new StringBuilder("{\"variables\": {");
    for (int i = 0; i < nameValues.length; i += 2) {
      json.append(i == 0 ? "" : ", ").append('"').append(nameValues[i]).append("\": {\"value\": \"")
          .append(nameValues[i + 1]).append("\", \"type\": \"String\"}");
    }
    return json.append("}}").toString();
  }

  private ResponseEntity<String> post(Surface surface, String user, String path, String body) {
    return api().call(surface, user, HttpMethod.POST, path, body);
  }

  // 1. bpmnError and bpmnEscalation

  @ParameterizedTest
  @EnumSource(Surface.class)
  void bpmnErrorAndEscalationAreRefusedWithOrWithoutVariables(Surface surface) {
    Work w = issue();
    String before = state(w);
    // A coordinating unit makes itself the secretariat; the lead ends its own task unreported.
    assertRefused(post(surface, "mps", "/task/" + w.contribute() + "/bpmnError",
        "{\"errorCode\": \"x\", \"variables\": {\"secretariat\": {\"value\": \"MPS\"}}}"), "BPMN errors");
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/bpmnError", "{\"errorCode\": \"done\"}"),
        "BPMN errors");
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/bpmnEscalation",
        "{\"escalationCode\": \"x\", \"variables\": {\"leadUnit\": {\"value\": \"MPS\"}}}"), "escalations");
    assertThat(state(w)).isEqualTo(before);
    assertThat(engine.getRuntimeService().getVariable(w.process(), "secretariat")).isEqualTo("P06WGSEC");
  }

  // 2. A contribution that carries the lead's report

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aContributionCannotCarryTheLeadsReport(Surface surface) {
    Work w = issue();
    assertThat(post(surface, "moh", "/task/" + w.carryOut() + "/complete",
        completion("reportResult", "Đã xong", "completionDate", "2025-02-01")).getStatusCode().value()).isEqualTo(204);
    String before = state(w);
    ResponseEntity<String> forged = post(surface, "mps", "/task/" + w.contribute() + "/complete",
        completion("contribution", "Ý kiến", "reportResult", "Sửa", "completionDate", "2024-06-01"));
    assertRefused(forged, "[completionDate, reportResult] refused");
    assertThat(forged.getBody()).contains("[contribution]");
    assertRefused(post(surface, "mps", "/task/" + w.contribute() + "/submit-form",
        completion("contribution", "Ý kiến", "completionDate", "2024-06-01")), "[completionDate] refused");
    assertThat(state(w)).isEqualTo(before);
    // The contribution itself goes through.
    assertThat(post(surface, "mps", "/task/" + w.contribute() + "/complete", completion("contribution", "Ý kiến"))
        .getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void acceptingTakesTheCompletionDateFromTheRecordedReportNotFromAVariable() {
    Work w = issue();
    assertThat(directives.post("moh", "/engine-rest/task/" + w.carryOut() + "/complete",
        completion("reportResult", "Đã xong", "completionDate", "2025-02-01")).getStatusCode().value()).isEqualTo(204);
    // Whatever wrote the variable afterwards (an administrator), the report says 2025-02-01.
    engine.getRuntimeService().setVariable(w.process(), "completionDate", "2024-06-01");
    String review = task(w.process(), "UserTask_ReviewReport").getId();
    assertThat(directives.post("secretary", "/engine-rest/task/" + review + "/complete",
        Map.of("variables", Map.of("reportAccepted", Map.of("value", true)))).getStatusCode().value()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select completed_on from dt_task where id = ?", java.sql.Date.class, w.dtTaskId())
        .toLocalDate()).hasToString("2025-02-01");
    JsonNode directive = directives.get("leader", "/api/directives/" + w.directiveId());
    assertThat(DirectiveFixtures.taskOf(directive, "T01").get("status").asText()).isEqualTo("COMPLETED_LATE");
  }

  // 3. Variables named like the delegate beans

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aVariableNamedLikeABeanIsRefused(Surface surface) {
    Work w = issue();
    String before = state(w);
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/submit-form",
        completion("reportResult", "x", "completionDate", "2024-06-01", "returnReport", "x")), "[returnReport] refused");
    assertRefused(post(surface, "mps", "/task/" + w.contribute() + "/complete",
        completion("contribution", "x", "recordReport", "x")), "[recordReport] refused");
    assertThat(state(w)).isEqualTo(before);
  }

  /**
   * Over HTTP the allow-list refuses a body of thousands of names before the engine (EngineApiFirewallTest);
   * the engine's own refusal, for any other way in, names at most ten of them.
   */
  @Test
  void theEnginesRefusalListsAtMostTenNames() {
    Work w = issue();
    String before = state(w);
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    variables.put("reportResult", "x");
    for (int i = 1; i < 5002; i++) {
      variables.put(String.format("zz%05d", i), "x");
    }
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().complete(w.carryOut(), variables))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("[zz00001, zz00002, zz00003, zz00004, zz00005, zz00006, zz00007, zz00008, zz00009,"
              + " zz00010 and 4,991 more] refused")
          .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(2_000));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(state(w)).isEqualTo(before);
  }

  @Test
  void aProcessVariableNamedLikeADelegateBeanDoesNotShadowIt() {
    Work w = issue();
    // Planted by whatever means (an administrator, say): the steps still run their beans.
    engine.getRuntimeService().setVariable(w.process(), "returnReport", "planted");
    engine.getRuntimeService().setVariable(w.process(), "recordReport", "planted");
    assertThat(directives.post("moh", "/engine-rest/task/" + w.carryOut() + "/complete",
        completion("reportResult", "Đã xong", "completionDate", "2024-06-01")).getStatusCode().value()).isEqualTo(204);
    String review = task(w.process(), "UserTask_ReviewReport").getId();
    ResponseEntity<String> returned = directives.post("secretary", "/engine-rest/task/" + review + "/complete",
        Map.of("variables", Map.of("reportAccepted", Map.of("value", false), "reviewComment", Map.of("value", "Bổ sung"))));
    assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select count(*) from dt_report where task_id = ? and outcome = 'RETURNED'",
        Integer.class, w.dtTaskId())).isEqualTo(1);
    assertThat(task(w.process(), "UserTask_CarryOut")).isNotNull();
    // And the expression itself: the bean, not the variable.
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Object resolved = configuration.getCommandExecutorTxRequired().execute(c -> configuration.getExpressionManager()
        .createExpression("${returnReport}").getValue(c.getExecutionManager().findExecutionById(w.process())));
    assertThat(resolved).isNotInstanceOf(String.class);
    assertThat(resolved.getClass().getName()).contains("ReturnReport");
  }

  // 4. Claims

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aClaimIsForOneself(Surface surface) {
    Work w = issue();
    String before = state(w);
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/claim", "{\"userId\": \"moj\"}"),
        "may not claim it for moj");
    assertThat(state(w)).isEqualTo(before);
    assertThat(post(surface, "moh", "/task/" + w.carryOut() + "/claim", "{\"userId\": \"moh\"}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(task(w.process(), "UserTask_CarryOut").getAssignee()).isEqualTo("moh");
    // Unclaiming one's own claim stays allowed (ClaimTaskCmd without a user; REST's /unclaim is an assignment,
    // which Camunda itself refuses without TASK_ASSIGN, as before).
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    engine.getTaskService().claim(w.carryOut(), null);
    engine.getIdentityService().clearAuthentication();
    assertThat(task(w.process(), "UserTask_CarryOut").getAssignee()).isNull();
  }

  // 5. Comments and attachments

  @ParameterizedTest
  @EnumSource(Surface.class)
  void onlyTheUnitWorkingOnATaskCommentsOrAttaches(Surface surface) {
    Work w = issue();
    String before = state(w);
    // /engine-rest answers the refusal (403); the webapps' API wraps it into Camunda's own 400 "Not enough
    // parameters submitted" (its JAX-RS application has no mapper of ours).
    for (String user : List.of("auditor", "mps")) {
      ResponseEntity<String> comment = post(surface, user, "/task/" + w.carryOut() + "/comment/create",
          "{\"message\": \"x\"}");
      if (surface == Surface.ENGINE_REST && user.equals("auditor")) {
        assertRefused(comment, "TASK_WORK");
      } else { // MPS does not even see the task: Camunda's 400 "No task found"
        assertThat(comment.getStatusCode().value()).as(comment.getBody()).isIn(400, 403);
      }
    }
    MultiValueMap<String, Object> attachment = new LinkedMultiValueMap<>();
    attachment.add("attachment-name", "x");
    attachment.add("attachment-type", "link");
    attachment.add("url", "https://example.org/x");
    ResponseEntity<String> attached = api().send(surface, "auditor", HttpMethod.POST,
        "/task/" + w.carryOut() + "/attachment/create", attachment, MediaType.MULTIPART_FORM_DATA);
    if (surface == Surface.ENGINE_REST) {
      assertRefused(attached, "TASK_WORK");
    } else {
      assertThat(attached.getStatusCode().value()).as(attached.getBody()).isIn(400, 403);
    }
    assertThat(state(w)).isEqualTo(before);
    // The unit working on the task still comments (through the engine: Camunda's REST comment resource
    // first looks the task up in the history, which units may not read, and answers 400 "No task found").
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    engine.getTaskService().createComment(w.carryOut(), w.process(), "Đang làm");
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getTaskService().getTaskComments(w.carryOut())).hasSize(1);
  }

  // 6. Starting the directive process

  @ParameterizedTest
  @EnumSource(Surface.class)
  void theDirectiveStartsOnlyWithItsStartFormsVariables(Surface surface) {
    long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("directive")
        .count();
    long directivesBefore = jdbc.queryForObject("select count(*) from dt_directive", Long.class);
    assertRefused(post(surface, "leader", "/process-definition/key/directive/start",
        "{\"variables\": {\"directiveId\": {\"value\": \"x\"}, \"secretariat\": {\"value\": \"MOH\"}}}"),
        "[directiveId, secretariat] refused");
    assertRefused(post(surface, "leader", "/process-definition/key/directive/submit-form",
        "{\"variables\": {\"directiveTasks\": {\"value\": \"x\"}}}"), "[directiveTasks] refused");
    assertRefused(post(surface, "leader", "/process-definition/key/directive/start",
        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"CallActivity_DirectiveTask\"}],"
            + " \"variables\": {\"reference\": {\"value\": \"x\"}}}"), "start process instances at an activity");
    // The start form's own variables pass the guard; the process then checks the notice (400, nothing stored).
    ResponseEntity<String> formOnly = post(surface, "leader", "/process-definition/key/directive/submit-form",
        "{\"variables\": {\"directiveRequest\": {\"value\": \"{}\"}, \"reference\": {\"value\": \"R\"}}}");
    assertThat(formOnly.getStatusCode().value()).as(formOnly.getBody()).isIn(400, 500);
    assertThat(formOnly.getBody()).contains("The directive was not stored");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("directive")
        .count()).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from dt_directive", Long.class)).isEqualTo(directivesBefore);
  }

  // Other variable paths and what users have no business doing

  @ParameterizedTest
  @EnumSource(Surface.class)
  void processVariablesMessagesAndModificationAreForAdministrators(Surface surface) {
    Work w = issue();
    String before = state(w);
    assertRefused(post(surface, "moh", "/process-instance/" + w.process() + "/variables",
        "{\"modifications\": {\"secretariat\": {\"value\": \"MOH\"}}}"), "Only administrators");
    assertRefused(post(surface, "moh", "/message",
        "{\"messageName\": \"TaskWithdrawn\", \"processInstanceId\": \"" + w.process() + "\","
            + " \"processVariables\": {\"withdrawalReason\": {\"value\": \"x\"}}}"), "correlate messages");
    assertRefused(post(surface, "moh", "/process-instance/" + w.process() + "/modification",
        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ServiceTask_AcceptReport\"}]}"),
        "Only administrators");
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/localVariables",
        "{\"modifications\": {\"directiveTaskId\": {\"value\": \"other\"}}}"), "[directiveTaskId] refused");
    assertRefused(post(surface, "moh", "/task/" + w.carryOut() + "/resolve", completion("secretariat", "MOH")),
        "[secretariat] refused");
    assertThat(state(w)).isEqualTo(before);
  }

  /** The same rules hold where no HTTP filter stands in front: the Java API as an authenticated user. */
  @Test
  void theRulesHoldOnTheJavaApi() {
    Work w = issue();
    String before = state(w);
    var identity = engine.getIdentityService();
    var tasks = engine.getTaskService();
    identity.setAuthentication("mps", List.of("MPS"));
    assertThatThrownBy(() -> tasks.handleBpmnError(w.contribute(), "x", "m", Map.of("secretariat", "MPS")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("BPMN errors");
    assertThatThrownBy(() -> tasks.handleEscalation(w.contribute(), "x"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> tasks.complete(w.contribute(), Map.of("contribution", "x", "completionDate", "2024-06-01")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("[completionDate] refused");
    assertThatThrownBy(() -> tasks.setVariableLocal(w.contribute(), "coordinatingUnit", "MOH"))
        .isInstanceOf(AuthorizationException.class);
    identity.setAuthentication("moh", List.of("MOH"));
    assertThatThrownBy(() -> tasks.claim(w.carryOut(), "moj"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("may not claim it for moj");
    assertThatThrownBy(() -> engine.getRuntimeService().setVariable(w.process(), "secretariat", "MOH"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Only administrators");
    assertThatThrownBy(() -> engine.getRuntimeService().createMessageCorrelation("TaskWithdrawn")
        .processInstanceId(w.process()).setVariable("withdrawalReason", "x").correlate())
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("correlate messages");
    assertThatThrownBy(() -> tasks.createComment(null, w.process(), "x"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("process instance");
    identity.setAuthentication("mps", List.of("MPS"));
    assertThatThrownBy(() -> tasks.createComment(w.carryOut(), w.process(), "x"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
    identity.setAuthentication("auditor", List.of("AUDITORS"));
    assertThatThrownBy(() -> tasks.createComment(w.carryOut(), w.process(), "x"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
    assertThatThrownBy(() -> tasks.createAttachment("link", w.carryOut(), null, "x", "x", "https://example.org"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("TASK_WORK");
    identity.setAuthentication("leader", List.of("P06WG"));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("directive",
        Variables.putValue("directiveId", w.directiveId())))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("[directiveId] refused");
    identity.clearAuthentication();
    assertThat(state(w)).isEqualTo(before);
  }

  /** An unhandled BPMN error (thrown by an administrator, who is not checked) fails instead of ending the task. */
  @Test
  void anUnhandledBpmnErrorFailsInsteadOfEndingTheInstance() {
    Work w = issue();
    String before = state(w);
    engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
    assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(w.carryOut(), "unknown"))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
    engine.getIdentityService().clearAuthentication();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(w.process()).count())
        .isEqualTo(1);
    assertThat(state(w)).isEqualTo(before);
  }



  // Values: of the type the form declares, and texts no longer than the engine stores

  /** Refused with 400 by the engine's check, naming the field; no Java class, no stack trace. */
  private static void assertBadRequest(ResponseEntity<String> answer, String... says) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains(says).doesNotContain("java.").doesNotContain("org.camunda")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void textsLongerThanTheEngineStoresAreRefusedWith400(Surface surface) {
    Work w = issue();
    String before = state(w);
    String tooLong = "x".repeat(4001);
    assertBadRequest(post(surface, "mps", "/task/" + w.contribute() + "/complete",
        completion("contribution", tooLong)), "contribution is longer than 4,000 characters");
    assertBadRequest(post(surface, "moh", "/task/" + w.carryOut() + "/submit-form",
        completion("reportResult", tooLong, "completionDate", "2024-03-05")), "reportResult is longer than 4,000");
    assertBadRequest(post(surface, "moh", "/task/" + w.carryOut() + "/submit-form",
        completion("reportResult", "Xong", "completionDate", "2024-03-05", "openSubtasksReason", "y".repeat(5000))),
        "openSubtasksReason is longer than 4,000");
    assertThat(state(w)).isEqualTo(before);
    // What the forms allow (maxlength 4000) is stored.
    assertThat(post(surface, "mps", "/task/" + w.contribute() + "/complete",
        completion("contribution", "z".repeat(4000))).getStatusCode().value()).isEqualTo(204);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void valuesOfAnotherTypeThanTheFormDeclaresAreRefusedWith400(Surface surface) {
    Work w = issue();
    String before = state(w);
    String carryOut = "/task/" + w.carryOut() + "/submit-form";
    String date = "\"completionDate\": {\"type\": \"String\", \"value\": \"2024-03-05\"}";
    String html = java.util.Base64.getEncoder().encodeToString("<h1>Xong</h1>".getBytes());
    assertBadRequest(post(surface, "moh", carryOut, "{\"variables\": {" + date + ", \"reportResult\": {\"type\": \"File\","
        + " \"value\": \"" + html + "\", \"valueInfo\": {\"filename\": \"r.html\", \"mimeType\": \"text/html\"}}}}"),
        "reportResult must be of type String, not file");
    assertBadRequest(post(surface, "moh", carryOut, "{\"variables\": {" + date + ", \"reportResult\": {\"type\": \"String\","
        + " \"value\": \"Xong\"}, \"progressPercent\": {\"type\": \"Long\", \"value\": 4294967346}}}"),
        "progressPercent must be a whole number 0-100");
    String bytes = java.util.Base64.getEncoder().encodeToString(new byte[3_000_000]);
    assertBadRequest(post(surface, "moh", carryOut, "{\"variables\": {" + date + ", \"reportResult\": {\"type\": \"String\","
        + " \"value\": \"Xong\"}, \"openSubtasksReason\": {\"type\": \"Bytes\", \"value\": \"" + bytes + "\"}}}"),
        "openSubtasksReason must be of type String, not bytes");
    assertBadRequest(post(surface, "moh", carryOut, "{\"variables\": {" + date + ", \"reportResult\": {\"type\": \"String\","
        + " \"value\": \"Xong\"}, \"evidence1\": {\"type\": \"String\", \"value\": \"a.pdf\"}}}"),
        "evidence1 must be of type File, not string");
    assertBadRequest(post(surface, "moh", carryOut, "{\"variables\": {" + date + ", \"reportResult\": {\"type\": \"String\","
        + " \"value\": \"Xong\"}, \"progressPercent\": {\"type\": \"Double\", \"value\": 50.5}}}"),
        "progressPercent must be of type Long, not double");
    // An untyped value is typed as the engine would store it: a number is not the contribution's text.
    assertBadRequest(post(surface, "mps", "/task/" + w.contribute() + "/complete",
        "{\"variables\": {\"contribution\": {\"value\": 12}}}"), "contribution must be of type String, not integer");
    assertThat(state(w)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from dt_report where task_id = ?", Integer.class, w.dtTaskId()))
        .isZero();
  }

  @Test
  void eachFormDeclaresTheTypesItSubmits() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    ProcessDefinition task = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("directive-task").latestVersion().singleResult();
    ProcessDefinition directive = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("directive").latestVersion().singleResult();
    assertThat(configuration.getCommandExecutorTxRequired().<Map<String, String>>execute(
        c -> forms.typesOfTask(c, task.getId(), "UserTask_CarryOut"))).isEqualTo(Map.of("progressPercent", "Long",
        "reportResult", "String", "completionDate", "String", "openSubtasksReason", "String", "evidence1", "File",
        "evidence2", "File", "evidence3", "File", "valueReached", "Double"));
    assertThat(configuration.getCommandExecutorTxRequired().<Map<String, String>>execute(
        c -> forms.typesOfTask(c, task.getId(), "UserTask_Contribute"))).isEqualTo(Map.of("contribution", "String"));
    assertThat(configuration.getCommandExecutorTxRequired().<Map<String, String>>execute(
        c -> forms.typesOfStart(c, directive.getId()))).isEqualTo(Map.of("directiveFile", "File", "reference", "String",
        "issuedOn", "String", "issuer", "String", "title", "String", "directiveRequest", "Bytes|String"));
  }
}

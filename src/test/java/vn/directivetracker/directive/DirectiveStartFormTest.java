package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * Issuing from Tasklist: the {@code directive} process started through its start form (the variables
 * the embedded form sends) is checked and stored as the API does, and refused with every problem and
 * nothing stored when the notice is wrong.
 */
class DirectiveStartFormTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void twentiethOfJanuary2025() {
    clockAt("2025-01-20T09:00");
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theStartFormIsDeployedUnderTheNameItsKeyUses() {
    ProcessDefinition definition = definition();
    String formKey = engine.getFormService().getStartFormKey(definition.getId());
    assertThat(formKey).isEqualTo("embedded:deployment:forms/issue-directive.html");
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(definition.getDeploymentId()))
        .contains("forms/issue-directive.html");

    // What Tasklist asks for when the leader opens "Start process".
    ResponseEntity<String> form = http.withBasicAuth("leader", "demo")
        .getForEntity("/engine-rest/process-definition/key/directive/deployed-start-form", String.class);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody()).contains("Ban hành chỉ đạo / Issue a directive").contains("cam-variable-type=\"File\"");
  }

  @Test
  void theTableOfTheFormIsStoredAndItsTasksStart() {
    String reference = DirectiveFixtures.uniqueReference("FORM");
    String json = notice(reference, "{\"key\": \"T01\", \"title\": \"Tích hợp Sổ sức khỏe điện tử\", \"domain\": \"HEALTH\","
        + " \"coordinatingUnits\": [\"MPS\"], \"deadline\": null, \"deadlineWorkingDays\": 10, \"keyTask\": true},"
        + " {\"key\": \"T02\", \"title\": \"Kết nối dữ liệu điện lực\", \"domain\": \"OTHER\", \"leadUnit\": \"EVN\"}");

    ProcessInstance instance = startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest", json));

    Map<String, Object> directive = jdbc.queryForMap("select * from dt_directive where reference = ?", reference);
    assertThat(directive.get("PROCESS_INSTANCE_ID")).isEqualTo(instance.getId());
    assertThat(directive.get("ISSUED_BY")).isEqualTo("leader");
    String directiveId = (String) directive.get("ID");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "directiveId")).isEqualTo(directiveId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getBusinessKey()).isEqualTo("P06WG:" + reference);
    List<Map<String, Object>> tasks = jdbc.queryForList(
        "select task_key, lead_unit, deadline, deadline_working_days, process_instance_id from dt_task"
            + " where directive_id = ? order by position", directiveId);
    assertThat(tasks).extracting(t -> t.get("LEAD_UNIT")).containsExactly("MOH", "EVN");
    assertThat(tasks.get(0).get("DEADLINE").toString()).isEqualTo("2025-02-10");
    assertThat(tasks.get(0).get("DEADLINE_WORKING_DAYS")).isEqualTo(10);
    assertThat(tasks).allSatisfy(t -> assertThat(t.get("PROCESS_INSTANCE_ID")).isNotNull());
    assertThat(DirectiveFixtures.read(http.withBasicAuth("leader", "demo")
        .getForEntity("/api/directives/" + directiveId, String.class).getBody()).get("status").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void aDeadlineAsTheNoticeWordsItIsStoredWithItsWordsOrRefusedNamingThem() {
    String reference = DirectiveFixtures.uniqueReference("FORMWRITTEN");
    startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest", notice(reference,
        "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\", \"deadline\": \"trước Tết Ất Tỵ\"}")));
    assertThat(jdbc.queryForMap("select t.deadline, t.deadline_as_written from dt_task t join dt_directive d"
        + " on d.id = t.directive_id where d.reference = ?", reference))
        .containsEntry("DEADLINE_AS_WRITTEN", "trước Tết Ất Tỵ")
        .extractingByKey("DEADLINE").hasToString("2025-01-24");

    String bad = DirectiveFixtures.uniqueReference("FORMWRITTENBAD");
    assertThatThrownBy(() -> startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest",
        notice(bad, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\", \"deadline\": \"sau Tết\"}"))))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("task 1, deadline: không hiểu thời hạn 'sau Tết'");
    assertNothingStored(bad);
  }

  @Test
  void anInvalidTableIsRefusedWithEveryProblemAndNothingIsStored() {
    String reference = DirectiveFixtures.uniqueReference("FORMBAD");
    String json = notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"WEATHER\"},"
        + " {\"key\": \"T02\", \"title\": \"\", \"domain\": \"HEALTH\", \"coordinatingUnits\": [\"MOH\"]}");

    assertThatThrownBy(() -> startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest", json)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("The directive was not stored")
        .hasMessageContaining("task 1, domain: unknown domain 'WEATHER'")
        .hasMessageContaining("task 2, title: must not be blank");
    assertNothingStored(reference);

    // The lead the decision will choose must not also coordinate: known here before the task processes exist.
    String leadTwice = notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\","
        + " \"coordinatingUnits\": [\"MPS\", \"MOH\"]}");
    assertThatThrownBy(() -> startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest", leadTwice)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("task 1, coordinatingUnits[1]: 'MOH' is the lead unit the lead-unit decision chose");
    assertNothingStored(reference);

    assertThatThrownBy(() -> startAs("leader", "P06WG", Variables.createVariables().putValue("directiveRequest", "{oops")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("directiveRequest: the table of tasks cannot be read");
    assertThatThrownBy(() -> startAs("leader", "P06WG", Variables.createVariables()))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("neither the table of tasks nor a file");
  }

  @Test
  void onlyMembersOfTheIssuerMayIssueFromTheForm() {
    String reference = DirectiveFixtures.uniqueReference("FORMSTRANGER");
    String json = notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\"}");
    // Every issuing body may start the process; only P06WG members may issue P06WG's notices.
    assertThatThrownBy(() -> startAs("haiphongwg", "HAIPHONGWG",
        Variables.createVariables().putValue("directiveRequest", json)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("only members of P06WG");
    assertNothingStored(reference);
  }

  @Test
  void anUploadedSheetIsStoredOrRefusedCellByCell() {
    String reference = DirectiveFixtures.uniqueReference("FORMFILE");
    byte[] csv = ("\uFEFFkey,title,domain,deadline\nT01,Cấp căn cước,IDENTIFICATION,31/03/2025\n")
        .getBytes(StandardCharsets.UTF_8);
    startAs("leader", "P06WG", fileVariables(reference, csv));
    assertThat(jdbc.queryForObject("select count(*) from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.reference = ? and t.lead_unit = 'MPS'", Integer.class, reference)).isEqualTo(1);

    String badReference = DirectiveFixtures.uniqueReference("FORMFILEBAD");
    byte[] bad = "key,title,domain,deadline\nT01,x,HEALTH,2025-01-31\nT02,y,HEALTH,2024-13-01\n"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> startAs("leader", "P06WG", fileVariables(badReference, bad)))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("row 3, deadline: thời hạn '2024-13-01' không phải là một ngày có thật");
    assertNothingStored(badReference);
  }

  @Test
  void tasklistShowsTheRefusalOfASubmittedForm() {
    String reference = DirectiveFixtures.uniqueReference("FORMREST");
    String json = notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"WEATHER\"}");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"variables\": {\"directiveRequest\": {\"type\": \"String\", \"value\": "
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(json) + "}}}";
    ResponseEntity<String> refused = http.withBasicAuth("leader", "demo").postForEntity(
        "/engine-rest/process-definition/key/directive/submit-form", new HttpEntity<>(body, headers), String.class);
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("unknown domain 'WEATHER'");
    assertNothingStored(reference);
  }

  /**
   * A realistic notice of 25 tasks is far longer than the 4,000 characters the engine stores in a variable (and in
   * the form's history, which records every String submitted): the form sends it as transient Bytes,
   * RegisterDirective reads it in the start's transaction, and nothing stores it as a variable. Sent as a String
   * it is refused with a clear 400, not a persistence 500.
   */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void aNoticeOf25TasksIsIssuedFromTheStartForm(Surface surface) {
    String reference = DirectiveFixtures.uniqueReference("FORM25" + surface.ordinal());
    StringBuilder tasks = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      tasks.append(i == 1 ? "" : ", ").append("{\"key\": \"T").append(i < 10 ? "0" : "").append(i)
          .append("\", \"title\": \"Triển khai nhiệm vụ số ").append(i).append(" về kết nối dữ liệu dân cư\",")
          .append(" \"description\": \"").append("Các bộ, ngành và địa phương phối hợp triển khai, báo cáo định kỳ. ".repeat(3))
          .append("\", \"domain\": \"HEALTH\", \"deadline\": \"2025-06-30\", \"expectedResult\": \"Báo cáo kết quả\"}");
    }
    String json = notice(reference, tasks.toString());
    assertThat(json.length()).isGreaterThan(6000);
    EngineApiClient api = new EngineApiClient(http);
    String path = "/process-definition/key/directive/submit-form";

    ResponseEntity<String> stored = api.call(surface, "leader", HttpMethod.POST, path,
        "{\"variables\": {\"directiveRequest\": {\"type\": \"String\", \"value\": " + TextNode.valueOf(json) + "}}}");
    assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(400);
    assertThat(stored.getBody()).contains("directiveRequest is longer than 4,000 characters").doesNotContain("java.");
    assertNothingStored(reference);

    ResponseEntity<String> issued = api.call(surface, "leader", HttpMethod.POST, path,
        "{\"variables\": {\"directiveRequest\": {\"type\": \"Bytes\", \"value\": \""
            + java.util.Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
            + "\", \"valueInfo\": {\"transient\": true}}, \"reference\": {\"type\": \"String\", \"value\": \"" + reference
            + "\"}, \"issuedOn\": {\"type\": \"String\", \"value\": \"2025-01-20\"}, \"issuer\": {\"type\": \"String\","
            + " \"value\": \"P06WG\"}, \"title\": {\"type\": \"String\", \"value\": \"Kết luận " + reference + "\"},"
            + " \"directiveFile\": {\"type\": \"Null\", \"value\": null}}}");
    assertThat(issued.getStatusCode().value()).as(issued.getBody()).isEqualTo(200);
    String instance = DirectiveFixtures.read(issued.getBody()).get("id").asText();
    String directiveId = jdbc.queryForObject("select id from dt_directive where reference = ?", String.class, reference);
    assertThat(jdbc.queryForObject("select count(*) from dt_task where directive_id = ? and process_instance_id is not null",
        Integer.class, directiveId)).isEqualTo(25);
    assertThat(engine.getRuntimeService().getVariable(instance, "directiveId")).isEqualTo(directiveId);
    assertThat(engine.getRuntimeService().getVariable(instance, "directiveRequest")).isNull();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("directiveRequest").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).formFields().list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId())
        .doesNotContain("directiveRequest");
  }

  /**
   * The third pen test: a table of 190,000 tasks took 10 s and answered 43 MB; a stored (non-transient)
   * request kept 10 MB three times. Now: at most 4 MB, transient only, at most 200 tasks counted before any is
   * checked, at most 50 problems listed, and no Java class named.
   */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void anOversizedStoredOrUnboundedTableIsRefusedShortly(Surface surface) {
    String reference = DirectiveFixtures.uniqueReference("FORMBIG" + surface.ordinal());
    String oneTask = "{\"key\": \"k\", \"title\": \"\", \"domain\": \"zz\", \"coordinatingUnits\": [\"q\", \"q\"]}";
    String many = notice(reference, String.join(", ", java.util.Collections.nCopies(5000, oneTask)));
    ResponseEntity<String> tooMany = startForm(surface, many.getBytes(StandardCharsets.UTF_8), true);
    assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
    assertThat(tooMany.getBody()).contains("at most 200 tasks per notice, not 5,000").hasSizeLessThan(2_000);

    // 201 tasks with a mistake each: 50 listed and a count.
    String some = notice(reference, String.join(", ", java.util.Collections.nCopies(120, oneTask)));
    ResponseEntity<String> listed = startForm(surface, some.getBytes(StandardCharsets.UTF_8), true);
    assertThat(listed.getStatusCode().value()).as(listed.getBody()).isEqualTo(400);
    assertThat(listed.getBody()).contains("more problems").hasSizeLessThan(10_000);

    byte[] padded = (notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\"}")
        .replaceFirst("}$", " ".repeat(100_000) + "}")).getBytes(StandardCharsets.UTF_8);
    ResponseEntity<String> stored = startForm(surface, padded, false);
    assertThat(stored.getStatusCode().value()).as(stored.getBody()).isEqualTo(400);
    assertThat(stored.getBody()).contains("transient");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName("directiveRequest")
        .list()).noneMatch(v -> v.getValue() instanceof byte[] b && b.length > 100_000);

    byte[] huge = new byte[DirectiveLimits.MAX_FORM_REQUEST_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    ResponseEntity<String> tooLarge = startForm(surface, huge, true);
    assertThat(tooLarge.getStatusCode().value()).as(tooLarge.getBody()).isEqualTo(400);
    assertThat(tooLarge.getBody()).contains("at most 4,096 KB");

    for (String json : List.of("[]", notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\"}")
        .replaceFirst("}$", ", \"extra\": {\"@class\": \"java.lang.Runtime\"}}"),
        notice(reference, "{\"key\": \"T01\", \"title\": \"x\", \"domain\": \"HEALTH\", \"deadline\": [1]}"))) {
      ResponseEntity<String> refused = startForm(surface, json.getBytes(StandardCharsets.UTF_8), true);
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
      assertThat(refused.getBody()).doesNotContain("vn.directivetracker").doesNotContain("IssueDirectiveRequest")
          .doesNotContain("java.").doesNotContain("`");
    }
    assertThat(startForm(surface, many.replaceFirst(", \"tasks\"", ", \"extra\": 1, \"tasks\"")
        .getBytes(StandardCharsets.UTF_8), true).getBody()).contains("unknown field 'extra'");
    assertNothingStored(reference);
  }

  /** The same on /api: a 2 MB body of tasks is refused with one short problem. */
  @Test
  void theApiRefusesTooManyTasksBeforeCheckingThem() {
    String oneTask = "{\"key\": \"k\", \"title\": \"\", \"domain\": \"zz\", \"coordinatingUnits\": [\"q\", \"q\"]}";
    String reference = DirectiveFixtures.uniqueReference("APIBIG");
    String many = notice(reference, String.join(", ", java.util.Collections.nCopies(20_000, oneTask)));
    ResponseEntity<String> answer = http.withBasicAuth("leader", "demo").exchange("/api/directives", HttpMethod.POST,
        new HttpEntity<>(many, EngineApiClient.headers(org.springframework.http.MediaType.APPLICATION_JSON, null)),
        String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("at most 200 tasks per notice, not 20,000").hasSizeLessThan(2_000);
    assertNothingStored(reference);
  }

  private ResponseEntity<String> startForm(Surface surface, byte[] json, boolean isTransient) {
    return new EngineApiClient(http).call(surface, "leader", HttpMethod.POST, "/process-definition/key/directive/submit-form",
        "{\"variables\": {\"directiveRequest\": {\"type\": \"Bytes\", \"value\": \""
            + java.util.Base64.getEncoder().encodeToString(json) + "\", \"valueInfo\": {\"transient\": " + isTransient
            + "}}, \"reference\": {\"type\": \"String\", \"value\": \"X\"}, \"issuedOn\": {\"type\": \"String\","
            + " \"value\": \"2025-01-20\"}, \"issuer\": {\"type\": \"String\", \"value\": \"P06WG\"},"
            + " \"title\": {\"type\": \"String\", \"value\": \"t\"}}}");
  }

  // ---------------------------------------------------------------------------------------------

  private ProcessDefinition definition() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("directive")
        .latestVersion().singleResult();
  }

  private ProcessInstance startAs(String user, String group, VariableMap variables) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, List.of(group));
    try {
      return engine.getFormService().submitStartForm(definition().getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static VariableMap fileVariables(String reference, byte[] content) {
    return Variables.createVariables()
        .putValue("directiveFile", Variables.fileValue("thong-bao.csv").file(content).mimeType("text/csv").create())
        .putValue("reference", reference).putValue("issuedOn", "2025-01-20").putValue("issuer", "P06WG")
        .putValue("title", "Thông báo " + reference);
  }

  private static String notice(String reference, String tasks) {
    return "{\"reference\": \"" + reference + "\", \"issuedOn\": \"2025-01-20\", \"issuer\": \"P06WG\","
        + " \"title\": \"Kết luận " + reference + "\", \"tasks\": [" + tasks + "]}";
  }

  private void assertNothingStored(String reference) {
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("P06WG:" + reference)
        .count()).isZero();
  }
}

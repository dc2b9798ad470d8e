package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * Client errors on the engine's REST API are 4xx with a clear message, never 5xx or a stack trace, on both
 * paths: /engine-rest and the webapps' engine API that Tasklist and Cockpit call. Mostly as admin, whom the
 * engine's authorization does not stop before the mistake is reached.
 */
class ClientErrorsTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  private EngineApiClient surfaces;

  @BeforeEach
  void setUp() {
    clockAt("2024-03-01T09:00");
    directives = new DirectiveFixtures(http, jdbc);
    surfaces = new EngineApiClient(http);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void anEscalationNobodyCatchesIs400(Surface surface) {
    String task = mohTask();
    assertClientError(call(surface, "admin", HttpMethod.POST, "/task/" + task + "/bpmnEscalation",
        "{\"escalationCode\":\"NOBODY_CATCHES_THIS\"}"), 400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void claimingATaskSomeoneElseClaimedIs409(Surface surface) {
    String task = mohTask();
    assertThat(call(surface, "admin", HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\":\"moh\"}")
        .getStatusCode().value()).isEqualTo(204);
    ResponseEntity<String> again = call(surface, "admin", HttpMethod.POST, "/task/" + task + "/claim",
        "{\"userId\":\"admin\"}");
    assertClientError(again, 409);
    assertThat(again.getBody()).contains("already claimed");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("moh");
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void deletingATaskOfAProcessIs400(Surface surface) {
    String task = mohTask();
    assertClientError(call(surface, "admin", HttpMethod.DELETE, "/task/" + task, null), 400);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aConditionThatStartsNothingIs400(Surface surface) {
    assertClientError(call(surface, "admin", HttpMethod.POST, "/condition",
        "{\"variables\":{\"x\":{\"value\":1,\"type\":\"Integer\"}}}"), 400);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void anObjectVariableNamingAJavaClassIs400(Surface surface) {
    String task = mohTask();
    ResponseEntity<String> refused = call(surface, "admin", HttpMethod.PUT, "/task/" + task + "/localVariables/x",
        "{\"type\":\"Object\",\"value\":\"[]\",\"valueInfo\":{\"objectTypeName\":\"java.util.ArrayList\","
            + "\"serializationDataFormat\":\"application/json\"}}");
    assertClientError(refused, 400);
    assertThat(engine.getTaskService().getVariableLocal(task, "x")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void jobOperationsOnUnknownIdsAre404(Surface surface) {
    String job = "/job/no-such-job";
    assertClientError(call(surface, "admin", HttpMethod.PUT, job + "/retries", "{\"retries\":1}"), 404);
    assertClientError(call(surface, "admin", HttpMethod.PUT, job + "/duedate", "{\"duedate\":null}"), 404);
    assertClientError(call(surface, "admin", HttpMethod.PUT, job + "/suspended", "{\"suspended\":true}"), 404);
    assertClientError(call(surface, "admin", HttpMethod.PUT, job + "/priority", "{\"priority\":1}"), 404);
    assertClientError(call(surface, "admin", HttpMethod.POST, job + "/execute", null), 404);
    assertClientError(call(surface, "admin", HttpMethod.POST, job + "/duedate/recalculate", null), 404);
    assertClientError(call(surface, "admin", HttpMethod.DELETE, job, null), 404);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aFormRefusedByTheServerSideCheckIs400WithTheReason(Surface surface) {
    String task = mohTask();
    String future = "{\"variables\":{\"reportResult\":{\"value\":\"Xong\",\"type\":\"String\"},"
        + "\"completionDate\":{\"value\":\"2099-01-01\",\"type\":\"String\"}}}";
    for (String action : List.of("submit-form", "complete")) {
      ResponseEntity<String> refused = call(surface, "moh", HttpMethod.POST, "/task/" + task + "/" + action, future);
      assertClientError(refused, 400);
      assertThat(refused.getBody()).contains("completionDate 2099-01-01 is in the future").doesNotContain("ENGINE-");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  /** Queries the engine cannot run are the caller's mistake, for any logged-in user (here a unit). */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void queriesTheEngineCannotRunAre400(Surface surface) {
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    String filter;
    try {
      filter = engine.getFilterService().createTaskFilterQuery().listPage(0, 1).get(0).getId(); // one MOH reads
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String objectValue = "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}";
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task/count", objectValue), 400);
    assertClientError(call(surface, "moh", HttpMethod.POST, "/filter/" + filter + "/count",
        "{\"orQueries\":[" + objectValue + "]}"), 400);
    assertClientError(call(surface, "moh", HttpMethod.POST, "/filter/" + filter + "/count", objectValue), 400);
    ResponseEntity<String> sorting = call(surface, "moh", HttpMethod.POST, "/task?maxResults=5",
        "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\"}]}");
    assertClientError(sorting, 400);
    assertThat(sorting.getBody()).contains("parameters");
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task?maxResults=5",
        "{\"sorting\":[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\","
            + "\"parameters\":{\"variable\":\"x\",\"type\":\"Json\"}}]}"), 400);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aFileVariableWithoutItsFilenameIs400(Surface surface) {
    String task = mohTask();
    for (String action : List.of("submit-form", "complete")) {
      ResponseEntity<String> refused = call(surface, "moh", HttpMethod.POST, "/task/" + task + "/" + action,
          "{\"variables\":{\"evidence1\":{\"type\":\"File\"}}}");
      assertClientError(refused, 400);
      assertThat(refused.getBody()).contains("filename");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  /** Camunda's 400s said "java type java.util.Date", "org.camunda...TaskQueryDto[\"priority\"]". */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void wrongTypesInQueriesAre400NamingNoJavaClass(Surface surface) {
    assertClientError(call(surface, "moh", HttpMethod.GET, "/task?maxResults=5&dueBefore=yesterday", null), 400);
    assertClientError(call(surface, "moh", HttpMethod.GET, "/task/count?priority=high", null), 400);
    ResponseEntity<String> body = call(surface, "moh", HttpMethod.POST, "/task/count", "{\"priority\":\"high\"}");
    assertClientError(body, 400);
    assertThat(body.getBody()).contains("priority");
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task/count", "{\"dueBefore\":\"yesterday\"}"), 400);
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task?maxResults=5", "{\"sortBy\":\"nothing\"}"), 400);
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task/count",
        "{\"priority\":" + "9".repeat(2000) + "}"), 400);
  }

  /** Cockpit's plugin API (/camunda/api/cockpit, auditors and admins) answers the same way. */
  @Test
  void cockpitsPluginApiAnswersClientErrorsWith400NamingNoJavaClass() {
    String base = "/camunda/api/cockpit/plugin/base/default/process-instance";
    String objectValue = "{\"variables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":{\"a\":1}}]}";
    assertClientError(cockpit(base + "/count", objectValue), 400);
    assertClientError(cockpit(base + "?firstResult=0&maxResults=5", objectValue), 400);
    assertClientError(cockpit(base + "/count", "{\"variables\":[{\"name\":\"x\",\"operator\":\"eq\",\"value\":"
        + "9".repeat(2000) + "}]}"), 400);
    ResponseEntity<String> sortBy = cockpit(base + "?firstResult=0&maxResults=5", "{\"sortBy\":\"nothing\"}");
    assertClientError(sortBy, 400);
    assertThat(sortBy.getBody()).contains("sortBy");
    assertClientError(cockpit(base + "/count", "{\"startedBefore\":\"yesterday\"}"), 400);
    assertClientError(cockpit(base + "/count", "{\"activityIdIn\":{\"a\":1}}"), 400);
    assertClientError(cockpit(base + "/count", "{\"variables\":"), 400);
    // What Cockpit itself sends still works.
    ResponseEntity<String> count = cockpit(base + "/count", "{}");
    assertThat(count.getStatusCode().value()).as(count.getBody()).isEqualTo(200);
  }

  /** The third pen test's 5xx: variable values the engine cannot convert, negative or non-numeric pages. */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void variablesTheEngineCannotConvertAndNegativePagesAre400(Surface surface) {
    String task = mohTask();
    for (String variables : List.of(
        "{\"progressPercent\":{\"type\":\"File\",\"value\":null,\"valueInfo\":{\"filename\":\"a.pdf\"}}}",
        "{\"progressPercent\":{\"type\":\"File\",\"value\":123,\"valueInfo\":{\"filename\":\"a.pdf\"}}}",
        "{\"x\":{\"type\":\"File\",\"value\":\"aGk=\",\"valueInfo\":{\"filename\":\"x\",\"transient\":\"yes\"}}}",
        "{\"x\":{\"type\":\"\",\"value\":\"x\"}}")) {
      assertClientError(call(surface, "moh", HttpMethod.POST, "/task/" + task + "/complete",
          "{\"variables\":" + variables + "}"), 400);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
    assertClientError(call(surface, "moh", HttpMethod.GET, "/task?firstResult=-5&maxResults=5", null), 400);
    assertClientError(call(surface, "moh", HttpMethod.GET, "/task?firstResult=0&maxResults=-5", null), 400);
    assertClientError(call(surface, "moh", HttpMethod.POST, "/task?firstResult=-1&maxResults=5", "{}"), 400);
    assertClientError(call(surface, "auditor", HttpMethod.GET, "/deployment/zz/resources/zz/data", null), 404);
  }

  @Test
  void cockpitRefusesNegativeAndNonNumericPagesWith400() {
    String base = "/camunda/api/cockpit/plugin/base/default";
    assertClientError(cockpit(base + "/process-instance?firstResult=-1&maxResults=-5", "{}"), 400);
    ResponseEntity<String> abc = http.exchange(base + "/incident?maxResults=abc", HttpMethod.GET, new HttpEntity<>(
        EngineApiClient.headers(MediaType.APPLICATION_JSON, surfaces.session("auditor"))), String.class);
    assertClientError(abc, 400);
  }

  // ---------------------------------------------------------------------------------------------

  private ResponseEntity<String> cockpit(String path, String json) {
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json,
        EngineApiClient.headers(MediaType.APPLICATION_JSON, surfaces.session("auditor"))), String.class);
  }

  private ResponseEntity<String> call(Surface surface, String user, HttpMethod method, String path, String json) {
    return surfaces.call(surface, user, method, path, json);
  }

  static void assertClientError(ResponseEntity<String> response, int status) {
    String body = response.getBody() == null ? "" : response.getBody();
    assertThat(response.getStatusCode().value()).as(body).isEqualTo(status);
    assertThat(body).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("at org.")
        .doesNotContain("at java.").doesNotContain("java.lang").doesNotContain("java.util").doesNotContain("org.camunda")
        .doesNotContain("com.fasterxml");
    if (!body.isEmpty()) {
      assertThat(response.getHeaders().getContentType()).as(body).isNotNull();
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(body).isTrue();
      JsonNode json = DirectiveFixtures.read(body);
      assertThat(json.path("message").asText()).as(body).isNotBlank();
    }
  }

  private String mohTask() {
    JsonNode d = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("ERR"), "2024-03-01",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-12-31")));
    String process = directives.processOf(d.get("id").asText(), "T01");
    return engine.getTaskService().createTaskQuery().processInstanceId(process).taskCandidateGroup("MOH")
        .singleResult().getId();
  }
}

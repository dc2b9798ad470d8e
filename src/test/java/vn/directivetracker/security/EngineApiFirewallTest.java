package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * What the access matrix cannot say in one line: headers, uploads and the webapps' own APIs. The matrix
 * ({@code security/access-matrix.psv}) holds the per-role rules of the engine's REST API.
 */
class EngineApiFirewallTest extends ApplicationTest {

  @Test
  void aMethodOverrideHeaderIsRefusedOnBothSurfaces() {
    EngineApiClient api = new EngineApiClient(http);
    String task = mohTask();
    for (Surface surface : Surface.values()) {
      HttpHeaders headers = surface == Surface.WEBAPP
          ? EngineApiClient.headers(MediaType.APPLICATION_JSON, api.session("moh")) : new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.add("X-HTTP-Method-Override", "DELETE");
      var client = surface == Surface.ENGINE_REST ? http.withBasicAuth("moh", "demo") : http;
      ResponseEntity<String> answer = client.exchange(surface.prefix() + "/task/" + task + "/claim",
          HttpMethod.POST, new HttpEntity<>("{\"userId\":\"moh\"}", headers), String.class);
      assertThat(answer.getStatusCode().value()).as(surface + " " + answer.getBody()).isEqualTo(400);
      assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }
  }

  @Test
  void twoContentTypesAreRefusedBeforeAnyParserSeesThem() {
    for (Surface surface : Surface.values()) {
      HttpHeaders headers = surface == Surface.WEBAPP
          ? EngineApiClient.headers(null, new EngineApiClient(http).session("moh")) : new HttpHeaders();
      headers.add(HttpHeaders.CONTENT_TYPE, "multipart/form-data");
      headers.add(HttpHeaders.CONTENT_TYPE, "application/json");
      var client = surface == Surface.ENGINE_REST ? http.withBasicAuth("moh", "demo") : http;
      ResponseEntity<String> answer = client.exchange(surface.prefix() + "/task/count", HttpMethod.POST,
          new HttpEntity<>("{}", headers), String.class);
      assertThat(answer.getStatusCode().value()).as(surface + " " + answer.getBody()).isEqualTo(400);
    }
  }

  @Test
  void cockpitListsADefinitionsVersionsWithoutAPageSizeButApiClientsPage() {
    EngineApiClient api = new EngineApiClient(http);
    String versions = "/process-definition?key=directive-task&sortBy=version&sortOrder=desc";
    ResponseEntity<String> cockpit = api.call(Surface.WEBAPP, "auditor", HttpMethod.GET, versions, null);
    assertThat(cockpit.getStatusCode().value()).as(cockpit.getBody()).isEqualTo(200);
    assertThat(cockpit.getBody()).contains("directive-task");
    ResponseEntity<String> client = api.call(Surface.ENGINE_REST, "auditor", HttpMethod.GET, versions, null);
    assertThat(client.getStatusCode().value()).as(client.getBody()).isEqualTo(400);
  }

  @Test
  void anUploadToAForbiddenEndpointIsRefusedBeforeItsBodyIsRead() {
    EngineApiClient api = new EngineApiClient(http);
    String task = mohTask();
    byte[] big = new byte[20 * 1024 * 1024];
    for (Surface surface : Surface.values()) {
      MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("data", new ByteArrayResource(big) {
        @Override
        public String getFilename() {
          return "evidence.pdf";
        }
      });
      parts.add("valueType", "File");
      ResponseEntity<String> answer = api.send(surface, "moh", HttpMethod.POST,
          "/task/" + task + "/variables/evidence1/data", parts, MediaType.MULTIPART_FORM_DATA);
      assertThat(answer.getStatusCode().value()).as(surface + " " + answer.getBody()).isEqualTo(403);
      assertThat(engine.getTaskService().getVariable(task, "evidence1")).isNull();
    }
  }

  @Test
  void thousandsOfVariableNamesAreRefusedBeforeTheEngineSeesThem() {
    // Pen test round 3: 4 million empty variables ({"a":{},"b":{},...}, 43 MB) to a unit's own task cost about
    // 40 times the body in heap before the engine refused them. A form has about 10 variables.
    EngineApiClient api = new EngineApiClient(http);
    String task = mohTask();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      names.append(i == 0 ? "" : ",").append("\"v").append(i).append("\":{}");
    }
    for (Surface surface : Surface.values()) {
      for (String call : List.of("submit-form", "complete")) {
        ResponseEntity<String> answer = api.call(surface, "moh", HttpMethod.POST, "/task/" + task + "/" + call,
            "{\"variables\":{" + names + "}}");
        assertThat(answer.getStatusCode().value()).as(surface + " " + call + " " + answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("Too many fields in variables (at most 100)")
            .contains("v0, v1, v2").contains("v9 and 4990 more (5000 in all)").doesNotContain("v10,");
      }
    }
    var taskService = engine.getTaskService();
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    // Only the card's copies the task was created with (assignment.TasklistCard), none of the request's.
    assertThat(taskService.getVariablesLocal(task)).containsOnlyKeys("reference", "taskKey", "taskTitle");
    // Every object and the whole body are bounded too, not only variables.
    assertThat(EngineApiFirewall.bodyProblem(("{\"sorting\":{" + names + "}}").getBytes(
        java.nio.charset.StandardCharsets.UTF_8), false, true, Integer.MAX_VALUE))
        .contains("Too many fields in sorting");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 3_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"name\":\"x\",\"operator\":\"eq\",\"value\":1,\"x\":2}");
    }
    assertThat(EngineApiFirewall.bodyProblem(("{\"processVariables\":" + many + "]}").getBytes(
        java.nio.charset.StandardCharsets.UTF_8), false, true, Integer.MAX_VALUE)).contains("more than 10000 fields");
    assertThat(EngineApiFirewall.bodyProblem("{\"variables\":{\"a\":{\"value\":1}}}".getBytes(
        java.nio.charset.StandardCharsets.UTF_8), false, false, Integer.MAX_VALUE)).isNull();
  }

  @Test
  void cockpitsOwnApiIsForAuditorsAndAdministrators() {
    EngineApiClient api = new EngineApiClient(http);
    String path = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
    for (String user : List.of("moh", "leader", "secretary")) {
      ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET,
          new HttpEntity<>(EngineApiClient.headers(MediaType.APPLICATION_JSON, api.session(user))), String.class);
      assertThat(answer.getStatusCode().value()).as(user + " " + answer.getBody()).isEqualTo(403);
    }
    for (String user : List.of("auditor", "admin")) {
      ResponseEntity<String> answer = http.exchange(path, HttpMethod.GET,
          new HttpEntity<>(EngineApiClient.headers(MediaType.APPLICATION_JSON, api.session(user))), String.class);
      assertThat(answer.getStatusCode().value()).as(user + " " + answer.getBody()).isNotEqualTo(403);
      assertThat(answer.getStatusCode().is5xxServerError()).isFalse();
    }
  }

  private String mohTask() {
    String directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FIREWALL"),
        "2024-03-01", List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-12-31"))).get("id").asText();
    return engine.getTaskService().createTaskQuery().processInstanceId(directives.processOf(directive, "T01"))
        .taskCandidateGroup("MOH").singleResult().getId();
  }
}

package vn.directivetracker.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** GET /camunda/forms-api/tasks/{taskId}/facts: what Tasklist's forms show, for the caller of a Tasklist session. */
class FormFactsControllerTest extends ApplicationTest {

  static final String FACTS = "/camunda/forms-api/tasks/%s/facts";

  @Test
  void aUnitSeesTheFullFactsOfItsOwnTaskFromItsTasklistSession() {
    // Longer than a Camunda String variable (4,000 characters), which the facts used to be cut to.
    String description = "Rà soát, làm sạch dữ liệu tiêm chủng. ".repeat(150);
    Map<String, Object> t = DirectiveFixtures.task("T07", "HEALTH", "2026-12-31");
    t.put("description", description);
    t.put("coordinatingUnits", List.of("MPS"));
    String reference = DirectiveFixtures.uniqueReference("FACTS");
    JsonNode directive = directives.issue("leader", "P06WG", reference, "2026-11-02", List.of(t));
    Task work = carryOut(directive);

    ResponseEntity<String> answer = get(work.getId(), login("moh"));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode facts = DirectiveFixtures.read(answer.getBody());
    assertThat(facts.get("reference").asText()).isEqualTo(reference);
    assertThat(facts.get("issuerName").asText()).endsWith("(P06WG)");
    assertThat(facts.get("issuedOn").asText()).isEqualTo("2026-11-02");
    assertThat(facts.get("taskKey").asText()).isEqualTo("T07");
    assertThat(facts.get("taskTitle").asText()).isEqualTo("Nhiệm vụ T07 (HEALTH)");
    assertThat(facts.get("taskDescription").asText()).hasSizeGreaterThan(4000).isEqualTo(description);
    assertThat(facts.get("expectedResult").asText()).isEqualTo("Báo cáo kết quả");
    assertThat(facts.get("deadline").asText()).isEqualTo("2026-12-31");
    assertThat(facts.get("leadUnit").asText()).isEqualTo("MOH");
    assertThat(facts.get("leadUnitName").asText()).isEqualTo("Bộ Y tế");
    assertThat(facts.get("coordinatingUnitNames").asText()).endsWith("(MPS)");
    // Nothing of it is a process variable any more, but the task list's card still shows these three.
    assertThat(engine.getTaskService().getVariables(work.getId()).keySet())
        .contains("reference", "taskKey", "taskTitle")
        .doesNotContain("issuerName", "taskDescription", "expectedResult", "deadline", "issuedOn", "leadUnitName",
            "coordinatingUnitNames", "coordinatingUnitCount", "directiveId");
  }

  @Test
  void withoutATasklistSessionTheCallerIsAskedToLogIn() {
    Task work = carryOut(directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FACTS"), "2026-11-02",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2026-12-31"))));

    assertThat(http.getForEntity(String.format(FACTS, work.getId()), String.class).getStatusCode().value())
        .isEqualTo(401);
    // The basic credentials of /api are not a Tasklist session.
    ResponseEntity<String> basic = http.withBasicAuth("moh", "demo").getForEntity(String.format(FACTS, work.getId()),
        String.class);
    assertThat(basic.getStatusCode().value()).isEqualTo(401);
    assertThat(basic.getBody()).contains("log in to Tasklist first");
  }

  @Test
  void anotherUnitsTaskAndAnUnknownTaskAreNotFound() {
    Task work = carryOut(directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FACTS"), "2026-11-02",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2026-12-31"))));
    String mojSession = login("moj");

    assertThat(get(work.getId(), mojSession).getStatusCode().value()).as("MOJ may not see MOH's task").isEqualTo(404);
    assertThat(get("no-such-task", mojSession).getStatusCode().value()).isEqualTo(404);
    assertThat(get(work.getId(), login("moh")).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aUserRemovedFromTheUnitLosesTheFactsOnceTheSessionIsCheckedAgain() {
    clockAt("2026-11-20T09:00");
    Task work = carryOut(directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FACTS"), "2026-11-20",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2026-12-31"))));
    IdentityService identity = engine.getIdentityService();
    String id = "moh" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, "MOH");
    try {
      String session = login(id);
      assertThat(get(work.getId(), session).getStatusCode().value()).isEqualTo(200);

      identity.deleteMembership(id, "MOH");
      // Within the session's check interval (camunda.bpm.webapp.auth.cache.time-to-live, 5 minutes) its groups
      // stand, as in Tasklist itself; after it they are read again.
      clockAt("2026-11-20T09:03");
      assertThat(get(work.getId(), session).getStatusCode().value()).isEqualTo(200);
      clockAt("2026-11-20T09:06");
      assertThat(get(work.getId(), session).getStatusCode().value()).as("no longer in MOH").isEqualTo(404);

      identity.deleteUser(id);
      clockAt("2026-11-20T09:12");
      assertThat(get(work.getId(), session).getStatusCode().value()).as("no longer a user").isEqualTo(401);
    } finally {
      if (identity.createUserQuery().userId(id).count() > 0) {
        identity.deleteUser(id);
      }
    }
  }

  private Task carryOut(JsonNode directive) {
    String processInstanceId = directives.processOf(directive.get("id").asText(),
        directive.get("tasks").get(0).get("key").asText());
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
  }

  private ResponseEntity<String> get(String taskId, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.exchange(String.format(FACTS, taskId), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Logs in to Tasklist as a demo user, as the browser does (CSRF token first); the session's id. */
  private String login(String user) {
    return TasklistSession.login(http, user);
  }
}

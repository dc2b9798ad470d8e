package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient;
import vn.directivetracker.EngineApiClient.Surface;

/**
 * What an officer needs in Tasklist and no more, over both engine API surfaces: the cards' variables through
 * the unit's filter (only the three shown, only for the unit's tasks), the task's name that says which task
 * it is, releasing one's own claim (not a colleague's), and a returned report coming back to the officer who
 * submitted it.
 */
class UnitTaskRightsTest extends ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEPUTY = "mohdeputy";

  private EngineApiClient api() {
    return new EngineApiClient(http);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void theUnitsFilterShowsTheCardsVariablesOfItsOwnTasksOnly(Surface surface) throws Exception {
    IssuedTask issued = issueOneTask("CARDS", "2024-03-01", DirectiveFixtures.task("T07", "HEALTH", "2024-12-31"));
    String carryOut = carryOut(issued.process().getId());
    assertThat(engine.getTaskService().createTaskQuery().taskId(carryOut).singleResult().getName())
        .startsWith("T07 · ");

    String filter = filterId(surface, "moh", "Việc của đơn vị / My unit's tasks");
    JsonNode card = cardOf(surface, "moh", filter, carryOut);
    assertThat(card).as("MOH's card of its task").isNotNull();
    Map<String, String> variables = new HashMap<>();
    card.path("_embedded").path("variable")
        .forEach(v -> variables.put(v.get("name").asText(), v.get("value").asText()));
    assertThat(variables).containsOnlyKeys("reference", "taskKey", "taskTitle");
    assertThat(variables.get("reference")).isEqualTo(issued.reference());
    assertThat(variables.get("taskKey")).isEqualTo("T07");

    // The instance's other variables stay closed to the unit: only the task's own copies are readable.
    ResponseEntity<String> instanceVariables = api().call(surface, "moh", HttpMethod.GET,
        "/variable-instance?processInstanceIdIn=" + issued.process().getId() + "&maxResults=100", null);
    assertThat(instanceVariables.getStatusCode().value()).isEqualTo(403);

    // MOJ's own filter does not list MOH's task at all.
    String mojFilter = filterId(surface, "moj", "Việc của đơn vị / My unit's tasks");
    assertThat(cardOf(surface, "moj", mojFilter, carryOut)).isNull();
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void anOfficerReleasesOwnClaimButNotAColleagues(Surface surface) {
    deputy();
    IssuedTask issued = issueOneTask("UNCLAIM", "2024-03-01", DirectiveFixtures.task("T01", "HEALTH", "2024-12-31"));
    String task = carryOut(issued.process().getId());

    assertThat(status(api().call(surface, "moh", HttpMethod.POST, "/task/" + task + "/claim", "{\"userId\":\"moh\"}")))
        .isEqualTo(204);
    assertThat(status(api().call(surface, DEPUTY, HttpMethod.POST, "/task/" + task + "/unclaim", null)))
        .as("a colleague may not take it from moh").isEqualTo(403);
    assertThat(assignee(task)).isEqualTo("moh");
    assertThat(status(api().call(surface, "moj", HttpMethod.POST, "/task/" + task + "/unclaim", null)))
        .as("another unit may not either").isIn(403, 404);
    assertThat(assignee(task)).isEqualTo("moh");

    assertThat(status(api().call(surface, "moh", HttpMethod.POST, "/task/" + task + "/unclaim", null))).isEqualTo(204);
    assertThat(assignee(task)).isNull();
    // Releasing grants nothing beyond: assigning to someone else is still refused.
    assertThat(status(api().call(surface, "moh", HttpMethod.POST, "/task/" + task + "/assignee",
        "{\"userId\":\"" + DEPUTY + "\"}"))).isEqualTo(403);
    assertThat(status(api().call(surface, DEPUTY, HttpMethod.POST, "/task/" + task + "/claim",
        "{\"userId\":\"" + DEPUTY + "\"}"))).as("the unit's task is free again").isEqualTo(204);
  }

  @Test
  void aReturnedReportGoesBackToTheOfficerWhoSubmittedIt() {
    deputy();
    IssuedTask issued = issueOneTask("RETURNED", "2024-03-01", DirectiveFixtures.task("T02", "HEALTH", "2024-12-31"));
    String pi = issued.process().getId();
    submitAs(DEPUTY, carryOut(pi));
    returnReport(pi);
    Task again = engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    assertThat(again.getAssignee()).isEqualTo(DEPUTY);
    assertThat(status(api().call(Surface.WEBAPP, DEPUTY, HttpMethod.GET, "/task/" + again.getId(), null)))
        .isEqualTo(200);

    // An officer who has left the unit since gets nothing back: the task goes to the unit unclaimed.
    submitAs(DEPUTY, again.getId());
    engine.getIdentityService().deleteMembership(DEPUTY, "MOH");
    try {
      returnReport(pi);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .taskDefinitionKey("UserTask_CarryOut").singleResult().getAssignee()).isNull();
    } finally {
      engine.getIdentityService().createMembership(DEPUTY, "MOH");
    }
  }

  private void submitAs(String user, String taskId) {
    assertThat(status(api().call(Surface.ENGINE_REST, user, HttpMethod.POST, "/task/" + taskId + "/claim",
        "{\"userId\":\"" + user + "\"}"))).isEqualTo(204);
    ResponseEntity<String> done = api().call(Surface.ENGINE_REST, user, HttpMethod.POST, "/task/" + taskId
        + "/complete", "{\"variables\":{\"reportResult\":{\"value\":\"Đã xong\"},"
        + "\"completionDate\":{\"value\":\"2024-03-05\"}}}");
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  private void returnReport(String pi) {
    String review = engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("UserTask_ReviewReport").singleResult().getId();
    ResponseEntity<String> returned = api().call(Surface.ENGINE_REST, "secretary", HttpMethod.POST,
        "/task/" + review + "/complete", "{\"variables\":{\"reportAccepted\":{\"value\":false},"
            + "\"reviewComment\":{\"value\":\"Thiếu số liệu\"}}}");
    assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(204);
  }

  private void deputy() {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(DEPUTY).count() == 0) {
      User user = identity.newUser(DEPUTY);
      user.setFirstName("Phó");
      user.setLastName("Bộ Y tế");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(DEPUTY, "MOH");
    }
  }

  private String assignee(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private String carryOut(String pi) {
    TaskService tasks = engine.getTaskService();
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("UserTask_CarryOut").singleResult()
        .getId();
  }

  private String filterId(Surface surface, String user, String name) throws Exception {
    ResponseEntity<String> list = api().call(surface, user, HttpMethod.GET,
        "/filter?resourceType=Task&firstResult=0&maxResults=2000", null);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    for (JsonNode filter : JSON.readTree(list.getBody())) {
      if (name.equals(filter.get("name").asText())) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + name + " for " + user);
  }

  /** The task as Tasklist lists it through the filter (HAL, with the filter's variables), or null. */
  private JsonNode cardOf(Surface surface, String user, String filter, String taskId) throws Exception {
    // Tasklist asks for HAL: only that answer embeds the filter's variables.
    String path = surface.prefix() + "/filter/" + filter + "/list?firstResult=0&maxResults=2000";
    HttpHeaders headers = EngineApiClient.headers(MediaType.APPLICATION_JSON,
        surface == Surface.WEBAPP ? api().session(user) : null);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    TestRestTemplate client = surface == Surface.WEBAPP ? http : http.withBasicAuth(user, "demo");
    ResponseEntity<String> page = client.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers),
        String.class);
    assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
    for (JsonNode task : JSON.readTree(page.getBody()).path("_embedded").path("task")) {
      if (taskId.equals(task.get("id").asText())) {
        return task;
      }
    }
    return null;
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }
}

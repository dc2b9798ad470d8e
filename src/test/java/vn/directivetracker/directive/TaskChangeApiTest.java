package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * The three ways a running task changes, over HTTP, for good and bad input and for the wrong caller:
 * {@code PATCH /api/directives/{id}/tasks/{key}}, {@code POST /api/tasks/{taskId}/extension-request},
 * {@code POST /api/tasks/{taskId}/subtasks}. A refused change stores nothing.
 */
class TaskChangeApiTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;
  TaskChangeFixtures changes;
  String directiveId;
  String taskId;

  @BeforeEach
  void aRunningTask() {
    clockAt("2024-01-10T09:00");
    directives = new DirectiveFixtures(http, jdbc);
    changes = new TaskChangeFixtures(http, engine);
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "HEALTH", "2024-02-28", "MPS");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("CHANGE-API"),
        "2024-01-10", List.of(t01, DirectiveFixtures.task("T02", "LAND", "2024-02-28")));
    directiveId = issued.get("id").asText();
    taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
  }

  static Stream<Arguments> badAmendments() {
    return Stream.of(
        Arguments.of("no reason", Map.of("deadline", "2024-03-31"), List.of("reason")),
        Arguments.of("blank reason", Map.of("deadline", "2024-03-31", "reason", "  "), List.of("reason")),
        Arguments.of("nothing to amend", Map.of("reason", "vì"), List.of("")),
        Arguments.of("no deadline's words", Map.of("deadline", "sớm nhất có thể", "reason", "vì"), List.of("deadline")),
        Arguments.of("words before the notice", Map.of("deadline", "quý IV/2023", "reason", "vì"), List.of("deadline")),
        Arguments.of("before the notice", Map.of("deadline", "2023-12-31", "reason", "vì"), List.of("deadline")),
        Arguments.of("unknown lead", Map.of("leadUnit", "MOX", "reason", "vì"), List.of("leadUnit")),
        Arguments.of("lead removed", nullValue("leadUnit"), List.of("leadUnit")),
        Arguments.of("lead also coordinating", Map.of("leadUnit", "MPS", "reason", "vì"), List.of("leadUnit")),
        Arguments.of("coordinating the lead", Map.of("coordinatingUnits", List.of("MOH"), "reason", "vì"),
            List.of("coordinatingUnits[0]")),
        Arguments.of("coordinating twice", Map.of("coordinatingUnits", List.of("MOF", "MOF"), "reason", "vì"),
            List.of("coordinatingUnits[1]")),
        Arguments.of("coordinating null", nullValue("coordinatingUnits"), List.of("coordinatingUnits")),
        Arguments.of("key null", nullValue("keyTask"), List.of("keyTask")),
        Arguments.of("unknown field", Map.of("title", "Khác", "reason", "vì"), List.of("title")),
        Arguments.of("several at once", Map.of("deadline", "2023-01-01", "leadUnit", "MOX"),
            List.of("deadline", "leadUnit", "reason")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAmendments")
  void aBadAmendmentIsRefusedNamingEachFieldAndChangesNothing(String name, Map<String, Object> body,
      List<String> fields) {
    ResponseEntity<String> response = changes.amend("leader", directiveId, "T01", body);
    assertProblem(response, 400);
    List<String> named = new ArrayList<>();
    DirectiveFixtures.read(response.getBody()).get("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
    assertThat(jdbc.queryForObject("select count(*) from dt_amendment where task_id = ?", Integer.class, taskId)).isZero();
    assertThat(jdbc.queryForObject("select deadline from dt_task where id = ?", java.sql.Date.class, taskId))
        .hasToString("2024-02-28");
  }

  @Test
  void onlyTheIssuerAmendsAndOnlyOpenTasksOfDirectivesTheCallerMaySee() {
    Map<String, Object> body = Map.of("keyTask", true, "reason", "Trọng tâm");
    assertProblem(changes.amend("moh", directiveId, "T01", body), 403);
    assertProblem(changes.amend("secretary", directiveId, "T01", body), 403);
    assertProblem(changes.amend("auditor", directiveId, "T01", body), 403);
    assertProblem(changes.amend("haiphongwg", directiveId, "T01", body), 404);
    assertProblem(changes.amend("leader", "no-such-directive", "T01", body), 404);
    assertProblem(changes.amend("leader", directiveId, "T99", body), 404);
    assertThat(http.exchange("/api/directives/" + directiveId + "/tasks/T01", HttpMethod.PATCH,
        new org.springframework.http.HttpEntity<>("{}", jsonHeaders()), String.class).getStatusCode().value())
        .isEqualTo(401);

    assertThat(directives.post("leader", "/api/directives/" + directiveId + "/tasks/T02/withdrawal",
        Map.of("reason", "Gộp")).getStatusCode().value()).isEqualTo(200);
    assertProblem(changes.amend("leader", directiveId, "T02", body), 409);

    ResponseEntity<String> ok = changes.amend("leader", directiveId, "T01", body);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(DirectiveFixtures.taskOf(DirectiveFixtures.read(ok.getBody()), "T01").get("keyTask").asBoolean()).isTrue();
    // The same amendment again changes nothing and records nothing more.
    assertThat(changes.amend("leader", directiveId, "T01", body).getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from dt_amendment where task_id = ?", Integer.class, taskId)).isOne();
  }

  @Test
  void aDeadlineIsAmendedAsANoticeWordsItAndTheWordsAreKeptUntilADayReplacesThem() {
    ResponseEntity<String> quarter = changes.amend("leader", directiveId, "T01",
        Map.of("deadline", "quý II/2024", "reason", "Thông báo 52/TB-VPCP"));
    assertThat(quarter.getStatusCode().value()).isEqualTo(200);
    JsonNode t01 = DirectiveFixtures.taskOf(DirectiveFixtures.read(quarter.getBody()), "T01");
    assertThat(t01.get("deadline").asText()).isEqualTo("2024-06-30");
    assertThat(t01.get("deadlineAsWritten").asText()).isEqualTo("quý II/2024");
    assertThat(jdbc.queryForObject("select new_value from dt_amendment where task_id = ? and field = 'deadline'",
        String.class, taskId)).isEqualTo("2024-06-30");

    ResponseEntity<String> unread = changes.amend("leader", directiveId, "T01",
        Map.of("deadline", "sớm nhất có thể", "reason", "vì"));
    assertProblem(unread, 400);
    assertThat(DirectiveFixtures.read(unread.getBody()).at("/errors/0/message").asText())
        .startsWith("không hiểu thời hạn 'sớm nhất có thể'");

    ResponseEntity<String> day = changes.amend("leader", directiveId, "T01",
        Map.of("deadline", "2024-05-31", "reason", "Thông báo 60/TB-VPCP"));
    t01 = DirectiveFixtures.taskOf(DirectiveFixtures.read(day.getBody()), "T01");
    assertThat(t01.get("deadline").asText()).isEqualTo("2024-05-31");
    assertThat(t01.path("deadlineAsWritten").isMissingNode() || t01.get("deadlineAsWritten").isNull())
        .as("no stale words beside the new day: " + t01).isTrue();
  }

  @Test
  void anExtensionRequestComesFromTheLeadForALaterDateWithAReasonOnceAtATime() {
    assertProblem(extension("mps", taskId, Map.of("deadline", "2024-03-31", "reason", "vì")), 403);
    assertProblem(extension("leader", taskId, Map.of("deadline", "2024-03-31", "reason", "vì")), 403);
    assertProblem(extension("moh", "no-such-task", Map.of("deadline", "2024-03-31", "reason", "vì")), 404);
    assertFields(extension("moh", taskId, Map.of("deadline", "2024-02-28", "reason", " ")), "deadline", "reason");
    assertFields(extension("moh", taskId, Map.of("reason", "vì")), "deadline");
    assertFields(extension("moh", taskId, Map.of("deadline", "tomorrow", "reason", "vì")), "deadline");
    assertFields(extension("moh", taskId, Map.of("deadline", "2024-03-31", "reason", "vì", "extra", 1)), "extra");
    assertThat(jdbc.queryForObject("select count(*) from dt_extension where task_id = ?", Integer.class, taskId)).isZero();

    ResponseEntity<String> created = extension("moh", taskId, Map.of("deadline", "2024-03-31", "reason", "Chờ VSS"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode body = DirectiveFixtures.read(created.getBody());
    assertThat(body.get("requestedDeadline").asText()).isEqualTo("2024-03-31");
    assertThat(body.get("currentDeadline").asText()).isEqualTo("2024-02-28");
    assertThat(body.get("requestedBy").asText()).isEqualTo("moh");
    assertProblem(extension("moh", taskId, Map.of("deadline", "2024-04-30", "reason", "Lần hai")), 409);

    String withdrawn = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T02")
        .get("id").asText();
    directives.post("leader", "/api/directives/" + directiveId + "/tasks/T02/withdrawal", Map.of("reason", "Gộp"));
    assertProblem(extension("mae", withdrawn, Map.of("deadline", "2024-04-30", "reason", "vì")), 409);
  }

  @Test
  void onlyAProvinceOrMinistryLeadSplitsItsOpenTaskWithSubTasksWithinItsDeadline() {
    Map<String, Object> s1 = new LinkedHashMap<>(Map.of("key", "S1", "title", "Phần của Cục", "domain", "HEALTH",
        "deadline", "2024-02-15", "leadUnit", "HAIPHONGDOH"));
    assertProblem(subtasks("mps", taskId, "CV-1", List.of(s1)), 403);
    assertProblem(subtasks("moh", "no-such-task", "CV-1", List.of(s1)), 404);
    // MOH is a ministry: HAIPHONGDOH (a provincial department of its sector) may lead; a deadline after
    // the parent's, a missing lead and a missing reference are refused together.
    Map<String, Object> s2 = new LinkedHashMap<>(Map.of("key", "S2", "title", "Phần khác", "domain", "HEALTH",
        "deadline", "2024-03-15"));
    assertFields(subtasks("moh", taskId, null, List.of(s1, s2)), "reference", "tasks[1].deadline", "tasks[1].leadUnit");
    assertFields(subtasks("moh", taskId, "CV-1", List.of()), "tasks");
    Map<String, Object> withProvince = new LinkedHashMap<>(s1);
    withProvince.put("province", "HAIPHONG");
    assertFields(subtasks("moh", taskId, "CV-1", List.of(withProvince)), "tasks[0].province");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where parent_task_id = ?", Integer.class, taskId))
        .isZero();

    String ref = DirectiveFixtures.uniqueReference("CV-BYT");
    ResponseEntity<String> created = subtasks("moh", taskId, ref, List.of(s1));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode sub = DirectiveFixtures.read(created.getBody());
    assertProblem(subtasks("moh", taskId, ref, List.of(s1)), 409);

    // A department leading a sub-task does not split it further.
    String s1Id = DirectiveFixtures.taskOf(sub, "S1").get("id").asText();
    Map<String, Object> deeper = new LinkedHashMap<>(s1);
    deeper.put("deadline", "2024-02-10");
    assertProblem(subtasks("haiphongdoh", s1Id, DirectiveFixtures.uniqueReference("X"), List.of(deeper)), 409);
    // The sub-directive's lead sees it; the ministry that issued it sees the whole.
    assertThat(directives.get("haiphongdoh", "/api/directives/" + sub.get("id").asText()).get("issuer").asText())
        .isEqualTo("MOH");
    assertThat(directives.get("moh", "/api/directives/" + sub.get("id").asText()).get("tasks")).hasSize(1);

    // A sub-task may name its lead as the ministry's letters do, by a department's name before 2025: the name
    // is read as today's unit and kept as written, as for an issued task.
    Map<String, Object> byOldName = new LinkedHashMap<>(s1);
    byOldName.put("key", "S3");
    byOldName.put("leadUnit", "Sở Y tế tỉnh Hải Dương");
    ResponseEntity<String> named = subtasks("moh", taskId, DirectiveFixtures.uniqueReference("CV-BYT"),
        List.of(byOldName));
    assertThat(named.getStatusCode().value()).as(named.getBody()).isEqualTo(201);
    JsonNode s3 = DirectiveFixtures.taskOf(DirectiveFixtures.read(named.getBody()), "S3");
    assertThat(s3.get("leadUnit").asText()).isEqualTo("HAIPHONGDOH");
    assertThat(s3.get("leadUnitAsWritten").asText()).isEqualTo("Sở Y tế tỉnh Hải Dương");
    Map<String, Object> nullCoordinating = new LinkedHashMap<>(s1);
    nullCoordinating.put("coordinatingUnits", java.util.Arrays.asList((String) null));
    assertProblem(subtasks("moh", taskId, DirectiveFixtures.uniqueReference("CV-BYT"), List.of(nullCoordinating)), 400);
  }

  private ResponseEntity<String> extension(String user, String task, Map<String, Object> body) {
    return changes.send(user, HttpMethod.POST, "/api/tasks/" + task + "/extension-request", body);
  }

  private ResponseEntity<String> subtasks(String user, String task, String reference, List<Map<String, Object>> rows) {
    Map<String, Object> body = new HashMap<>();
    body.put("reference", reference);
    body.put("tasks", rows);
    return changes.send(user, HttpMethod.POST, "/api/tasks/" + task + "/subtasks", body);
  }

  private static Map<String, Object> nullValue(String field) {
    Map<String, Object> body = new HashMap<>();
    body.put(field, null);
    body.put("reason", "vì");
    return body;
  }

  private static void assertFields(ResponseEntity<String> response, String... fields) {
    assertProblem(response, 400);
    List<String> named = new ArrayList<>();
    DirectiveFixtures.read(response.getBody()).get("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).containsExactlyInAnyOrder(fields);
  }

  private static void assertProblem(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  private static org.springframework.http.HttpHeaders jsonHeaders() {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}

package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The main journey of a directive, run once with the engine tunings on (the shared test context) and once
 * with all of them off ({@code directive.engine.tuning=false}, a context of its own): issuing with the lead
 * decided by DMN, a contribution, a report returned and resubmitted, an acceptance, and an overdue task
 * escalated by the sweep. Both runs must give the same statuses, escalations, notices and audit trail,
 * the ones written here: a tuning changes how fast, never what.
 */
abstract class TuningScenario extends ApplicationTest {

  /** What the journey leaves behind, the same with and without the tunings. */
  static final Map<String, Object> EXPECTED = expected();

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theJourneyGivesTheSameResults() {
    assertThat(journey()).isEqualTo(EXPECTED);
  }

  private Map<String, Object> journey() {
    clockAt("2024-03-01T09:00");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "HEALTH", "2024-03-29");
    t01.put("coordinatingUnits", List.of("MPS"));
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("TUNING"), "2024-03-01",
        List.of(t01, DirectiveFixtures.task("T02", "CIVIL_STATUS", "2024-03-08")));
    String id = issued.get("id").asText();
    String t01Process = directives.processOf(id, "T01");

    complete("mps", task(t01Process, "MPS"), "{\"variables\":{\"contribution\":{\"value\":\"Ý kiến phối hợp\"}}}");
    clockAt("2024-03-06T09:00");
    complete("moh", task(t01Process, "MOH"), report("2024-03-05"));
    complete("secretary", task(t01Process, "P06WGSEC"),
        "{\"variables\":{\"reportAccepted\":{\"value\":false},\"reviewComment\":{\"value\":\"Bổ sung số liệu\"}}}");
    complete("moh", task(t01Process, "MOH"), report("2024-03-06"));
    complete("secretary", task(t01Process, "P06WGSEC"), "{\"variables\":{\"reportAccepted\":{\"value\":true}}}");

    clockAt("2024-03-15T09:00");
    runDueJobs(directives.processesOf(id));

    Map<String, Object> result = new TreeMap<>();
    JsonNode view = directives.get("leader", "/api/directives/" + id);
    for (JsonNode task : view.get("tasks")) {
      result.put(task.get("key").asText(), task.get("leadUnit").asText() + " by " + task.get("leadDecidedBy").asText()
          + ", " + task.get("status").asText() + ", completed " + task.path("completedOn").asText("-")
          + ", escalation " + task.get("escalationLevel").asInt());
    }
    result.put("notices", jdbc.queryForList("select n.event || ' ' || t.task_key from dt_notification n"
        + " join dt_task t on t.id = n.task_id where t.directive_id = ? order by 1", String.class, id));
    List<String> events = new ArrayList<>();
    for (JsonNode event : directives.get("auditor", "/api/audit/directives/" + id).get("events")) {
      events.add(event.get("type").asText() + " " + event.path("unit").asText("-"));
    }
    events.sort(null); // events of the same moment come in either order
    result.put("audit", events);
    return result;
  }

  private void complete(String user, String taskId, String body) {
    var answer = new TaskHttp(http).complete(user, taskId, body);
    assertThat(answer.getStatusCode().value()).as("%s completes %s: %s", user, taskId, answer.getBody())
        .isEqualTo(204);
  }

  private static String report(String completionDate) {
    return "{\"variables\":{\"reportResult\":{\"value\":\"Đã hoàn thành\"},\"completionDate\":{\"value\":\""
        + completionDate + "\"}}}";
  }

  private String task(String processInstanceId, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskCandidateGroup(group).includeAssignedTasks().singleResult().getId();
  }

  private static Map<String, Object> expected() {
    Map<String, Object> expected = new TreeMap<>();
    expected.put("T01", "MOH by DMN, COMPLETED_ON_TIME, completed 2024-03-06, escalation 0");
    expected.put("T02", "MOJ by DMN, OVERDUE, completed -, escalation 2");
    expected.put("notices", List.of("ACCEPTED T01",
        "ASSIGNED T01",
        "ASSIGNED T02",
        "CONTRIBUTION_REQUESTED T01",
        "ESCALATION T02",
        "ESCALATION T02",
        "ESCALATION T02",
        "RETURNED T01",
        "REVIEW_REQUESTED T01",
        "REVIEW_REQUESTED T01"));
    expected.put("audit", List.of("accepted P06WGSEC",
        "assigned MOH",
        "assigned MOH",
        "assigned MOJ",
        "assigned MOJ",
        "assigned MPS",
        "assigned P06WGSEC",
        "assigned P06WGSEC",
        "completed MOH",
        "decision taken MOH",
        "decision taken MOJ",
        "escalation MOJ",
        "issued P06WG",
        "notification MOH",
        "notification MOH",
        "notification MOH,MPS",
        "notification MOJ",
        "notification MOJ",
        "notification MPS",
        "notification P06WG",
        "notification P06WGSEC",
        "notification P06WGSEC",
        "notification P06WGSEC",
        "report MOH",
        "report MOH",
        "report MPS",
        "returned P06WGSEC"));
    return expected;
  }

  /** Completes a task over /engine-rest as a demo user. */
  private record TaskHttp(org.springframework.boot.test.web.client.TestRestTemplate http) {
    org.springframework.http.ResponseEntity<String> complete(String user, String taskId, String body) {
      var headers = new org.springframework.http.HttpHeaders();
      headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
      return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
          new org.springframework.http.HttpEntity<>(body, headers), String.class);
    }
  }
}

package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Auditors read everything and change nothing: every write they try, through our API or the engine's,
 * is refused, while the audit trail and the engine's history answer them.
 */
class AuditorReadOnlyTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theAuditorReadsEverythingAndChangesNothing() {
    DirectiveFixtures directives = new DirectiveFixtures(http, jdbc);
    clockAt("2024-05-06T09:00");
    String reference = DirectiveFixtures.uniqueReference("AUDITOR");
    JsonNode issued = directives.issue("leader", "P06WG", reference, "2024-05-06",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-28")));
    String directiveId = issued.get("id").asText();
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    String pi = directives.processOf(directiveId, "T01");
    String userTask = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();

    // Our API: issuing is for members of the issuer, withdrawing too.
    Map<String, Object> notice = Map.of("reference", DirectiveFixtures.uniqueReference("AUDITOR-NEW"),
        "issuedOn", "2024-05-06", "issuer", "P06WG", "title", "Không được phép",
        "tasks", List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-28")));
    assertThat(directives.post("auditor", "/api/directives", notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(directives.post("auditor", "/api/directives/" + directiveId + "/tasks/T01/withdrawal",
        Map.of("reason", "kiểm tra")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(directives.post("auditor", "/api/directives/" + directiveId + "/withdrawal",
        Map.of("reason", "kiểm tra")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // The engine's API: the auditor may READ the task (grant on TASK), so it is found and the
    // engine refuses the change itself with an AuthorizationException, which /engine-rest answers 403.
    assertThat(engineRest("auditor", HttpMethod.GET, "/engine-rest/task/" + userTask, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(engineRest("auditor", HttpMethod.POST, "/engine-rest/task/" + userTask + "/claim",
        "{\"userId\": \"auditor\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest("auditor", HttpMethod.POST, "/engine-rest/task/" + userTask + "/complete",
        "{\"variables\": {\"reportResult\": {\"value\": \"x\"}, \"completionDate\": {\"value\": \"2024-05-06\"}}}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest("auditor", HttpMethod.POST, "/engine-rest/task/" + userTask + "/variables/reportResult",
        null).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(engineRest("auditor", HttpMethod.PUT, "/engine-rest/task/" + userTask + "/variables/note",
        "{\"value\": \"x\", \"type\": \"String\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest("auditor", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRest("auditor", HttpMethod.POST, "/engine-rest/process-definition/key/directive/start",
        "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engine.getTaskService().createTaskQuery().taskId(userTask).singleResult().getAssignee()).isNull();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).isOne();

    // Reading: our audit trail and the engine's history.
    assertThat(engineRest("auditor", HttpMethod.GET, "/api/audit/tasks/" + taskId, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(engineRest("auditor", HttpMethod.GET, "/api/audit/directives/" + directiveId, null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    for (String history : List.of("process-instance?processInstanceId=" + pi, "activity-instance?processInstanceId=" + pi,
        "task?processInstanceId=" + pi, "variable-instance?processInstanceId=" + pi,
        "decision-instance?processInstanceId=" + pi + "&includeInputs=true&includeOutputs=true",
        "identity-link-log?taskId=" + userTask)) {
      ResponseEntity<String> r = engineRest("auditor", HttpMethod.GET, "/engine-rest/history/" + history
          + "&maxResults=100", null);
      assertThat(r.getStatusCode()).as(history).isEqualTo(HttpStatus.OK);
      assertThat(DirectiveFixtures.read(r.getBody()).size()).as(history).isPositive();
    }
    assertThat(engineRest("auditor", HttpMethod.GET, "/engine-rest/history/user-operation?processInstanceId="
        + directives.processesOf(directiveId).get(1) + "&maxResults=100", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // A unit does not read history through the engine: the allow-list refuses the call (and it has no
    // READ_HISTORY either).
    ResponseEntity<String> unit = engineRest("moh", HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceId="
        + pi + "&maxResults=100", null);
    assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<String> engineRest(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}

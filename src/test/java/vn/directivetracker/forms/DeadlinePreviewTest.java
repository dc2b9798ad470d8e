package vn.directivetracker.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** GET /camunda/forms-api/deadlines: the start form's preview of the day a written deadline means. */
class DeadlinePreviewTest extends ApplicationTest {

  @Test
  void aTasklistUserSeesTheDayTheWordsMean() {
    String session = TasklistSession.login(http, "leader");

    ResponseEntity<String> answer = preview("trong quý I/2024", "2024-01-10", session);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode day = DirectiveFixtures.read(answer.getBody());
    assertThat(day.get("deadline").asText()).isEqualTo("2024-03-31");
    assertThat(day.get("asWritten").asText()).isEqualTo("trong quý I/2024");
    assertThat(day.get("form").asText()).isEqualTo("QUARTER");
    assertThat(DirectiveFixtures.read(preview("", "2024-01-10", session).getBody()).has("deadline")).isFalse();
  }

  @Test
  void wordsThatAreNoDeadlineGetTheRefusalIssuingWouldGiveAndBadQuestionsA400() {
    String session = TasklistSession.login(http, "leader");

    ResponseEntity<String> notADeadline = preview("khi nào xong", "2024-01-10", session);
    assertThat(notADeadline.getStatusCode().value()).isEqualTo(200);
    JsonNode answer = DirectiveFixtures.read(notADeadline.getBody());
    assertThat(answer.has("deadline")).isFalse();
    assertThat(answer.get("problem").asText()).contains("'khi nào xong'", "not understood");
    assertThat(preview("quý I/2024", "10/01/2024", session).getStatusCode().value()).isEqualTo(400);
    assertThat(preview("x".repeat(201), "2024-01-10", session).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void withoutATasklistSessionTheCallerIsAskedToLogIn() {
    java.net.URI url = url("quý I/2024", "2024-01-10");
    assertThat(http.getForEntity(url, String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.withBasicAuth("leader", "demo").getForEntity(url, String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void theFormsFactsGiveTheDeadlineAsWrittenAndTheTarget() {
    clockAt("2024-01-10T09:00");
    java.util.Map<String, Object> t = DirectiveFixtures.task("T1", "HEALTH", "trong quý I/2024");
    t.put("target", java.util.Map.of("measure", "Người nhận chi trả không dùng tiền mặt", "unit", "%", "value", 90));
    JsonNode directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FACTSW"),
        "2024-01-10", List.of(t, DirectiveFixtures.task("T2", "HEALTH", "2024-03-31")));
    String session = TasklistSession.login(http, "moh");

    JsonNode facts = facts(carryOut(directive, "T1"), session);
    assertThat(facts.get("deadline").asText()).isEqualTo("2024-03-31");
    assertThat(facts.get("deadlineAsWritten").asText()).isEqualTo("trong quý I/2024");
    assertThat(facts.get("target").get("measure").asText()).isEqualTo("Người nhận chi trả không dùng tiền mặt");
    assertThat(facts.get("target").get("baseline").asText()).isEqualTo("0");
    assertThat(facts.get("target").get("value").asText()).isEqualTo("90");
    assertThat(facts.get("target").has("reached")).as("nothing reported yet").isFalse();
    // Written as the date it is, the words add nothing: not shown twice.
    JsonNode plain = facts(carryOut(directive, "T2"), session);
    assertThat(plain.has("deadlineAsWritten")).isFalse();
    assertThat(plain.has("target")).isFalse();
  }

  private String carryOut(JsonNode directive, String key) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceId(directives.processOf(directive.get("id").asText(), key))
        .taskDefinitionKey("UserTask_CarryOut").singleResult().getId();
  }

  private JsonNode facts(String taskId, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    ResponseEntity<String> answer = http.exchange(String.format(FormFactsControllerTest.FACTS, taskId), HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return DirectiveFixtures.read(answer.getBody());
  }

  private ResponseEntity<String> preview(String written, String issuedOn, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.exchange(url(written, issuedOn), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Encoded once, here: the template does not encode a URI again. */
  private java.net.URI url(String written, String issuedOn) {
    return http.getRestTemplate().getUriTemplateHandler()
        .expand("/camunda/forms-api/deadlines?written={w}&issuedOn={i}", written, issuedOn);
  }
}

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
  void wordsThatAreNoDeadlineAndBadDatesAreRefusedWithTheText() {
    String session = TasklistSession.login(http, "leader");

    ResponseEntity<String> refused = preview("khi nào xong", "2024-01-10", session);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("'khi nào xong'");
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

  private ResponseEntity<String> preview(String written, String issuedOn, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.exchange(url(written, issuedOn), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Encoded once, here: the template does not encode a URI again. */
  private java.net.URI url(String written, String issuedOn) {
    return http.getRestTemplate().getUriTemplateHandler().expand("/camunda/forms-api/deadlines?written={w}&issuedOn={i}",
        written, issuedOn);
  }
}

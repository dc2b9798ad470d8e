package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.Mailbox.messagesTo;
import static vn.directivetracker.Mailbox.subjectsTo;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The daily digest: an officer chooses it through the API, gets no mail per event (the notices wait for
 * the digest), and the notification-digest process mails one digest a day listing them; once only.
 */
class NotificationDigestTest extends ApplicationTest {

  static final String PATH = "/api/me/notification-preferences";

  @AfterEach
  void perEventMailAgain() {
    put("most", "{\"digest\": false}");
  }

  @Test
  void anOfficerReadsAndSetsOnlyTheirOwnChoiceAndBadInputIsRefused() {
    assertThat(get("most").getBody()).isEqualTo("{\"digest\":false}");
    ResponseEntity<String> set = put("most", "{\"digest\": true}");
    assertThat(set.getStatusCode().value()).isEqualTo(200);
    assertThat(set.getBody()).isEqualTo("{\"digest\":true}");
    assertThat(engine.getIdentityService().getUserInfo("most", NotificationPreferences.DIGEST)).isEqualTo("true");
    assertThat(get("most").getBody()).isEqualTo("{\"digest\":true}");
    assertThat(get("moh").getBody()).isEqualTo("{\"digest\":false}");

    ResponseEntity<String> missing = put("most", "{}");
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(DirectiveFixtures.read(missing.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("digest");
    assertThat(put("most", "{\"digest\": \"yes\"}").getStatusCode().value()).isEqualTo(400);
    assertThat(put("most", "{\"digest\": true, \"weekly\": true}").getStatusCode().value()).isEqualTo(400);
    assertThat(put("most", "not json").getStatusCode().value()).isEqualTo(400);
    assertThat(http.exchange(PATH, HttpMethod.PUT, json("{\"digest\": true}"), String.class).getStatusCode().value())
        .isEqualTo(401);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    assertThat(http.withBasicAuth("most", "demo").exchange(PATH, HttpMethod.PUT, new HttpEntity<>("true", text),
        String.class).getStatusCode().value()).isEqualTo(415);
    assertThat(engine.getIdentityService().getUserInfo("most", NotificationPreferences.DIGEST)).isEqualTo("true");
  }

  @Test
  void aDigestOfficerGetsOneMailADayListingTheNoticesOthersGotOneByOne() throws Exception {
    put("most", "{\"digest\": true}");
    clockAt("2024-05-06T09:00");
    Map<String, Object> t01 = DirectiveFixtures.coordinatedTask("T01", "TELECOM", "2024-07-31", "MOH");
    IssuedTask issued = issueOneTask("DIGEST", "2024-05-06", t01);
    assertThat(DirectiveFixtures.taskOf(issued.directive(), "T01").get("leadUnit").asText()).isEqualTo("MOST");
    runDueJobs(directives.processesOf(issued.directiveId()));
    clockAt("2024-05-06T11:00");
    assertThat(directives.post("leader", "/api/directives/" + issued.directiveId() + "/tasks/T01/withdrawal",
        Map.of("reason", "Gộp vào nhiệm vụ khác")).getStatusCode().value()).isEqualTo(200);
    runDueJobs(directives.processesOf(issued.directiveId()));

    assertThat(subjectsTo("most", issued.reference())).isEmpty();
    assertThat(subjectsTo("moh", issued.reference())).hasSize(2);
    assertThat(jdbc.queryForList("select event || ':' || status from dt_notification where task_id = ? order by created_at",
        String.class, issued.taskId())).containsExactlyInAnyOrder("ASSIGNED:DIGESTED", "CONTRIBUTION_REQUESTED:SENT",
        "WITHDRAWN:SENT");
    assertThat(jdbc.queryForObject("select count(*) from dt_digest_entry e join dt_notification n"
        + " on n.id = e.notification_id where n.task_id = ? and e.user_id = 'most' and e.sent_at is null",
        Integer.class, issued.taskId())).isEqualTo(2);

    clockAt("2024-05-06T17:00");
    runDigest();
    List<MimeMessage> digests = messagesTo("most", "Tổng hợp thông báo");
    assertThat(digests).hasSize(1);
    String body = (String) digests.get(0).getContent();
    assertThat(body).contains("[" + issued.reference() + "] Giao nhiệm vụ T01", "[" + issued.reference() + "] Thu hồi nhiệm vụ T01",
        "-------- English --------", "Today's 2 notices");
    assertThat(digests.get(0).getSubject()).contains("06/05/2024");

    clockAt("2024-05-07T17:00");
    runDigest();
    assertThat(messagesTo("most", "Tổng hợp thông báo")).hasSize(1);
  }

  private void runDigest() {
    ManagementService management = engine.getManagementService();
    Job timer = management.createJobQuery().processDefinitionKey("notification-digest").timers().singleResult();
    assertThat(timer).isNotNull();
    management.executeJob(timer.getId());
    for (Job job : management.createJobQuery().processDefinitionKey("notification-digest").messages().list()) {
      management.executeJob(job.getId());
    }
  }

  private ResponseEntity<String> get(String user) {
    return http.withBasicAuth(user, "demo").getForEntity(PATH, String.class);
  }

  private ResponseEntity<String> put(String user, String body) {
    return http.withBasicAuth(user, "demo").exchange(PATH, HttpMethod.PUT, json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}

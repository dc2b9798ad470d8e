package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient;
import vn.directivetracker.EngineApiClient.Surface;

/**
 * What the issuer's page reads beside a directive's tasks, and the extension decision it sends, over HTTP as the
 * page sends them: the activity with the leader's webapps session, the decision through the webapps' engine API.
 */
class DirectiveActivityTest extends ApplicationTest {

  @Test
  void showsTheLastReportAndAPendingExtensionWhichTheLeaderDecidesAsThePageDoes() {
    LocalDate today = LocalDate.now(VIETNAM);
    IssuedTask issued = issueOneTask("ACTIVITY", today.toString(),
        DirectiveFixtures.task("T01", "TELECOM", today.plusDays(20).toString()));
    EngineApiClient client = new EngineApiClient(http);

    JsonNode before = activity(client, issued.directiveId());
    assertThat(before.get("leadUnitName").asText()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(before.has("lastReport")).isFalse();
    assertThat(before.has("pendingExtension")).isFalse();

    LocalDate asked = today.plusDays(50);
    ResponseEntity<String> request = directives.post("most", "/api/tasks/" + issued.taskId() + "/extension-request",
        Map.of("deadline", asked.toString(), "reason", "Chờ nhà mạng hoàn tất lắp đặt"));
    assertThat(request.getStatusCode().value()).isEqualTo(201);
    JsonNode pending = activity(client, issued.directiveId()).get("pendingExtension");
    assertThat(pending.get("requestedDeadline").asText()).isEqualTo(asked.toString());
    assertThat(pending.get("reason").asText()).isEqualTo("Chờ nhà mạng hoàn tất lắp đặt");
    assertThat(pending.get("requestedBy").asText()).isEqualTo("most");
    String decision = pending.get("decisionTaskId").asText();

    ResponseEntity<String> approved = client.call(Surface.WEBAPP, "leader", HttpMethod.POST,
        "/task/" + decision + "/submit-form",
        "{\"variables\":{\"extensionApproved\":{\"value\":true,\"type\":\"Boolean\"}}}");
    assertThat(approved.getStatusCode().value()).isEqualTo(204);
    assertThat(activity(client, issued.directiveId()).has("pendingExtension")).isFalse();
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + issued.directiveId()), "T01")
        .get("deadline").asText()).isEqualTo(asked.toString());

    complete(task("UserTask_CarryOut", issued.process()), withVariables("reportResult", "Đã phủ sóng",
        "completionDate", today.toString()));
    JsonNode report = activity(client, issued.directiveId()).get("lastReport");
    assertThat(report.get("kind").asText()).isEqualTo("COMPLETION");
    assertThat(report.get("unit").asText()).isEqualTo("MOST");
    assertThat(report.get("completionDate").asText()).isEqualTo(today.toString());
    assertThat(report.has("outcome")).as("awaiting review").isFalse();
    complete(task("UserTask_ReviewReport", issued.process()), withVariables("reportAccepted", true));
    assertThat(activity(client, issued.directiveId()).get("lastReport").get("outcome").asText()).isEqualTo("ACCEPTED");
  }

  /** The activity of the directive's only task, as the leader's page reads it (with the webapps' session). */
  private JsonNode activity(EngineApiClient client, String directiveId) {
    ResponseEntity<String> answer = http.exchange("/api/directives/" + directiveId + "/activity", HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(EngineApiClient.headers(null, client.session("leader"))),
        String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return DirectiveFixtures.read(answer.getBody()).get(0);
  }
}

package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The audit timeline of one task, event by event: issued with an override of the lead unit, assigned,
 * claimed and reported through the engine's REST API as the unit's officer would in Tasklist, returned
 * with a comment, reminded, escalated (the escalation-level decision with its inputs and outputs),
 * resubmitted, accepted, and every notice the steps wrote.
 */
class AuditTrailScenarioTest extends ApplicationTest {

  @Test
  void theTimelineOfATaskShowsEveryStepInOrderWithWhoDidItAndForWhichUnit() {
    clockAt("2024-01-10T09:00");
    String ref = DirectiveFixtures.uniqueReference("AUDIT");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "HEALTH", "2024-01-31");
    t01.put("leadUnit", "MPS");
    JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-01-10",
        List.of(t01, DirectiveFixtures.task("T02", "CIVIL_STATUS", "2024-03-31")));
    String directiveId = issued.get("id").asText();
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    String pi = directives.processOf(directiveId, "T01");
    List<String> processes = directives.processesOf(directiveId);
    runDueJobs(processes);

    clockAt("2024-01-15T10:00");
    String carryOut = openTask(pi, "UserTask_CarryOut");
    claim("mps", carryOut);
    clockAt("2024-01-15T10:30");
    complete("mps", carryOut, "{\"reportResult\": {\"value\": \"Đã rà soát 63 tỉnh, thành\"},"
        + " \"completionDate\": {\"value\": \"2024-01-15\"}}");
    clockAt("2024-01-16T09:00");
    String review = openTask(pi, "UserTask_ReviewReport");
    claim("p06wgsec", review);
    clockAt("2024-01-16T09:05");
    complete("p06wgsec", review, "{\"reportAccepted\": {\"value\": false},"
        + " \"reviewComment\": {\"value\": \"Thiếu số liệu của 12 địa phương\"}}");
    runDueJobs(processes);

    clockAt("2024-01-20T08:00:01");
    runDueJobs(processes);
    clockAt("2024-01-28T08:00:01");
    runDueJobs(processes);
    clockAt("2024-02-01T00:00:01");
    runDueJobs(processes);

    clockAt("2024-02-02T10:00");
    String again = openTask(pi, "UserTask_CarryOut");
    // The returned report's task is already the officer's who submitted it: no second claim.
    assertThat(engine.getTaskService().createTaskQuery().taskId(again).singleResult().getAssignee()).isEqualTo("mps");
    clockAt("2024-02-02T10:30");
    complete("mps", again, "{\"reportResult\": {\"value\": \"Đủ số liệu 63 tỉnh, thành\"},"
        + " \"completionDate\": {\"value\": \"2024-02-02\"}}");
    clockAt("2024-02-03T09:00");
    String review2 = openTask(pi, "UserTask_ReviewReport");
    claim("p06wgsec", review2);
    clockAt("2024-02-03T09:05");
    complete("p06wgsec", review2, "{\"reportAccepted\": {\"value\": true}}");
    runDueJobs(processes);
    clockAt("2024-02-05T08:00");
    assertThat(directives.post("leader", "/api/directives/" + directiveId + "/tasks/T02/withdrawal",
        Map.of("reason", "Đã giao cho Bộ Công an theo Kết luận mới")).getStatusCode().value()).isEqualTo(200);
    runDueJobs(processes);

    JsonNode audit = directives.get("auditor", "/api/audit/tasks/" + taskId);
    assertThat(audit.get("kind").asText()).isEqualTo("task");
    assertThat(audit.get("businessKey").asText()).isEqualTo("P06WG:" + ref + ":T01");
    List<String> lines = new ArrayList<>();
    for (JsonNode e : audit.get("events")) {
      lines.add(e.get("time").asText() + " " + e.get("type").asText() + " " + e.get("actor").asText() + " "
          + e.get("unit").asText() + detailSummary(e));
    }
    assertThat(lines).containsExactly(
        "2024-01-10T02:00:00.000Z issued leader P06WG",
        "2024-01-10T02:00:00.000Z decision taken leader P06WG lead-unit ISSUER MPS",
        "2024-01-10T02:00:00.000Z assigned system MPS UserTask_CarryOut",
        "2024-01-10T02:00:00.000Z notification system MPS ASSIGNED SENT",
        "2024-01-15T03:00:00.000Z claimed mps MPS",
        "2024-01-15T03:30:00.000Z report mps MPS COMPLETION",
        "2024-01-15T03:30:00.000Z assigned system P06WGSEC UserTask_ReviewReport",
        "2024-01-15T03:30:00.000Z notification system P06WGSEC REVIEW_REQUESTED SENT",
        "2024-01-16T02:00:00.000Z claimed p06wgsec P06WGSEC",
        "2024-01-16T02:05:00.000Z returned p06wgsec P06WGSEC",
        "2024-01-16T02:05:00.000Z assigned system MPS UserTask_CarryOut",
        // The monthly progress report, opened on the 15th at 08:00, fired with the jobs run after the return.
        "2024-01-16T02:05:00.000Z assigned system MPS UserTask_ReportProgress",
        "2024-01-16T02:05:00.000Z notification system MPS RETURNED SENT",
        "2024-01-20T01:00:01.000Z notification system MPS REMINDER SENT",
        "2024-01-28T01:00:01.000Z notification system MPS REMINDER SENT",
        "2024-01-31T17:00:01.000Z escalation system MPS",
        "2024-01-31T17:00:01.000Z notification system MPS ESCALATION SENT",
        "2024-02-02T03:30:00.000Z report mps MPS COMPLETION",
        "2024-02-02T03:30:00.000Z assigned system P06WGSEC UserTask_ReviewReport",
        "2024-02-02T03:30:00.000Z notification system P06WGSEC REVIEW_REQUESTED SENT",
        "2024-02-03T02:00:00.000Z claimed p06wgsec P06WGSEC",
        "2024-02-03T02:05:00.000Z accepted p06wgsec P06WGSEC",
        "2024-02-03T02:05:00.000Z completed system MPS",
        "2024-02-03T02:05:00.000Z notification system MPS ACCEPTED SENT");

    JsonNode events = audit.get("events");
    JsonNode issuedEvent = events.get(0).get("details");
    assertThat(issuedEvent.get("requestedLeadUnit").asText()).isEqualTo("MPS");
    assertThat(issuedEvent.get("reference").asText()).isEqualTo(ref);
    assertThat(issuedEvent.get("deadline").asText()).isEqualTo("2024-01-31");
    JsonNode override = events.get(1).get("details");
    assertThat(override.get("requestedLeadUnit").asText()).isEqualTo("MPS");
    assertThat(override.get("leadUnit").asText()).isEqualTo("MPS");
    assertThat(events.get(2).get("details").get("candidateGroups").toString()).isEqualTo("[\"MPS\"]");
    assertThat(events.get(2).get("details").get("dueDate").asText()).isEqualTo("2024-01-31T16:59:59.000Z");
    assertThat(events.get(3).get("details").get("recipientAddresses").toString()).contains("mps@demo.directivetracker.vn");
    assertThat(events.get(4).get("details").get("userTaskId").asText()).isEqualTo(carryOut);
    assertThat(events.get(5).get("details").get("text").asText()).isEqualTo("Đã rà soát 63 tỉnh, thành");
    assertThat(events.get(5).get("details").get("completionDate").asText()).isEqualTo("2024-01-15");
    assertThat(events.get(9).get("details").get("comment").asText()).isEqualTo("Thiếu số liệu của 12 địa phương");
    // The escalation sweep's record carries the escalation-level decision's inputs and outputs.
    JsonNode escalation = events.get(15).get("details");
    assertThat(escalation.get("level").asInt()).isEqualTo(1);
    assertThat(escalation.get("daysOverdue").asInt()).isEqualTo(1);
    assertThat(escalation.get("audience").asText()).isEqualTo("LEAD_UNIT");
    assertThat(escalation.get("decision").asText()).isEqualTo("escalation-level");
    assertThat(escalation.get("decisionDefinitionId").asText()).startsWith("escalation-level:");
    assertThat(escalation.get("inputs").get("daysOverdue").asInt()).isEqualTo(1);
    assertThat(escalation.get("inputs").get("keyTask").asBoolean()).isFalse();
    assertThat(escalation.get("inputs").get("leadUnitType").asText()).isEqualTo("MINISTRY");
    assertThat(escalation.get("outputs").get("level").asInt()).isEqualTo(1);
    assertThat(escalation.get("outputs").get("notify").asText()).isEqualTo("LEAD_UNIT");
    assertThat(escalation.get("outputs").get("nextCheckInDays").asInt()).isEqualTo(7);
    assertThat(escalation.get("nextEscalationAt").asText()).isEqualTo("2024-02-08T01:00:00.000Z");
    assertThat(escalation.get("escalatedBy").asText()).isEqualTo("SWEEP");
    assertThat(events.get(10).get("details").get("assignee").asText()).as("handed back to its officer").isEqualTo("mps");
    assertThat(events.get(17).get("details").get("text").asText()).isEqualTo("Đủ số liệu 63 tỉnh, thành");
    assertThat(events.get(22).get("details").get("status").asText()).isEqualTo("COMPLETED_LATE");
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("seq").asInt()).isEqualTo(i + 1);
      assertThat(events.get(i).get("hash").asText()).hasSize(64);
    }
    assertThat(audit.get("chainHead").asText()).isEqualTo(events.get(events.size() - 1).get("hash").asText());

    // The directive's timeline merges both tasks; T02's lead was decided by the lead-unit table.
    JsonNode directive = directives.get("secretary", "/api/audit/directives/" + directiveId);
    List<String> types = new ArrayList<>();
    directive.get("events").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).startsWith("issued", "decision taken", "decision taken")
        .endsWith("withdrawn", "notification", "directive closed").containsOnlyOnce("issued");
    JsonNode withdrawn = directive.get("events").get(types.size() - 3);
    assertThat(withdrawn.get("actor").asText()).isEqualTo("leader");
    assertThat(withdrawn.get("details").get("task").asText()).isEqualTo("T02");
    assertThat(withdrawn.get("details").get("reason").asText()).isEqualTo("Đã giao cho Bộ Công an theo Kết luận mới");
    assertThat(directive.get("events").get(0).get("details").get("tasks")).hasSize(2);
    JsonNode dmn = null;
    for (JsonNode e : directive.get("events")) {
      if (e.get("type").asText().equals("decision taken") && e.get("details").path("task").asText().equals("T02")) {
        dmn = e;
      }
    }
    assertThat(dmn).isNotNull();
    assertThat(dmn.get("unit").asText()).isEqualTo("MOJ");
    assertThat(dmn.get("details").get("leadDecidedBy").asText()).isEqualTo("DMN");
    assertThat(dmn.get("details").get("inputs").get("Domain (lĩnh vực)").asText()).isEqualTo("CIVIL_STATUS");
    assertThat(dmn.get("details").get("outputs").get("leadUnit").asText()).isEqualTo("MOJ");
    assertThat(directive.get("events").size()).isGreaterThan(events.size());
  }

  private String detailSummary(JsonNode e) {
    JsonNode d = e.get("details");
    return switch (e.get("type").asText()) {
      case "decision taken" -> " " + d.get("decision").asText()
          + (d.has("leadDecidedBy") && d.get("leadDecidedBy").asText().equals("ISSUER")
              ? " ISSUER " + d.get("requestedLeadUnit").asText() : "");
      case "assigned" -> " " + d.get("activity").asText();
      case "notification" -> " " + d.get("event").asText() + " " + d.get("status").asText();
      case "report" -> " " + d.get("kind").asText();
      default -> "";
    };
  }

  private String openTask(String processInstanceId, String activity) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activity).singleResult();
    assertThat(task).as(activity).isNotNull();
    return task.getId();
  }

  private void claim(String user, String taskId) {
    ResponseEntity<String> r = post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}");
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
  }

  private void complete(String user, String taskId, String variables) {
    ResponseEntity<String> r = post(user, "/engine-rest/task/" + taskId + "/complete", "{\"variables\": " + variables + "}");
    assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(200, 204);
  }

  private ResponseEntity<String> post(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers), String.class);
  }
}

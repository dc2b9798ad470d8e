package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * A province splits the national task it leads among its departments; a ministry splits its own among
 * its agencies. Sub-tasks escalate inside the province, the parent shows their progress and is not
 * reported done while they are open unless the lead says why.
 */
class SubtaskScenarioTest extends ApplicationTest {

  TaskChangeFixtures changes;

  @BeforeEach
  void fixtures() {
    changes = new TaskChangeFixtures(http, engine);
  }

  @Test
  void aProvinceSplitsItsTaskAndAnOverdueSubTaskEscalatesInsideTheProvince() throws Exception {
    clockAt("2024-01-10T09:00");
    Map<String, Object> national = DirectiveFixtures.task("T01", "HEALTH", "2024-03-31");
    national.put("province", "HAIPHONG");
    IssuedTask issued = issueOneTask("CASCADE", "2024-01-10", national);
    String parentDirective = issued.directiveId();
    JsonNode parent = DirectiveFixtures.taskOf(issued.directive(), "T01");
    assertThat(parent.get("leadUnit").asText()).isEqualTo("HAIPHONG");
    String parentTaskId = parent.get("id").asText();

    clockAt("2024-01-12T09:00");
    String subRef = DirectiveFixtures.uniqueReference("KH-UBND-HP");
    ResponseEntity<String> late = split("haiphong", parentTaskId, subRef,
        row("S1", "HEALTH", "2024-04-30"), row("S2", "EDUCATION", "2024-03-15"));
    assertThat(late.getStatusCode().value()).isEqualTo(400);
    assertThat(late.getBody()).contains("tasks[0].deadline").doesNotContain("tasks[1].deadline");

    ResponseEntity<String> created = split("haiphong", parentTaskId, subRef,
        row("S1", "HEALTH", "2024-02-29"), row("S2", "EDUCATION", "2024-03-15"));
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode sub = DirectiveFixtures.read(created.getBody());
    String subId = sub.get("id").asText();
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/directives/" + subId);
    assertThat(sub.get("issuer").asText()).isEqualTo("HAIPHONGWG");
    assertThat(sub.get("issuedOn").asText()).isEqualTo("2024-01-12");
    assertThat(DirectiveFixtures.taskOf(sub, "S1").get("leadUnit").asText()).isEqualTo("HAIPHONGDOH");
    assertThat(DirectiveFixtures.taskOf(sub, "S2").get("leadUnit").asText()).isEqualTo("HAIPHONGDOET");
    assertThat(jdbc.queryForObject("select parent_task_id from dt_directive where id = ?", String.class, subId))
        .isEqualTo(parentTaskId);
    assertThat(subtasks(parentDirective)).isEqualTo(Map.of("total", 2, "completed", 0, "overdue", 0));

    // S1 overdue: level 1 tells the department, level 2 its province, level 3 the province's working group;
    // the national working group is never told of a province's own split.
    String s1 = DirectiveFixtures.taskOf(sub, "S1").get("id").asText();
    List<String> subProcesses = directives.processesOf(subId);
    clockAt("2024-03-01T09:00");
    runDueJobs(subProcesses);
    clockAt("2024-03-08T09:00");
    runDueJobs(subProcesses);
    clockAt("2024-03-31T09:00");
    runDueJobs(subProcesses);
    // One outbox row per escalation and recipient group (each unit's escalations are mailed in its bundle).
    Map<Object, java.util.Set<String>> byEscalation = new java.util.TreeMap<>();
    jdbc.query("select created_at, recipient_groups from dt_notification where task_id = ? and event = 'ESCALATION'",
        rs -> { byEscalation.computeIfAbsent(rs.getTimestamp(1), k -> new java.util.TreeSet<>()).add(rs.getString(2)); },
        s1);
    List<java.util.Set<String>> audiences = new ArrayList<>(byEscalation.values());
    assertThat(audiences).hasSizeGreaterThanOrEqualTo(3);
    assertThat(audiences.get(0)).containsExactlyInAnyOrder("HAIPHONGDOH");
    assertThat(audiences.get(1)).containsExactlyInAnyOrder("HAIPHONGDOH", "HAIPHONG");
    assertThat(audiences.get(audiences.size() - 1))
        .containsExactlyInAnyOrder("HAIPHONGDOH", "HAIPHONG", "HAIPHONGWG", "HAIPHONGWGSEC");
    assertThat(audiences).noneSatisfy(a -> assertThat(a).contains("P06WG"));
    assertThat(subtasks(parentDirective)).isEqualTo(Map.of("total", 2, "completed", 0, "overdue", 2));

    // The province may not report its task done while S1 and S2 are open, unless it says why.
    ProcessInstance parentPi = issued.process();
    var carryOut = task("UserTask_CarryOut", parentPi);
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(),
        withVariables("reportResult", "Đã triển khai", "completionDate", "2024-03-31")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("openSubtasksReason")
        .hasMessageContaining("2 sub-task(s)");
    complete(carryOut, withVariables("reportResult", "Đã triển khai", "completionDate", "2024-03-31",
        "openSubtasksReason", "S1, S2 hoàn thành trong quý II; phần của tỉnh đã xong"));
    assertThat(parentPi).isWaitingAt("UserTask_ReviewReport");

    // The sub-directive's own review goes to the province's working group secretariat.
    ProcessInstance s2 = processInstance(directives.processOf(subId, "S2"));
    complete(task("UserTask_CarryOut", s2), withVariables("reportResult", "Xong", "completionDate", "2024-03-31"));
    assertThat(task("UserTask_ReviewReport", s2)).hasCandidateGroup("HAIPHONGWGSEC");
    complete(task("UserTask_ReviewReport", s2), withVariables("reportAccepted", true));
    assertThat(subtasks(parentDirective)).isEqualTo(Map.of("total", 2, "completed", 1, "overdue", 1));
  }

  @Test
  void aMinistrySplitsItsTaskNamingEachLeadAndReviewsTheReportsItself() {
    clockAt("2024-01-10T09:00");
    IssuedTask issued = issueOneTask("CASCADE-MIN", "2024-01-10", DirectiveFixtures.task("T01", "TAX", "2024-06-30"));
    JsonNode parent = DirectiveFixtures.taskOf(issued.directive(), "T01");
    assertThat(parent.get("leadUnit").asText()).isEqualTo("MOF");
    String subRef = DirectiveFixtures.uniqueReference("CV-BTC");

    Map<String, Object> unnamed = row("S1", "SOCIAL_INSURANCE", "2024-05-31");
    Map<String, Object> notItsOwn = row("S2", "ENERGY", "2024-05-31");
    notItsOwn.put("leadUnit", "MOH");
    ResponseEntity<String> refused = split("mof", parent.get("id").asText(), subRef, unnamed, notItsOwn);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("tasks[0].leadUnit").contains("tasks[1].leadUnit");

    unnamed.put("leadUnit", "VSS");
    notItsOwn.put("leadUnit", "EVN");
    ResponseEntity<String> created = split("mof", parent.get("id").asText(), subRef, unnamed, notItsOwn);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode sub = DirectiveFixtures.read(created.getBody());
    assertThat(sub.get("issuer").asText()).isEqualTo("MOF");
    assertThat(DirectiveFixtures.taskOf(sub, "S1").get("leadDecidedBy").asText()).isEqualTo("ISSUER");

    ProcessInstance s1 = processInstance(directives.processOf(sub.get("id").asText(), "S1"));
    assertThat(task("UserTask_CarryOut", s1)).hasCandidateGroup("VSS");
    complete(task("UserTask_CarryOut", s1), withVariables("reportResult", "Xong", "completionDate", "2024-01-10"));
    assertThat(task("UserTask_ReviewReport", s1)).hasCandidateGroup("MOF");
  }

  @Test
  void aMinistryGivesWorkOnlyToItsOwnUnitsNeverToItsPeers() {
    clockAt("2024-01-10T09:00");
    String parentId = issueOneTask("CASCADE-PEER", "2024-01-10", DirectiveFixtures.task("T01", "HEALTH", "2024-06-30"))
        .taskId();
    Map<String, Object> otherSector = row("S1", "HEALTH", "2024-05-31");
    otherSector.put("leadUnit", "HAIPHONGDOJ");
    Map<String, Object> peers = row("S2", "HEALTH", "2024-05-31");
    peers.put("leadUnit", "HAIPHONGDOH");
    peers.put("coordinatingUnits", List.of("MPS", "MOJ", "HAIPHONG"));
    String subRef = DirectiveFixtures.uniqueReference("CV-BYT");
    ResponseEntity<String> refused = split("moh", parentId, subRef, otherSector, peers);
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("tasks[0].leadUnit").contains("tasks[1].coordinatingUnits[0]")
        .contains("tasks[1].coordinatingUnits[1]").contains("tasks[1].coordinatingUnits[2]")
        .doesNotContain("tasks[1].leadUnit");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("MOH:" + subRef)
        .count()).as("nothing issued").isZero();

    peers.put("coordinatingUnits", List.of("HANOIDOH"));
    ResponseEntity<String> created = split("moh", parentId, subRef, peers);
    assertThat(created.getStatusCode().value()).as("a department of its own sector: %s", created.getBody())
        .isEqualTo(201);
  }

  private Map<String, Object> subtasks(String directiveId) {
    JsonNode t01 = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T01");
    JsonNode s = t01.get("subtasks");
    return Map.of("total", s.get("total").asInt(), "completed", s.get("completed").asInt(),
        "overdue", s.get("overdue").asInt());
  }

  @SafeVarargs
  private ResponseEntity<String> split(String user, String taskId, String reference, Map<String, Object>... rows) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("tasks", List.of(rows));
    return changes.send(user, HttpMethod.POST, "/api/tasks/" + taskId + "/subtasks", body);
  }

  static Map<String, Object> row(String key, String domain, String deadline) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("title", "Nhiệm vụ " + key + " (" + domain + ")");
    t.put("domain", domain);
    t.put("deadline", deadline);
    return t;
  }
}

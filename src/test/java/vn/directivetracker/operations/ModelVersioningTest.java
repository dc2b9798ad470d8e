package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Models change while directives run: a new decision table applies to new tasks only; running instances
 * keep their process version until an operator migrates them, the dry run says what would move and moves
 * nothing, and migrated instances go on to their end on the new version.
 */
class ModelVersioningTest extends ApplicationTest {

  @Test
  void aChangedLeadUnitTableAppliesToNewTasksWhileRunningTasksKeepTheirLead() throws Exception {
    clockAt("2024-05-02T09:00");
    JsonNode before = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("DMNV1"), "2024-05-02",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-08-31")));
    assertThat(DirectiveFixtures.taskOf(before, "T01").get("leadUnit").asText()).isEqualTo("MOH");

    String changed = Files.readString(Path.of("processes/lead-unit.dmn")).replace("\"MOH\"", "\"MOHA\"");
    assertThat(changed).contains("\"MOHA\"");
    Deployment deployment = engine.getRepositoryService().createDeployment().name("lead-unit-test-change")
        .addString("lead-unit.dmn", changed).deploy();
    try {
      JsonNode after = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("DMNV2"), "2024-05-02",
          List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-08-31")));
      assertThat(DirectiveFixtures.taskOf(after, "T01").get("leadUnit").asText()).isEqualTo("MOHA");

      String running = directives.processOf(before.get("id").asText(), "T01");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(running)
          .taskDefinitionKey("UserTask_CarryOut").taskCandidateGroup("MOH").count()).isEqualTo(1);
      assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + before.get("id").asText()),
          "T01").get("leadUnit").asText()).isEqualTo("MOH");
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void runningTasksKeepTheirVersionUntilMigratedTheDryRunChangesNothingAndMigratedTasksRunToTheEnd()
      throws Exception {
    clockAt("2024-05-02T09:00");
    Map<String, Object> coordinated = DirectiveFixtures.coordinatedTask("T02", "HEALTH", "2024-08-31", "MOF");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("MIGRATE"), "2024-05-02",
        List.of(DirectiveFixtures.task("T01", "LAND", "2024-08-31"), coordinated));
    String directiveId = issued.get("id").asText();
    String inReview = directives.processOf(directiveId, "T01");
    String atWork = directives.processOf(directiveId, "T02");
    String t02 = DirectiveFixtures.taskOf(issued, "T02").get("id").asText();
    TaskService tasks = engine.getTaskService();
    tasks.complete(openTask(inReview, "UserTask_CarryOut").getId(),
        Map.of("reportResult", "Đã hoàn thành", "completionDate", "2024-05-02"));
    String oldDefinition = processInstance(inReview).getProcessDefinitionId();
    assertThat(processInstance(atWork).getProcessDefinitionId()).isEqualTo(oldDefinition);
    Map<String, List<String>> before = Map.of(inReview, openTaskIds(inReview), atWork, openTaskIds(atWork));
    // An instance started before the user tasks were named by their task has no label to name them by.
    engine.getRuntimeService().removeVariable(atWork, "taskLabel");
    assertThat(before.get(atWork)).hasSize(2);

    // A changed model, made here from the current one: a renamed user task and a step the current model lacks.
    // The auto-deployment redeploys every resource when one changed, so the forms come along (their form keys
    // name the deployment).
    String current = Files.readString(Path.of("processes/directive-task.bpmn"));
    String changed = current
        .replace("name=\"Xem xét ${taskLabel}\"", "name=\"" + RENAMED_REVIEW + "\"")
        .replace("<bpmn:incoming>Flow_AcceptedToEnd</bpmn:incoming>", "<bpmn:incoming>Flow_ClosedToEnd</bpmn:incoming>")
        .replace("<bpmn:sequenceFlow id=\"Flow_AcceptedToEnd\" sourceRef=\"ServiceTask_AcceptReport\""
            + " targetRef=\"EndEvent_TaskCompleted\" />",
            "<bpmn:sequenceFlow id=\"Flow_AcceptedToEnd\" sourceRef=\"ServiceTask_AcceptReport\" targetRef=\""
                + ADDED_STEP + "\" />\n"
                + "    <bpmn:intermediateThrowEvent id=\"" + ADDED_STEP + "\" name=\"Task closed\">"
                + "<bpmn:incoming>Flow_AcceptedToEnd</bpmn:incoming><bpmn:outgoing>Flow_ClosedToEnd</bpmn:outgoing>"
                + "</bpmn:intermediateThrowEvent>\n"
                + "    <bpmn:sequenceFlow id=\"Flow_ClosedToEnd\" sourceRef=\"" + ADDED_STEP + "\""
                + " targetRef=\"EndEvent_TaskCompleted\" />");
    assertThat(changed).contains(RENAMED_REVIEW, "targetRef=\"" + ADDED_STEP + "\"", "id=\"Flow_ClosedToEnd\"");
    String changedDeployment = deployWithForms("directive-task-change-test", changed);
    String newDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(changedDeployment).processDefinitionKey("directive-task").singleResult().getId();
    try {
      assertThat(processInstance(inReview).getProcessDefinitionId()).isEqualTo(oldDefinition);
      assertThat(processInstance(atWork).getProcessDefinitionId()).isEqualTo(oldDefinition);

      var refused = directives.post("moh", "/api/admin/model-migrations",
          Map.of("processDefinitionKey", "directive-task"));
      assertThat(refused.getStatusCode().value()).isEqualTo(403);
      var bad = directives.post("admin", "/api/admin/model-migrations",
          Map.of("processDefinitionKey", "no-such-process"));
      assertThat(bad.getStatusCode().value()).isEqualTo(400);

      // The dry run (the default) says what would move and changes nothing.
      var dry = directives.post("admin", "/api/admin/model-migrations",
          Map.of("processDefinitionKey", "directive-task"));
      assertThat(dry.getStatusCode().value()).as(dry.getBody()).isEqualTo(200);
      JsonNode dryRun = DirectiveFixtures.read(dry.getBody());
      assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
      assertThat(dryRun.get("wouldMigrate").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(dryRun.has("migrated")).isFalse();
      assertThat(dryRun.get("sources")).allSatisfy(s -> assertThat(s.get("valid").asBoolean()).isTrue());
      for (String pi : List.of(inReview, atWork)) {
        assertThat(processInstance(pi).getProcessDefinitionId()).isEqualTo(oldDefinition);
        assertThat(openTaskIds(pi)).isEqualTo(before.get(pi));
      }

      var run = directives.post("admin", "/api/admin/model-migrations",
          Map.of("processDefinitionKey", "directive-task", "dryRun", false));
      assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
      assertThat(DirectiveFixtures.read(run.getBody()).get("migrated").asLong()).isGreaterThanOrEqualTo(2);
      for (String pi : List.of(inReview, atWork)) {
        assertThat(processInstance(pi).getProcessDefinitionId()).isEqualTo(newDefinition);
        assertThat(openTaskIds(pi)).as("the same open tasks, still in their units' inboxes").isEqualTo(before.get(pi));
      }
      assertThat(tasks.createTaskQuery().processInstanceId(atWork).taskCandidateGroup("MOH").count()).isOne();
      assertThat(tasks.createTaskQuery().processInstanceId(atWork).taskCandidateGroup("MOF").count()).isOne();
      try (var form = (java.io.InputStream) engine.getFormService()
          .getDeployedTaskForm(openTask(atWork, "UserTask_CarryOut").getId())) {
        assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .as("the migrated task's form").contains("cam-variable-name=\"reportResult\"");
      }
      // The sweep still has the task's next reminder, escalation and progress period, and its message event
      // sub-processes still wait on the new version: the month's period opens in it.
      assertThat(nextReminder(t02)).isEqualTo(java.util.Date.from(java.time.LocalDateTime.parse("2024-07-01T08:00")
          .atZone(VIETNAM).toInstant()));
      assertThat(nextEscalation(t02)).isNotNull();
      assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(atWork)
          .eventName("ProgressPeriodOpened").count()).isOne();
      clockAt("2024-05-16T09:00");
      runDueJobs(List.of(inReview, atWork));
      assertThat(openTask(atWork, "UserTask_ReportProgress").getName())
          .as("a task made after the migration is named by its task").startsWith("Tiến độ T02 · ");
      tasks.complete(openTask(atWork, "UserTask_ReportProgress").getId(),
          Map.of("progressPercent", 40L, "progressText", "Đang triển khai"));

      // Both run to their end on the new version: the review task made after the migration has the new name,
      // and each instance passes the step only the new version has.
      tasks.complete(openTask(inReview, "UserTask_ReviewReport").getId(), Map.of("reportAccepted", true));
      tasks.complete(openTask(atWork, "UserTask_Contribute").getId(), Map.of("contribution", "Đã góp ý"));
      tasks.complete(openTask(atWork, "UserTask_CarryOut").getId(),
          Map.of("reportResult", "Đã hoàn thành", "completionDate", "2024-05-16"));
      Task review = openTask(atWork, "UserTask_ReviewReport");
      assertThat(review.getName()).isEqualTo(RENAMED_REVIEW);
      assertThat(review.getProcessDefinitionId()).isEqualTo(newDefinition);
      tasks.complete(review.getId(), Map.of("reportAccepted", true));
      runDueJobs(List.of(inReview, atWork));
      for (String pi : List.of(inReview, atWork)) {
        assertThat(processInstance(pi)).as("ended").isNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi)
            .activityId(ADDED_STEP).finished().count()).isOne();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi)
            .singleResult().getProcessDefinitionId()).isEqualTo(newDefinition);
      }
      assertThat(jdbc.queryForList("select state from dt_task where directive_id = ?", String.class, directiveId))
          .containsOnly("COMPLETED");
    } finally {
      // The current model is the newest again for the tests that follow.
      deployWithForms("directive-task-current-again-test", current);
    }
  }

  private static final String RENAMED_REVIEW = "Xem xét báo cáo / Review the report (changed)";
  private static final String ADDED_STEP = "IntermediateThrowEvent_TaskClosed";

  /** Deploys this directive-task model with the forms, as the auto-deployment does; returns the deployment id. */
  private String deployWithForms(String name, String model) throws Exception {
    var deployment = engine.getRepositoryService().createDeployment().name(name)
        .addString("processes/directive-task.bpmn", model);
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        deployment.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    }
    return deployment.deploy().getId();
  }

  private Task openTask(String processInstanceId, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId).singleResult();
  }

  private List<String> openTaskIds(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).orderByTaskId().asc().list()
        .stream().map(Task::getId).toList();
  }
}

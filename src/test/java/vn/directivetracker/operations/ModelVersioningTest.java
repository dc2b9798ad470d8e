package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Models change while directives run: a new decision table applies to new tasks only, running instances
 * keep their process version until an operator migrates them, and the dry run says what would move.
 */
class ModelVersioningTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;

  @BeforeEach
  void fixtures() {
    directives = new DirectiveFixtures(http, jdbc);
  }

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
  void runningTasksKeepTheirVersionUntilMigratedAndTheDryRunChangesNothing() throws Exception {
    clockAt("2024-05-02T09:00");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("MIGRATE"), "2024-05-02",
        List.of(DirectiveFixtures.task("T01", "LAND", "2024-08-31")));
    String pi = directives.processOf(issued.get("id").asText(), "T01");
    String oldDefinition = instance(pi).getProcessDefinitionId();

    // A harmless new version, as an upgrade that fixes a label would deploy: the auto-deployment redeploys
    // every resource when one changed, so the forms come along (their form keys name this deployment; the
    // tests after this one, the browser test among them, open forms of this version).
    String model = Files.readString(Path.of("processes/directive-task.bpmn"))
        .replace("camunda:versionTag=\"4\"", "camunda:versionTag=\"4-migration-test\"");
    var upgrade = engine.getRepositoryService().createDeployment().name("directive-task-upgrade-test")
        .addString("processes/directive-task.bpmn", model);
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        upgrade.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    }
    upgrade.deploy();
    assertThat(instance(pi).getProcessDefinitionId()).isEqualTo(oldDefinition);

    var refused = directives.post("moh", "/api/admin/model-migrations", Map.of("processDefinitionKey", "directive-task"));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    var bad = directives.post("admin", "/api/admin/model-migrations", Map.of("processDefinitionKey", "no-such-process"));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);

    var dry = directives.post("admin", "/api/admin/model-migrations", Map.of("processDefinitionKey", "directive-task"));
    assertThat(dry.getStatusCode().value()).as(dry.getBody()).isEqualTo(200);
    JsonNode dryRun = DirectiveFixtures.read(dry.getBody());
    assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
    assertThat(dryRun.get("wouldMigrate").asLong()).isPositive();
    assertThat(dryRun.get("sources")).allSatisfy(s -> assertThat(s.get("valid").asBoolean()).isTrue());
    assertThat(instance(pi).getProcessDefinitionId()).isEqualTo(oldDefinition);

    var run = directives.post("admin", "/api/admin/model-migrations",
        Map.of("processDefinitionKey", "directive-task", "dryRun", false));
    assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
    String newDefinition = instance(pi).getProcessDefinitionId();
    assertThat(newDefinition).isNotEqualTo(oldDefinition);
    assertThat(engine.getRepositoryService().getProcessDefinition(newDefinition).getVersionTag())
        .isEqualTo("4-migration-test");
    String carryOut = engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey("UserTask_CarryOut").singleResult().getId();
    try (var form = (java.io.InputStream) engine.getFormService().getDeployedTaskForm(carryOut)) {
      assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .as("the migrated task's form").contains("cam-variable-name=\"reportResult\"");
    }
    // The migrated task is still in its unit's inbox and the sweep still has its next reminder, escalation and
    // progress period; its message event sub-processes still wait (the next period opens in it).
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi).taskCandidateGroup("MAE").count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi)
        .eventName("ProgressPeriodOpened").count()).isEqualTo(1);
    assertThat(nextProgress(DirectiveFixtures.taskOf(issued, "T01").get("id").asText())).isNotNull();
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    assertThat(nextReminder(taskId)).isEqualTo(java.util.Date.from(java.time.LocalDateTime.parse("2024-07-01T08:00")
        .atZone(VIETNAM).toInstant()));
    assertThat(nextEscalation(taskId)).isNotNull();
  }

  private ProcessInstance instance(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }
}

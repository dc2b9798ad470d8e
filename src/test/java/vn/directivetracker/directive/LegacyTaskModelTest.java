package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.TaskChangeFixtures;

/**
 * Instances of older versions of directive-task keep running after an upgrade. Version 2
 * (src/test/resources/models/directive-task-v2.bpmn, the model before the forms' facts moved to dt_task): its
 * gateways test {@code deadline} and {@code coordinatingUnitCount} and its deployment's forms show the facts from
 * variables, so whatever sets their variables (the start, an amendment) still gives them those, and their review
 * still finds its report. Versions 2 and 3 (directive-task-v3.bpmn, the model before the sweep took over the
 * reminders) remind by their own timer, which an amendment restarts, and the sweep leaves them alone.
 */
class LegacyTaskModelTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aVersion2InstanceGetsTheVariablesItsModelAndFormsReadAndRunsToTheEnd() throws Exception {
    String deploymentId = deploy("directive-task-v2-test",
        Files.readString(Path.of("src/test/resources/models/directive-task-v2.bpmn")));
    try {
      clockAt("2024-05-02T09:00");
      Map<String, Object> t01 = DirectiveFixtures.task("T01", "HEALTH", "2024-06-28");
      t01.put("coordinatingUnits", List.of("MPS"));
      JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("LEGACY"), "2024-05-02",
          List.of(t01));
      String directiveId = issued.get("id").asText();
      String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
      ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(directives.processOf(directiveId, "T01")).singleResult();
      assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getVersionTag())
          .isEqualTo("2");
      assertThat(engine.getRuntimeService().getVariables(pi.getId()))
          .containsEntry("issuerName", "Tổ công tác triển khai Đề án 06 (P06WG)")
          .containsEntry("leadUnitName", "Bộ Y tế").containsEntry("coordinatingUnitNames", "Bộ Công an (MPS)")
          .containsEntry("coordinatingUnitCount", 1).containsEntry("deadline", vietnam("2024-06-28T00:00"))
          .containsEntry("issuedOn", vietnam("2024-05-02T00:00")).containsEntry("directiveId", directiveId);
      assertThat(pi).isWaitingAt("UserTask_CarryOut", "UserTask_Contribute", "Timer_Reminder");
      assertThat(nextReminder(taskId)).isNull();

      // An amendment restarts the deadline watch before Gateway_HasDeadline, which reads `deadline` in this model.
      assertThat(new TaskChangeFixtures(http, engine).amend("leader", directiveId, "T01", Map.of("deadline",
          "2024-07-31", "coordinatingUnits", List.of("MPS", "MOF"), "reason", "Gia hạn")).getStatusCode().value())
          .isEqualTo(200);
      assertThat(engine.getRuntimeService().getVariables(pi.getId()))
          .containsEntry("deadline", vietnam("2024-07-31T00:00")).containsEntry("coordinatingUnitCount", 2)
          .containsEntry("coordinatingUnitNames", "Bộ Công an (MPS); Bộ Tài chính (MOF)");
      assertThat(pi).isWaitingAt("UserTask_CarryOut", "Timer_Reminder");

      clockAt("2024-05-20T10:00");
      complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Đã xong", "completionDate", "2024-05-20"));
      complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));
      assertThat(pi).isEnded();
      assertThat(jdbc.queryForList("select outcome from dt_report where task_id = ? and kind = 'COMPLETION'",
          String.class, taskId)).containsExactly("ACCEPTED");
    } finally {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aVersion3InstanceRemindsByItsOwnTimerOnlyAndKeepsItsVersion() throws Exception {
    String legacy = deploy("directive-task-v3-test",
        Files.readString(Path.of("src/test/resources/models/directive-task-v3.bpmn")));
    String current = null;
    try {
      clockAt("2024-05-02T09:00");
      String ref = DirectiveFixtures.uniqueReference("LEGACY3");
      JsonNode issued = directives.issue("leader", "P06WG", ref, "2024-05-02",
          List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-06-28")));
      String directiveId = issued.get("id").asText();
      String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
      ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(directives.processOf(directiveId, "T01")).singleResult();
      assertThat(engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getVersionTag())
          .isEqualTo("3");
      // Its own timer reminds it (half of 57 days: 2024-05-30); the sweep has no reminder of it, only its escalation.
      assertThat(pi).isWaitingAt("UserTask_CarryOut", "Timer_Reminder");
      TaskChangeFixtures changes = new TaskChangeFixtures(http, engine);
      assertThat(changes.timers(pi.getId())).containsExactly(vietnam("2024-05-30T08:00"));
      assertThat(nextReminder(taskId)).isNull();
      assertThat(nextProgress(taskId)).isNull();
      assertThat(nextEscalation(taskId)).isEqualTo(vietnam("2024-06-29T00:00"));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
          .activityId("Timer_MonthlyProgress").count()).isOne();

      // An amendment restarts its timer from the new deadline (half of 90 days: 2024-06-16).
      assertThat(changes.amend("leader", directiveId, "T01", Map.of("deadline", "2024-07-31", "reason", "Gia hạn"))
          .getStatusCode().value()).isEqualTo(200);
      assertThat(changes.timers(pi.getId())).containsExactly(vietnam("2024-06-16T08:00"));
      assertThat(nextReminder(taskId)).isNull();

      // Once the current model is deployed again, the instance keeps its version: the migration is refused.
      current = deploy("directive-task-current-test", Files.readString(Path.of("processes/directive-task.bpmn")));
      JsonNode dryRun = DirectiveFixtures.read(directives.post("admin", "/api/admin/model-migrations",
          Map.of("processDefinitionKey", "directive-task")).getBody());
      int version = engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getVersion();
      JsonNode entry = null;
      for (JsonNode source : dryRun.get("sources")) {
        if (source.get("version").asInt() == version) {
          entry = source;
        }
      }
      assertThat(entry).isNotNull();
      assertThat(entry.get("valid").asBoolean()).isFalse();
      assertThat(entry.get("problems").toString()).contains("Timer_Reminder");

      // The timer reminds it, once: the sweep that runs at the same moment sends no second reminder.
      clockAt("2024-06-16T08:00:01");
      runDueJobs(List.of(pi.getId()));
      runEscalationSweep(List.of(pi.getId()));
      runDueJobs(List.of(pi.getId()));
      assertThat(jdbc.queryForObject("select count(*) from dt_notification where task_id = ? and event = 'REMINDER'",
          Integer.class, taskId)).isEqualTo(1);
      assertThat(TaskChangeFixtures.subjectsTo("moh", ref)).filteredOn(x -> x.contains("Nhắc việc")).hasSize(1);
    } finally {
      if (current != null) {
        engine.getRepositoryService().deleteDeployment(current, true);
      }
      engine.getRepositoryService().deleteDeployment(legacy, true);
    }
  }

  /** Deploys a version of directive-task with the forms, as the application's auto-deployment does. */
  private String deploy(String name, String model) throws Exception {
    var deployment = engine.getRepositoryService().createDeployment().name(name)
        .addString("processes/directive-task.bpmn", model);
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        deployment.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    }
    return deployment.deploy().getId();
  }

  private static Date vietnam(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }
}

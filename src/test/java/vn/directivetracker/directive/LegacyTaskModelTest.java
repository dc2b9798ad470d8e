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
 * Instances of directive-task version 2 (src/test/resources/models/directive-task-v2.bpmn, the model before
 * the forms' facts moved to dt_task) keep running after the upgrade: their gateways test {@code deadline} and
 * {@code coordinatingUnitCount} and their deployment's forms show the facts from variables, so whatever sets
 * their variables (the start, an amendment) still gives them those, and their review still finds its report.
 */
class LegacyTaskModelTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aVersion2InstanceGetsTheVariablesItsModelAndFormsReadAndRunsToTheEnd() throws Exception {
    var deployment = engine.getRepositoryService().createDeployment().name("directive-task-v2-test")
        .addString("processes/directive-task.bpmn", Files.readString(Path.of("src/test/resources/models/directive-task-v2.bpmn")));
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.sorted().toList()) {
        deployment.addString("forms/" + form.getFileName(), Files.readString(form));
      }
    }
    String deploymentId = deployment.deploy().getId();
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

  private static Date vietnam(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }
}

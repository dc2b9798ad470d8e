package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.ApplicationTest;

/**
 * The task rules' lists, read from the deployed forms (FormVariables), and the beans the models name
 * (BeanFirstExpressions). What users may and may not submit over HTTP is in security.TaskRulesTest.
 */
class FormVariablesTest extends ApplicationTest {

  @Autowired
  private FormVariables formVariables;
  @Autowired
  private BeanFirstExpressions beanFirst;

  @Test
  void theBeansTheModelsNameResolveBeforeVariables() {
    assertThat(beanFirst.names()).contains("returnReport", "recordReport", "acceptReport", "directiveTasks",
        "taskInputValidator").doesNotContain("leadUnit", "secretariat", "reportAccepted");
  }

  /** What each form really submits: its bound fields and the variables its script creates (data-submits). */
  @Test
  void eachUserTaskTakesWhatItsFormSubmits() {
    Map<String, Set<String>> expected = Map.of(
        "directive-task#UserTask_CarryOut", Set.of("progressPercent", "reportResult", "completionDate",
            "openSubtasksReason", "evidence1", "evidence2", "evidence3", "valueReached"),
        "directive-task#UserTask_ReviewReport", Set.of("reportAccepted", "reviewComment"),
        "directive-task#UserTask_Contribute", Set.of("contribution"),
        "directive-task#UserTask_ReportProgress", Set.of("progressPercent", "progressText", "valueReached"),
        "directive-task#UserTask_DecideExtension", Set.of("extensionApproved", "extensionComment"),
        "monthly-review#UserTask_HoldReview", Set.of("conclusions", "issueFollowUp"));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      String[] at = e.getKey().split("#");
      ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(at[0]).latestVersion().singleResult();
      Set<String> names = configuration.getCommandExecutorTxRequired().execute(
          c -> formVariables.ofTask(c, definition.getId(), at[1]));
      assertThat(names).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(names).as(e.getKey() + " writes nothing the process keeps").doesNotContainAnyElementsOf(
          TaskRulesGuard.PROCESS_OWNED);
    }
    // Every user task of our models (processes/*.bpmn) is listed above: a new one needs its line.
    Set<String> deployed = new java.util.TreeSet<>();
    for (String model : List.of("directive", "directive-task", "escalation-sweep", "monthly-review",
        "notification-digest")) {
      var instance = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
          FormVariablesTest.class.getClassLoader().getResourceAsStream("processes/" + model + ".bpmn"));
      instance.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
          .forEach(t -> deployed.add(model + "#" + t.getId()));
    }
    assertThat(deployed).isEqualTo(new java.util.TreeSet<>(expected.keySet()));
    ProcessDefinition directive = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("directive").latestVersion().singleResult();
    Set<String> start = configuration.getCommandExecutorTxRequired().execute(
        c -> formVariables.ofStart(c, directive.getId()));
    assertThat(start).isEqualTo(Set.of("directiveFile", "reference", "issuedOn", "issuer", "title", "directiveRequest"));
    // The forms' scripts create exactly what data-submits declares (the names they pass to createVariable).
    assertThat(FormVariables.fromHtml(read("forms/carry-out.html"))).contains("evidence1", "evidence2", "evidence3");
    assertThat(read("forms/carry-out.html")).contains("var EVIDENCE = ['evidence1', 'evidence2', 'evidence3'];");
    assertThat(read("forms/carry-out.html")).contains("vm.createVariable({ name: name, type: 'File',");
    assertThat(read("forms/issue-directive.html"))
        .contains("['reference', 'issuedOn', 'issuer', 'title', 'directiveRequest'].forEach(function (name) {\n")
        .contains("? { name: name, type: 'Bytes', value: null, isDirty: true, valueInfo: { transient: true } }\n"
            + "            : { name: name, type: 'String', value: null, isDirty: true });");
    // ... of the types they declare.
    assertThat(FormVariables.typesFromHtml(read("forms/issue-directive.html"))).containsEntry("directiveRequest",
        "Bytes|String").containsEntry("title", "String").containsEntry("directiveFile", "File");
    assertThat(FormVariables.typesFromCamundaForm(read("forms/monthly-review.form")))
        .isEqualTo(Map.of("conclusions", "String", "issueFollowUp", "Boolean"));
  }

  private static String read(String resource) {
    try (var in = FormVariablesTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

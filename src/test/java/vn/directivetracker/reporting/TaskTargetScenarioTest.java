package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Measurable targets: issued with a task, a value reached with every progress and completion report (required,
 * a number, and only for a task with a target), and shown against the target with its trend in the directive
 * view and the monthly report (JSON, CSV, XLSX, HTML), which names the tasks far from their target.
 */
class TaskTargetScenarioTest extends ApplicationTest {

  private static Map<String, Object> services() {
    Map<String, Object> t = DirectiveFixtures.task("T1", "HEALTH", "năm 2024");
    t.put("target", Map.of("measure", "Dịch vụ công thiết yếu trực tuyến toàn trình", "unit", "dịch vụ",
        "baseline", 40, "value", 76));
    return t;
  }

  @Test
  void theTargetIsIssuedAndShownBesideTheTask() {
    clockAt("2024-01-03T09:00");
    JsonNode directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("TGT"), "2024-01-03",
        List.of(services(), DirectiveFixtures.task("T2", "LAND", "2024-06-30")));

    JsonNode t1 = DirectiveFixtures.taskOf(directive, "T1");
    assertThat(t1.get("target").get("measure").asText()).isEqualTo("Dịch vụ công thiết yếu trực tuyến toàn trình");
    assertThat(t1.get("target").get("unit").asText()).isEqualTo("dịch vụ");
    assertThat(t1.get("target").get("baseline").decimalValue()).isEqualByComparingTo("40");
    assertThat(t1.get("target").get("value").decimalValue()).isEqualByComparingTo("76");
    assertThat(t1.get("targetProgress").get("far").asBoolean()).isFalse();
    assertThat(t1.get("targetProgress").get("values")).isEmpty();
    assertThat(t1.get("targetProgress").get("percentOfTime").asInt()).isZero();
    assertThat(DirectiveFixtures.taskOf(directive, "T2").has("target")).isFalse();
  }

  @Test
  void anIncompleteTargetOrOneEqualToItsBaselineIsRefusedAndNothingStored() {
    clockAt("2024-01-03T09:00");
    Map<String, Object> noUnit = DirectiveFixtures.task("T1", "HEALTH", "năm 2024");
    noUnit.put("target", Map.of("measure", "Hồ sơ giấy", "value", 0));
    Map<String, Object> noWay = DirectiveFixtures.task("T2", "HEALTH", "năm 2024");
    noWay.put("target", Map.of("measure", "Tỉnh kết nối", "unit", "tỉnh", "baseline", 63, "value", 63));
    String reference = DirectiveFixtures.uniqueReference("TGTBAD");
    ResponseEntity<String> refused = directives.post("leader", "/api/directives", Map.of("reference", reference,
        "issuedOn", "2024-01-03", "issuer", "P06WG", "title", "Chỉ tiêu sai", "tasks", List.of(noUnit, noWay)));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("tasks[0].target.unit", "tasks[1].target.value", "nothing to reach");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }

  @Test
  void reportsGiveTheValueReachedAndTheReportShowsItAgainstTheTarget() throws Exception {
    clockAt("2024-01-03T09:00");
    String reference = DirectiveFixtures.uniqueReference("TGTRUN");
    JsonNode directive = directives.issue("leader", "P06WG", reference, "2024-01-03",
        List.of(services(), DirectiveFixtures.task("T2", "LAND", "2024-12-31")));
    String directiveId = directive.get("id").asText();
    List<String> processes = directives.processesOf(directiveId);
    ProcessInstance t1 = processInstance(directives.processOf(directiveId, "T1"));
    ProcessInstance t2 = processInstance(directives.processOf(directiveId, "T2"));

    clockAt("2024-01-15T08:30");
    runDueJobs(processes);
    Task january = progressTask(t1);
    assertThatThrownBy(() -> engine.getTaskService().complete(january.getId(),
        withVariables("progressPercent", 20L, "progressText", "Đang triển khai")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("valueReached is required");
    assertThatThrownBy(() -> engine.getTaskService().complete(january.getId(),
        withVariables("progressPercent", 20L, "progressText", "Đang triển khai", "valueReached", "nhiều")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("valueReached must be a number");
    complete(january, withVariables("progressPercent", 20L, "progressText", "Đang triển khai", "valueReached", 49.0));
    Task other = progressTask(t2);
    assertThatThrownBy(() -> engine.getTaskService().complete(other.getId(),
        withVariables("progressPercent", 20L, "progressText", "Đang làm", "valueReached", 3.0)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("only for a task with a target");

    clockAt("2024-02-15T08:30");
    runDueJobs(processes);
    complete(progressTask(t1), withVariables("progressPercent", 25L, "progressText", "Chậm", "valueReached", 45.0));
    assertThat(jdbc.queryForList("select r.value_reached from dt_report r join dt_task t on t.id = r.task_id"
        + " where t.directive_id = ? and t.task_key = 'T1' order by r.submitted_at", BigDecimal.class, directiveId))
        .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("49"), new BigDecimal("45"));

    JsonNode view = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T1");
    JsonNode progress = view.get("targetProgress");
    assertThat(progress.get("reached").decimalValue()).isEqualByComparingTo("45");
    assertThat(progress.get("values").toString()).isEqualTo("[49,45]");
    assertThat(progress.get("trend").asText()).isEqualTo("WORSE");
    assertThat(progress.get("percentOfWay").asInt()).isEqualTo(14);

    // At the end of July more than half the year has passed, and 14% of the way is far behind it.
    clockAt("2024-08-01T09:00");
    JsonNode report = directives.get("leader", "/api/reports/monthly?issuer=P06WG&month=2024-07");
    JsonNode row = rowOf(report, reference);
    assertThat(row.get("taskKey").asText()).isEqualTo("T1");
    assertThat(row.get("leadUnit").asText()).isEqualTo("MOH");
    assertThat(row.get("target").get("value").decimalValue()).isEqualByComparingTo("76");
    assertThat(row.get("reached").decimalValue()).isEqualByComparingTo("45");
    assertThat(row.get("trend").asText()).isEqualTo("WORSE");
    assertThat(row.get("percentOfTime").asInt()).isEqualTo(58);
    assertThat(row.get("far").asBoolean()).isTrue();
    // The report for January counts January's value only.
    assertThat(rowOf(directives.get("leader", "/api/reports/monthly?issuer=P06WG&month=2024-01"), reference)
        .get("values").toString()).isEqualTo("[49]");

    String csv = new String(http.withBasicAuth("leader", "demo").getForEntity(
        "/api/reports/monthly?issuer=P06WG&month=2024-07&format=csv", byte[].class).getBody(), StandardCharsets.UTF_8);
    assertThat(csv).contains(String.join(",", ReportTables.TARGET_HEADERS));
    assertThat(csv.lines()).anySatisfy(l -> assertThat(l).startsWith(reference + ",T1,MOH,")
        .contains(",dịch vụ,40,76,45,49 → 45 ↓,14%,58%,CÓ / YES"));

    String html = http.withBasicAuth("leader", "demo").getForEntity(
        "/api/reports/monthly?issuer=P06WG&month=2024-07&format=html", String.class).getBody();
    assertThat(html).contains("<table id=\"table-targets\">", "<section id=\"far-from-target\">",
        reference + " T1 (MOH): Dịch vụ công thiết yếu trực tuyến toàn trình 45 / 76 dịch vụ, 58% thời gian");

    byte[] xlsx = http.withBasicAuth("leader", "demo").getForEntity(
        "/api/reports/monthly?issuer=P06WG&month=2024-07&format=xlsx", byte[].class).getBody();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet targets = book.getSheet("Chỉ tiêu");
      Row found = null;
      for (Row r : targets) {
        if (r.getCell(0).getStringCellValue().equals(reference)) {
          found = r;
        }
      }
      assertThat(found).isNotNull();
      assertThat(found.getCell(7).getNumericCellValue()).isEqualTo(45.0);
      assertThat(found.getCell(11).getStringCellValue()).isEqualTo("CÓ / YES");
    }
  }

  @Test
  void theFinalReportOfATaskWithATargetGivesTheValueReached() {
    clockAt("2024-01-03T09:00");
    JsonNode directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("TGTDONE"),
        "2024-01-03", List.of(services()));
    String directiveId = directive.get("id").asText();
    ProcessInstance pi = processInstance(directives.processOf(directiveId, "T1"));

    clockAt("2024-03-20T09:00");
    Task carryOut = task("UserTask_CarryOut", pi);
    assertThatThrownBy(() -> engine.getTaskService().complete(carryOut.getId(),
        withVariables("reportResult", "Hoàn thành", "completionDate", "2024-03-20")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("valueReached is required");
    complete(carryOut, withVariables("reportResult", "Hoàn thành", "completionDate", "2024-03-20",
        "valueReached", 76L));
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));

    JsonNode progress = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T1")
        .get("targetProgress");
    assertThat(progress.get("percentOfWay").asInt()).isEqualTo(100);
    assertThat(progress.get("percentOfTime").asInt()).isEqualTo(100);
    assertThat(progress.get("far").asBoolean()).isFalse();
  }

  private Task progressTask(ProcessInstance pi) {
    List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("UserTask_ReportProgress").list();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private static JsonNode rowOf(JsonNode report, String reference) {
    for (JsonNode row : report.get("targets")) {
      if (row.get("reference").asText().equals(reference)) {
        return row;
      }
    }
    throw new AssertionError("no target row of " + reference + " in " + report.get("targets"));
  }
}

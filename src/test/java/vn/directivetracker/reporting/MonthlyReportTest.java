package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The monthly report against hand-counted figures. Only this class issues for the Dien Bien provincial working
 * group (DIENBIENWG), so its figures are exactly the fixture below, whatever else the shared database holds.
 *
 * <p>The fixture, built once through the API while the engine clock moves (deadlines in brackets):
 * <pre>
 * A (issued 2024-02-01, entered 2024-02-01)
 *   A1 DOH [03-15] completed 03-10 on time          A5 DOJ [03-25] withdrawn 03-20
 *   A2 DOH [02-20] completed 03-05 late             A6 DOJ [03-31] completed 04-02 (accepted 04-03), late
 *   A3 PC  [03-20] open, title to escape              A7 DOJ [03-01] withdrawn 04-10
 *   A4 PC  [04-30] open, progress report for 2024-03
 * B (issued 2024-03-05, back-filled on 2024-04-20)
 *   B1 PC [03-25] open, title "=HYPERLINK(...)"     B2 DOH [06-30] open (progress report only for 2024-02)
 *   B3 DOH no deadline, open
 * C (issued 2024-05-10)  C1 PC [05-31] open
 * Escalations (dt_escalation, by when the timers ran): 03-05 A2 A7; 03-20 A7; 03-28 A3 A7; 04-10 A3;
 *   04-20 A3 B1; 05-10 A3 A4 B1.
 * </pre>
 */
class MonthlyReportTest extends ApplicationTest {

  static final String ISSUER = "DIENBIENWG";
  static final String USER = "dienbienwg";
  static final String PC = "DIENBIENPC";
  static final String DOH = "DIENBIENDOH";
  static final String DOJ = "DIENBIENDOJ";
  // Markup itself is refused at the API (web.SafeText); what the page must still escape is text like this.
  static final String SCRIPT_TITLE = "Tỷ lệ \"đạt\" < 5% & 'chưa' > 3 Số hóa dữ liệu đất đai";
  static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")";

  private static Fixture fixture;

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;

  record Fixture(String a, String b, String c) {
  }

  @BeforeEach
  void buildFixtureOnce() {
    directives = new DirectiveFixtures(http, jdbc);
    if (fixture == null) {
      fixture = build();
    }
    clockAt("2024-05-15T10:00");
  }

  private Fixture build() {
    List<String> processes = new ArrayList<>();
    clockAt("2024-02-01T09:00");
    JsonNode a = directives.issue(USER, ISSUER, DirectiveFixtures.uniqueReference("RPT-A"), "2024-02-01", List.of(
        directiveTask("A1", "HEALTH", "2024-03-15", DOH, null),
        directiveTask("A2", "TAX", "2024-02-20", DOH, null),
        directiveTask("A3", "LAND", "2024-03-20", PC, SCRIPT_TITLE),
        directiveTask("A4", "EDUCATION", "2024-04-30", PC, null),
        directiveTask("A5", "LABOUR", "2024-03-25", DOJ, null),
        directiveTask("A6", "HOUSING", "2024-03-31", DOJ, null),
        directiveTask("A7", "TELECOM", "2024-03-01", DOJ, null)));
    String aId = a.get("id").asText();
    processes.addAll(directives.processesOf(aId));
    runDueJobs(processes);

    clockAt("2024-03-05T10:00");
    runDueJobs(processes);
    completeTask(aId, "A2", "2024-03-05");

    clockAt("2024-03-10T10:00");
    completeTask(aId, "A1", "2024-03-10");
    runDueJobs(processes);

    clockAt("2024-03-20T10:00");
    withdraw(aId, "A5");
    runDueJobs(processes);

    clockAt("2024-03-28T10:00");
    runDueJobs(processes);
    progressReport(aId, "A4", "2024-03");

    clockAt("2024-04-03T10:00");
    completeTask(aId, "A6", "2024-04-02");
    runDueJobs(processes);

    clockAt("2024-04-10T10:00");
    withdraw(aId, "A7");
    runDueJobs(processes);

    clockAt("2024-04-20T10:00");
    JsonNode b = directives.issue(USER, ISSUER, DirectiveFixtures.uniqueReference("RPT-B"), "2024-03-05", List.of(
        directiveTask("B1", "BANKING", "2024-03-25", PC, FORMULA_TITLE),
        directiveTask("B2", "ADMIN_REFORM", "2024-06-30", DOH, null),
        directiveTask("B3", "COMMUNICATION", null, DOH, null)));
    String bId = b.get("id").asText();
    processes.addAll(directives.processesOf(bId));
    runDueJobs(processes);
    progressReport(bId, "B2", "2024-02");

    clockAt("2024-05-10T10:00");
    JsonNode c = directives.issue(USER, ISSUER, DirectiveFixtures.uniqueReference("RPT-C"), "2024-05-10", List.of(
        directiveTask("C1", "HEALTH", "2024-05-31", PC, null)));
    processes.addAll(directives.processesOf(c.get("id").asText()));
    runDueJobs(processes);
    return new Fixture(aId, bId, c.get("id").asText());
  }

  @Test
  void aPastMonthIsReportedAsItStoodAtItsEndPerUnitAndInTotal() {
    JsonNode report = json(USER, "2024-03");
    assertThat(report.get("issuer").asText()).isEqualTo(ISSUER);
    assertThat(report.get("issuerName").asText()).isEqualTo("Tổ công tác triển khai Đề án 06 tỉnh Điện Biên");
    assertThat(report.get("asOf").asText()).isEqualTo("2024-03-31");
    assertThat(report.get("progressDueOn").asText()).isEqualTo("2024-03-25");

    // onTime, late, inProgress, overdue, onTimeRate, escalations, missingProgressReports
    assertFigures(unit(report, DOH), 1, 1, 2, 0, 0.5, 1, 2);
    assertFigures(unit(report, PC), 0, 0, 1, 2, null, 1, 2);
    assertFigures(unit(report, DOJ), 0, 0, 1, 1, null, 3, 2);
    assertFigures(report.get("totals"), 1, 1, 4, 3, 0.5, 5, 6);
    assertThat(report.get("units")).hasSize(3);
    assertThat(unit(report, PC).get("name").asText()).isEqualTo("Công an tỉnh Điện Biên");

    JsonNode overdue = report.get("overdueTasks");
    assertThat(overdue).hasSize(3);
    assertOverdue(overdue.get(0), "A7", DOJ, "2024-03-01", 30, 2);
    assertOverdue(overdue.get(1), "A3", PC, "2024-03-20", 11, 2);
    assertOverdue(overdue.get(2), "B1", PC, "2024-03-25", 6, 0);
    assertThat(overdue.get(1).get("title").asText()).isEqualTo(SCRIPT_TITLE);
    assertThat(overdue.get(2).get("reference").asText()).startsWith("RPT-B-");

    assertRanking(report, PC, DOJ, DOH);
    assertThat(report.get("ranking").get(0).get("overdue").asInt()).isEqualTo(2);
    assertThat(report.get("ranking").get(0).get("onTimeRate").isNull()).isTrue();
  }

  @Test
  void theCurrentMonthIsReportedAsItStandsNow() {
    JsonNode report = json("dienbienwgsec", "2024-05");
    assertThat(report.get("asOf").asText()).isEqualTo("2024-05-15");
    // Before the 25th no progress report is missing yet; A5 and A7 are withdrawn by now; C1 counts.
    assertFigures(unit(report, DOH), 1, 1, 2, 0, 0.5, 0, 0);
    assertFigures(unit(report, PC), 0, 0, 1, 3, null, 3, 0);
    assertFigures(unit(report, DOJ), 0, 1, 0, 0, 0.0, 0, 0);
    assertFigures(report.get("totals"), 1, 2, 3, 3, 0.3333, 3, 0);
    List<String> keys = new ArrayList<>();
    report.get("overdueTasks").forEach(t -> keys.add(t.get("taskKey").asText()));
    assertThat(keys).containsExactly("A3", "B1", "A4");
    assertThat(report.get("overdueTasks").get(0).get("escalationLevel").asInt()).isEqualTo(3);
    assertRanking(report, PC, DOJ, DOH);
  }

  @Test
  void theTrendShowsOnTimeCompletionsAndOverdueTasksAtEachOfTwelveMonthEnds() {
    JsonNode trend = json("auditor", "2024-05").get("trend");
    assertThat(trend).hasSize(12);
    assertThat(trend.get(0).get("month").asText()).isEqualTo("2023-06");
    List<String> points = new ArrayList<>();
    trend.forEach(p -> points.add(p.get("month").asText() + ":" + p.get("completedOnTime").asInt() + "/"
        + p.get("overdue").asInt()));
    assertThat(points.subList(7, 12)).containsExactly("2024-01:0/0", "2024-02:0/1", "2024-03:1/3", "2024-04:1/2",
        "2024-05:1/3");
  }

  @Test
  void aMonthBeforeAnyDirectiveIsEmptyWithoutRates() {
    JsonNode report = json("admin", "2024-01");
    assertThat(report.get("units")).isEmpty();
    assertFigures(report.get("totals"), 0, 0, 0, 0, null, 0, 0);
    assertThat(report.get("ranking")).isEmpty();
  }

  @Test
  void csvHasABomVietnameseHeadersEveryTableAndNeutralisedFormulas() {
    ResponseEntity<byte[]> response = http.withBasicAuth(USER, "demo")
        .getForEntity("/api/reports/monthly?issuer=" + ISSUER + "&month=2024-03&format=csv", byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("bao-cao-thang-DIENBIENWG-2024-03.csv");
    byte[] bytes = response.getBody();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", ReportTables.UNIT_HEADERS));
    assertThat(lines.get(0)).startsWith("Mã đơn vị / Unit,Tên đơn vị / Name,Hoàn thành đúng hạn");
    assertThat(lines).contains(DOH + ",Sở Y tế tỉnh Điện Biên,1,1,2,0,50%,1,2");
    assertThat(lines).contains("Tổng cộng / Total,,1,1,4,3,50%,5,6");
    assertThat(lines).contains(String.join(",", ReportTables.OVERDUE_HEADERS),
        String.join(",", ReportTables.RANKING_HEADERS));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(",B1,\"'=HYPERLINK(\"\"http://evil.example\"\"")
        .endsWith("," + PC + ",2024-03-25,6,0"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).contains(",\"=HYPERLINK"));
    assertThat(lines).contains("1," + PC + ",Công an tỉnh Điện Biên,2,");
  }

  @Test
  void xlsxHasOneSheetPerTableWithVietnameseHeaders() throws Exception {
    ResponseEntity<byte[]> response = http.withBasicAuth(USER, "demo")
        .getForEntity("/api/reports/monthly?issuer=" + ISSUER + "&month=2024-03&format=xlsx", byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MonthlyReportController.XLSX);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(4);
      Sheet units = book.getSheet("Đơn vị");
      assertThat(units.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Hoàn thành đúng hạn / Completed on time");
      assertThat(units.getLastRowNum()).isEqualTo(4);
      assertThat(units.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Tổng cộng / Total");
      assertThat(units.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(3.0);
      Sheet overdue = book.getSheet("Nhiệm vụ quá hạn");
      assertThat(overdue.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Số ngày quá hạn / Days overdue");
      assertThat(overdue.getLastRowNum()).isEqualTo(3);
      assertThat(overdue.getRow(3).getCell(2).getStringCellValue()).isEqualTo(FORMULA_TITLE);
      assertThat(overdue.getRow(3).getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(overdue.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(30.0);
      // A deadline is a date cell, shown as the Vietnamese write it, so it sorts and filters as a day.
      assertThat(overdue.getRow(1).getCell(4).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(overdue.getRow(1).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
      Sheet ranking = book.getSheet("Xếp hạng");
      assertThat(ranking.getRow(1).getCell(1).getStringCellValue()).isEqualTo(PC);
      assertThat(ranking.getRow(3).getCell(1).getStringCellValue()).isEqualTo(DOH);
    }
  }

  @Test
  void htmlHasTablesChartsFromTheWebjarAndEscapesText() {
    ResponseEntity<String> response = http.withBasicAuth(USER, "demo")
        .getForEntity("/api/reports/monthly?issuer=" + ISSUER + "&month=2024-03&format=html", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
    String html = response.getBody();
    assertThat(html).contains("<table id=\"table-units\">", "<table id=\"table-overdue\">",
        "<table id=\"table-ranking\">", "<table id=\"table-trend\">", "@page { size: A4;", "@media print",
        "<canvas id=\"chart-units\"", "<canvas id=\"chart-trend\"", "stacked: true");
    assertThat(html).contains("<script src=\"/webjars/chart.js/4.5.1/dist/chart.umd.min.js\"></script>");
    assertThat(html).contains("Tỷ lệ &quot;đạt&quot; &lt; 5% &amp; &#39;chưa&#39; &gt; 3 Số hóa dữ liệu đất đai")
        .doesNotContain("\"đạt\" < 5% &");
    // Months and days as the Vietnamese write them, whatever the browser's language.
    assertThat(html).contains("<h1>Báo cáo tháng 03/2024 — ", "<td>01/03/2024</td><td class=\"num\">30</td>",
        "\"months\":[\"04/2023\",").doesNotContain("2024-03-01");
    assertThat(html).contains("<td>Tổng cộng / Total</td><td></td><td class=\"num\">1</td><td class=\"num\">1</td>"
        + "<td class=\"num\">4</td><td class=\"num\">3</td><td>50%</td><td class=\"num\">5</td><td class=\"num\">6</td>");
    assertThat(html).contains("\"units\":[\"" + DOH + "\",\"" + DOJ + "\",\"" + PC + "\"]");

    // The script the page names is served by the app itself, to anybody (it is a public library).
    ResponseEntity<String> script = http.getForEntity("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("Chart");
  }

  @Test
  void withoutCredentialsTheHtmlPageAsksForBasicAuthentication() {
    ResponseEntity<String> response = http.getForEntity(
        "/api/reports/monthly?issuer=" + ISSUER + "&month=2024-03&format=html", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @ParameterizedTest
  @CsvSource({"dienbienwg,200", "dienbienwgsec,200", "auditor,200", "admin,200", "leader,403", "dienbienpc,403",
      "laichauwg,403", "secretary,403"})
  void onlyTheIssuerItsSecretariatAuditorsAndAdminsMayRead(String user, int status) {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo")
        .getForEntity("/api/reports/monthly?issuer=" + ISSUER + "&month=2024-03", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    if (status == 403) {
      assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
      assertThat(response.getBody()).doesNotContain("completedOnTime");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "issuer=XYZWG&month=2024-03|issuer",
      "issuer=MOH&month=2024-03|issuer",
      "month=2024-03|issuer",
      "issuer=DIENBIENWG&month=2024-13|month",
      "issuer=DIENBIENWG&month=2024-3|month",
      "issuer=DIENBIENWG&month=March|month",
      "issuer=DIENBIENWG&month=2024-06|month",
      "issuer=DIENBIENWG|month",
      "issuer=DIENBIENWG&month=2024-03&format=docx|format"})
  void badInputIsRefusedNamingTheField(String query, String field) {
    ResponseEntity<String> response = http.withBasicAuth("auditor", "demo")
        .getForEntity("/api/reports/monthly?" + query, String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    JsonNode body = DirectiveFixtures.read(response.getBody());
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
  }

  // ---------------------------------------------------------------------------------------------

  private JsonNode json(String user, String month) {
    return directives.get(user, "/api/reports/monthly?issuer=" + ISSUER + "&month=" + month);
  }

  private static JsonNode unit(JsonNode report, String code) {
    for (JsonNode u : report.get("units")) {
      if (u.get("code").asText().equals(code)) {
        return u;
      }
    }
    throw new AssertionError("no unit " + code + " in " + report.get("units"));
  }

  private static void assertFigures(JsonNode f, int onTime, int late, int inProgress, int overdue, Double rate,
      int escalations, int missing) {
    assertThat(List.of(f.get("completedOnTime").asInt(), f.get("completedLate").asInt(), f.get("inProgress").asInt(),
        f.get("overdue").asInt(), f.get("escalations").asInt(), f.get("missingProgressReports").asInt()))
        .as("onTime, late, inProgress, overdue, escalations, missing of %s", f)
        .containsExactly(onTime, late, inProgress, overdue, escalations, missing);
    assertThat(f.has("onTimeRate")).isTrue();
    if (rate == null) {
      assertThat(f.get("onTimeRate").isNull()).as("onTimeRate of %s", f).isTrue();
    } else {
      assertThat(f.get("onTimeRate").asDouble()).as("onTimeRate of %s", f).isEqualTo(rate);
    }
  }

  private static void assertOverdue(JsonNode t, String key, String lead, String deadline, int days, int level) {
    assertThat(List.of(t.get("taskKey").asText(), t.get("leadUnit").asText(), t.get("deadline").asText(),
        t.get("daysOverdue").asText(), t.get("escalationLevel").asText()))
        .containsExactly(key, lead, deadline, String.valueOf(days), String.valueOf(level));
  }

  private static void assertRanking(JsonNode report, String... codes) {
    List<String> ranked = new ArrayList<>();
    report.get("ranking").forEach(r -> ranked.add(r.get("rank").asInt() + ":" + r.get("code").asText()));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      expected.add((i + 1) + ":" + codes[i]);
    }
    assertThat(ranked).containsExactlyElementsOf(expected);
  }

  private static Map<String, Object> directiveTask(String key, String domain, String deadline, String lead, String title) {
    Map<String, Object> t = DirectiveFixtures.task(key, domain, deadline);
    t.put("leadUnit", lead);
    if (title != null) {
      t.put("title", title);
    }
    return t;
  }

  private void completeTask(String directiveId, String key, String completionDate) {
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(directives.processOf(directiveId, key)).singleResult();
    complete(task("UserTask_CarryOut", pi), withVariables("reportResult", "Đã hoàn thành", "completionDate",
        completionDate));
    complete(task("UserTask_ReviewReport", pi), withVariables("reportAccepted", true));
  }

  private void withdraw(String directiveId, String key) {
    ResponseEntity<String> response = directives.post(USER, "/api/directives/" + directiveId + "/tasks/" + key
        + "/withdrawal", Map.of("reason", "Không còn phù hợp"));
    assertThat(response.getStatusCode().value()).isEqualTo(200);
  }

  /** A unit's monthly progress report, as the progress-report feature stores it. */
  private void progressReport(String directiveId, String key, String period) {
    String taskId = jdbc.queryForObject("select id from dt_task where directive_id = ? and task_key = ?", String.class,
        directiveId, key);
    String unit = jdbc.queryForObject("select lead_unit from dt_task where id = ?", String.class, taskId);
    jdbc.update("insert into dt_report (id, task_id, kind, unit, submitted_at, result, period, progress_percent)"
        + " values (?, ?, 'PROGRESS', ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), taskId, unit,
        Timestamp.from(Instant.now()), "Đã thực hiện 60%", period, 60);
  }
}

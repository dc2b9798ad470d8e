package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The auditor's history over HTTP: a finished task found by search (reference, unit, status, day of issue), its
 * timeline with Vietnamese event names and who did it, the lead-unit decision's inputs and outputs, its evidence
 * file by name (not a stream object) downloaded by those who read the trail, and the monthly report as a PDF.
 */
class AuditHistoryTest extends ApplicationTest {

  static final String EVIDENCE_NAME = "Biên bản nghiệm thu số 12.pdf";
  static final byte[] EVIDENCE = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);

  String reference;
  String taskId;

  @BeforeEach
  void aTaskReportedWithEvidenceAndAccepted() {
    clockAt("2024-03-04T09:00");
    reference = DirectiveFixtures.uniqueReference("AUDHIST");
    JsonNode issued = directives.issue("leader", "P06WG", reference, "2024-03-04",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-04-30")));
    String directiveId = issued.get("id").asText();
    taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    String process = directives.processOf(directiveId, "T01");
    runDueJobs(directives.processesOf(directiveId));
    clockAt("2024-03-05T10:00");
    String carryOut = openTask(process, "UserTask_CarryOut");
    assertStatus(directives.post("moh", "/engine-rest/task/" + carryOut + "/claim", "{\"userId\": \"moh\"}"), 204);
    clockAt("2024-03-05T11:00");
    assertStatus(directives.post("moh", "/engine-rest/task/" + carryOut + "/complete", "{\"variables\": {"
        + "\"reportResult\": {\"value\": \"Đã hoàn thành\"}, \"completionDate\": {\"value\": \"2024-03-05\"},"
        + " \"evidence1\": {\"type\": \"File\", \"value\": \"" + Base64.getEncoder().encodeToString(EVIDENCE) + "\","
        + " \"valueInfo\": {\"filename\": \"" + EVIDENCE_NAME + "\", \"mimeType\": \"application/pdf\"}}}}"), 204);
    runDueJobs(directives.processesOf(directiveId));
    clockAt("2024-03-06T08:30");
    String review = openTask(process, "UserTask_ReviewReport");
    assertStatus(directives.post("secretary", "/engine-rest/task/" + review + "/claim",
        "{\"userId\": \"secretary\"}"), 204);
    assertStatus(directives.post("secretary", "/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"reportAccepted\": {\"value\": true}}}"), 204);
    runDueJobs(directives.processesOf(directiveId));
  }

  @Test
  void theTimelineNamesEventsInVietnameseWithWhoAndWhichUnitAndTheEvidenceByName() {
    ResponseEntity<String> first = get("auditor", "/api/audit/tasks/" + taskId);
    assertThat(first.getBody()).doesNotContain("ByteArrayInputStream", "InputStream@");
    JsonNode trail = body(first);
    List<JsonNode> events = StreamSupport.stream(trail.get("events").spliterator(), false).toList();
    assertThat(events).extracting(e -> e.get("label").asText()).containsSubsequence("Ban hành",
        "Xác định đơn vị chủ trì", "Giao đơn vị chủ trì", "Nhận xử lý", "Báo cáo kết quả", "Tài liệu minh chứng",
        "Chuyển cơ quan thường trực xem xét", "Chấp nhận báo cáo", "Hoàn thành đúng hạn");

    JsonNode claimed = event(events, "claimed");
    assertThat(claimed.get("actorName").asText()).contains("(moh)").isNotEqualTo("moh");
    assertThat(claimed.get("unitName").asText()).isEqualTo("Bộ Y tế (MOH)");
    assertThat(event(events, "accepted").get("unitName").asText()).contains("P06WGSEC");
    assertThat(event(events, "completed").get("actorName").asText()).isEqualTo("Hệ thống");

    // The lead-unit decision, with what it was given and what it decided.
    JsonNode decision = event(events, "decision taken").get("details");
    assertThat(decision.get("decision").asText()).isEqualTo("lead-unit");
    assertThat(decision.get("inputs").size()).isPositive();
    assertThat(decision.get("outputs").get("leadUnit").asText()).isEqualTo("MOH");

    // The evidence: its name, type, size and content hash, and where to download it.
    JsonNode file = event(events, "file attached");
    assertThat(file.get("actor").asText()).isEqualTo("moh");
    assertThat(file.get("details").get("fileName").asText()).isEqualTo(EVIDENCE_NAME);
    assertThat(file.get("details").get("mimeType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("details").get("size").asInt()).isEqualTo(EVIDENCE.length);
    assertThat(file.get("details").get("sha256").asText()).isEqualTo(HashChain.sha256Hex(EVIDENCE));
    // Exported again, the same chain: nothing in it depends on the export (a stream object's address did).
    assertThat(body(get("auditor", "/api/audit/tasks/" + taskId)).get("chainHead").asText())
        .isEqualTo(trail.get("chainHead").asText());
    String csv = get("auditor", "/api/audit/tasks/" + taskId + "?format=csv").getBody();
    assertThat(csv).contains("file attached", EVIDENCE_NAME).doesNotContain("InputStream@");
  }

  @Test
  void aFileFieldLeftEmptyIsAChangeToTheFieldNotAnAttachedFile() {
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("AUDHIST-EMPTY"),
        "2024-03-04", List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-04-30")));
    String running = directives.processOf(issued.get("id").asText(), "T01");
    // What a form's file field sends when nothing was chosen: a file without a name or a byte.
    engine.getRuntimeService().setVariable(running, "annexFile", Variables.fileValue("").file(new byte[0]).create());
    String runningTask = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    List<JsonNode> events = StreamSupport.stream(body(get("auditor", "/api/audit/tasks/" + runningTask))
        .get("events").spliterator(), false).toList();
    assertThat(events).noneMatch(e -> "file attached".equals(e.get("type").asText()));
    JsonNode empty = events.stream().filter(e -> "annexFile".equals(e.get("details").path("name").asText()))
        .findFirst().orElseThrow();
    assertThat(empty.get("type").asText()).isEqualTo("variable changed");
    assertThat(empty.get("label").asText()).isEqualTo("Thay đổi dữ liệu");
    assertThat(empty.get("details").has("value")).isFalse();
    assertThat(empty.get("details").get("valueType").asText()).isEqualTo("file");
  }

  @Test
  void theEvidenceDownloadsByNameForThoseWhoReadTheTrailAndNobodyElse() {
    JsonNode file = event(StreamSupport.stream(body(get("auditor", "/api/audit/tasks/" + taskId)).get("events")
        .spliterator(), false).toList(), "file attached");
    String url = "/api/audit/files/" + file.get("details").get("detailId").asText();
    for (String user : List.of("auditor", "admin", "leader", "secretary", "moh")) {
      ResponseEntity<byte[]> download = http.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
      assertThat(download.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).isEqualTo(EVIDENCE);
      assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(EVIDENCE_NAME);
      assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
      assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    for (String user : List.of("moj", "haiphongwg")) {
      assertThat(get(user, url).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(get("nobody-files", url).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A history entry that is no file, or none at all: not found; a malformed id: 400.
    String textDetail = engine.getHistoryService().createHistoricDetailQuery().variableUpdates()
        .processInstanceId(jdbc.queryForObject("select process_instance_id from dt_task where id = ?", String.class,
            taskId)).list().stream().filter(d -> !"file".equals(
                ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getTypeName())).findFirst().orElseThrow()
        .getId();
    assertThat(get("auditor", "/api/audit/files/" + textDetail).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("auditor", "/api/audit/files/no-such-entry").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("auditor", "/api/audit/files/a.b").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theSearchFindsTheFinishedTaskByReferenceUnitStatusAndDayForThoseWhoReadIt() {
    String q = "&q=" + reference.substring(0, reference.indexOf('/'));
    JsonNode found = body(get("auditor", "/api/audit/search?status=COMPLETED_ON_TIME&unit=MOH&from=2024-03-01"
        + "&to=2024-03-31" + q));
    assertThat(found.get("tasks")).hasSize(1);
    JsonNode row = found.get("tasks").get(0);
    assertThat(row.get("taskId").asText()).isEqualTo(taskId);
    assertThat(row.get("reference").asText()).isEqualTo(reference);
    assertThat(row.get("running").asBoolean()).isFalse();
    assertThat(row.get("statusLabel").asText()).isEqualTo("Hoàn thành đúng hạn");
    assertThat(row.get("leadUnitName").asText()).isEqualTo("Bộ Y tế (MOH)");
    assertThat(row.get("completedOn").asText()).isEqualTo("2024-03-05");

    List<String> none = List.of("status=OVERDUE", "status=IN_PROGRESS", "unit=MOJ", "from=2024-03-05",
        "to=2024-03-03");
    for (String filter : none) {
      assertThat(body(get("auditor", "/api/audit/search?" + filter + q)).get("tasks")).as(filter).isEmpty();
    }
    // Who finds it: as for the trail.
    for (String user : List.of("admin", "leader", "secretary", "moh")) {
      assertThat(body(get(user, "/api/audit/search?" + q.substring(1))).get("tasks")).as(user).hasSize(1);
    }
    for (String user : List.of("moj", "haiphongwg")) {
      assertThat(body(get(user, "/api/audit/search?" + q.substring(1))).get("tasks")).as(user).isEmpty();
    }
    assertThat(get("nobody-search", "/api/audit/search").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String bad : List.of("status=DONE", "from=05/03/2024", "unit=M%20OH")) {
      ResponseEntity<String> r = get("auditor", "/api/audit/search?" + bad);
      assertThat(r.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void theMonthlyReportOpensAsAPdfWithItsVietnameseTextForItsReaders() throws Exception {
    String url = "/api/reports/monthly.pdf?issuer=P06WG&month=2024-03";
    ResponseEntity<byte[]> pdf = http.withBasicAuth("auditor", "demo").getForEntity(url, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("bao-cao-thang-P06WG-2024-03.pdf");
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      assertThat(document.getNumberOfPages()).isPositive();
      PDPage page = document.getPage(0);
      assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Báo cáo tháng 03/2024", "Tổ công tác triển khai Đề án 06",
          "Theo đơn vị chủ trì", "Nhiệm vụ quá hạn", "Xếp hạng", "Bộ Y tế", "Trang 1 / ");
      List<String> fonts = new ArrayList<>();
      for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        fonts.add(font.getName());
      }
      assertThat(fonts).anyMatch(f -> f.contains("DejaVuSerif"));
    }
    // The same readers as the HTML report.
    for (String user : List.of("leader", "secretary", "admin")) {
      assertThat(http.withBasicAuth(user, "demo").getForEntity(url, byte[].class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.OK);
    }
    for (String user : List.of("moh", "haiphongwg")) {
      assertThat(get(user, url).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get("nobody-pdf", url).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("auditor", "/api/reports/monthly.pdf?issuer=P06WG&month=2024-3").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private String openTask(String process, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process).taskDefinitionKey(activity)
        .singleResult().getId();
  }

  private static JsonNode event(List<JsonNode> events, String type) {
    return events.stream().filter(e -> e.get("type").asText().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + type + " in " + events));
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private static void assertStatus(ResponseEntity<String> r, int status) {
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
  }

  private static JsonNode body(ResponseEntity<String> r) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return DirectiveFixtures.read(r.getBody());
  }
}

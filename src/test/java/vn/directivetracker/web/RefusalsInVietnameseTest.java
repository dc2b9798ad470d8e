package vn.directivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.TaskChangeFixtures;
import vn.directivetracker.shared.text.Bilingual;

/**
 * Every refusal a person can meet in a form or a page, as a table: each is a 4xx whose message starts in
 * Vietnamese, has the English below it, and names no Java class or engine code. The forms' refusals are sent
 * as Tasklist sends them (submit-form, claim, create) on both engine API surfaces; the pages' on /api.
 */
class RefusalsInVietnameseTest extends ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One refusal: what is sent, what must come back. */
  private record Refusal(String what, ResponseEntity<String> answer, int status, String vietnamese, String english) {
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void everyRefusalOfTheFormsIsA4xxInVietnameseWithEnglishBelow(Surface surface) throws Exception {
    EngineApiClient api = new EngineApiClient(http);
    LocalDate today = LocalDate.now(VIETNAM);
    List<Refusal> table = new ArrayList<>();

    // The start form (forms/issue-directive.html), as the leader and as others.
    String start = "/process-definition/key/directive/submit-form";
    table.add(new Refusal("start form: a lead override that is no unit",
        api.call(surface, "leader", HttpMethod.POST, start, startForm(today, today, "XYZ")), 400,
        "nhiệm vụ 1, đơn vị chủ trì: Không có đơn vị «XYZ».", "task 1, leadUnit: No unit is named 'XYZ'."));
    table.add(new Refusal("start form: an issue date in the future",
        api.call(surface, "leader", HttpMethod.POST, start, startForm(today.plusDays(3), today.plusDays(30), null)), 400,
        "ngày ban hành: " + shown(today.plusDays(3)) + " là ngày trong tương lai", "is in the future"));
    table.add(new Refusal("start form: another issuer's member",
        api.call(surface, "haiphongwg", HttpMethod.POST, start, startForm(today, today.plusDays(30), null)), 400,
        "Chỉ đạo chưa được lưu: Bạn không có quyền", "only members of P06WG may issue"));
    table.add(new Refusal("start form: a unit",
        api.call(surface, "moh", HttpMethod.POST, start, startForm(today, today.plusDays(30), null)), 403,
        "Bạn không có quyền thực hiện thao tác này", "You may not"));

    // The lead unit's report (forms/carry-out.html).
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "HEALTH", today.plusDays(30).toString());
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("VI"), today.toString(),
        List.of(t01));
    String process = directives.processOf(issued.get("id").asText(), "T01");
    String carryOut = task(process, "UserTask_CarryOut").getId();
    String submit = "/task/" + carryOut + "/submit-form";
    table.add(new Refusal("report: no report, no date", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("progressPercent", typed(50, "Long")))), 400,
        "Chưa hoàn thành được 'T01 · Nhiệm vụ T01 (HEALTH)': cần ghi kết quả thực hiện",
        "Cannot complete 'T01 · Nhiệm vụ T01 (HEALTH)': the report (reportResult) is required"));
    table.add(new Refusal("report: a completion date in the future", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("reportResult", typed("Xong", "String"),
            "completionDate", typed(today.plusDays(2).toString(), "String")))), 400,
        "ngày hoàn thành " + shown(today.plusDays(2)) + " là ngày trong tương lai", "is in the future"));
    table.add(new Refusal("report: evidence of a refused type", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("reportResult", typed("Xong", "String"), "completionDate", typed(today.toString(), "String"),
            "evidence1", file("setup.exe", "application/x-msdownload")))), 400,
        "tệp 'setup.exe' (evidence1) không thuộc loại được nhận", "'setup.exe' is not an accepted type"));
    table.add(new Refusal("report: a text too long to store", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("reportResult", typed("x".repeat(4001), "String")))), 400,
        "reportResult dài 4.001 ký tự, quá 4.000 ký tự", "reportResult is longer than 4,000 characters"));
    table.add(new Refusal("report: a value of the wrong type", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("progressPercent", typed("năm mươi", "String")))), 400,
        "progressPercent phải có kiểu Long", "progressPercent must be of type Long"));
    engine.getTaskService().claim(carryOut, "admin");
    table.add(new Refusal("claim: a task claimed by someone else", api.call(surface, "moh", HttpMethod.POST,
        "/task/" + carryOut + "/claim", "{\"userId\": \"moh\"}"), 409,
        "Nhiệm vụ đã được người khác nhận", "is already claimed by someone else"));
    engine.getTaskService().setAssignee(carryOut, null);
    table.add(new Refusal("Tasklist's 'Create task' as a unit", api.call(surface, "moh", HttpMethod.POST,
        "/task/create", "{\"name\": \"Việc riêng\"}"), 403, "Bạn không có quyền", "You may not"));

    // The secretariat's review (forms/review-report.html): returning needs a comment.
    engine.getTaskService().complete(carryOut, Variables.putValue("reportResult", "Xong")
        .putValue("completionDate", today.toString()).putValue("progressPercent", 100L));
    String review = task(process, "UserTask_ReviewReport").getId();
    table.add(new Refusal("review: a return without a comment", api.call(surface, "secretary", HttpMethod.POST,
        "/task/" + review + "/submit-form", variables(Map.of("reportAccepted", typed(false, "Boolean")))), 400,
        "cần ghi ý kiến khi trả lại báo cáo", "a comment (reviewComment) when returning is required"));
    table.add(new Refusal("report: a task that is no longer open", api.call(surface, "moh", HttpMethod.POST, submit,
        variables(Map.of("reportResult", typed("Xong", "String")))), 409, "Nhiệm vụ này không còn mở", "no longer open"));

    assertAll(surface, table);
  }

  /** The issuer's decision (forms/decide-extension.html) and the monthly progress report (report-progress.html). */
  @ParameterizedTest
  @EnumSource(Surface.class)
  void theExtensionDecisionAndTheProgressReportAreRefusedInVietnamese(Surface surface) throws Exception {
    EngineApiClient api = new EngineApiClient(http);
    List<Refusal> table = new ArrayList<>();
    clockAt("2024-03-01T09:00");
    IssuedTask issued = issueOneTask("VI-EXT", "2024-03-01", DirectiveFixtures.task("T01", "CIVIL_STATUS", "2024-03-29"));
    clockAt("2024-03-05T10:00");
    assertThat(new TaskChangeFixtures(http, engine).send("moj", HttpMethod.POST, "/api/tasks/" + issued.taskId()
        + "/extension-request", Map.of("deadline", "2024-04-30", "reason", "Chờ số liệu của các địa phương"))
        .getStatusCode().value()).isEqualTo(201);
    String decide = task(issued.process().getId(), "UserTask_DecideExtension").getId();
    table.add(new Refusal("extension: a refusal without a comment", api.call(surface, "leader", HttpMethod.POST,
        "/task/" + decide + "/submit-form", variables(Map.of("extensionApproved", typed(false, "Boolean")))), 400,
        "cần ghi ý kiến khi không đồng ý gia hạn", "a comment (extensionComment) is required when refusing"));

    clockAt("2024-03-15T08:30");
    runDueJobs(List.of(issued.process().getId()));
    String progress = task(issued.process().getId(), "UserTask_ReportProgress").getId();
    table.add(new Refusal("progress: a percentage over 100", api.call(surface, "moj", HttpMethod.POST,
        "/task/" + progress + "/submit-form", variables(Map.of("progressPercent", typed(150, "Long"),
            "progressText", typed("Đang làm", "String")))), 400,
        "tiến độ phải là số nguyên từ 0 đến 100", "progressPercent must be a whole number 0-100"));
    assertAll(surface, table);
  }

  /** The pages read /api: its refusals' detail starts in Vietnamese, and a field's problem has its Vietnamese. */
  @Test
  void theApisRefusalsStartInVietnamese() throws Exception {
    List<Refusal> table = new ArrayList<>();
    Map<String, Object> task = DirectiveFixtures.task("T01", "HEALTH", LocalDate.now(VIETNAM).plusDays(30).toString());
    task.put("leadUnit", "XYZ");
    Map<String, Object> body = Map.of("reference", DirectiveFixtures.uniqueReference("VI-API"), "issuer", "P06WG",
        "issuedOn", LocalDate.now(VIETNAM).toString(), "title", "Thông báo", "tasks", List.of(task));
    ResponseEntity<String> badLead = directives.post("leader", "/api/directives", body);
    table.add(new Refusal("issue: a lead that is no unit", badLead, 400, "Yêu cầu không hợp lệ", "1 invalid field"));
    assertThat(JSON.readTree(badLead.getBody()).at("/errors/0/messageVi").asText())
        .isEqualTo("Không có đơn vị «XYZ».");
    table.add(new Refusal("a directive that does not exist",
        http.withBasicAuth("leader", "demo").getForEntity("/api/directives/khong-co", String.class), 404,
        "Không tìm thấy", "not found"));
    table.add(new Refusal("monthly report without issuer or month",
        http.withBasicAuth("leader", "demo").getForEntity("/api/reports/monthly", String.class), 400,
        "Yêu cầu không hợp lệ", "invalid fields"));
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    table.add(new Refusal("preferences sent as text", http.withBasicAuth("moh", "demo").exchange(
        "/api/me/notification-preferences", HttpMethod.PUT, new HttpEntity<>("digest", text), String.class), 415,
        "Định dạng dữ liệu gửi lên không được chấp nhận", "text/plain"));

    // A lead unit asks for a later deadline from its Tasklist form, which shows these as they come.
    LocalDate today = LocalDate.now(VIETNAM);
    IssuedTask extended = issueOneTask("VI-EXT-API", today.toString(),
        DirectiveFixtures.task("T01", "CIVIL_STATUS", today.plusDays(30).toString()));
    TaskChangeFixtures changes = new TaskChangeFixtures(http, engine);
    String ask = "/api/tasks/" + extended.taskId() + "/extension-request";
    ResponseEntity<String> tooEarly = changes.send("moj", HttpMethod.POST, ask,
        Map.of("deadline", today.plusDays(10).toString(), "reason", "Chờ số liệu"));
    table.add(new Refusal("extension: a day not after the deadline", tooEarly, 400, "Yêu cầu không hợp lệ",
        "1 invalid field"));
    assertThat(JSON.readTree(tooEarly.getBody()).at("/errors/0/messageVi").asText()).isEqualTo("Thời hạn mới "
        + shown(today.plusDays(10)) + " phải sau thời hạn hiện tại " + shown(today.plusDays(30)) + ".");
    table.add(new Refusal("extension: asked by the issuer, which decides", changes.send("leader", HttpMethod.POST, ask,
        Map.of("deadline", today.plusDays(60).toString(), "reason", "Chờ số liệu")), 403,
        "Chỉ cán bộ của đơn vị chủ trì mới được xin gia hạn", "only members of the lead unit"));
    assertThat(changes.send("moj", HttpMethod.POST, ask, Map.of("deadline", today.plusDays(60).toString(),
        "reason", "Chờ số liệu")).getStatusCode().value()).isEqualTo(201);
    table.add(new Refusal("extension: asked again before the decision", changes.send("moj", HttpMethod.POST, ask,
        Map.of("deadline", today.plusDays(90).toString(), "reason", "Chờ số liệu")), 409,
        "đã có đề nghị gia hạn đang chờ cơ quan ban hành quyết định", "already has an extension request"));
    assertAll(null, table);
  }

  private void assertAll(Surface surface, List<Refusal> table) throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Refusal r : table) {
      String where = (surface == null ? "/api" : surface.name()) + ", " + r.what();
      soft.assertThat(r.answer().getStatusCode().value()).as(where + ": " + r.answer().getBody()).isEqualTo(r.status());
      String message = message(r.answer());
      soft.assertThat(message).as(where).isNotBlank();
      if (message == null) {
        continue;
      }
      String firstWord = message.strip().split("\\s", 2)[0];
      soft.assertThat(firstWord.chars().anyMatch(c -> c > 0x7F && Character.isLetter(c)))
          .as(where + ": starts in Vietnamese: " + message).isTrue();
      soft.assertThat(message).as(where).contains(r.vietnamese()).contains(r.english())
          .doesNotContain("java.", "Exception:", "ENGINE-", "Cannot instantiate");
      soft.assertThat(message.indexOf(r.english())).as(where + ": English below the Vietnamese: " + message)
          .isGreaterThan(message.indexOf('\n'));
    }
    soft.assertAll();
  }

  /** Camunda's {@code message}, or /api's problem {@code detail}. */
  private static String message(ResponseEntity<String> answer) throws Exception {
    JsonNode body = JSON.readTree(answer.getBody() == null ? "{}" : answer.getBody());
    JsonNode text = body.has("detail") ? body.get("detail") : body.get("message");
    return text == null ? null : text.asText();
  }

  private Task task(String process, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process).taskDefinitionKey(activity)
        .singleResult();
  }

  private static String shown(LocalDate day) {
    return Bilingual.day(day);
  }

  /** What the start form sends: the notice's JSON as transient Bytes, and its header fields. */
  private static String startForm(LocalDate issuedOn, LocalDate deadline, String leadUnit) throws Exception {
    Map<String, Object> task = DirectiveFixtures.task("T01", "HEALTH", deadline.toString());
    if (leadUnit != null) {
      task.put("leadUnit", leadUnit);
    }
    String reference = DirectiveFixtures.uniqueReference("VI-FORM");
    Map<String, Object> notice = Map.of("reference", reference, "issuedOn", issuedOn.toString(), "issuer", "P06WG",
        "title", "Thông báo kết luận", "tasks", List.of(task));
    String bytes = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(notice));
    return variables(Map.of("directiveRequest", Map.of("value", bytes, "type", "Bytes",
            "valueInfo", Map.of("transient", true)),
        "reference", typed(reference, "String"), "issuedOn", typed(issuedOn.toString(), "String"),
        "issuer", typed("P06WG", "String"), "title", typed("Thông báo kết luận", "String")));
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  private static Map<String, Object> file(String name, String type) {
    return Map.of("value", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), "type", "File",
        "valueInfo", Map.of("filename", name, "mimeType", type));
  }

  private static String variables(Map<String, Object> variables) throws Exception {
    return JSON.writeValueAsString(Map.of("variables", variables));
  }
}

package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * The auditor's day in headless Chromium: from the welcome page to the history page (/camunda/app/audit/default/),
 * a finished task found by its reference and status, its timeline in Vietnamese (event names, Hà Nội times, who
 * and which unit), the lead-unit decision with its inputs and outputs, the evidence downloaded by its name, the CSV export downloaded and checked,
 * the monthly report's PDF; then Cockpit, where the auditor sees no button that would change anything (an
 * administrator does). No page logs an error the app caused. Screenshots go to {@code target/e2e/auditor/}.
 */
@Tag("e2e")
class AuditorDayEndToEndTest extends ApplicationTest {

  static final Path SHOTS = Path.of("target", "e2e", "auditor");
  static final String EVIDENCE_NAME = "Biên bản nghiệm thu số 7.pdf";
  static final byte[] EVIDENCE = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);
  /** Failed loads in the console that the app does not cause. */
  static final List<String> HARMLESS = List.of("/favicon.ico", "/camunda-welcome",
      // The welcome page's profile form asks for the password policy; none is set, which Camunda answers 404.
      "/identity/password-policy - Failed to load resource: the server responded with a status of 404",
      // Before the login a webapp asks who is logged in: 404 means no one yet.
      "/camunda/api/admin/auth/user/default - Failed to load resource: the server responded with a status of 404");
  static final DateTimeFormatter HANOI = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

  @LocalServerPort
  int port;

  Chromium browser;
  WebDriver driver;
  WebDriverWait wait;
  Path downloads;
  final List<String> consoleErrors = new ArrayList<>();
  boolean finished;

  @BeforeAll
  static void emptyScreenshotFolder() throws IOException {
    Chromium.emptyFolder(SHOTS);
  }

  @BeforeEach
  void openBrowser() throws IOException {
    browser = new Chromium(SHOTS);
    driver = browser.driver;
    wait = browser.wait;
    downloads = Files.createTempDirectory("e2e-downloads");
    ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws IOException {
    if (browser != null) {
      browser.close(test, finished);
    }
  }

  @Test
  void theAuditorFindsAFinishedTaskReadsItsTimelineDownloadsItsEvidenceVerifiesTheExportAndOpensThePdf()
      throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("E2E-AUD");
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(),
        List.of(DirectiveFixtures.task("T01", "HEALTH", today.plusDays(30).toString()),
            DirectiveFixtures.task("T02", "CIVIL_STATUS", today.plusDays(30).toString())));
    String directiveId = issued.get("id").asText();
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    reportAndAccept(directives.processOf(directiveId, "T01"), today);
    String runningProcess = directives.processOf(directiveId, "T02");

    // 1. The welcome page offers the history page beside the applications.
    browser.logIn("http://localhost:" + port + "/camunda/app/welcome/default/", "auditor");
    WebElement history = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector(".welcome-page .dt-page-link[data-page='audit'] a")));
    assertThat(history.getText()).isEqualTo("Lịch sử kiểm toán");
    step("01-welcome");
    history.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-header .account"), "auditor"));

    // 2. Search by reference and status: the finished task.
    WebElement form = driver.findElement(By.id("search"));
    form.findElement(By.name("q")).sendKeys(reference);
    new org.openqa.selenium.support.ui.Select(form.findElement(By.name("status")))
        .selectByVisibleText("Hoàn thành đúng hạn");
    form.findElement(By.name("from")).sendKeys(today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    form.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    wait.until(d -> results.findElements(By.cssSelector("tbody tr")).size() == 1
        && results.getText().contains(reference));
    assertThat(results.getText()).contains("Nhiệm vụ T01 (HEALTH)", "Bộ Y tế (MOH)", "Hoàn thành đúng hạn",
        today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))).doesNotContain("T02");
    step("02-search");

    // 3. Its timeline in Vietnamese: event names, Hà Nội times, who and which unit.
    results.findElement(By.linkText("Nhiệm vụ T01")).click();
    WebElement timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
    wait.until(d -> timeline.getText().contains("Hoàn thành đúng hạn"));
    JsonNode trail = directives.get("auditor", "/api/audit/tasks/" + taskId);
    JsonNode claim = event(trail, "claimed");
    WebElement claimRow = timeline.findElement(By.cssSelector("tr[data-type='claimed']"));
    assertThat(claimRow.getText()).contains(HANOI.format(Instant.parse(claim.get("time").asText())), "Nhận xử lý",
        "(moh)", "Bộ Y tế (MOH)");
    List<String> names = timeline.findElements(By.cssSelector("#timeline > tbody > tr > td:nth-child(2)")).stream()
        .map(WebElement::getText).toList();
    // The evidence travels with the report: the two are one submission, a few milliseconds apart.
    assertThat(names).containsSubsequence("Ban hành", "Xác định đơn vị chủ trì", "Giao đơn vị chủ trì", "Nhận xử lý",
        "Báo cáo kết quả", "Chuyển cơ quan thường trực xem xét", "Chấp nhận báo cáo", "Hoàn thành đúng hạn")
        .containsSubsequence("Nhận xử lý", "Tài liệu minh chứng", "Chấp nhận báo cáo");
    // Codes the server writes in details are read out in the glossary's words.
    assertThat(timeline.getText()).doesNotContain("InputStream", "claimed", "decision taken", "COMPLETED_ON_TIME",
        "LOGGED").contains("Trạng thái: hoàn thành đúng hạn");
    assertThat(driver.findElement(By.id("chain-head")).getText()).isEqualTo(trail.get("chainHead").asText());
    step("03-timeline");

    // 4. The lead-unit decision, with its inputs and outputs.
    WebElement decision = driver.findElement(By.id("decisions"));
    assertThat(decision.isDisplayed()).isTrue();
    assertThat(decision.getText()).contains("Xác định đơn vị chủ trì", "Đầu vào / Inputs", "Kết quả / Outputs",
        "HEALTH", "leadUnit: MOH");

    // 5. The evidence, by its name, downloaded.
    WebElement evidence = driver.findElement(By.cssSelector("#files a.dt-file"));
    assertThat(evidence.getText()).isEqualTo(EVIDENCE_NAME);
    evidence.click();
    assertThat(downloaded(EVIDENCE_NAME)).isEqualTo(EVIDENCE);

    // 6. The CSV export downloaded, then checked: intact, ending in the chain head the page shows.
    driver.findElement(By.id("csv")).click();
    Path csv = downloads.resolve("audit-task-" + taskId + ".csv");
    byte[] exported = downloaded(csv.getFileName().toString());
    assertThat(new String(exported, StandardCharsets.UTF_8)).contains(EVIDENCE_NAME);
    WebElement verify = driver.findElement(By.id("verify"));
    verify.findElement(By.name("file")).sendKeys(csv.toAbsolutePath().toString());
    verify.findElement(By.name("chainHead")).sendKeys(trail.get("chainHead").asText());
    verify.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#verify-result .dt-ok")));
    assertThat(verdict.findElement(By.xpath("..")).getText()).contains("Nguyên vẹn",
        trail.get("events").size() + " sự kiện", trail.get("chainHead").asText());
    step("04-verified");

    // 7. The monthly report's PDF, through the page's link with the session.
    WebElement pdfLink = driver.findElement(By.id("report-pdf"));
    String href = pdfLink.getAttribute("href");
    assertThat(href).endsWith("/api/reports/monthly.pdf?issuer=P06WG&month="
        + today.format(DateTimeFormatter.ofPattern("yyyy-MM")));
    Object fetched = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => {"
            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));"
            + "  done([r.status, r.headers.get('content-type'), btoa(s)]); }), e => done([0, String(e), '']));", href);
    List<?> answer = (List<?>) fetched;
    assertThat(answer.get(0)).isEqualTo(200L);
    assertThat((String) answer.get(1)).startsWith("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode((String) answer.get(2)))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Báo cáo tháng " + today.format(DateTimeFormatter.ofPattern("MM/yyyy")),
          "Tổ công tác triển khai Đề án 06", "Theo đơn vị chủ trì", "Bộ Y tế");
    }
    step("05-report-links");

    // 8. Cockpit as the auditor: a running task of the same directive, with no button that changes anything.
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + runningProcess
        + "/runtime?tab=variables-tab");
    WebElement variables = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tr[td[normalize-space()='issuer']]")));
    assertThat(variables.getText()).contains("P06WG");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.dt-page-link[data-page='audit'] a")));
    assertNoEditButtons();
    step("06-cockpit-read-only");

    assertThat(consoleErrors.stream().filter(e -> HARMLESS.stream().noneMatch(e::contains)))
        .as("console errors").isEmpty();
    finished = true;
  }

  @Test
  void anAdministratorStillSeesCockpitsButtons() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("E2E-ADM"),
        today.toString(), List.of(DirectiveFixtures.task("T01", "HEALTH", today.plusDays(30).toString())));
    String process = directives.processOf(issued.get("id").asText(), "T01");
    browser.logIn("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + process
        + "/runtime?tab=variables-tab", "admin");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//tr[td[normalize-space()='issuer']]")));
    wait.until(d -> !visible(By.cssSelector(".ctn-toolbar button, .ctn-toolbar a")).isEmpty());
    assertThat(visible(By.cssSelector("td.actions button"))).isNotEmpty();
    step("11-cockpit-admin");
    finished = true;
  }

  /** The carry-out task reported by MOH with an evidence file, over /engine-rest; the report accepted. */
  private void reportAndAccept(String process, LocalDate today) {
    String carryOut = openTask(process, "UserTask_CarryOut");
    post("moh", "/engine-rest/task/" + carryOut + "/claim", "{\"userId\": \"moh\"}");
    post("moh", "/engine-rest/task/" + carryOut + "/complete", "{\"variables\": {"
        + "\"reportResult\": {\"value\": \"Đã hoàn thành, có biên bản\"}, \"completionDate\": {\"value\": \""
        + today + "\"}, \"evidence1\": {\"type\": \"File\", \"value\": \""
        + Base64.getEncoder().encodeToString(EVIDENCE) + "\", \"valueInfo\": {\"filename\": \"" + EVIDENCE_NAME
        + "\", \"mimeType\": \"application/pdf\"}}}}");
    String review = openTask(process, "UserTask_ReviewReport");
    post("secretary", "/engine-rest/task/" + review + "/claim", "{\"userId\": \"secretary\"}");
    post("secretary", "/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"reportAccepted\": {\"value\": true}}}");
    runDueJobs(List.of(process));
    assertThat(processInstance(process)).as("the task's process has ended").isNull();
  }

  private String openTask(String process, String activity) {
    return wait.until(d -> engine.getTaskService().createTaskQuery().processInstanceId(process)
        .taskDefinitionKey(activity).singleResult()).getId();
  }

  private void post(String user, String path, String json) {
    var response = directives.post(user, path, json);
    assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(204);
  }

  private static JsonNode event(JsonNode trail, String type) {
    return StreamSupport.stream(trail.get("events").spliterator(), false)
        .filter(e -> e.get("type").asText().equals(type)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + type + "' event in " + trail.get("events")));
  }

  /** The file the browser saved under this name, once it is complete. */
  private byte[] downloaded(String name) throws IOException {
    Path file = downloads.resolve(name);
    wait.until(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
    return Files.readAllBytes(file);
  }

  /** No button that changes anything is visible: toolbar actions (cancel, suspend, add), variable edits. */
  private void assertNoEditButtons() {
    assertThat(visible(By.cssSelector(".ctn-toolbar button, .ctn-toolbar a"))).as("toolbar actions").isEmpty();
    assertThat(visible(By.cssSelector("td.actions button"))).as("variable edits").isEmpty();
  }

  private List<WebElement> visible(By by) {
    return driver.findElements(by).stream().filter(WebElement::isDisplayed).toList();
  }

  private void step(String name) throws Exception {
    Thread.sleep(1000);
    browser.shot(name);
    assertThat(driver.findElements(By.cssSelector(".page-notifications .alert-danger, #error:not([hidden])")))
        .as("error messages at " + name).extracting(WebElement::getText).isEmpty();
    consoleErrors.addAll(browser.consoleErrors());
  }
}

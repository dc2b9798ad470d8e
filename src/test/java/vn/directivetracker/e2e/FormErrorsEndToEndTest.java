package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.directivetracker.DirectiveFixtures;

/**
 * Refusals and dates as people meet them in Tasklist, the browser in Vietnamese: a start form with a lead
 * override that is no unit, and a report with evidence of a refused type, are refused with a Vietnamese
 * message shown in the form itself (no 500, no engine text); the forms' days read dd/mm/yyyy whatever the
 * browser's locale, and what they submit is ISO. Screenshots in {@code target/e2e-errors/}.
 */
@Tag("e2e")
class FormErrorsEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e-errors");
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  final List<String> consoleErrors = new ArrayList<>();

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void aLeadOverrideThatIsNoUnitIsRefusedInVietnameseInTheStartForm() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("E2E-ERR");
    LocalDate today = LocalDate.now(VIETNAM);
    driver.get(tasklist());
    browser.logIn("leader");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    driver.get(tasklist() + "#/?processStart=directive");
    WebElement referenceField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-reference")));
    // The issue date is today in Ha Noi, written as Vietnamese write a day; the modal takes the window's width.
    assertThat(driver.findElement(By.id("dt-issued")).getAttribute("value")).isEqualTo(today.format(DAY));
    assertThat(driver.findElement(By.id("dt-issued")).getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
    assertThat(driver.findElement(By.cssSelector(".modal-dialog")).getSize().getWidth()).isGreaterThan(1200);
    referenceField.sendKeys(reference);
    driver.findElement(By.id("dt-title")).sendKeys("Kết luận của Tổ công tác");
    WebElement row = driver.findElement(By.cssSelector("tr[ng-repeat='row in rows']"));
    row.findElement(By.cssSelector("textarea[ng-model='row.title']")).sendKeys("Kết nối dữ liệu y tế");
    new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select[ng-model='row.domain']")))
        .selectByVisibleText("HEALTH - Y tế");
    row.findElement(By.cssSelector("input[ng-model='row.leadUnit']")).sendKeys("XYZ");
    ((JavascriptExecutor) driver).executeScript("var s = angular.element(arguments[0]).scope(), due = arguments[1];"
        + " s.$apply(function () { s.rows[0].deadline = due; });", referenceField, today.plusDays(30).toString());
    shot("01-start-form");
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));

    // Tasklist shows the refusal at the top of the start form's dialog, above the form.
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal-content span.message")));
    assertThat(refusal.getText()).startsWith("Chỉ đạo chưa được lưu:")
        .contains("nhiệm vụ 1, đơn vị chủ trì: Không có đơn vị «XYZ».",
            "The directive was not stored:", "task 1, leadUnit: No unit is named 'XYZ'.");
    assertThat(refusal.getText().indexOf("The directive")).isGreaterThan(refusal.getText().indexOf("Không có đơn vị"));
    // What failed, then why: Tasklist puts its colon between the two, so the first has no full stop.
    assertThat(refusal.findElement(By.xpath("./ancestor::div[contains(@class,'alert')][1]")).getText())
        .contains("Không thể khởi tạo quy trình :\nChỉ đạo chưa được lưu:").doesNotContain(". :");
    String page = driver.findElement(By.tagName("body")).getText();
    assertThat(page).doesNotContain("Cannot instantiate", "500", "Exception", "ENGINE-");
    shot("02-start-form-refused");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
    assertOnlyTheRefusalFailed("/process-definition/");
    finished = true;
  }

  @Test
  void aReportWithEvidenceOfARefusedTypeIsRefusedInVietnameseAndDaysReadDayMonthYear() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "CIVIL_STATUS", today.plusDays(20).toString());
    t01.put("title", "Rà soát dữ liệu hộ tịch");
    t01.put("leadUnit", "MOJ");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("E2E-REPORT"),
        today.toString(), List.of(t01));
    String process = directives.processOf(issued.get("id").asText(), "T01");
    Task carryOut = engine.getTaskService().createTaskQuery().processInstanceId(process)
        .taskDefinitionKey("UserTask_CarryOut").singleResult();
    Path notAccepted = SHOTS.resolve("bien-ban.txt").toAbsolutePath();
    Files.writeString(notAccepted, "Biên bản", StandardCharsets.UTF_8);
    Path pdf = SHOTS.resolve("bien-ban.pdf").toAbsolutePath();
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", StandardCharsets.US_ASCII);

    driver.get(tasklist() + "#/?task=" + carryOut.getId());
    browser.logIn("moj");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-context"),
        "Thời hạn / Deadline: " + today.plusDays(20).format(DAY)));
    WebElement context = driver.findElement(By.cssSelector(".dt-context"));
    click(By.cssSelector("button.claim"));
    wait.until(d -> d.findElement(By.id("reportResult")).isEnabled());
    // Every field Complete waits for says it is required, the progress too.
    for (String required : List.of("progressPercent", "reportResult", "completionDate")) {
      assertThat(driver.findElement(By.cssSelector("label[for='" + required + "']")).getText()).as(required)
          .endsWith("*");
    }
    driver.findElement(By.id("progressPercent")).sendKeys("100");
    driver.findElement(By.id("reportResult")).sendKeys("Đã rà soát xong dữ liệu hộ tịch của 63 địa phương.");
    WebElement completion = driver.findElement(By.id("completionDate"));
    assertThat(completion.getAttribute("type")).isEqualTo("text");
    assertThat(completion.getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
    completion.sendKeys(today.format(DAY));
    driver.findElement(By.id("evidence1")).sendKeys(notAccepted.toString());
    shot("03-report-with-a-text-file");
    click(By.cssSelector("button[ng-click='complete()']"));

    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dt-refusal")));
    assertThat(refusal.getText()).startsWith("Chưa hoàn thành được 'T01 · ")
        .contains("tệp 'bien-ban.txt' (evidence1) không thuộc loại được nhận", "Cannot complete",
            "'bien-ban.txt' is not an accepted type");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .doesNotContain("ENGINE-", "TaskListener", "Exception", "500");
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", refusal);
    shot("04-report-refused");
    assertThat(engine.getTaskService().createTaskQuery().taskId(carryOut.getId()).count()).isOne();

    // The same report with a PDF goes through; the day typed dd/mm/yyyy is stored as ISO.
    driver.findElement(By.id("evidence1")).sendKeys(pdf.toString());
    // Tasklist's own notice of the refusal covers the button until it is closed.
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications button.close"))) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].click();", close);
    }
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.no-task")));
    shot("05-report-sent");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process)
        .variableName("completionDate").singleResult().getValue()).isEqualTo(today.toString());
    // Tasklist may ask once more for the task just completed: Camunda's, not ours.
    consoleErrors.addAll(browser.consoleErrors().stream()
        .filter(e -> !Chromium.askedAgainFor(carryOut.getId()).test(e)).toList());
    assertOnlyTheRefusalFailed("/task/" + carryOut.getId() + "/submit-form");
    finished = true;
  }

  /** The console shows no error but the refused request itself and the webapps' known harmless ones. */
  private void assertOnlyTheRefusalFailed(String refusedPath) {
    consoleErrors.addAll(browser.consoleErrors());
    assertThat(consoleErrors).anyMatch(e -> e.contains(refusedPath) && e.contains("status of 400"));
    assertThat(consoleErrors.stream().filter(e -> !(e.contains(refusedPath) && e.contains("status of 400")))
        .filter(e -> CockpitAdminEndToEndTest.HARMLESS_FAILED_LOADS.stream().noneMatch(e::contains)))
        .as("console errors").isEmpty();
  }

  private void shot(String name) throws IOException {
    browser.shot(name);
  }
}

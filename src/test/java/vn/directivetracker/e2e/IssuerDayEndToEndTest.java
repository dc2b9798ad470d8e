package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.directivetracker.DirectiveFixtures;

/**
 * The issuer's day in headless Chromium: {@code leader} logs in to the webapps, finds the issuer's page on the
 * welcome page and in Tasklist's header, sees the directive just issued with its tasks, later sees the task
 * the lead unit completed and the secretariat accepted, and amends and withdraws another task from the page. Each step
 * is checked on the page and photographed under {@code target/e2e/issuer/}; the console shows no error our
 * pages or API caused. The lead units are MOST and MOET, whose inboxes other browser tests do not use.
 */
@Tag("e2e")
class IssuerDayEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e", "issuer");
  static final DateTimeFormatter DD_MM_YYYY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  final List<String> consoleErrors = new ArrayList<>();

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void theLeaderFollowsTheDirectiveItIssuedAndAmendsAndWithdrawsATaskFromItsPage() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    LocalDate deadline = today.plusDays(45);
    String reference = DirectiveFixtures.uniqueReference("ISSUER-DAY");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "TELECOM", deadline.toString());
    t01.put("title", "Hoàn thiện hạ tầng kết nối dữ liệu dân cư");
    Map<String, Object> t02 = DirectiveFixtures.task("T02", "EDUCATION", deadline.toString());
    t02.put("title", "Số hóa văn bằng, chứng chỉ");
    t02.put("leadUnit", "MOET");
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(), List.of(t01, t02));
    String directiveId = issued.get("id").asText();

    // 1. The leader logs in on the welcome page, which offers the issuer's page beside Tasklist.
    driver.get(base() + "/camunda/app/welcome/default/");
    browser.logIn("leader");
    WebElement tile = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".welcome-page .dt-page-link[data-page='directives'] a")));
    assertThat(tile.getText()).isEqualTo("Chỉ đạo đã ban hành");
    shot("01-welcome");

    // 2. The page: the directive with its roll-up, and its tasks with lead, deadline and status.
    tile.click();
    WebElement row = directiveRow(directiveId);
    assertThat(row.getText()).contains(reference, DD_MM_YYYY.format(today));
    assertThat(countIn(row, "IN_PROGRESS")).isEqualTo("2");
    assertThat(driver.findElement(By.cssSelector(".dt-header .brand-name")).getText()).isEqualTo("Directive Tracker");
    assertThat(driver.findElement(By.cssSelector(".dt-header .account")).getText()).contains("leader");
    row.findElement(By.cssSelector("a")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dt-directive-title"), reference));
    WebElement first = taskRow("T01");
    assertThat(first.getText()).contains("Hoàn thiện hạ tầng kết nối dữ liệu dân cư", "Bộ Khoa học và Công nghệ",
        DD_MM_YYYY.format(deadline), "Đang thực hiện trong hạn", "Chưa có báo cáo");
    assertThat(taskRow("T02").getText()).contains("Bộ Giáo dục và Đào tạo", "Đang thực hiện trong hạn");
    assertThat(first.findElement(By.linkText("Xem nhật ký")).getAttribute("href"))
        .endsWith("/camunda/app/audit/default/#/task/" + DirectiveFixtures.taskOf(issued, "T01").get("id").asText());
    assertThat(driver.findElement(By.id("dt-by-unit")).getText()).contains("Bộ Khoa học và Công nghệ");
    shot("02-issuer-page");

    // 3. MOST reports, the secretariat accepts; the page shows the completed task and its report.
    ProcessInstance t01Process = processInstance(directives.processOf(directiveId, "T01"));
    complete(task("UserTask_CarryOut", t01Process), withVariables("reportResult",
        "Đã kết nối 63/63 tỉnh, thành phố", "completionDate", today.toString()));
    complete(task("UserTask_ReviewReport", t01Process), withVariables("reportAccepted", true));
    driver.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(taskRowAt("T01"), "Hoàn thành đúng hạn"));
    WebElement done = taskRow("T01");
    assertThat(done.getText()).contains("Báo cáo kết quả", "MOST", "đã chấp nhận", DD_MM_YYYY.format(today));
    assertThat(countIn(directiveRow(directiveId), "COMPLETED_ON_TIME")).isEqualTo("1");
    assertThat(done.findElements(By.cssSelector(".dt-withdraw"))).as("a closed task has no actions").isEmpty();
    shot("03-task-completed");

    // 4. The leader moves T02's deadline (typed as dd/mm/yyyy, then in words), then withdraws it: a withdrawal
    // needs its reason. Both go through /api with the webapps' session and its CSRF token.
    LocalDate later = deadline.plusDays(10);
    taskRow("T02").findElement(By.cssSelector(".dt-amend")).click();
    WebElement amend = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dt-amend-form")));
    WebElement newDeadline = amend.findElement(By.name("deadline"));
    assertThat(newDeadline.getAttribute("value")).isEqualTo(DD_MM_YYYY.format(deadline));
    newDeadline.clear();
    newDeadline.sendKeys(DD_MM_YYYY.format(later));
    amend.findElement(By.name("reason")).sendKeys("Thông báo 45/TB-VPCP: gia hạn");
    amend.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(taskRowAt("T02"), DD_MM_YYYY.format(later)));
    assertThat(DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T02")
        .get("deadline").asText()).isEqualTo(later.toString());
    // Then as a notice words it: the page reads the quarter into its last day and shows the words below it.
    int nextYear = today.getYear() + 1;
    taskRow("T02").findElement(By.cssSelector(".dt-amend")).click();
    amend = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dt-amend-form")));
    amend.findElement(By.name("deadline")).clear();
    amend.findElement(By.name("deadline")).sendKeys("quý II/" + nextYear);
    amend.findElement(By.name("reason")).sendKeys("Thông báo 52/TB-VPCP");
    amend.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(taskRowAt("T02"), "30/06/" + nextYear));
    assertThat(taskRow("T02").findElement(By.cssSelector(".dt-deadline-written")).getText())
        .isEqualTo("“quý II/" + nextYear + "”");
    JsonNode amended = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T02");
    assertThat(amended.get("deadline").asText()).isEqualTo(nextYear + "-06-30");
    assertThat(amended.get("deadlineAsWritten").asText()).isEqualTo("quý II/" + nextYear);
    shot("04-deadline-amended-as-written");

    taskRow("T02").findElement(By.cssSelector(".dt-withdraw")).click();
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dt-withdraw-form")));
    form.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")));
    shot("04-withdrawal-needs-reason");
    assertThat(refusal.getText()).contains("Vui lòng nêu lý do rút nhiệm vụ.", "Please give the reason.");
    form.findElement(By.name("reason")).sendKeys("Đã giao cho Đề án khác");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(taskRowAt("T02"), "Đã rút"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dt-notifications"), "Đã rút nhiệm vụ T02."));
    JsonNode after = directives.get("leader", "/api/directives/" + directiveId);
    assertThat(DirectiveFixtures.taskOf(after, "T02").get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
    shot("05-task-withdrawn");

    // 5. Tasklist's header menu leads to the page too.
    driver.get(base() + "/camunda/app/tasklist/default/");
    WebElement menu = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[cam-widget-header] li.dt-page-link[data-page='directives'] a")));
    shot("06-tasklist-header");
    menu.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-by-directive")));

    assertNoErrorOfOurs();
    finished = true;
  }

  @Test
  void theSecretariatReadsThePageWithoutButtonsAndAUnitIsNotOfferedIt() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("ISSUER-READ");
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(),
        List.of(DirectiveFixtures.task("T01", "TELECOM", today.plusDays(30).toString())));
    String directiveId = issued.get("id").asText();

    // The secretariat follows a link to the directive (a mail's, a bookmark) before logging in: after the login
    // it is on that directive, not on the welcome page. It reads the directive's tasks; it may not amend or
    // withdraw, so it has no buttons.
    driver.get(base() + "/camunda/app/directives/default/#/directive/" + directiveId);
    browser.logIn("secretary");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dt-directive-title"), reference));
    assertThat(driver.getCurrentUrl()).endsWith("/camunda/app/directives/default/#/directive/" + directiveId);
    assertThat(taskRow("T01").getText()).contains("Đang thực hiện trong hạn");
    assertThat(driver.findElement(By.id("dt-content")).getText()).contains("Cơ quan thường trực: chỉ xem");
    assertThat(driver.findElements(By.cssSelector("#dt-tasks button"))).isEmpty();
    shot("11-secretariat-reads");

    // Logged out from the page's header, a unit's officer logs in: no link to the page, and the page says whom
    // it is for.
    driver.findElement(By.cssSelector(".dt-header .account .dropdown-toggle")).click();
    driver.findElement(By.cssSelector(".dt-header .logout a")).click();
    browser.logIn("moh");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[cam-widget-header] nav.app-menu > ul[data-dt-pages='loaded']")));
    assertThat(driver.findElements(By.cssSelector(".dt-page-link"))).isEmpty();
    shot("12-unit-welcome");
    driver.get(base() + "/camunda/app/directives/default/");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-not-for-you"))).getText())
        .isEqualTo("Trang này dành cho thành viên cơ quan ban hành (Tổ công tác) và cơ quan thường trực.");
    shot("13-unit-not-for-you");

    assertNoErrorOfOurs();
    finished = true;
  }

  /** Camunda's own console errors (its login check before login, /camunda-welcome) are not this journey's. */
  private void assertNoErrorOfOurs() {
    consoleErrors.addAll(browser.consoleErrors());
    assertThat(consoleErrors).as("errors our pages or API caused").noneMatch(e -> e.contains(base() + "/api/")
        || e.contains("/app/directives/") || e.contains("/app/shared/") || e.contains("Uncaught"));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private WebElement directiveRow(String directiveId) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#dt-by-directive tr[data-directive='" + directiveId + "']")));
  }

  private WebElement taskRow(String key) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(taskRowAt(key)));
  }

  /** A task's row; the page draws its tables again after every change, so look it up by this. */
  private static By taskRowAt(String key) {
    return By.cssSelector("#dt-tasks tr[data-task='" + key + "']");
  }

  private static String countIn(WebElement row, String status) {
    return row.findElement(By.cssSelector("td.dt-count-" + status)).getText();
  }

  private void shot(String name) throws IOException {
    consoleErrors.addAll(browser.consoleErrors());
    browser.shot(name);
  }
}

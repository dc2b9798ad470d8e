package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.directivetracker.DirectiveFixtures;

/**
 * An officer's day in Tasklist, in headless Chromium speaking Vietnamese: among several tasks of the unit the
 * officer finds one by the title on its card (the card says the notice, the task, its deadline as a date and,
 * for the overdue one, "Quá hạn"), opens it and reads the form before claiming, adds a comment, claims and
 * submits with an evidence file; the reviewer then downloads that evidence without claiming. Neither sees the
 * Camunda 8 banner; the unit sees no "Tạo nhiệm vụ" or "Khởi tạo quy trình", the issuer's leader does see the
 * latter; the console shows no error but Camunda's own "who is logged in" probe before each login. The unit is
 * GI, whose inbox no other test uses.
 */
@Tag("e2e")
class OfficerDayEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e", "officer-day");
  static final String OFFICER = "gi";
  static final String UNIT = "GI";
  static final String WANTED_TITLE = "Xây dựng lộ trình kết nối dữ liệu khiếu nại, tố cáo với Cơ sở dữ liệu quốc gia"
      + " về dân cư";
  static final String COMMENT = "Đã đề nghị Bộ Công an cung cấp danh mục dữ liệu cần kết nối";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String WHO_IS_LOGGED_IN = "/camunda/api/admin/auth/user/default - Failed to load resource";

  final List<String> consoleErrors = new ArrayList<>();

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void anOfficerFindsATaskByItsTitleReadsItBeforeClaimingCommentsClaimsAndSubmits() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("E2E-DAY");
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.minusDays(60).toString(), List.of(
        task("T01", "Rà soát quy trình tiếp công dân trực tuyến", today.minusDays(10)),
        task("T02", WANTED_TITLE, today.plusDays(20)),
        task("T03", "Tập huấn cán bộ thanh tra về định danh điện tử", today.plusDays(40))));
    String directiveId = issued.get("id").asText();
    String wantedProcess = directives.processOf(directiveId, "T02");
    Task wanted = openTask(wantedProcess, "UserTask_CarryOut");
    Task overdue = openTask(directives.processOf(directiveId, "T01"), "UserTask_CarryOut");
    assertThat(wanted.getName()).isEqualTo("T02 · Xây dựng lộ trình kết nối dữ liệu khiếu nại, tố cáo với Cơ…");

    // 1. The officer logs in: no Camunda 8 banner, no actions the unit cannot use.
    driver.get(tasklist());
    browser.logIn(OFFICER);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    assertNoBanner();
    wait.until(d -> bodyClasses().contains("dt-permissions-known"));
    assertThat(visible(By.cssSelector("li.start-process-action"))).as("Khởi tạo quy trình").isFalse();
    assertThat(visible(By.cssSelector("li.create-task-action"))).as("Tạo nhiệm vụ").isFalse();

    // 2. The unit's tasks: each card says which task it is, its notice and deadline; the overdue one says so.
    browser.openFilter("Việc của đơn vị");
    WebElement card = card("T02 · Xây dựng lộ trình");
    WebElement overdueCard = card("T01 · Rà soát quy trình tiếp công dân trực tuyến");
    card("T03 · Tập huấn cán bộ thanh tra");
    assertThat(card.getText()).contains("T02 · Xây dựng lộ trình kết nối dữ liệu", "Hạn "
        + today.plusDays(20).format(DAY), "Văn bản / Notice:", reference).doesNotContain("Quá hạn");
    assertThat(card.findElements(By.cssSelector(".due-date"))).as("Tasklist's relative deadline")
        .allSatisfy(d -> assertThat(d.isDisplayed()).isFalse());
    assertThat(card.getAttribute("textContent")).as("the full title, shown when the card unfolds")
        .contains(WANTED_TITLE);
    assertThat(overdueCard.getText()).contains("Hạn " + today.minusDays(10).format(DAY), "Quá hạn");
    assertThat(overdueCard.findElement(By.cssSelector(".dt-overdue")).getText()).isEqualTo("Quá hạn");
    assertThat(overdueCard.findElement(By.cssSelector("h4.task a")).getAttribute("href"))
        .endsWith("#/?task=" + overdue.getId());
    shot("01-cards");

    // 3. The officer opens it and reads what was asked, by when, before claiming anything.
    click(cardLink("T02 · Xây dựng lộ trình"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-context"), reference));
    WebElement context = driver.findElement(By.cssSelector(".dt-context"));
    assertThat(context.getText()).contains("T02. " + WANTED_TITLE,
        "Thời hạn / Deadline: " + today.plusDays(20).format(DAY));
    assertThat(visible(By.cssSelector("button.claim"))).as("not claimed yet").isTrue();
    assertThat(driver.findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled())
        .as("submitting needs a claim").isFalse();
    // The header's editors the unit may not use (PUT /task is refused it) and Cockpit, which it cannot open.
    wait.until(d -> bodyClasses().contains("dt-permissions-known"));
    assertThat(visible(By.cssSelector("[cam-tasklist-task-meta] .due-date"))).as("the due date, shown").isTrue();
    assertThat(visible(By.cssSelector("[cam-tasklist-task-meta] .reset-due-date"))).as("Bỏ hạn hoàn thành").isFalse();
    assertThat(visible(By.cssSelector("[cam-tasklist-task-meta] .followup-date"))).as("Đặt ngày theo dõi").isFalse();
    assertThat(visible(By.cssSelector(".task-card .instance-link"))).as("the link to Cockpit").isFalse();
    shot("02-read-before-claiming");

    // 4. A comment on the unit's own task, before claiming it.
    click(By.cssSelector("a.createCommentLink"));
    WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form-message")));
    message.sendKeys(COMMENT);
    shot("03-comment");
    click(By.cssSelector(".modal-footer button[type='submit']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("comment-form-message")));
    wait.until(d -> engine.getTaskService().getTaskComments(wanted.getId()).size() == 1);
    Comment comment = engine.getTaskService().getTaskComments(wanted.getId()).get(0);
    assertThat(comment.getFullMessage()).isEqualTo(COMMENT);
    assertThat(comment.getUserId()).isEqualTo(OFFICER);

    // 5. Claims and submits, with evidence.
    byte[] evidence = Chromium.pdf();
    Path evidenceFile = SHOTS.resolve("lo-trinh-ket-noi.pdf").toAbsolutePath();
    Files.write(evidenceFile, evidence);
    click(By.cssSelector("button.claim"));
    wait.until(d -> d.findElement(By.id("reportResult")).isEnabled()
        && d.findElement(By.cssSelector("button[ng-click='complete()']")).isDisplayed());
    type("progressPercent", "100");
    type("reportResult", "Đã ban hành lộ trình kết nối dữ liệu; thử nghiệm với 5 tỉnh.");
    browser.setDate("completionDate", today);
    driver.findElement(By.id("evidence1")).sendKeys(evidenceFile.toString());
    shot("04-claimed-and-filled");
    click(By.cssSelector("button[ng-click='complete()']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.no-task")));
    wait.until(d -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(wanted.getId()).finished()
        .count() == 1);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(wanted.getId()).singleResult()
        .getAssignee()).isEqualTo(OFFICER);
    shot("05-submitted");
    // Tasklist may ask once more for the task just completed (its task view can reload before the form
    // takes the task out of the address), which the engine answers 404: Camunda's, not ours.
    browser.consoleErrors().stream().filter(e -> !Chromium.askedAgainFor(wanted.getId()).test(e))
        .forEach(e -> consoleErrors.add("05: " + e));

    // 6. The reviewer opens the report and downloads its evidence without claiming: the link is not covered.
    Task review = openTask(wantedProcess, "UserTask_ReviewReport");
    assertThat(review.getName()).startsWith("Xem xét T02 · Xây dựng lộ trình");
    browser.logOut();
    driver.get(tasklist() + "#/?task=" + review.getId());
    browser.logIn("secretary");
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.dt-evidence")));
    assertThat(link.getText()).isEqualTo("lo-trinh-ket-noi.pdf");
    assertThat(visible(By.cssSelector("button.claim"))).as("not claimed").isTrue();
    scrollTo(link);
    Object onTop = ((JavascriptExecutor) driver).executeScript("var r = arguments[0].getBoundingClientRect();"
        + "var top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + "return top === arguments[0] || arguments[0].contains(top);", link);
    assertThat(onTop).as("the evidence link receives the click").isEqualTo(true);
    assertThat(browser.downloadedBytes(link.getAttribute("href"))).isEqualTo(evidence.length);
    assertNoBanner();
    shot("06-reviewer-reads-evidence-unclaimed");
    keepConsoleErrors("06");

    // 7. The issuer's leader may start a directive: that action is there for it.
    browser.logOut();
    assertThat(bodyClasses()).doesNotContain("dt-permissions-known");
    browser.logIn("leader");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    wait.until(d -> bodyClasses().contains("dt-permissions-known"));
    assertThat(visible(By.cssSelector("li.start-process-action"))).as("the leader's Khởi tạo quy trình").isTrue();
    assertThat(visible(By.cssSelector("li.create-task-action"))).isFalse();
    shot("07-leader-navbar");
    keepConsoleErrors("07");

    // Camunda's own question before a login, "who is logged in?", is answered 404 while no one is: not ours.
    assertThat(consoleErrors).as("errors in the browser console").allSatisfy(e -> assertThat(e)
        .contains(WHO_IS_LOGGED_IN).contains("status of 404"));
    assertThat(consoleErrors).as("the first-visit notice is not asked for")
        .noneMatch(e -> e.contains("camunda-welcome"));
    finished = true;
  }

  private static Map<String, Object> task(String key, String title, LocalDate deadline) {
    Map<String, Object> task = DirectiveFixtures.task(key, "HEALTH", deadline.toString());
    task.put("title", title);
    task.put("leadUnit", UNIT);
    return task;
  }

  /** The card whose task name starts so, once the list shows it. */
  private WebElement card(String namePrefix) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[contains(@class,'task')]"
        + "[.//h4[contains(@class,'task')]/a[starts-with(normalize-space(.), '" + namePrefix + "')]]")));
  }

  private static By cardLink(String namePrefix) {
    return By.xpath("//li[contains(@class,'task')]//h4[contains(@class,'task')]/a[starts-with(normalize-space(.), '"
        + namePrefix + "')]");
  }

  private void assertNoBanner() {
    assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(b -> assertThat(b.isDisplayed())
        .isFalse());
    assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
  }

  private String bodyClasses() {
    return driver.findElement(By.tagName("body")).getAttribute("class");
  }

  private boolean visible(By by) {
    return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** The console's errors since the last call, each marked with the step that logged it. */
  private void keepConsoleErrors(String step) {
    browser.consoleErrors().forEach(e -> consoleErrors.add(step + ": " + e));
  }

  private void shot(String name) throws IOException {
    browser.shot(name);
  }
}

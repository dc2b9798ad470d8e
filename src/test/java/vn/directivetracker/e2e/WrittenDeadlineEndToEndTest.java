package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.directivetracker.DirectiveFixtures;

/**
 * Deadlines as the notice writes them and targets, in Tasklist in headless Chromium: the start form shows the
 * day each written deadline means (or why it means none) before the leader issues, and the lead unit's form
 * shows the words beside the day and the target with its field for the value reached. Screenshots under
 * {@code target/e2e/written-deadlines/}. The lead unit is MOFA, as in the other Tasklist journey.
 */
@Tag("e2e")
class WrittenDeadlineEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e", "written-deadlines");

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void theStartFormPreviewsTheDayAWrittenDeadlineMeansAndIssuesItWithItsWords() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("E2E-WR");
    logIn("leader");
    driver.get(tasklist() + "#/?processStart=directive");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-reference"))).sendKeys(reference);
    type(By.id("dt-issued"), "10/01/2024");
    type(By.id("dt-title"), "Kết luận của Tổ công tác tháng 1/2024");
    type(By.cssSelector("tr[ng-repeat='row in rows'] textarea[ng-model='row.title']"),
        "Hoàn thành cung cấp dịch vụ công thiết yếu trực tuyến toàn trình");
    new Select(driver.findElement(By.cssSelector("tr[ng-repeat='row in rows'] select[ng-model='row.domain']")))
        .selectByVisibleText("HEALTH - Y tế");

    type(By.cssSelector("input.dt-deadline"), "sớm nhất có thể");
    WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".dt-deadline-problem")));
    assertThat(problem.getText()).contains("'sớm nhất có thể'");
    browser.shot("01-deadline-not-understood");

    type(By.cssSelector("input.dt-deadline"), "hoàn thành trong quý I/2024");
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".dt-deadline-day"), "→ 31/03/2024"));
    assertThat(driver.findElements(By.cssSelector(".dt-deadline-problem"))).isEmpty();
    browser.shot("02-deadline-previewed");
    assertThat(driver.findElements(By.cssSelector(".modal .alert-danger"))).as("no error over the form")
        .noneMatch(WebElement::isDisplayed);

    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(d -> jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class,
        reference) == 1);
    assertThat(jdbc.queryForMap("select t.deadline, t.deadline_as_written from dt_task t join dt_directive d"
        + " on d.id = t.directive_id where d.reference = ?", reference))
        .containsEntry("DEADLINE_AS_WRITTEN", "hoàn thành trong quý I/2024")
        .extractingByKey("DEADLINE").hasToString("2024-03-31");
    // Words that are no deadline are no failed call: Tasklist shows no connection error over the form.
    assertThat(browser.consoleErrors()).noneMatch(e -> e.contains("/forms-api/") || e.contains("/engine/"));
    assertThat(driver.findElements(By.cssSelector(".page-notifications .alert-danger, .modal .alert-danger")))
        .noneMatch(WebElement::isDisplayed);
    finished = true;
  }

  @Test
  void theLeadUnitsFormShowsTheWordsTheTargetAndAsksForTheValueReached() throws Exception {
    clockAt(java.time.LocalDateTime.now(VIETNAM).toString());
    Map<String, Object> task = DirectiveFixtures.task("T01", "HEALTH", "trong năm " + (java.time.LocalDate.now(VIETNAM)
        .getYear() + 1));
    task.put("leadUnit", "MOFA");
    task.put("title", "Cấp hộ chiếu điện tử có gắn chip");
    task.put("target", Map.of("measure", "Cơ quan đại diện cấp hộ chiếu gắn chip", "unit", "cơ quan", "baseline", 10,
        "value", 94));
    var directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("E2E-TGT"),
        java.time.LocalDate.now(VIETNAM).toString(), List.of(task));
    String processInstanceId = directives.processOf(directive.get("id").asText(), "T01");
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("UserTask_CarryOut").singleResult().getId();

    logIn("mofa");
    driver.get(tasklist() + "#/?task=" + taskId);
    WebElement written = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".dt-deadline-written")));
    assertThat(written.getText()).contains("trong năm " + (java.time.LocalDate.now(VIETNAM).getYear() + 1));
    assertThat(driver.findElement(By.cssSelector(".dt-target")).getText())
        .contains("Cơ quan đại diện cấp hộ chiếu gắn chip", "10", "94", "cơ quan");
    WebElement value = driver.findElement(By.id("valueReached"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", value);
    assertThat(value.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.cssSelector(".dt-target")).getText()).doesNotContain("last reported");
    browser.shot("03-carry-out-with-target");
    // Before logging in Tasklist asks for a session and a welcome page it does not have; the form itself fails
    // no call.
    assertThat(browser.consoleErrors()).noneMatch(e -> e.contains("/forms-api/") || e.contains("/engine/"));
    finished = true;
  }

  /**
   * Tasklist's first load after the application started can take longer than the usual wait, and on a busy
   * machine its first page sometimes stays on the spinner: it is loaded once more then.
   */
  private void logIn(String user) {
    By username = By.cssSelector("input[ng-model='username']");
    driver.get(tasklist());
    try {
      new WebDriverWait(driver, java.time.Duration.ofSeconds(45))
          .until(ExpectedConditions.elementToBeClickable(username));
    } catch (org.openqa.selenium.TimeoutException stillLoading) {
      driver.navigate().refresh();
      new WebDriverWait(driver, java.time.Duration.ofSeconds(90))
          .until(ExpectedConditions.elementToBeClickable(username));
    }
    browser.logIn(user);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
  }

  private void type(By field, String text) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(field));
    element.clear();
    element.sendKeys(text);
  }
}

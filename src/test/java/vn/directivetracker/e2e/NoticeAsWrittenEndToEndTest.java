package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.directivetracker.DirectiveFixtures;

/**
 * Hai Phong's working group types a task of seed 004 into the start form as the 2024 notice wrote it: the
 * department by its name before the 2025 merger, the deadline in words. Before Start, the preview under each
 * field shows how it is read (HAIPHONGDOST, 31/05/2024); a district's People's Committee is refused there with
 * the reason. The task is issued with today's unit and keeps the name as typed. Screenshots under
 * {@code target/e2e/notice-as-written/}.
 */
@Tag("e2e")
class NoticeAsWrittenEndToEndTest extends BrowserTest {

  private static final String DEPARTMENT = "Department of Information and Communications";

  @Override
  Path shots() {
    return Path.of("target", "e2e", "notice-as-written");
  }

  @Test
  void aTaskOfSeed004IsPreviewedAndIssuedAsWritten() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("E2E-ASW");
    logIn("haiphongwg");
    // Tasklist asks who is logged in before the login (404 then): that is Camunda's, not this journey's.
    browser.consoleErrors();
    driver.get(tasklist() + "#/?processStart=directive");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-reference"))).sendKeys(reference);
    browser.type(By.id("dt-issued"), "29/03/2024");
    browser.type(By.id("dt-issuer"), "HAIPHONGWG");
    browser.type(By.id("dt-title"), "Kết luận hội nghị sơ kết 2 năm triển khai Đề án 06");
    browser.type(cell(0, "textarea[ng-model='row.title']"), "Khẩn trương hoàn thành khai thác, sử dụng dữ liệu dân cư");
    new Select(driver.findElement(cell(0, "select[ng-model='row.domain']"))).selectByVisibleText("OTHER - Khác");
    browser.type(cell(0, "input[ng-model='row.leadUnit']"), DEPARTMENT);
    browser.type(cell(0, "input.dt-deadline"), "before June 1, 2024");

    wait.until(ExpectedConditions.textToBePresentInElementLocated(cell(0, ".dt-unit-read"), "→ HAIPHONGDOST · "));
    wait.until(ExpectedConditions.textToBe(cell(0, ".dt-deadline-day"), "→ 31/05/2024"));
    assertThat(driver.findElement(cell(0, ".dt-unit-read")).getText())
        .endsWith("(tên cũ / formerly: Sở Thông tin và Truyền thông thành phố Hải Phòng)");
    assertThat(driver.findElements(cell(0, ".dt-unit-problem"))).isEmpty();
    browser.shot("01-department-as-written-previewed");

    // A district's People's Committee is no unit since July 2025: refused in the preview, before Start.
    browser.click(By.cssSelector("button[ng-click='addRow()']"));
    browser.type(cell(1, "input[ng-model='row.leadUnit']"), "Ủy ban nhân dân huyện Ninh Giang");
    WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(cell(1, ".dt-unit-problem")));
    assertThat(refusal.getText()).contains("Ủy ban nhân dân huyện Ninh Giang", "cấp huyện", "district");
    assertThat(driver.findElements(cell(1, ".dt-unit-read"))).isEmpty();
    browser.shot("02-district-refused");
    browser.click(cell(1, "button[ng-click='removeRow($index)']"));

    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(d -> jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class,
        reference) == 1);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dt-reference")));
    browser.shot("03-issued");

    Map<String, Object> task = jdbc.queryForMap("select t.lead_unit, t.requested_lead_unit, t.lead_unit_as_written,"
        + " t.deadline, t.deadline_as_written from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.reference = ?", reference);
    assertThat(task).containsEntry("REQUESTED_LEAD_UNIT", "HAIPHONGDOST")
        .containsEntry("LEAD_UNIT_AS_WRITTEN", DEPARTMENT)
        .containsEntry("DEADLINE_AS_WRITTEN", "before June 1, 2024");
    assertThat(task.get("DEADLINE")).hasToString("2024-05-31");
    String id = jdbc.queryForObject("select id from dt_directive where reference = ?", String.class, reference);
    JsonNode issued = DirectiveFixtures.read(http.withBasicAuth("haiphongwg", "demo")
        .getForObject("/api/directives/" + id, String.class));
    JsonNode t01 = DirectiveFixtures.taskOf(issued, "T01");
    assertThat(t01.get("leadUnit").asText()).isEqualTo("HAIPHONGDOST");
    assertThat(t01.get("leadUnitAsWritten").asText()).isEqualTo(DEPARTMENT);
    assertThat(browser.consoleErrors()).as("no errors in the browser's console since the login").isEmpty();
    finished = true;
  }

  private static By cell(int row, String css) {
    return By.cssSelector("tr[ng-repeat='row in rows']:nth-of-type(" + (row + 1) + ") " + css);
  }

  /** Tasklist's first load after the application started can be slow: loaded once more then. */
  private void logIn(String user) {
    By username = By.cssSelector("input[ng-model='username']");
    driver.get(tasklist());
    try {
      new WebDriverWait(driver, Duration.ofSeconds(45)).until(ExpectedConditions.elementToBeClickable(username));
    } catch (TimeoutException stillLoading) {
      driver.navigate().refresh();
      new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.elementToBeClickable(username));
    }
    browser.logIn(user);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
  }
}

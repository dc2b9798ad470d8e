package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.directivetracker.DirectiveFixtures;

/**
 * The issuer pastes a conclusion notice into Tasklist's start form: the task table fills itself, one row per
 * assignment and lead, the row that names no lead is marked for checking and the sentence about abolished
 * districts is listed beside the table. The issuer gives the unmarked row a lead, corrects another row's
 * deadline, and starts: the directive is stored with the rows as edited, and only then. Screenshots under
 * {@code target/e2e/drafts/}.
 */
@Tag("e2e")
class NoticeDraftEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e", "drafts");

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void aPastedNoticeFillsTheTableTheIssuerEditsARowAndIssues() throws Exception {
    int year = LocalDate.now(VIETNAM).getYear() + 1;
    String reference = DirectiveFixtures.uniqueReference("E2E-DRAFT");
    String notice = "THÔNG BÁO KẾT LUẬN\n"
        + "1. Giao Bộ Tư pháp chủ trì, phối hợp với Bộ Công an hoàn thiện dự thảo Nghị định về Cơ sở dữ liệu hộ tịch "
        + "điện tử; hoàn thành trong quý I/" + year + ".\n"
        + "2. Đề nghị Ủy ban nhân dân các tỉnh: Hà Giang, Bắc Kạn khẩn trương số hóa dữ liệu hộ tịch trước ngày 15/3/"
        + year + ".\n"
        + "3. Các bộ, ngành, địa phương tiếp tục rà soát, cắt giảm giấy tờ công dân; hoàn thành trong năm " + year
        + ".\n"
        + "4. Ủy ban nhân dân các huyện tiếp tục tuyên truyền về Đề án 06.\n";
    driver.get(tasklist());
    browser.logIn("leader");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    // Tasklist asks who is logged in before the login (404 then): that is Camunda's, not this journey's.
    browser.consoleErrors();
    driver.get(tasklist() + "#/?processStart=directive");
    WebElement referenceField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-reference")));
    referenceField.sendKeys(reference);
    driver.findElement(By.id("dt-title")).sendKeys("Kết luận của Tổ công tác tháng 12");
    assertThat(driver.findElement(By.cssSelector(".dt-draft .panel-heading")).getText())
        .contains("Dán nội dung thông báo / Paste the notice");

    // 1. The issuer pastes the notice and has it read.
    driver.findElement(By.id("dt-notice-text")).sendKeys(notice);
    browser.click(By.id("dt-read-notice"));
    wait.until(d -> rows().size() == 4);
    shot("01-notice-read");
    assertThat(cell(0, "input[ng-model='row.key']")).isEqualTo("T01");
    // The units as the notice wrote them, so issuing keeps them; the preview under each says how it is read.
    assertThat(cell(0, "input[ng-model='row.leadUnit']")).isEqualTo("Bộ Tư pháp");
    wait.until(d -> rows().get(0).findElements(By.cssSelector(".dt-unit-read")).size() >= 2);
    assertThat(rows().get(0).findElement(By.cssSelector(".dt-unit-read")).getText()).isEqualTo("→ MOJ · Bộ Tư pháp");
    assertThat(cell(0, "input[ng-model='row.coordinatingUnits']")).isEqualTo("MPS");
    // A deadline keeps the notice's words; the row shows the day they mean.
    assertThat(cell(0, "input[ng-model='row.deadline']")).contains("quý I/" + year);
    wait.until(d -> rows().get(0).findElement(By.cssSelector(".dt-deadline-day")).getText()
        .equals("→ 31/03/" + year));
    // The draft gives the names as the list wrote them ("tỉnh: Hà Giang"); each is read as the province it joined.
    assertThat(cell(1, "input[ng-model='row.leadUnit']")).endsWith("Hà Giang");
    assertThat(cell(2, "input[ng-model='row.leadUnit']")).endsWith("Bắc Kạn");
    wait.until(d -> rows().get(1).findElement(By.cssSelector(".dt-unit-read")).getText().startsWith("→ TUYENQUANG"));
    assertThat(cell(2, "input[ng-model='row.deadline']")).contains("15/3/" + year);
    wait.until(d -> rows().get(2).findElement(By.cssSelector(".dt-deadline-day")).getText()
        .equals("→ 14/03/" + year));
    assertThat(rows().get(0).findElement(By.cssSelector(".dt-source")).getText()).contains("Giao Bộ Tư pháp chủ trì");
    assertThat(rows().get(0).findElements(By.cssSelector(".dt-low"))).isEmpty();
    WebElement vague = rows().get(3);
    assertThat(cell(3, "input[ng-model='row.leadUnit']")).isEmpty();
    assertThat(vague.findElement(By.cssSelector(".dt-low")).getText()).isEqualTo("kiểm tra / check");
    assertThat(driver.findElement(By.cssSelector(".dt-unresolved")).getText())
        .contains("Ủy ban nhân dân các huyện tiếp tục tuyên truyền", "District-level");
    assertThat(driver.findElement(By.cssSelector(".dt-draft-summary")).getText())
        .contains("4 nhiệm vụ, 1 cần kiểm tra, 1 câu chưa đọc được");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .as("nothing is stored before the issuer starts").isZero();

    // 2. The issuer decides the vague row's lead and corrects the first row's deadline, then issues.
    type(3, "input[ng-model='row.leadUnit']", "MOHA");
    type(0, "input[ng-model='row.deadline']", "28/02/" + year);
    // The day the typed deadline means, written as the Vietnamese UI writes days.
    wait.until(d -> rows().get(0).findElements(By.cssSelector(".dt-deadline-day")).stream()
        .anyMatch(day -> day.getText().equals("→ 28/02/" + year)));
    shot("02-rows-edited");
    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(d -> jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class,
        reference) == 1);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dt-reference")));
    shot("03-issued");

    String directiveId = jdbc.queryForObject("select id from dt_directive where reference = ?", String.class,
        reference);
    List<Map<String, Object>> tasks = jdbc.queryForList("select task_key, requested_lead_unit, lead_unit_as_written, "
        + "deadline, title, "
        + "coordinating_units from dt_task where directive_id = ? order by position", directiveId);
    assertThat(tasks).extracting(t -> t.get("TASK_KEY")).containsExactly("T01", "T02-TUYENQUANG", "T02-THAINGUYEN",
        "T03");
    assertThat(tasks.get(0).get("REQUESTED_LEAD_UNIT")).isEqualTo("MOJ");
    assertThat(tasks.get(1).get("REQUESTED_LEAD_UNIT")).isEqualTo("TUYENQUANG");
    assertThat(tasks.get(1).get("LEAD_UNIT_AS_WRITTEN")).as("the name as the notice wrote it").asString().endsWith("Hà Giang");
    assertThat(String.valueOf(tasks.get(0).get("DEADLINE"))).isEqualTo(year + "-02-28");
    assertThat(String.valueOf(tasks.get(0).get("TITLE"))).startsWith("Hoàn thiện dự thảo Nghị định");
    assertThat(tasks.get(3).get("REQUESTED_LEAD_UNIT")).as("the row the issuer gave a lead").isEqualTo("MOHA");
    assertThat(String.valueOf(tasks.get(3).get("DEADLINE"))).isEqualTo(year + "-12-31");
    assertThat(String.valueOf(tasks.get(1).get("DEADLINE"))).isEqualTo(year + "-03-14");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("P06WG:" + reference).count()).isEqualTo(1);
    assertThat(browser.consoleErrors()).as("no errors in the browser's console since the login").isEmpty();
    finished = true;
  }

  private List<WebElement> rows() {
    return driver.findElements(By.cssSelector("tr[ng-repeat='row in rows']"));
  }

  private String cell(int row, String css) {
    return rows().get(row).findElement(By.cssSelector(css)).getAttribute("value");
  }

  private void type(int row, String css, String text) {
    WebElement field = rows().get(row).findElement(By.cssSelector(css));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    field.clear();
    field.sendKeys(text);
  }

  private void shot(String name) throws IOException {
    browser.shot(name);
  }
}

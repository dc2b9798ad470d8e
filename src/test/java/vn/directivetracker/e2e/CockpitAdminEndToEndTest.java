package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Cockpit and Admin used through the engine API's allow-list ({@code security.EngineApiFirewall}), in the
 * same headless Chromium as {@link TasklistEndToEndTest}: {@code auditor} reads the deployed processes, a
 * running directive task and its variables, and the decisions; {@code admin} lists users and groups and
 * opens Cockpit's dashboard. Neither sees an error notification, the firewall refuses none of their
 * webapps' calls (its "Refused" log lines are captured) and the browser's console shows no failed call of
 * /camunda/api but the ones listed below. A unit officer is turned away from Cockpit. Screenshots go to
 * {@code target/e2e/cockpit-admin/}.
 */
@Tag("e2e")
class CockpitAdminEndToEndTest extends ApplicationTest {

  static final Path SHOTS = Path.of("target", "e2e", "cockpit-admin");
  /** Failed loads in the console that have nothing to do with the allow-list, each with its cause. */
  static final List<String> HARMLESS_FAILED_LOADS = List.of(
      // Before the login a webapp asks who is logged in: 404 means no one yet.
      "/camunda/api/admin/auth/user/default - Failed to load resource: the server responded with a status of 404",
      // The webapps' header probes for Camunda's welcome page, which is not deployed.
      "/camunda-welcome - Failed to load resource: the server responded with a status of 404",
      // Chromium asks for an icon the webapps do not have.
      "/favicon.ico - Failed to load resource: the server responded with a status of 404");
  static final Pattern FAILED_API_CALL = Pattern.compile(".*/camunda/api/.*status of [45]\\d\\d.*");

  @LocalServerPort
  int port;

  Chromium browser;
  WebDriver driver;
  WebDriverWait wait;
  ListAppender<ILoggingEvent> refusals;
  final List<String> consoleErrors = new ArrayList<>();
  boolean finished;

  @BeforeAll
  static void emptyScreenshotFolder() throws IOException {
    Chromium.emptyFolder(SHOTS);
  }

  @BeforeEach
  void browserAndRefusals() throws IOException {
    refusals = new ListAppender<>();
    refusals.start();
    firewallLog().addAppender(refusals);
    browser = new Chromium(SHOTS);
    driver = browser.driver;
    wait = browser.wait;
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws IOException {
    firewallLog().detachAppender(refusals);
    if (browser != null) {
      browser.close(test, finished);
    }
  }

  @Test
  void theAuditorReadsProcessesARunningTaskItsVariablesAndTheDecisions() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("E2E-CKP");
    String processInstanceId = issueOneTask(reference);

    // 1. The dashboard: what is deployed.
    browser.logIn(app("cockpit") + "#/dashboard", "auditor");
    assertDeployedProcessesShown();
    assertThat(driver.findElement(By.cssSelector("nav, .navbar")).getText()).contains("Kiểm toán Thanh tra");
    step("01-auditor-dashboard");

    // 2. The process definitions; the directive task's lists the instance just started.
    click(By.xpath("//a[normalize-space()='Quy trình']"));
    By directiveTask = By.xpath("//a[contains(@href,'#/process-definition/')][normalize-space()='directive-task']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(directiveTask));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Nhiệm vụ / Directive task",
        "Chỉ đạo / Directive", "Thư tổng hợp hằng ngày");
    step("02-auditor-processes");
    click(directiveTask);
    By instance = By.cssSelector("a[href*='#/process-instance/" + processInstanceId + "']");
    assertThat(rowOf(wait.until(ExpectedConditions.visibilityOfElementLocated(instance))).getText())
        .contains(reference);
    step("03-auditor-definition");

    // 3. The instance, and its variables tab.
    click(instance);
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Biến']"));
    WebElement issuer = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//tr[td[normalize-space()='issuer']]")));
    assertThat(issuer.getText()).contains("String", "P06WG");
    assertThat(driver.findElement(By.xpath("//tr[td[normalize-space()='decidedLeadUnit']]")).getText())
        .contains(engine.getRuntimeService().getVariable(processInstanceId, "decidedLeadUnit").toString());
    step("04-auditor-instance-variables");

    // 4. The decisions, and the one that picks the lead unit.
    click(By.xpath("//a[normalize-space()='Quyết định']"));
    By leadUnit = By.xpath(
        "//a[contains(@href,'#/decision-definition/')][normalize-space()='Lead unit (đơn vị chủ trì)']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(leadUnit));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Escalation level (mức cảnh báo)");
    step("05-auditor-decisions");
    click(leadUnit);
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'breadcrumb')]//*[contains(normalize-space(), 'Lead unit (đơn vị chủ trì)')]")));
    // Its evaluations list the one that picked the lead unit of the task just issued.
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("a[href*='#/process-instance/" + processInstanceId + "']")));
    step("06-auditor-lead-unit");

    assertNothingRefused("auditor", List.of());
    finished = true;
  }

  @Test
  void theAdministratorListsUsersAndGroupsAndOpensCockpit() throws Exception {
    // 1. Users: the list (by id, a page at a time) and a unit officer's profile.
    browser.logIn(app("admin") + "#/users", "admin");
    WebElement users = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//table[.//a[normalize-space()='auditor']]")));
    assertThat(users.getText()).contains("admin@demo.directivetracker.vn", "Kiểm toán");
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Danh sách người dùng",
        String.valueOf(engine.getIdentityService().createUserQuery().count()));
    step("11-admin-users");
    driver.get(app("admin") + "#/users/moh?tab=profile");
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[name='email']"), "value",
        "moh@demo.directivetracker.vn"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Sửa người dùng Cán bộ Bộ Y tế");
    step("12-admin-user-moh");

    // 2. Groups: the list and the Ministry of Health's.
    click(By.xpath("//a[normalize-space()='Nhóm']"));
    WebElement groups = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//table[.//a[normalize-space()='AUDITORS']]")));
    assertThat(groups.getText()).contains("Kiểm toán viên / Auditors", "PROVINCE");
    step("13-admin-groups");
    driver.get(app("admin") + "#/groups/MOH?tab=group");
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[name='groupName']"), "value", "Bộ Y tế"));
    assertThat(driver.findElement(By.cssSelector("input[name='groupType']")).getAttribute("value"))
        .isEqualTo("MINISTRY");
    step("14-admin-group-MOH");

    // 3. Cockpit, in the same session.
    driver.get(app("cockpit") + "#/dashboard");
    assertDeployedProcessesShown();
    step("15-admin-cockpit");

    assertNothingRefused("admin", List.of());
    finished = true;
  }

  @Test
  void aUnitOfficerIsTurnedAwayFromCockpit() throws Exception {
    // Logging in to Cockpit: the login fails and says why.
    By notification = By.cssSelector(".page-notifications .alert-danger");
    browser.logIn(app("cockpit") + "#/dashboard", "moh");
    WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(notification));
    assertThat(refused.getText()).contains("Đăng nhập không thành công",
        "Sai thông tin đăng nhập, tài khoản bị khóa hoặc không có quyền truy cập ứng dụng");
    assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed()).isTrue();
    assertThat(driver.findElements(By.xpath("//a[normalize-space()='Quy trình']"))).isEmpty();
    browser.shot("21-officer-cockpit-login-refused");
    assertThat(browser.consoleErrors()).anyMatch(e -> e.contains(
        "/camunda/api/admin/auth/user/default/login/cockpit - Failed to load resource: the server responded with a"
            + " status of 403"));

    // Logged in to Tasklist, the officer opens Cockpit in the same session: the app itself is refused.
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.logIn("moh");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    driver.get(app("cockpit") + "#/dashboard");
    WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")));
    assertThat(page.getText()).contains("status=403").doesNotContain("Bảng điều khiển");
    browser.shot("22-officer-cockpit-after-tasklist");
    // Camunda refuses before any engine call: the firewall has nothing to refuse.
    assertThat(refusalsOf("moh")).isEmpty();
    finished = true;
  }

  /** Issues a directive of one task (its lead unit left to the decision): the task's process instance. */
  private String issueOneTask(String reference) {
    LocalDate today = LocalDate.now(VIETNAM);
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "CIVIL_STATUS", today.plusDays(30).toString());
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(), List.of(t01));
    return directives.processOf(issued.get("id").asText(), "T01");
  }

  /** Cockpit's dashboard: a positive number of deployed process definitions. */
  private void assertDeployedProcessesShown() {
    WebElement deployed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[normalize-space()='Định nghĩa quy trình']/..")));
    wait.until(d -> deployed.getText().matches("(?s).*Định nghĩa quy trình\\s*[1-9]\\d*.*"));
  }

  private static WebElement rowOf(WebElement cellContent) {
    return cellContent.findElement(By.xpath("./ancestor::tr[1]"));
  }

  private void click(By by) {
    browser.click(by);
  }

  /**
   * After a step: once the page has settled (the webapps load in the background), no error notification
   * shows; then the screenshot, and the console's errors so far are kept.
   */
  private void step(String name) throws Exception {
    Thread.sleep(1500);
    browser.shot(name);
    assertThat(driver.findElements(By.cssSelector(".page-notifications .alert-danger")))
        .as("error notifications at " + name).extracting(WebElement::getText).isEmpty();
    consoleErrors.addAll(browser.consoleErrors());
  }

  /** The firewall refused nothing for the user, and the console shows no failed API call but the known ones. */
  private void assertNothingRefused(String user, List<String> alsoKnown) {
    assertThat(refusalsOf(user)).as("calls the allow-list refused").isEmpty();
    consoleErrors.addAll(browser.consoleErrors());
    List<String> known = new ArrayList<>(HARMLESS_FAILED_LOADS);
    known.addAll(alsoKnown);
    assertThat(consoleErrors.stream().filter(e -> FAILED_API_CALL.matcher(e).matches())
        .filter(e -> known.stream().noneMatch(e::contains))).as("failed calls of /camunda/api").isEmpty();
  }

  private List<String> refusalsOf(String user) {
    return refusals.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.startsWith("Refused ") && m.contains(" for " + user + " ")).toList();
  }

  private String app(String name) {
    return "http://localhost:" + port + "/camunda/app/" + name + "/default/";
  }

  private static Logger firewallLog() {
    return (Logger) LoggerFactory.getLogger("vn.directivetracker.security.EngineApiFirewall");
  }
}

package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.Mailbox;

/**
 * Tasklist used as people use it, in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs; nothing is downloaded at run time). The officer of the lead unit logs in, opens the
 * unit's filter and the task, reports with an evidence file; {@code secretary} follows the link of the
 * review mail, logs in and returns the report with a comment; the officer sees the comment and
 * resubmits; {@code secretary} accepts. And the issuer refuses an extension, which its form allows only
 * with a comment. The browser speaks Vietnamese, so Tasklist runs in our {@code vi} locale. Each step is
 * checked in the browser and in the engine, and photographed under {@code target/e2e/}. Fails, never
 * skips, without Chromium. The lead unit is MOFA, whose inbox no other test uses.
 */
@Tag("e2e")
class TasklistEndToEndTest extends BrowserTest {

  static final Path SHOTS = Path.of("target", "e2e");
  static final String OFFICER = "mofa";
  static final String LEAD_UNIT = "MOFA";
  static final String RETURN_COMMENT = "Bổ sung biên bản nghiệm thu có chữ ký của lãnh đạo Bộ";
  static final Pattern TASKLIST_LINK = Pattern.compile("/camunda/app/tasklist/default/(#/\\?task=[0-9a-f-]+)");

  @Autowired
  JdbcTemplate jdbc;

  @Override
  Path shots() {
    return SHOTS;
  }

  @Test
  void anOfficerReportsWithEvidenceTheSecretaryReturnsItTheOfficerResubmitsAndTheSecretaryAccepts() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("E2E");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "CIVIL_STATUS", today.plusDays(30).toString());
    t01.put("title", "Số hóa sổ hộ tịch của cơ quan đại diện ở nước ngoài");
    t01.put("leadUnit", LEAD_UNIT);
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(), List.of(t01));
    String directiveId = issued.get("id").asText();
    String processInstanceId = directives.processOf(directiveId, "T01");
    Task carryOut = openTask(processInstanceId, "UserTask_CarryOut");
    byte[] evidence = Chromium.pdf();
    Path evidenceFile = SHOTS.resolve("bien-ban-nghiem-thu.pdf").toAbsolutePath();
    Files.write(evidenceFile, evidence);

    // 1. The officer logs in; Tasklist speaks Vietnamese.
    driver.get(tasklist());
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username']")));
    assertThat(username.getAttribute("placeholder")).isEqualTo("Tên đăng nhập");
    assertThat(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).getText())
        .isEqualTo("Đăng nhập");
    shot("01-officer-login");
    logIn(OFFICER);

    // 2. The unit's filters; "My unit's tasks" holds the task.
    List<String> filters = filterNames();
    assertThat(filters).contains("Việc của đơn vị / My unit's tasks", "Quá hạn / Overdue",
        "Đến hạn trong 7 ngày / Due in 7 days").doesNotContain("Chờ duyệt / Awaiting review");
    browser.openFilter("Việc của đơn vị");
    WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(taskLink(carryOut.getId())));
    assertThat(listed.getText()).isEqualTo("T01 · Số hóa sổ hộ tịch của cơ quan đại diện ở nước ngoài");
    shot("02-unit-filter");

    // 3. The task: what was asked, by whom, by when; the officer claims it and reports with evidence.
    click(taskLink(carryOut.getId()));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-context"), reference));
    WebElement context = driver.findElement(By.cssSelector(".dt-context"));
    assertThat(context.getText()).contains("Tổ công tác triển khai Đề án 06 (P06WG)",
        "T01. Số hóa sổ hộ tịch của cơ quan đại diện ở nước ngoài", "Kết quả cần đạt / Expected result: Báo cáo kết quả",
        "Thời hạn / Deadline: " + today.plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
        "còn 30 ngày / 30 days left");
    claim("reportResult");
    type("progressPercent", "100");
    type("reportResult", "Đã số hóa 95% sổ hộ tịch; còn 3 cơ quan đại diện đang chuyển dữ liệu.");
    browser.setDate("completionDate", today);
    assertThat(driver.findElement(By.id("completionDate")).getAttribute("value"))
        .isEqualTo(today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    driver.findElement(By.id("evidence1")).sendKeys(evidenceFile.toString());
    scrollTo(By.id("evidence1"));
    shot("03-report-filled");
    complete();
    HistoricTaskInstance reported = finished(processInstanceId, "UserTask_CarryOut", 1);
    assertThat(reported.getAssignee()).isEqualTo(OFFICER);
    shot("04-report-submitted");
    TaskService tasks = engine.getTaskService();
    Task review = openTask(processInstanceId, "UserTask_ReviewReport");
    assertThat(tasks.getIdentityLinksForTask(review.getId())).anySatisfy(l -> assertThat(l.getGroupId())
        .isEqualTo("P06WGSEC"));
    assertThat(tasks.getVariables(review.getId())).containsEntry("reportResult",
        "Đã số hóa 95% sổ hộ tịch; còn 3 cơ quan đại diện đang chuyển dữ liệu.")
        .containsEntry("completionDate", today.toString()).containsEntry("progressPercent", 100L);
    // Who submitted is the report's (dt_report), not a variable of the process.
    assertThat(jdbc.queryForObject("select submitted_by from dt_report where task_id = (select id from dt_task"
        + " where process_instance_id = ?)", String.class, processInstanceId)).isEqualTo(OFFICER);
    FileValue stored = tasks.getVariableTyped(review.getId(), "evidence1");
    assertThat(stored.getFilename()).isEqualTo("bien-ban-nghiem-thu.pdf");
    assertThat(stored.getMimeType()).isEqualTo("application/pdf");
    assertThat(stored.getValue().readAllBytes()).isEqualTo(evidence);
    assertThat(tasks.getVariable(review.getId(), "evidence2")).isNull();

    // 4. secretary follows the review mail's link, sees the report and its evidence, and returns it.
    browser.logOut();
    driver.get(tasklist() + linkInMail("secretary", reference, processInstanceId, review.getId()));
    logIn("secretary");
    // Reviews have no deadline: the secretariat is offered no deadline filters that would stay empty.
    assertThat(filterNames()).contains("Việc của đơn vị / My unit's tasks", "Chờ duyệt / Awaiting review")
        .doesNotContain("Quá hạn / Overdue", "Đến hạn trong 7 ngày / Due in 7 days");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reportResultText"),
        "Đã số hóa 95% sổ hộ tịch"));
    WebElement report = driver.findElement(By.id("reportResultText"));
    assertThat(driver.findElement(By.cssSelector(".dt-context")).getText())
        .contains("Thời hạn / Deadline: " + today.plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    WebElement evidenceLink = driver.findElement(By.cssSelector("a.dt-evidence"));
    assertThat(evidenceLink.getText()).isEqualTo("bien-ban-nghiem-thu.pdf");
    assertThat(browser.downloadedBytes(evidenceLink.getAttribute("href"))).isEqualTo(evidence.length);
    claim("reviewComment");
    new Select(driver.findElement(By.id("reportAccepted"))).selectByValue("false");
    type("reviewComment", RETURN_COMMENT);
    scrollTo(By.id("reviewComment"));
    shot("05-secretary-returns");
    complete();
    assertThat(finished(processInstanceId, "UserTask_ReviewReport", 1).getAssignee()).isEqualTo("secretary");
    shot("06-returned");
    Task again = openTask(processInstanceId, "UserTask_CarryOut");
    assertThat(tasks.getVariable(again.getId(), "returnCount")).isEqualTo(1);
    assertThat(jdbc.queryForMap("select outcome, review_comment, reviewed_by from dt_report where task_id = ?",
        DirectiveFixtures.taskOf(issued, "T01").get("id").asText()))
        .containsEntry("OUTCOME", "RETURNED").containsEntry("REVIEW_COMMENT", RETURN_COMMENT)
        .containsEntry("REVIEWED_BY", "secretary");

    // 5. The officer sees the comment, keeps the evidence already sent, completes the report, resubmits.
    browser.logOut();
    logIn(OFFICER);
    browser.openFilter("Việc của đơn vị");
    click(taskLink(again.getId()));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("returnHistoryText"), RETURN_COMMENT));
    WebElement returned = driver.findElement(By.id("returnHistoryText"));
    assertThat(returned.getText()).contains("(secretary)");
    assertThat(driver.findElement(By.cssSelector(".dt-context .alert-warning")).getText())
        .contains("Báo cáo đã bị trả lại / The report was returned");
    // The returned task is the officer's again, without claiming it anew.
    assertThat(again.getAssignee()).isEqualTo(OFFICER);
    wait.until(d -> d.findElement(By.id("reportResult")).isEnabled());
    assertThat(driver.findElement(By.id("reportResult")).getAttribute("value"))
        .isEqualTo("Đã số hóa 95% sổ hộ tịch; còn 3 cơ quan đại diện đang chuyển dữ liệu.");
    assertThat(driver.findElement(By.xpath("//input[@id='evidence1']/following-sibling::p")).getText())
        .contains("bien-ban-nghiem-thu.pdf");
    WebElement text = driver.findElement(By.id("reportResult"));
    text.clear();
    text.sendKeys("Đã số hóa 100% sổ hộ tịch; biên bản nghiệm thu có chữ ký của lãnh đạo Bộ.");
    scrollTo(By.id("returnHistoryText"));
    shot("07-officer-sees-the-return");
    complete();
    finished(processInstanceId, "UserTask_CarryOut", 2);
    shot("08-resubmitted");
    Task secondReview = openTask(processInstanceId, "UserTask_ReviewReport");
    assertThat(tasks.getVariables(secondReview.getId())).doesNotContainKeys("reportAccepted", "reviewComment")
        .containsEntry("reportResult", "Đã số hóa 100% sổ hộ tịch; biên bản nghiệm thu có chữ ký của lãnh đạo Bộ.");
    assertThat(tasks.<FileValue>getVariableTyped(secondReview.getId(), "evidence1").getValue().readAllBytes())
        .as("the evidence sent the first time is kept").isEqualTo(evidence);

    // 6. secretary accepts; the task is closed on time.
    browser.logOut();
    driver.get(tasklist() + linkInMail("secretary", reference, processInstanceId, secondReview.getId()));
    logIn("secretary");
    WebElement earlier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("returnHistoryText")));
    assertThat(earlier.getText()).contains(RETURN_COMMENT);
    claim("reviewComment");
    assertThat(driver.findElement(By.id("reviewComment")).getAttribute("value")).isEmpty();
    new Select(driver.findElement(By.id("reportAccepted"))).selectByValue("true");
    scrollTo(By.id("reviewComment"));
    shot("09-secretary-accepts");
    complete();
    finished(processInstanceId, "UserTask_ReviewReport", 2);
    shot("10-accepted");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count())
        .isZero();
    JsonNode closed = DirectiveFixtures.taskOf(directives.get("leader", "/api/directives/" + directiveId), "T01");
    assertThat(closed.get("status").asText()).isEqualTo("COMPLETED_ON_TIME");
    assertThat(jdbc.queryForList("select outcome from dt_report where task_id = ? order by submitted_at",
        String.class, closed.get("id").asText())).containsExactly("RETURNED", "ACCEPTED");
    finished = true;
  }

  @Test
  void theIssuerRefusesAnExtensionInItsFormOnlyWithAComment() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("E2E-EXT");
    Map<String, Object> t01 = DirectiveFixtures.task("T01", "CIVIL_STATUS", today.plusDays(20).toString());
    t01.put("leadUnit", LEAD_UNIT);
    JsonNode issued = directives.issue("leader", "P06WG", reference, today.toString(), List.of(t01));
    String taskId = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    String processInstanceId = directives.processOf(issued.get("id").asText(), "T01");
    DateTimeFormatter day = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    // The lead unit's officer asks for more time from its task's form. A day not after the deadline is
    // refused in Vietnamese and nothing is stored; then the request goes to the issuer.
    Task carryOut = openTask(processInstanceId, "UserTask_CarryOut");
    driver.get(tasklist() + "#/?task=" + carryOut.getId());
    logIn(OFFICER);
    claim("reportResult");
    click(By.cssSelector("button.dt-extension-open"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("extensionDeadline")));
    type("extensionDeadline", today.plusDays(10).format(day));
    type("extensionReason", "Chờ ý kiến của các cơ quan đại diện ở nước ngoài");
    click(By.cssSelector("button.dt-extension-send"));
    WebElement tooEarly = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".dt-extension-problem")));
    assertThat(tooEarly.getText()).startsWith("Thời hạn mới " + today.plusDays(10).format(day)
        + " phải sau thời hạn hiện tại " + today.plusDays(20).format(day)).contains("is not after");
    assertThat(jdbc.queryForObject("select count(*) from dt_extension where task_id = ?", Integer.class, taskId))
        .isZero();
    type("extensionDeadline", today.plusDays(60).format(day));
    click(By.cssSelector("button.dt-extension-send"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-extension-pending"),
        "Đã xin gia hạn đến " + today.plusDays(60).format(day) + " (" + OFFICER + ")"));
    // Tasklist's own relative times speak the page's language, whichever of its language tables came last.
    // (How many days moment rounds to depends on the hour: the words are what matter.)
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task-meta] .due-date"),
        " ngày tới"));
    assertThat(driver.findElement(By.tagName("body")).getText()).containsPattern("Ngày tạo [^\\n]+ trước")
        .doesNotContain(" ago", "in 20 days", "in 21 days");
    scrollTo(By.cssSelector(".dt-extension-pending"));
    shot("11-officer-asks-for-a-later-deadline");
    // The request waits for the issuer; the report is not sent with it, and the form says so when reopened.
    Task decide = openTask(processInstanceId, "UserTask_DecideExtension");
    assertThat(engine.getTaskService().createTaskQuery().taskId(carryOut.getId()).count()).isOne();
    driver.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-context"),
        "đang chờ cơ quan ban hành quyết định"));
    assertThat(driver.findElements(By.cssSelector("button.dt-extension-open"))).isEmpty();
    browser.logOut();

    driver.get(tasklist() + linkInMail("leader", reference, processInstanceId, decide.getId()));
    logIn("leader");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".dt-context"),
        "Chờ ý kiến của các cơ quan đại diện ở nước ngoài"));
    WebElement context = driver.findElement(By.cssSelector(".dt-context"));
    assertThat(context.getText()).contains(reference, "Đơn vị chủ trì / Lead unit: Bộ Ngoại giao (MOFA)",
        "Thời hạn hiện tại / Current deadline: " + today.plusDays(20).format(day),
        "Đề nghị gia hạn đến / New deadline requested: " + today.plusDays(60).format(day),
        "thêm 40 ngày / 40 more days", "Người đề nghị / Requested by: " + OFFICER);
    claim("extensionComment");
    By completeButton = By.cssSelector("button[ng-click='complete()']");
    assertThat(driver.findElement(completeButton).isEnabled()).as("no decision chosen yet").isFalse();

    // Refusing without a comment is stopped in the form; nothing is completed.
    new Select(driver.findElement(By.id("extensionApproved"))).selectByValue("false");
    type("extensionComment", "   ");
    click(completeButton);
    WebElement missing = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//p[contains(@class,'text-danger')][contains(., 'Please say why when refusing')]")));
    assertThat(missing.getText()).startsWith("Hãy ghi lý do khi không đồng ý gia hạn");
    scrollTo(By.id("extensionComment"));
    shot("12-extension-refusal-needs-a-comment");
    assertThat(engine.getTaskService().createTaskQuery().taskId(decide.getId()).count()).isOne();

    type("extensionComment", "Nhiệm vụ trọng tâm, không gia hạn");
    complete();
    assertThat(finished(processInstanceId, "UserTask_DecideExtension", 1).getAssignee()).isEqualTo("leader");
    shot("13-extension-refused");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName("extensionOutcome").singleResult().getValue()).isEqualTo("REFUSED");
    assertThat(jdbc.queryForMap("select state, decision_comment, decided_by from dt_extension where task_id = ?", taskId))
        .containsEntry("STATE", "REFUSED").containsEntry("DECISION_COMMENT", "Nhiệm vụ trọng tâm, không gia hạn")
        .containsEntry("DECIDED_BY", "leader");
    finished = true;
  }

  /**
   * The leader issues a realistic notice of 25 tasks from Tasklist's start form: its JSON, far longer than the
   * 4,000 characters the engine stores in a text variable, travels as transient Bytes and is stored in dt_task.
   */
  @Test
  void theLeaderIssuesANoticeOf25TasksFromTheStartForm() throws Exception {
    LocalDate today = LocalDate.now(VIETNAM);
    String reference = DirectiveFixtures.uniqueReference("E2E-25");
    driver.get(tasklist());
    logIn("leader");
    driver.get(tasklist() + "#/?processStart=directive");
    WebElement referenceField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dt-reference")));
    referenceField.sendKeys(reference);
    type("dt-title", "Kết luận của Tổ công tác về triển khai Đề án 06 năm " + today.getYear());
    // 25 rows, as the leader would fill them row by row.
    ((JavascriptExecutor) driver).executeScript("var s = angular.element(arguments[0]).scope(), due = arguments[1];"
        + "s.$apply(function () { s.rows = []; for (var i = 0; i < 25; i++) { var r = s.F.emptyRow(i);"
        + " r.title = 'Triển khai nhiệm vụ số ' + (i + 1) + ' về kết nối, làm sạch và đồng bộ dữ liệu dân cư với cơ sở"
        + " dữ liệu chuyên ngành'; r.domain = 'HEALTH'; r.deadline = due;"
        + " r.expectedResult = 'Báo cáo kết quả triển khai và số liệu đồng bộ hằng tháng'; s.rows.push(r); } });",
        referenceField, today.plusDays(60).toString());
    assertThat(driver.findElements(By.cssSelector("tr[ng-repeat='row in rows']"))).hasSize(25);
    shot("14-start-form-25-tasks");
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(d -> jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class,
        reference) == 1);
    String directiveId = jdbc.queryForObject("select id from dt_directive where reference = ?", String.class, reference);
    assertThat(jdbc.queryForList("select deadline from dt_task where directive_id = ?", directiveId))
        .hasSize(25).allSatisfy(t -> assertThat(String.valueOf(t.get("DEADLINE"))).isEqualTo(today.plusDays(60).toString()));
    String instance = jdbc.queryForObject("select process_instance_id from dt_directive where id = ?", String.class,
        directiveId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("directiveRequest").count()).isZero();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("dt-reference")));
    shot("15-notice-issued");
    finished = true;
  }

  private void logIn(String user) {
    browser.logIn(user);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
  }

  private List<String> filterNames() {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter h4.name a")));
    // The focused filter shows its count after the name: only the name is compared.
    return driver.findElements(By.cssSelector("div.task-filter h4.name a")).stream()
        .map(a -> a.getText().replaceAll("\\s*\\(?\\d+\\)?$", "").trim()).toList();
  }

  private static By taskLink(String taskId) {
    return By.cssSelector("li.task h4.task a[href='#/?task=" + taskId + "']");
  }

  /** Claims the open task; its form's fields are enabled once it is claimed. */
  private void claim(String fieldId) {
    click(By.cssSelector("button.claim"));
    wait.until(d -> d.findElement(By.id(fieldId)).isEnabled());
  }

  /** "Hoàn thành" (Complete); Tasklist then shows no task. */
  private void complete() {
    By button = By.cssSelector("button[ng-click='complete()']");
    assertThat(driver.findElement(button).getText()).isEqualTo("Hoàn thành");
    click(button);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.no-task")));
  }

  private void scrollTo(By by) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        driver.findElement(by));
  }

  /** The n-th finished instance of a user task, waited for: Tasklist completes it asynchronously. */
  private HistoricTaskInstance finished(String processInstanceId, String activityId, int n) {
    HistoryService history = engine.getHistoryService();
    wait.until(d -> history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId).finished().count() >= n);
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId).finished().orderByHistoricTaskInstanceEndTime().asc().list().get(n - 1);
  }

  /** Delivers the pending notices of the process and returns the Tasklist link of the user's mail about the task. */
  private String linkInMail(String user, String reference, String processInstanceId, String taskId) throws Exception {
    runDueJobs(List.of(processInstanceId));
    for (String body : Mailbox.bodiesTo(user, reference)) {
      Matcher link = TASKLIST_LINK.matcher(body);
      while (link.find()) {
        if (link.group(1).endsWith(taskId)) {
          return link.group(1);
        }
      }
    }
    throw new AssertionError("no mail to " + user + " links to task " + taskId);
  }

  private void shot(String name) throws IOException {
    browser.shot(name);
  }
}

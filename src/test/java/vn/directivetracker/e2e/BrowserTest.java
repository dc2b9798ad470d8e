package vn.directivetracker.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.ApplicationTest;

/**
 * An end-to-end test in {@link Chromium}: a browser for each test, its screenshots in the folder the test
 * names (emptied before the class's first test: an earlier run's must not pass for this one's), and what
 * the browser showed kept when a test does not get to its end ({@code finished}).
 */
abstract class BrowserTest extends ApplicationTest {

  private static final Set<Path> EMPTIED = ConcurrentHashMap.newKeySet();

  @LocalServerPort
  int port;

  Chromium browser;
  WebDriver driver;
  WebDriverWait wait;
  boolean finished;

  /** Where this class's screenshots go. */
  abstract Path shots();

  @BeforeEach
  void browser() throws IOException {
    if (EMPTIED.add(shots())) {
      Chromium.emptyFolder(shots());
    }
    browser = new Chromium(shots());
    driver = browser.driver;
    wait = browser.wait;
  }

  /** Tasklist's address on this test's port. */
  String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  /** The open user task of this activity in the process instance. */
  Task openTask(String processInstanceId, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(activityId).singleResult();
  }

  /** Types into a form's field, in place of what it held. */
  void type(String fieldId, String text) {
    WebElement field = driver.findElement(By.id(fieldId));
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks once the element can take the click ({@link Chromium#click}). */
  void click(By by) {
    browser.click(by);
  }

  @AfterEach
  void closeBrowser(TestInfo test) throws IOException {
    if (browser != null) {
      browser.close(test, finished);
    }
  }
}

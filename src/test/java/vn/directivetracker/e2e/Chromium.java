package vn.directivetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium speaking Vietnamese, for the end-to-end tests: its own profile, a wait of 20
 * seconds that looks stale elements up again, the webapps' login form, screenshots, and the console's
 * errors (a refused request shows there as "Failed to load resource"). Fails, never skips, without Chromium.
 */
final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final WebDriver driver;
  final WebDriverWait wait;
  private final Path profile;
  private final Path shots;

  Chromium(Path shots) throws IOException {
    assertThat(BINARY).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does it)")
        .isExecutable();
    assertThat(DRIVER).as("Debian's chromedriver (apt-get install chromium-driver; .ci/run does it)")
        .isExecutable();
    this.shots = shots;
    profile = Files.createTempDirectory("e2e-chromium");
    // Driver and browser are named, so Selenium Manager has nothing to look up or download.
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--lang=vi", "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // The webapps re-render views as data arrives: look the element up again.
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Empties the folder of the screenshots (not its subfolders): an earlier run's must not pass for this one's. */
  static void emptyFolder(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Stream<Path> old = Files.list(folder)) {
      old.filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
    }
  }

  /** Fills in and sends the login form of Tasklist, Cockpit or Admin (every demo user's password is demo). */
  void logIn(String user) {
    WebElement username = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[ng-model='username']")));
    username.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
  }

  /** Opens the page and logs in on the login form it shows first. */
  void logIn(String url, String user) {
    driver.get(url);
    logIn(user);
  }

  /** Logs out through the account menu and waits for the login form. */
  void logOut() {
    click(By.cssSelector("li.account a.dropdown-toggle"));
    click(By.cssSelector("li.logout a"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }

  /** Opens the Tasklist filter whose name starts so and waits until it is the active one. */
  void openFilter(String namePrefix) {
    By filter = By.xpath("//div[contains(@class,'task-filter')]//h4/a[starts-with(normalize-space(.), '"
        + namePrefix + "')]");
    click(filter);
    wait.until(ExpectedConditions.attributeContains(By.xpath("//div[contains(@class,'task-filter')][.//h4/a["
        + "starts-with(normalize-space(.), '" + namePrefix + "')]]"), "class", "active"));
  }

  /** Clicks an element of a wide form, scrolled into view first: Tasklist's modal scrolls, the window does not. */
  void click(By by) {
    // Found, scrolled to and clicked in one step, tried again until it lands: Angular may re-render the
    // element between a lookup and the click (stale) or lay a fading backdrop over it (intercepted).
    wait.until(d -> {
      WebElement element = d.findElement(by);
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return false;
      }
      try {
        element.click();
        return true;
      } catch (ElementClickInterceptedException covered) {
        return false;
      }
    });
  }

  /** Types into a field of a wide form, scrolled into view first, in place of what it held. */
  void type(By by, String text) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.clear();
    element.sendKeys(text);
  }

  /** A day typed as officers type it, dd/mm/yyyy (the forms' day fields take it whatever the locale). */
  void setDate(String fieldId, LocalDate date) {
    WebElement field = driver.findElement(By.id(fieldId));
    field.clear();
    field.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
  }

  /** A URL fetched in the page's session (an evidence link): the number of bytes it serves, negative if none. */
  long downloadedBytes(String url) {
    Object size = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'})"
        + ".then(function (r) { return r.ok ? r.arrayBuffer() : null; })"
        + ".then(function (b) { done(b ? b.byteLength : -1); }, function () { done(-2); });", url);
    return ((Number) size).longValue();
  }

  /** A small valid PDF, made here: the tests fetch nothing. */
  static byte[] pdf() {
    String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return body.getBytes(StandardCharsets.US_ASCII);
  }

  void shot(String name) throws IOException {
    Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** What the browser showed when a test failed: a screenshot and the page's HTML. */
  void keepFailure(String name) throws IOException {
    shot("failure-" + name);
    Files.writeString(shots.resolve("failure-" + name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
  }

  /** The console's messages of level SEVERE since the last call. */
  /** A console entry of Tasklist asking for a task that is no more, which the engine answers 404. */
  static Predicate<String> askedAgainFor(String completedTaskId) {
    return e -> e.contains("/camunda/api/engine/engine/default/task/" + completedTaskId + " - Failed to load")
        && e.contains("status of 404");
  }

  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Quits; first keeps what the browser showed when the test did not get to its end. */
  void close(TestInfo test, boolean finished) throws IOException {
    try {
      if (!finished) {
        keepFailure(test.getTestMethod().orElseThrow().getName());
      }
    } finally {
      close();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

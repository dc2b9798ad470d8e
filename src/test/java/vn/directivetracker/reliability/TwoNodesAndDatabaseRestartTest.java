package vn.directivetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults that need real processes, run against the packaged jar (not part of the default suite: the
 * pom excludes the {@code reliability-full} tag; see docs/reliability.md for the command):
 * <ol>
 *   <li>two application nodes on one PostgreSQL database sweep 1,000 back-filled overdue tasks (the
 *       escalation-sweep process, at the next quarter hour, in pages of 100); one node is killed with
 *       SIGKILL in the middle; afterwards every task is escalated exactly once, every
 *       notice is delivered, no due timer is left and no incident is open;</li>
 *   <li>PostgreSQL is restarted under the surviving node: no task or timer is lost, and issuing and
 *       completing work again without restarting the application.</li>
 * </ol>
 * Everything is bounded in time; child processes are killed whatever happens. Figures go to
 * {@code target/reliability/report.md}.
 */
@Tag("reliability-full")
class TwoNodesAndDatabaseRestartTest {

  static final String DATABASE = "directive_reliability";
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
  // 1,000 tasks as five notices of the most one notice may carry.
  static final int DIRECTIVES = 5;
  static final int TASKS_EACH = vn.directivetracker.directive.DirectiveLimits.MAX_TASKS;
  static final int TASKS = DIRECTIVES * TASKS_EACH;
  static final String[] DOMAINS = {"HEALTH", "CIVIL_STATUS", "EDUCATION", "ENERGY", "TAX", "LAND", "BANKING",
      "LABOUR", "HOUSING", "TELECOM"};
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path OUT = Paths.get("target", "reliability");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Process> nodes = new ArrayList<>();
  private final Map<String, Object> figures = new LinkedHashMap<>();
  private GreenMail mail;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : nodes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    if (mail != null) {
      mail.stop();
    }
    writeReport();
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.MINUTES)
  void twoNodesSurviveAKilledNodeAndADatabaseRestartWithoutLosingWork() throws Exception {
    Path jar = packagedJar();
    Files.createDirectories(OUT);
    mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    recreateDatabase();

    int portA = freePort();
    int portB = freePort();
    Process a = startNode(jar, "A", portA);
    awaitHealthy(portA, a, Duration.ofMinutes(15));
    Process b = startNode(jar, "B", portB);
    awaitHealthy(portB, b, Duration.ofMinutes(15));

    // ---- 1. Sweep of 1,000 overdue tasks, node A killed in the middle.
    Instant sweepStart = Instant.now();
    CompletableFuture<List<String>> issuing = CompletableFuture.supplyAsync(() -> {
      List<String> ids = new ArrayList<>();
      for (int d = 0; d < DIRECTIVES; d++) {
        ids.add(issue(portB, "SWEEP" + d, "2024-01-10", "2024-01-31", TASKS_EACH).get("id").asText());
      }
      return ids;
    });
    await(() -> escalations() >= TASKS / 5 || issuing.isCompletedExceptionally(), Duration.ofMinutes(15),
        "a fifth of the sweep");
    int escalatedWhenKilled = escalations();
    a.destroyForcibly();
    a.waitFor(30, TimeUnit.SECONDS);
    figures.put("sweep.escalatedWhenNodeAKilled", escalatedWhenKilled);
    figures.put("sweep.nodeAExitCode", a.exitValue());
    List<String> directiveIds = issuing.get(15, TimeUnit.MINUTES);
    await(() -> escalatedTasks() == TASKS && overdueTimers() == 0 && pendingNotices() == 0,
        Duration.ofMinutes(30), "the sweep to finish on node B");
    figures.put("sweep.seconds", Duration.between(sweepStart, Instant.now()).toSeconds());
    figures.put("sweep.tasks", count("select count(*) from dt_task"));
    figures.put("sweep.escalationRows", escalations());
    figures.put("sweep.tasksEscalated", escalatedTasks());
    figures.put("sweep.tasksEscalatedTwice", count("select count(*) from (select task_id from dt_escalation"
        + " group by task_id, level having count(*) > 1) x"));
    figures.put("sweep.notices", count("select count(*) from dt_notification"));
    figures.put("sweep.duplicateIdempotencyKeys", count("select count(*) - count(distinct idempotency_key)"
        + " from dt_notification"));
    figures.put("sweep.noticesPending", pendingNotices());
    figures.put("sweep.overdueTimersLeft", overdueTimers());
    figures.put("sweep.openIncidents", count("select count(*) from act_ru_incident"));
    Map<String, Integer> deliveries = deliveries();
    figures.put("sweep.mailsDelivered", deliveries.values().stream().mapToInt(Integer::intValue).sum());
    figures.put("sweep.mailsDeliveredTwice", deliveries.values().stream().filter(n -> n > 1).count());

    assertThat(escalatedWhenKilled).as("node A died in the middle of the sweep").isLessThan(TASKS);
    assertThat(figures.get("sweep.tasksEscalated")).isEqualTo(TASKS);
    assertThat(figures.get("sweep.tasksEscalatedTwice")).isEqualTo(0);
    assertThat(figures.get("sweep.escalationRows")).isEqualTo(TASKS);
    assertThat(figures.get("sweep.duplicateIdempotencyKeys")).isEqualTo(0);
    assertThat(figures.get("sweep.openIncidents")).isEqualTo(0);

    // ---- 2. PostgreSQL restarted under node B.
    int openTasksBefore = count("select count(*) from act_ru_task");
    int timersBefore = count("select count(*) from act_ru_job where type_ = 'timer'");
    figures.put("restart.openTasksBefore", openTasksBefore);
    figures.put("restart.timersBefore", timersBefore);
    figures.put("restart.otherSessionsWaitedFor", waitForOtherDatabasesIdle(Duration.ofMinutes(2)));
    Instant restart = Instant.now();
    run(Duration.ofMinutes(3), "pg_ctlcluster", "15", "main", "restart");
    await(this::databaseUp, Duration.ofMinutes(2), "PostgreSQL back");
    figures.put("restart.databaseDownSeconds", Duration.between(restart, Instant.now()).toSeconds());
    figures.put("restart.openTasksAfter", count("select count(*) from act_ru_task"));
    figures.put("restart.timersAfter", count("select count(*) from act_ru_job where type_ = 'timer'"));
    assertThat(figures.get("restart.openTasksAfter")).isEqualTo(openTasksBefore);
    assertThat(figures.get("restart.timersAfter")).isEqualTo(timersBefore);

    int refused = 0;
    JsonNode fresh = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (fresh == null) {
      try {
        fresh = issue(portB, "AFTER-RESTART", LocalDateNow(), null, 1);
      } catch (IllegalStateException e) {
        refused++;
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(2000);
      }
    }
    figures.put("restart.requestsRefusedBeforeRecovery", refused);
    String processId = single("select process_instance_id from dt_task where directive_id = '"
        + fresh.get("id").asText() + "'");
    String taskId = single("select id_ from act_ru_task where proc_inst_id_ = '" + processId + "'");
    HttpResponse<String> completed = post(portB, "moh", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"reportResult\":{\"value\":\"Đã xong\"},\"completionDate\":{\"value\":\"" + LocalDateNow()
            + "\"}}}");
    figures.put("restart.completeStatus", completed.statusCode());
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    await(() -> count("select count(*) from act_ru_task where proc_inst_id_ = '" + processId
        + "' and task_def_key_ = 'UserTask_ReviewReport'") == 1, Duration.ofMinutes(1), "the review task");
    await(() -> pendingNotices() == 0, Duration.ofMinutes(5), "notices after the restart");
    figures.put("restart.noticesPendingAfter", pendingNotices());
    figures.put("restart.openIncidents", count("select count(*) from act_ru_incident"));
    assertThat(figures.get("restart.openIncidents")).isEqualTo(0);
    figures.put("directives", directiveIds.size() + 1);
  }

  // ------------------------------------------------------------------------------------------------

  private static String LocalDateNow() {
    return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
  }

  private JsonNode issue(int port, String prefix, String issuedOn, String deadline, int tasks) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("key", String.format("T%03d", i + 1));
      t.put("title", "Nhiệm vụ " + (i + 1));
      t.put("domain", tasks == 1 ? "HEALTH" : DOMAINS[i % DOMAINS.length]);
      t.put("deadline", deadline);
      list.add(t);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "/TB-VPCP");
    body.put("issuedOn", issuedOn);
    body.put("issuer", "P06WG");
    body.put("title", "Kiểm thử độ tin cậy " + prefix);
    body.put("tasks", list);
    try {
      HttpResponse<String> r = post(port, "leader", "/api/directives", JSON.writeValueAsString(body));
      if (r.statusCode() != 201) {
        throw new IllegalStateException("issuing failed: " + r.statusCode() + " " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("issuing failed: " + e, e);
    }
  }

  private HttpResponse<String> post(int port, String user, String path, String json) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofMinutes(15))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
            .getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private Process startNode(Path jar, String name, int port) throws IOException {
    List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-jar", jar.toAbsolutePath().toString(),
        "--spring.profiles.active=postgres,demo",
        // Demo users, not the demo notice: the test issues and counts its own directives.
        "--directive.demo-data=false",
        "--server.port=" + port,
        "--spring.datasource.url=" + PG + DATABASE,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mail.getSmtp().getPort(),
        // A dead node's job locks expire after 20 s instead of 5 min, so the survivor takes over soon.
        "--camunda.bpm.job-execution.lock-time-in-millis=20000",
        // The escalation sweep (every quarter hour) in pages of 100, so node A dies between pages.
        "--directive.escalation.sweep-page-size=100",
        "--directive.base-url=http://127.0.0.1:" + port);
    Path work = Files.createDirectories(OUT.resolve("node-" + name));
    Process p = new ProcessBuilder(command).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(OUT.resolve("node-" + name + ".log").toFile()).start();
    nodes.add(p);
    return p;
  }

  private void awaitHealthy(int port, Process node, Duration limit) throws Exception {
    await(() -> {
      if (!node.isAlive()) {
        throw new IllegalStateException("node on port " + port + " exited; see " + OUT);
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }, limit, "node on port " + port + " to start");
  }

  private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
    Instant end = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("gave up waiting " + limit.toMinutes() + " min for " + what);
      }
      Thread.sleep(500);
    }
  }

  private static void run(Duration limit, String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + limit);
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
  }

  private void recreateDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DATABASE + " with (force)");
      s.execute("create database " + DATABASE);
    }
  }

  /** Waits (bounded) until no other database has an active query, so a restart hurts nobody else's run. */
  private int waitForOtherDatabasesIdle(Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    int waited = 0;
    while (Instant.now().isBefore(end)) {
      int busy;
      try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
           Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state = 'active'"
               + " and pid <> pg_backend_pid() and datname is not null and datname <> '" + DATABASE + "'")) {
        rs.next();
        busy = rs.getInt(1);
      }
      if (busy == 0) {
        return waited;
      }
      waited++;
      Thread.sleep(1000);
    }
    return waited;
  }

  private boolean databaseUp() {
    try (Connection c = DriverManager.getConnection(PG + DATABASE, "postgres", "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The sweep's own tasks: those of the directives this test issued, whatever else the database holds. */
  private static final String SWEEP_TASKS = " task_id in (select t.id from dt_task t"
      + " join dt_directive d on d.id = t.directive_id where d.reference like 'SWEEP%')";

  private int escalations() {
    return count("select count(*) from dt_escalation where" + SWEEP_TASKS);
  }

  private int escalatedTasks() {
    return count("select count(distinct task_id) from dt_escalation where" + SWEEP_TASKS);
  }

  private int pendingNotices() {
    return count("select count(*) from dt_notification where status in ('PENDING', 'BUNDLED')");
  }

  /** Timer jobs that are due and could run: after the sweep there must be none. */
  private int overdueTimers() {
    return count("select count(*) from act_ru_job where type_ = 'timer' and retries_ > 0"
        + " and duedate_ < now() - interval '5 seconds'");
  }

  private int count(String sql) {
    String v = single(sql);
    return v == null ? 0 : Integer.parseInt(v);
  }

  private String single(String sql) {
    try (Connection c = DriverManager.getConnection(PG + DATABASE, "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Mails received per recipient and notice id or escalation bundle id (X-Directive-Notification or -Bundle). */
  private Map<String, Integer> deliveries() throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    for (var user : mail.getUserManager().listUser()) {
      for (var stored : mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
        MimeMessage m = stored.getMimeMessage();
        String single = m.getHeader("X-Directive-Notification", null);
        counts.merge(user.getEmail() + " " + (single != null ? single : "bundle " + m.getHeader("X-Directive-Bundle", null)),
            1, Integer::sum);
      }
    }
    return counts;
  }

  private static Path packagedJar() throws IOException {
    try (var files = Files.list(Paths.get("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("directive-tracker-.*\\.jar"))
          .findFirst().orElseThrow(() -> new AssertionError(
              "no target/directive-tracker-*.jar: run ./mvnw -B -o package -DskipTests first"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void writeReport() throws IOException {
    StringBuilder sb = new StringBuilder("| figure | value |\n|---|---|\n");
    figures.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("report.md"), sb.toString());
    System.out.println("Reliability figures:\n" + sb);
  }

}

package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.EngineApiClient;

/**
 * Request bodies are limited on every path before anything parses them: a declared length above the limit is
 * answered 413 while the client is still sending (the rest is never read), an upload or form sent in chunks
 * without a length is 411, any other chunked body is cut off at the limit. Raw sockets, because an HTTP client
 * insists on sending the whole body before it reads the answer.
 */
class ResourceLimitsTest extends ApplicationTest {

  static final long HUNDRED_MB = 100L * 1024 * 1024;

  @LocalServerPort
  int port;

  @Test
  void aLargeDeclaredUploadIs413BeforeItsBodyIsRead() throws IOException {
    for (String[] target : new String[][] {{"/engine-rest/deployment/create", basic("admin")},
        {"/api/directives/import", basic("leader")},
        {"/camunda/api/engine/engine/default/deployment/create", session("admin")}}) {
      String answer = raw("POST " + target[0] + " HTTP/1.1\r\nHost: localhost\r\n" + target[1]
          + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: " + HUNDRED_MB + "\r\n\r\n",
          "--XYZ\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a.bpmn\"\r\n\r\n".getBytes(
              StandardCharsets.UTF_8), 0);
      assertThat(answer).as(target[0]).startsWith("HTTP/1.1 413").contains("application/problem+json")
          .contains("larger than 12582912 bytes");
    }
  }

  @Test
  void aChunkedUploadIsCountedWhileReadAndRefusedPastTheLimit() throws IOException {
    for (String[] target : new String[][] {{"/engine-rest/deployment/create", basic("admin")},
        {"/api/directives/import", basic("leader")},
        {"/camunda/api/engine/engine/default/deployment/create", session("admin")}}) {
      String answer = raw("POST " + target[0] + " HTTP/1.1\r\nHost: localhost\r\n" + target[1]
          + "Content-Type: multipart/form-data; boundary=XYZ\r\nTransfer-Encoding: chunked\r\n\r\n",
          new byte[0], 20L * 1024 * 1024);
      assertThat(answer).as(target[0]).startsWith("HTTP/1.1 413");
    }
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("XYZ").count()).isZero();
  }

  @Test
  void aChunkedUploadWithinTheLimitIsHandedOnWhole() {
    // Spring's client sends multipart in chunks: the spooled body (past the part kept in memory) reaches
    // Camunda's parser intact.
    org.springframework.util.MultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "resource-limits-spool");
    byte[] content = new byte[300_000];
    java.util.Arrays.fill(content, (byte) 'x');
    form.add("data", new org.springframework.core.io.ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "spooled.txt";
      }
    });
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    var answer = http.withBasicAuth("admin", "demo").postForEntity("/engine-rest/deployment/create",
        new org.springframework.http.HttpEntity<>(form, headers), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    var repository = engine.getRepositoryService();
    String id = repository.createDeploymentQuery().deploymentName("resource-limits-spool").singleResult().getId();
    try {
      assertThat(repository.getResourceAsStream(id, "spooled.txt")).hasBinaryContent(content);
    } finally {
      repository.deleteDeployment(id);
    }
  }

  @Test
  void aChunkedFormIs411() throws IOException {
    String answer = raw("POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n", new byte[0],
        4L * 1024 * 1024);
    assertThat(answer).startsWith("HTTP/1.1 411");
  }

  @Test
  void theWebappsEngineApiHasTheBodyLimitToo() throws IOException {
    String declared = raw("POST /camunda/api/engine/engine/default/task/count HTTP/1.1\r\nHost: localhost\r\n"
        + session("admin") + "Content-Type: application/json\r\nContent-Length: " + (24 * 1024 * 1024) + "\r\n\r\n",
        "{\"a\":\"".getBytes(StandardCharsets.UTF_8), 0);
    assertThat(declared).startsWith("HTTP/1.1 413");
    String chunked = raw("POST /camunda/api/engine/engine/default/task/count HTTP/1.1\r\nHost: localhost\r\n"
        + session("admin") + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", new byte[0],
        24 * 1024 * 1024);
    assertThat(chunked).startsWith("HTTP/1.1 413");
    // The webapps' other APIs (admin, cockpit and tasklist plugins) too.
    String admin = raw("PUT /camunda/api/admin/auth/user/default HTTP/1.1\r\nHost: localhost\r\n" + session("admin")
        + "Content-Type: application/json\r\nContent-Length: " + (24 * 1024 * 1024) + "\r\n\r\n", new byte[0], 0);
    assertThat(admin).startsWith("HTTP/1.1 413");
    String rest = raw("POST /engine-rest/task/count HTTP/1.1\r\nHost: localhost\r\n" + basic("moh")
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", new byte[0], 24 * 1024 * 1024);
    assertThat(rest).startsWith("HTTP/1.1 413");
  }

  static final long FORTY_MB = 41L * 1024 * 1024;
  static final String NO_TASK = "00000000-0000-0000-0000-000000000001";

  @Test
  void anonymousFormsToPathsThatTakeNoBodyMeetTheSmallLimitUnread() throws IOException {
    // Pen test round 2: any path ending in /submit-form had the 45 MB limit and was read into memory before
    // its 404, anonymously (three at once took 860 MB of a 1 GB heap). Now 413 before the body is sent.
    for (String path : new String[] {"/x/submit-form", "/actuator/health/submit-form",
        "/camunda/app/tasklist/submit-form", "/engine-rest/../x/submit-form"}) {
      String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + FORTY_MB + "\r\n\r\n", "{\"variables\":{".getBytes(StandardCharsets.UTF_8), 0);
      assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("larger than 2097152 bytes");
    }
    // Sent in chunks: counted and dropped, refused past the small limit.
    String chunked = raw("POST /x/submit-form HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n", new byte[0], 8L * 1024 * 1024);
    assertThat(chunked).startsWith("HTTP/1.1 413");
    String small = raw("POST /x/submit-form HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n", new byte[0], 512L * 1024);
    assertThat(small).startsWith("HTTP/1.1 40"); // 401/404/405: the body dropped, never parsed
    // Anonymous on the engine's API: no password, no body.
    for (String path : new String[] {"/engine-rest/task/" + NO_TASK + "/submit-form",
        "/camunda/api/engine/engine/default/task/" + NO_TASK + "/submit-form"}) {
      String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + FORTY_MB + "\r\n\r\n", "{\"variables\":{".getBytes(StandardCharsets.UTF_8), 0);
      assertThat(answer).as(path).matches("(?s)HTTP/1.1 (401|403|413).*");
    }
  }

  @Test
  void aLargeFormForATaskTheCallerCannotWorkOnIs404BeforeItsBodyIsRead() throws IOException {
    // Pen test round 2: 41.6 MB to a task that does not exist cost ~300 MB of heap and 8 s before its 409.
    String task = mohTask();
    String[][] attempts = {{"/engine-rest/task/" + NO_TASK + "/submit-form", basic("moh")},
        {"/camunda/api/engine/engine/default/task/" + NO_TASK + "/submit-form", session("moh")},
        {"/engine-rest/task/" + task + "/submit-form", basic("mps")},
        {"/camunda/api/engine/engine/default/task/" + task + "/submit-form", session("mps")}};
    for (String[] attempt : attempts) {
      long start = System.nanoTime();
      String answer = raw("POST " + attempt[0] + " HTTP/1.1\r\nHost: localhost\r\n" + attempt[1]
          + "Content-Type: application/json\r\nContent-Length: " + FORTY_MB + "\r\n\r\n",
          "{\"variables\":{".getBytes(StandardCharsets.UTF_8), 0);
      assertThat(answer).as(attempt[0]).startsWith("HTTP/1.1 404");
      assertThat(System.nanoTime() - start).as("answered without the body").isLessThan(5_000_000_000L);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void largeFormsAreReadAFewAtATimeAndOneAtATimePerUser() throws Exception {
    String task = mohTask();
    String path = "/engine-rest/task/" + task + "/submit-form";
    String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + basic("moh")
        + "Content-Type: application/json\r\nContent-Length: " + (10L * 1024 * 1024) + "\r\n\r\n";
    String moetPath = "/engine-rest/task/" + unitTask("EDUCATION", "MOET") + "/submit-form";
    // Two uploads that send their head and then stall hold the two places (directive.security.large-bodies),
    // one per user: a second of the same user does not get one (pen test round 3: one account's slow uploads
    // held both places, everyone else got 503).
    java.util.List<Socket> holders = new java.util.ArrayList<>();
    try {
      holders.add(stall(head));
      awaitLargeBodies(1);
      long start = System.nanoTime();
      assertThat(raw(head, "{".getBytes(StandardCharsets.US_ASCII), 0)).as("moh's second large form")
          .startsWith("HTTP/1.1 503").containsIgnoringCase("Retry-After: ");
      assertThat(System.nanoTime() - start).as("after a short wait").isLessThan(10_000_000_000L);
      assertThat(firewall().largeBodiesInProgress()).isEqualTo(1);
      holders.add(stall(head.replace(path, moetPath).replace(basic("moh"), basic("moet"))));
      awaitLargeBodies(2);
      assertThat(firewall().largeBodiesInProgress()).as("another user's form has a place").isEqualTo(2);
      start = System.nanoTime();
      String third = raw(head.replace(basic("moh"), basic("admin")), "{".getBytes(StandardCharsets.US_ASCII), 0);
      assertThat(third).startsWith("HTTP/1.1 503").containsIgnoringCase("Retry-After: ");
      assertThat(System.nanoTime() - start).as("after a short wait").isLessThan(10_000_000_000L);
    } finally {
      for (Socket socket : holders) {
        socket.close();
      }
    }
    long until = System.currentTimeMillis() + 30_000;
    while (firewall().largeBodiesInProgress() > 0 && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    // With the places free again, a large form for the caller's own task is read and reaches the engine.
    String padding = "x".repeat(3 * 1024 * 1024);
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var answer = http.withBasicAuth("moh", "demo").postForEntity(path, new org.springframework.http.HttpEntity<>(
        "{\"variables\":{\"completionDate\":{\"value\":\"2099-01-01\"},\"padding\":{\"value\":\"" + padding
        + "\"}}}", headers), String.class);
    // Read whole and judged by the engine's own rules (a variable the form does not have), nothing changed.
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
    assertThat(answer.getBody()).contains("[padding] refused");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void anonymousBodiesToTheWebappsApisAre401BeforeTheyAreRead() throws IOException {
    // Pen test round 3: 40 anonymous connections that declared 2 MB and sent nothing held 86 MB (a buffer sized
    // from Content-Length) and 40 threads, before Camunda's own authentication. Now 401 at once.
    for (String path : new String[] {"/camunda/api/welcome/default/x", "/camunda/api/cockpit/plugin/base/default/x",
        "/camunda/api/admin/auth/user/default", "/camunda/api/tasklist/plugin/x",
        "/camunda/api/engine/engine/default/task"}) {
      long start = System.nanoTime();
      String answer = raw("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 2000000\r\n\r\n", new byte[0], 0);
      assertThat(answer).as(path).startsWith("HTTP/1.1 401");
      assertThat(System.nanoTime() - start).as(path + " answered without waiting for the body")
          .isLessThan(5_000_000_000L);
    }
    String chunked = raw("PUT /camunda/api/admin/x HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n", new byte[0], 0);
    assertThat(chunked).startsWith("HTTP/1.1 401");
    // Logging in sends a body without a session: it passes here (and meets the CSRF check of the webapps).
    String login = "username=moh&password=wrong";
    String answer = raw("POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + login.length() + "\r\n\r\n",
        login.getBytes(StandardCharsets.US_ASCII), 0);
    assertThat(answer).matches("(?s)HTTP/1.1 40[13] .*").doesNotContain("Authentication required");
  }

  @Test
  void aSlowBodyIsCutOffAtTheReadDeadline() throws Exception {
    // Pen test round 3: headers and Content-Length: 3000000, then a byte every 20 s held a large body's place
    // for as long as the trickle lasted. directive.security.body-read-timeout is 5 s in the test profile.
    String head = "POST /engine-rest/task/" + mohTask() + "/submit-form HTTP/1.1\r\nHost: localhost\r\n"
        + basic("moh") + "Content-Type: application/json\r\nContent-Length: 3000000\r\n\r\n"
        + "{\"variables\":{\"reportResult\":{\"value\":\"";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      Thread trickle = new Thread(() -> {
        try {
          for (int i = 0; i < 120; i++) {
            Thread.sleep(500);
            out.write('a');
            out.flush();
          }
        } catch (IOException | InterruptedException closed) {
          // answered and closed, or the test is over
        }
      });
      trickle.setDaemon(true);
      trickle.start();
      String answer = readHead(socket.getInputStream());
      trickle.interrupt();
      assertThat(answer).startsWith("HTTP/1.1 408").contains("did not arrive within 5 s");
      assertThat(System.nanoTime() - start).as("at the deadline, not the trickle's end")
          .isBetween(4_000_000_000L, 30_000_000_000L);
    }
    awaitLargeBodies(0);
    assertThat(firewall().largeBodiesInProgress()).isZero();
  }

  /** Sends a head and the start of a body, then nothing: the connection stays open (the caller closes it). */
  private Socket stall(String head) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.getOutputStream().write((head + "{\"variables\":{").getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  private void awaitLargeBodies(int count) throws InterruptedException {
    long until = System.currentTimeMillis() + 30_000;
    while (firewall().largeBodiesInProgress() != count && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
  }

  @org.springframework.beans.factory.annotation.Autowired
  @org.springframework.beans.factory.annotation.Qualifier("engineApiFirewall")
  org.springframework.boot.web.servlet.FilterRegistrationBean<?> firewallRegistration;

  private EngineApiFirewall firewall() {
    return (EngineApiFirewall) firewallRegistration.getFilter();
  }

  private String mohTask() {
    return unitTask("HEALTH", "MOH");
  }

  /** A new directive's task in this domain, for the unit that leads it. */
  private String unitTask(String domain, String unit) {
    String directive = directives.issue("leader", "P06WG", vn.directivetracker.DirectiveFixtures.uniqueReference(
        "LIMITS"), "2024-03-01", java.util.List.of(vn.directivetracker.DirectiveFixtures.task("T01", domain,
        "2024-12-31"))).get("id").asText();
    return engine.getTaskService().createTaskQuery().processInstanceId(directives.processOf(directive, "T01"))
        .taskCandidateGroup(unit).singleResult().getId();
  }

  /** The headers of a webapp session (cookie and CSRF token). */
  private String session(String user) {
    EngineApiClient.Session session = new EngineApiClient(http).session(user);
    return "Cookie: JSESSIONID=" + session.id() + "; XSRF-TOKEN=" + session.token() + "\r\nX-XSRF-TOKEN: "
        + session.token() + "\r\n";
  }

  static String basic(String user) {
    return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(
        StandardCharsets.UTF_8)) + "\r\n";
  }

  /**
   * Sends the head and the start of a body, then (when {@code chunkedBytes} > 0) that many bytes of
   * 64 KB chunks of spaces, and reads the answer's head; writing stops when the server closes the connection.
   */
  private String raw(String head, byte[] start, long chunkedBytes) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(start);
        out.flush();
        byte[] chunk = (Integer.toHexString(65536) + "\r\n" + " ".repeat(65536) + "\r\n").getBytes(
            StandardCharsets.US_ASCII);
        for (long sent = 0; sent < chunkedBytes; sent += 65536) {
          out.write(chunk);
        }
        if (chunkedBytes > 0) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closed) {
        // The server answered and closed the connection before the body was sent: what these tests expect.
      }
      return readHead(socket.getInputStream());
    }
  }

  /** The answer: its head, and its body as far as Content-Length says (or until the server closes). */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    try {
      while ((n = in.read(buffer)) > 0 && bytes.size() < 65536) {
        bytes.write(buffer, 0, n);
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end >= 0) {
          java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
              .matcher(text.substring(0, end));
          if (length.find() && bytes.size() >= end + 4 + Integer.parseInt(length.group(1))) {
            break;
          }
          if (text.substring(0, end).toLowerCase().contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n")) {
            break;
          }
        }
      }
    } catch (IOException reset) {
      // What was read before a reset is the answer.
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

}

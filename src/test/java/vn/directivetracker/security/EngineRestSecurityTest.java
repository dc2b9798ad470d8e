package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * /engine-rest and the webapps beyond the access matrix: refusals are 4xx with the reason, two users
 * completing one task at the same moment get one success and one 409 (failed logins: AccountSecurityTest), the
 * webapps need a session and a CSRF token and set their cookies safely.
 */
class EngineRestSecurityTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;

  @BeforeEach
  void setUp() {
    clockAt("2024-03-01T09:00");
    directives = new DirectiveFixtures(http, jdbc);
  }

  @Test
  void aCompletionRefusedByTheServerSideCheckIs400WithTheReasonNot500() {
    String task = mohTask();
    ResponseEntity<String> r = complete("moh", task, "{\"variables\":{\"reportResult\":{\"value\":\"Xong\"},"
        + "\"completionDate\":{\"value\":\"2099-01-01\"}}}");
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    JsonNode body = DirectiveFixtures.read(r.getBody());
    assertThat(body.get("type").asText()).isEqualTo("BadUserRequestException");
    assertThat(body.get("message").asText()).contains("completionDate 2099-01-01 is in the future")
        .doesNotContain("ENGINE-");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  @Test
  void completingATaskThatIsNoLongerOpenIs409AndAnUnknownTaskIsNot500() {
    String task = mohTask();
    assertThat(complete("moh", task, AccessMatrixTest.report("2024-03-01")).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<String> again = complete("moh", task, AccessMatrixTest.report("2024-03-01"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).contains("no longer open");
    assertThat(complete("moh", "no-such-task", AccessMatrixTest.report("2024-03-01")).getStatusCode().value())
        .isEqualTo(409);
  }

  @Test
  void twoOfficersCompletingTheSameTaskAtTheSameMomentGetOneSuccessAndOne409() throws Exception {
    IdentityService identity = engine.getIdentityService();
    String second = "mohofficer" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    User user = identity.newUser(second);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(second, "MOH");
    String task = mohTask();
    String process = engine.getTaskService().createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
      for (String officer : List.of("moh", second)) {
        answers.add(pool.submit(() -> {
          start.await();
          return complete(officer, task, AccessMatrixTest.report("2024-03-01"));
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<ResponseEntity<String>> answer : answers) {
        ResponseEntity<String> r = answer.get(120, TimeUnit.SECONDS);
        statuses.add(r.getStatusCode().value());
        if (r.getStatusCode().value() == 409) {
          assertThat(r.getBody()).containsAnyOf("no longer open", "changed this task at the same moment");
        }
      }
      assertThat(statuses).containsExactlyInAnyOrder(204, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task).finished().count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process).taskCandidateGroup("P06WGSEC")
        .count()).as("one review, not two").isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from dt_report r join dt_task t on t.id = r.task_id"
        + " where t.process_instance_id = ?", Integer.class, process)).isEqualTo(1);
  }

  @Test
  void webappsNeedASessionAndACsrfTokenAndSetSafeCookies() {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    String xsrfCookie = cookie(page, "XSRF-TOKEN");
    assertThat(xsrfCookie).contains("SameSite=Strict");
    String token = value(xsrfCookie);
    String session = value(cookie(page, "JSESSIONID"));

    // Logging in without the token is refused by the CSRF filter, which also drops that session.
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "moh");
    form.add("password", "demo");
    ResponseEntity<String> refused = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers(MediaType.APPLICATION_FORM_URLENCODED, session, token, null)), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

    page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    token = value(cookie(page, "XSRF-TOKEN"));
    session = value(cookie(page, "JSESSIONID"));
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers(MediaType.APPLICATION_FORM_URLENCODED, session, token, token)), String.class);
    assertThat(login.getStatusCode().value()).as(login.getHeaders() + " " + login.getBody()).isEqualTo(200);
    // A new session after login (no session fixation), its cookie out of reach of scripts and other sites.
    String sessionCookie = cookie(login, "JSESSIONID");
    assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(value(sessionCookie)).isNotEqualTo(session);
    session = value(sessionCookie);
    // The new session gets its token with its first read, as Tasklist's first call after login does.
    ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(headers(MediaType.APPLICATION_JSON, session, null, null)), String.class);
    assertThat(me.getStatusCode().value()).as(me.getBody()).isEqualTo(200);
    String issued = java.util.stream.Stream.of(me.getHeaders().getFirst("X-XSRF-TOKEN"),
            me.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().map(EngineRestSecurityTest::value).orElse(null),
            login.getHeaders().getFirst("X-XSRF-TOKEN"))
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    assertThat(issued).as("a token for the new session").isNotBlank();
    token = issued;

    String task = mohTask();
    ResponseEntity<String> claimed = http.exchange("/camunda/api/engine/engine/default/task/" + task + "/claim",
        HttpMethod.POST, new HttpEntity<>("{\"userId\":\"moh\"}",
            headers(MediaType.APPLICATION_JSON, session, token, token)), String.class);
    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("moh");

    String other = mohTask();
    ResponseEntity<String> forged = http.exchange("/camunda/api/engine/engine/default/task/" + other + "/claim",
        HttpMethod.POST, new HttpEntity<>("{\"userId\":\"moh\"}",
            headers(MediaType.APPLICATION_JSON, session, null, null)), String.class);
    assertThat(forged.getStatusCode().value()).as("a cross-site request with the session alone").isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(other).singleResult().getAssignee()).isNull();
    // ... and the session it rode on is ended.
    ResponseEntity<String> after = http.exchange("/camunda/api/engine/engine/default/task/" + other,
        HttpMethod.GET, new HttpEntity<>(headers(MediaType.APPLICATION_JSON, session, token, token)), String.class);
    assertThat(after.getStatusCode().value()).isEqualTo(401);
  }

  private static HttpHeaders headers(MediaType type, String session, String tokenCookie, String tokenHeader) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(type);
    h.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + (tokenCookie != null ? "; XSRF-TOKEN=" + tokenCookie : ""));
    if (tokenHeader != null) {
      h.add("X-XSRF-TOKEN", tokenHeader);
    }
    return h;
  }

  private static String value(String setCookie) {
    int semicolon = setCookie.indexOf(';');
    return setCookie.substring(setCookie.indexOf('=') + 1, semicolon < 0 ? setCookie.length() : semicolon);
  }

  private static String cookie(ResponseEntity<?> response, String name) {
    List<String> cookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
  }

  private String mohTask() {
    JsonNode d = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("SEC"), "2024-03-01",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-12-31")));
    String process = directives.processOf(d.get("id").asText(), "T01");
    return engine.getTaskService().createTaskQuery().processInstanceId(process).taskCandidateGroup("MOH")
        .singleResult().getId();
  }

  private ResponseEntity<String> complete(String user, String task, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task + "/complete", HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String user, String password, String path) {
    return http.withBasicAuth(user, password).getForEntity(path, String.class);
  }
}

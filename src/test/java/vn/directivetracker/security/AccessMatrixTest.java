package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * Who may do what, over real HTTP: every line of {@code security/access-matrix.psv} is one request
 * (user, method, path, body) and the exact status it must get, and optionally an id the answer must
 * contain ({@code has:}) or must not ({@code lacks:}). Placeholders name shared or fresh data:
 * <ul>
 *   <li>{@code {directive}}: a P06WG notice, T01 HEALTH led by MOH with MPS coordinating, T02 CIVIL_STATUS
 *       led by MOJ; {@code {mohTask}}, {@code {mojTask}}, {@code {mpsTask}} its Camunda tasks,
 *       {@code {process}} T01's process instance;</li>
 *   <li>{@code {hpDirective}}: a HAIPHONGWG notice (HEALTH, led by HAIPHONGDOH);</li>
 *   <li>{@code {fresh...}}: made for this line alone, because the line changes it: {@code {fresh}},
 *       {@code {freshMohTask}}, {@code {freshMpsTask}}, {@code {freshProcess}}, {@code {freshReview}}
 *       (T01's review task for P06WGSEC, after MOH reported);</li>
 *   <li>{@code {ref}} a new reference, {@code {today}}, {@code {deadline}}.</li>
 * </ul>
 * A path that starts with {@code {engine}} is Camunda's engine REST API: the line runs twice, on
 * /engine-rest with HTTP basic and on the webapps' /camunda/api/engine/engine/default with a session, each
 * time with its own fresh data. A new endpoint is a new line in the file.
 */
class AccessMatrixTest extends ApplicationTest {

  static final String TODAY = "2024-03-01";
  static final String DEADLINE = "2024-12-31";
  /** A path that starts with this is the engine's REST API: the line runs on both of its surfaces. */
  private static final String ENGINE = "{engine}";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  private static Map<String, String> shared;

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;
  EngineApiClient engineApi;

  @BeforeEach
  void setUp() {
    engineApi = new EngineApiClient(http);
    clockAt(TODAY + "T09:00");
    directives = new DirectiveFixtures(http, jdbc);
    if (shared == null) {
      shared = sharedData();
    }
  }

  @ParameterizedTest(name = "[{index}] {0} {1} {2} -> {4}")
  @CsvFileSource(resources = "/security/access-matrix.psv", delimiter = '|', numLinesToSkip = 1,
      quoteCharacter = '`', emptyValue = "")
  void everyRoleGetsExactlyItsRights(String user, String method, String path, String body, int expected,
      String check, String why) {
    if (!path.startsWith(ENGINE)) {
      expect(user, method, path, body, expected, check, why, null);
      return;
    }
    // The engine's REST API: the same rule on /engine-rest and on the webapps' API, each with fresh data.
    for (Surface surface : Surface.values()) {
      expect(user, method, path.substring(ENGINE.length()), body, expected, check, why, surface);
    }
  }

  private void expect(String user, String method, String path, String body, int expected, String check,
      String why, Surface surface) {
    Map<String, String> values = new HashMap<>(shared);
    String p = fill(path, values);
    String b = body == null || body.isEmpty() ? null : fill(body, values);
    ResponseEntity<String> response = surface == null ? send(user, method, p, b)
        : engineApi.call(surface, user, HttpMethod.valueOf(method), p, b);
    String where = surface == null ? p : surface.prefix() + p;
    assertThat(response.getStatusCode().value())
        .as("%s %s %s (%s): %s", user, method, where, why, response.getBody())
        .isEqualTo(expected);
    String text = response.getBody() == null ? "" : response.getBody();
    assertThat(text).as("no stack trace in the answer").doesNotContain("\tat ").doesNotContain("Exception:");
    if (check != null && !check.isBlank()) {
      String id = fill(check.substring(check.indexOf(':') + 1), values);
      if (check.startsWith("has:")) {
        assertThat(text).as(why).contains(id);
      } else {
        assertThat(text).as(why).doesNotContain(id);
      }
    }
  }

  ResponseEntity<String> send(String user, String method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null && body.startsWith("csv:")) {
      headers.setContentType(MediaType.valueOf("text/csv"));
      body = body.substring(4).replace("\\n", "\n");
    } else if (body != null && body.startsWith("text:")) {
      headers.setContentType(MediaType.valueOf("text/plain;charset=UTF-8"));
      body = body.substring(5);
    } else if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    var client = "anonymous".equals(user) ? http : http.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
  }

  /** Replaces each placeholder; a {fresh...} one issues a new notice for this line. */
  private String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!values.containsKey(name)) {
        if (name.equals("freshReview")) {
          values.put(name, reviewAfterReport());
        } else if (name.startsWith("fresh")) {
          values.putAll(fresh());
        } else if (name.equals("ref")) {
          values.put("ref", DirectiveFixtures.uniqueReference("MATRIX"));
        }
      }
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("unknown placeholder {" + name + "} in " + template);
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private Map<String, String> sharedData() {
    Map<String, String> v = new HashMap<>();
    v.put("today", TODAY);
    v.put("deadline", DEADLINE);
    JsonNode d = p06Directive();
    String id = d.get("id").asText();
    v.put("directive", id);
    v.put("process", directives.processOf(id, "T01"));
    v.put("mohTask", task(directives.processOf(id, "T01"), "MOH"));
    v.put("mpsTask", task(directives.processOf(id, "T01"), "MPS"));
    v.put("mojTask", task(directives.processOf(id, "T02"), "MOJ"));
    JsonNode hp = directives.issue("haiphongwg", "HAIPHONGWG", DirectiveFixtures.uniqueReference("MATRIX-HP"), TODAY,
        List.of(DirectiveFixtures.task("T01", "HEALTH", DEADLINE)));
    v.put("hpDirective", hp.get("id").asText());
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    try {
      v.put("filter", engine.getFilterService().createTaskFilterQuery().listPage(0, 1).get(0).getId()); // one MOH reads
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // The history cleanup job belongs to no process instance, so the engine checks no authorization on it.
    var cleanup = engine.getHistoryService().findHistoryCleanupJobs();
    v.put("cleanupJob", cleanup.isEmpty() ? engine.getHistoryService().cleanUpHistoryAsync().getId()
        : cleanup.get(0).getId());
    return v;
  }

  private Map<String, String> fresh() {
    Map<String, String> v = new HashMap<>();
    Map<String, Object> t1 = DirectiveFixtures.task("T01", "HEALTH", DEADLINE);
    t1.put("coordinatingUnits", List.of("MPS"));
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("MATRIX"), TODAY,
        List.of(t1));
    String id = issued.get("id").asText();
    String process = directives.processOf(id, "T01");
    v.put("fresh", id);
    v.put("freshDirectiveTask", DirectiveFixtures.taskOf(issued, "T01").get("id").asText());
    v.put("freshProcess", process);
    v.put("freshMohTask", task(process, "MOH"));
    v.put("freshMpsTask", task(process, "MPS"));
    return v;
  }

  private JsonNode p06Directive() {
    Map<String, Object> t1 = DirectiveFixtures.task("T01", "HEALTH", DEADLINE);
    t1.put("coordinatingUnits", List.of("MPS"));
    return directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("MATRIX"), TODAY,
        List.of(t1, DirectiveFixtures.task("T02", "CIVIL_STATUS", DEADLINE)));
  }

  /** A review task for P06WGSEC: a fresh notice whose T01 MOH reported through the REST API. */
  private String reviewAfterReport() {
    String id = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("MATRIX"), TODAY,
        List.of(DirectiveFixtures.task("T01", "HEALTH", DEADLINE))).get("id").asText();
    String process = directives.processOf(id, "T01");
    String carryOut = task(process, "MOH");
    ResponseEntity<String> done = send("moh", "POST", "/engine-rest/task/" + carryOut + "/complete",
        report(TODAY));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    return task(process, "P06WGSEC");
  }

  static String report(String completionDate) {
    return "{\"variables\":{\"reportResult\":{\"value\":\"Đã hoàn thành\",\"type\":\"String\"},"
        + "\"completionDate\":{\"value\":\"" + completionDate + "\",\"type\":\"String\"}}}";
  }

  private String task(String processInstanceId, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskCandidateGroup(group).singleResult().getId();
  }
}

package vn.directivetracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issues directives through the real API, as the leader would, and reads back their task processes. */
public final class DirectiveFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final JdbcTemplate jdbc;

  public DirectiveFixtures(TestRestTemplate http, JdbcTemplate jdbc) {
    this.http = http;
    this.jdbc = jdbc;
  }

  /** A task of a directive, as JSON fields. */
  public static Map<String, Object> task(String key, String domain, String deadline) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("key", key);
    t.put("title", "Nhiệm vụ " + key + " (" + domain + ")");
    t.put("domain", domain);
    t.put("deadline", deadline);
    t.put("expectedResult", "Báo cáo kết quả");
    return t;
  }

  /** A task of a directive, as JSON fields, with these units coordinating (each gets a contribution task). */
  public static Map<String, Object> coordinatedTask(String key, String domain, String deadline,
      String... coordinatingUnits) {
    Map<String, Object> t = task(key, domain, deadline);
    t.put("coordinatingUnits", List.of(coordinatingUnits));
    return t;
  }

  public static String uniqueReference(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "/TB-VPCP";
  }

  /** POSTs the directive as {@code user}; returns the response body, failing unless 201. */
  public JsonNode issue(String user, String issuer, String reference, String issuedOn, List<Map<String, Object>> tasks) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("issuedOn", issuedOn);
    body.put("issuer", issuer);
    body.put("title", "Kết luận của Tổ công tác " + reference);
    body.put("tasks", tasks);
    ResponseEntity<String> response = post(user, "/api/directives", body);
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("issuing failed: " + response.getStatusCode() + " " + response.getBody());
    }
    return read(response.getBody());
  }

  public ResponseEntity<String> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(write(body), headers), String.class);
  }

  public JsonNode get(String user, String path) {
    ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("GET " + path + " failed: " + response.getStatusCode() + " " + response.getBody());
    }
    return read(response.getBody());
  }

  /** The directive-task process instance of a task, by the directive id and the task key. */
  public String processOf(String directiveId, String key) {
    return jdbc.queryForObject("select process_instance_id from dt_task where directive_id = ? and task_key = ?",
        String.class, directiveId, key);
  }

  public List<String> processesOf(String directiveId) {
    List<String> ids = new ArrayList<>(jdbc.queryForList(
        "select process_instance_id from dt_task where directive_id = ?", String.class, directiveId));
    ids.add(jdbc.queryForObject("select process_instance_id from dt_directive where id = ?", String.class, directiveId));
    return ids;
  }

  public static JsonNode taskOf(JsonNode directive, String key) {
    for (JsonNode t : directive.get("tasks")) {
      if (t.get("key").asText().equals(key)) {
        return t;
      }
    }
    throw new AssertionError("no task " + key + " in " + directive);
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  public static String write(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

package vn.directivetracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the tests of amendments, extensions and sub-tasks share: requests and timers (mail: {@link Mailbox}). */
public final class TaskChangeFixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final ProcessEngine engine;

  public TaskChangeFixtures(TestRestTemplate http, ProcessEngine engine) {
    this.http = http;
    this.engine = engine;
  }

  public ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), String.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public ResponseEntity<String> amend(String user, String directiveId, String key, Object body) {
    return send(user, HttpMethod.PATCH, "/api/directives/" + directiveId + "/tasks/" + key, body);
  }

  /** The due dates of the process instance's timers, earliest first: none, the model has no timers. */
  public List<Date> timers(String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
        .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
  }
}

package vn.directivetracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
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

/** What the tests of amendments, extensions and sub-tasks share: requests, timers, mail read back. */
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

  public static List<String> subjectsTo(String user, String reference) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : messagesTo(user, reference)) {
      subjects.add(m.getSubject());
    }
    return subjects;
  }

  public static List<String> bodiesTo(String user, String reference) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (MimeMessage m : messagesTo(user, reference)) {
      bodies.add(String.valueOf(m.getContent()));
    }
    return bodies;
  }

  private static List<MimeMessage> messagesTo(String user, String reference) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    var account = ApplicationTest.MAIL.getUserManager().getUserByEmail(user + "@demo.directivetracker.vn");
    if (account == null) {
      return found;
    }
    for (var stored : ApplicationTest.MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      MimeMessage m = stored.getMimeMessage();
      if (m.getSubject().contains(reference)) {
        found.add(m);
      }
    }
    return found;
  }
}

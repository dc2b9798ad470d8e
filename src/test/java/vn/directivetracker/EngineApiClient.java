package vn.directivetracker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Calls Camunda's engine REST API on both of the surfaces a user can reach: {@code /engine-rest} with HTTP
 * basic, and the webapps' {@code /camunda/api/engine/engine/default}, which Tasklist and Cockpit call with a
 * session and Camunda's CSRF token. A rule of the product must hold on both, so tests send the same request
 * to each. Users are the demo users (password {@code demo}); {@code "anonymous"} sends no credentials.
 */
public final class EngineApiClient {

  /** Where the engine's REST API is served. */
  public enum Surface {
    ENGINE_REST("/engine-rest"),
    WEBAPP("/camunda/api/engine/engine/default");

    private final String prefix;

    Surface(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }
  }

  public static final String ANONYMOUS = "anonymous";
  private static final String PASSWORD = "demo";

  /** One logged-in webapp session per user for the whole run: logging in costs a password hash. */
  private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();

  private final TestRestTemplate http;

  public EngineApiClient(TestRestTemplate http) {
    this.http = http;
  }

  /** A JSON request (or none when {@code jsonBody} is null) to {@code path}, relative to the API's root. */
  public ResponseEntity<String> call(Surface surface, String user, HttpMethod method, String path, String jsonBody) {
    return send(surface, user, method, path, jsonBody, MediaType.APPLICATION_JSON);
  }

  /** A request with any body and content type, e.g. a multipart upload. */
  public ResponseEntity<String> send(Surface surface, String user, HttpMethod method, String path, Object body,
      MediaType type) {
    String url = surface.prefix() + path;
    if (surface == Surface.ENGINE_REST) {
      TestRestTemplate client = ANONYMOUS.equals(user) ? http : http.withBasicAuth(user, PASSWORD);
      return client.exchange(url, method, new HttpEntity<>(body, headers(type, null)), String.class);
    }
    if (ANONYMOUS.equals(user)) {
      return http.exchange(url, method, new HttpEntity<>(body, headers(type, null)), String.class);
    }
    ResponseEntity<String> answer = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      Session session = SESSIONS.computeIfAbsent(user, this::login);
      answer = http.exchange(url, method, new HttpEntity<>(body, headers(type, session)), String.class);
      if (answer.getStatusCode().value() != 401 && !"Required".equals(answer.getHeaders().getFirst("X-XSRF-TOKEN"))) {
        return answer;
      }
      SESSIONS.remove(user); // the session ended (a refused CSRF check ends it): log in again once
    }
    return answer;
  }

  /** The webapp session of a user, for tests that call other webapp paths with it. */
  public Session session(String user) {
    return SESSIONS.computeIfAbsent(user, this::login);
  }

  /** A new webapp login of its own, for a test that may end it (a refused CSRF token ends a session). */
  public static Session login(TestRestTemplate http, String user) {
    return new EngineApiClient(http).login(user);
  }

  /** Headers that carry a webapp session and its CSRF token. */
  public static HttpHeaders headers(MediaType type, Session session) {
    HttpHeaders h = new HttpHeaders();
    if (type != null) {
      h.setContentType(type);
    }
    h.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
    if (session != null) {
      h.add(HttpHeaders.COOKIE, "JSESSIONID=" + session.id() + "; XSRF-TOKEN=" + session.token());
      h.add("X-XSRF-TOKEN", session.token());
    }
    return h;
  }

  private Session login(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String token = cookie(page, "XSRF-TOKEN");
    String session = cookie(page, "JSESSIONID");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", PASSWORD);
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers(MediaType.APPLICATION_FORM_URLENCODED, new Session(session, token))),
        String.class);
    if (login.getStatusCode().value() != 200) {
      throw new AssertionError("webapp login of " + user + " failed: " + login.getStatusCode() + " "
          + login.getBody());
    }
    session = cookie(login, "JSESSIONID");
    // Camunda issues the new session's token with its first read after login.
    ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(headers(MediaType.APPLICATION_JSON, new Session(session, ""))), String.class);
    String issued = me.getHeaders().getFirst("X-XSRF-TOKEN");
    if (issued == null || issued.isBlank()) {
      issued = cookieOrNull(me, "XSRF-TOKEN");
    }
    if (issued == null || issued.isBlank()) {
      issued = login.getHeaders().getFirst("X-XSRF-TOKEN");
    }
    if (issued == null || issued.isBlank()) {
      throw new AssertionError("no CSRF token for the session of " + user);
    }
    return new Session(session, issued);
  }

  private static String cookie(ResponseEntity<?> response, String name) {
    String value = cookieOrNull(response, name);
    if (value == null) {
      throw new AssertionError("no cookie " + name + " in " + response.getHeaders());
    }
    return value;
  }

  private static String cookieOrNull(ResponseEntity<?> response, String name) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst().orElse(null);
  }

  /** A webapp session: its id and its CSRF token. */
  public record Session(String id, String token) {
  }
}

package vn.directivetracker.security;

import java.util.List;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Calls the engine's REST API on both paths as a demo user: /engine-rest with HTTP basic, and the webapps'
 * /camunda/api/engine/engine/default with a Tasklist session and its CSRF token, as the browser does.
 * (Until the shared EngineApiClient is on this branch.)
 */
final class Surfaces {

  enum Surface { ENGINE_REST, WEBAPP }

  private final TestRestTemplate http;
  private final java.util.Map<String, String[]> sessions = new java.util.HashMap<>();

  Surfaces(TestRestTemplate http) {
    this.http = http;
  }

  ResponseEntity<String> call(Surface surface, String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (surface == Surface.ENGINE_REST) {
      headers.setBasicAuth(user, "demo");
      return http.exchange("/engine-rest" + path, method, new HttpEntity<>(json, headers), String.class);
    }
    String[] session = sessions.computeIfAbsent(user, this::login);
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session[0] + "; XSRF-TOKEN=" + session[1]);
    headers.add("X-XSRF-TOKEN", session[1]);
    return http.exchange("/camunda/api/engine/engine/default" + path, method, new HttpEntity<>(json, headers),
        String.class);
  }

  /** Logs in to Tasklist: the session id and its CSRF token. */
  String[] login(String user) {
    ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    String token = cookie(page, "XSRF-TOKEN");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + token);
    headers.add("X-XSRF-TOKEN", token);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), String.class);
    if (login.getStatusCode().value() != 200) {
      throw new AssertionError("login of " + user + ": " + login.getStatusCode() + " " + login.getBody());
    }
    String session = cookie(login, "JSESSIONID");
    HttpHeaders read = new HttpHeaders();
    read.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    ResponseEntity<String> me = http.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(read), String.class);
    String fresh = me.getHeaders().getFirst("X-XSRF-TOKEN");
    if (fresh == null) {
      fresh = me.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
          .findFirst().map(Surfaces::value).orElse(login.getHeaders().getFirst("X-XSRF-TOKEN"));
    }
    return new String[] {session, fresh};
  }

  private static String cookie(ResponseEntity<?> response, String name) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
        .findFirst().map(Surfaces::value).orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  private static String value(String setCookie) {
    int semicolon = setCookie.indexOf(';');
    return setCookie.substring(setCookie.indexOf('=') + 1, semicolon < 0 ? setCookie.length() : semicolon);
  }
}

package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * Accounts over HTTP: failed logins slow the guesser at its address only, for a time, and never lock the
 * user; users cannot delete themselves. Requests from other source addresses go out from other loopback
 * addresses (127.0.0.x) on raw sockets; time moves on the engine clock, which the throttle reads.
 */
class AccountSecurityTest extends ApplicationTest {

  @LocalServerPort
  int port;

  @Test
  void wrongPasswordsFromOneAddressSlowThatAddressForATimeAndNeverLockTheUser() throws IOException {
    String id = newUser();
    String attacker = "127.0.0.2";
    String elsewhere = "127.0.0.3";

    // Three failures are free (typos); from the fourth the address waits, 2 s, then 4 s, ...
    for (int i = 1; i <= 3; i++) {
      assertThat(status(get(attacker, id, "wrong", "/engine-rest/task/count"))).isEqualTo(401);
    }
    assertThat(status(get(attacker, id, "wrong", "/engine-rest/task/count"))).isEqualTo(401);
    String throttled = get(attacker, id, "demo", "/engine-rest/task/count");
    assertThat(status(throttled)).as("even the right password, while the address waits").isEqualTo(429);
    assertThat(throttled).contains("Retry-After: 2").contains("application/problem+json");
    // Ten wrong passwords in all, each as soon as the address may try again.
    for (int failure = 5; failure <= 10; failure++) {
      later(retryAfter(get(attacker, id, "wrong", "/api/directives")));
      assertThat(status(get(attacker, id, "wrong", "/api/directives"))).isEqualTo(401);
    }

    // The user, at another address, is not kept out, on /engine-rest, /api and the webapps' login.
    assertThat(status(get(elsewhere, id, "demo", "/engine-rest/task/count"))).isEqualTo(200);
    assertThat(status(get(elsewhere, id, "demo", "/api/directives"))).isEqualTo(200);
    new EngineApiClient(http).session(id);
    UserEntity user = (UserEntity) engine.getIdentityService().createUserQuery().userId(id).singleResult();
    assertThat(engine.getIdentityService().checkPassword(id, "demo")).as("Camunda never locks").isTrue();
    assertThat(user.getLockExpirationTime() == null || !user.getLockExpirationTime().after(ClockUtil.getCurrentTime()))
        .isTrue();

    // The attacker's address is released when its wait is over (128 s after the tenth failure).
    String stillWaiting = get(attacker, id, "demo", "/engine-rest/task/count");
    assertThat(status(stillWaiting)).isEqualTo(429);
    later(retryAfter(stillWaiting));
    assertThat(status(get(attacker, id, "demo", "/engine-rest/task/count"))).isEqualTo(200);
    // The public health probe checks no password: it does not clear the count.
    for (int i = 0; i < 3; i++) {
      assertThat(status(get(attacker, id, "wrong", "/engine-rest/task/count"))).isEqualTo(401);
    }
    assertThat(status(get(attacker, id, "wrong", "/actuator/health"))).isEqualTo(200);
    assertThat(status(get(attacker, id, "wrong", "/engine-rest/task/count"))).isEqualTo(401);
    assertThat(status(get(attacker, id, "demo", "/engine-rest/task/count"))).as("the fourth failure counted")
        .isEqualTo(429);
    later(2);
    // A success starts the count again: the next failure is free.
    assertThat(status(get(attacker, id, "demo", "/engine-rest/task/count"))).isEqualTo(200);
    assertThat(status(get(attacker, id, "wrong", "/engine-rest/task/count"))).isEqualTo(401);
    assertThat(status(get(attacker, id, "demo", "/engine-rest/task/count"))).isEqualTo(200);
  }

  @Test
  void theWebappLoginIsThrottledTheSameWay() throws IOException {
    String id = newUser();
    String attacker = "127.0.0.4";
    String[] page = webappPage(attacker);
    for (int i = 1; i <= 4; i++) {
      assertThat(status(webappLogin(attacker, page, id, "wrong"))).as("failure " + i).isEqualTo(401);
    }
    String throttled = webappLogin(attacker, page, id, "demo");
    assertThat(status(throttled)).isEqualTo(429);
    assertThat(status(get("127.0.0.5", id, "demo", "/engine-rest/task/count"))).isEqualTo(200);
    later(retryAfter(throttled));
    assertThat(status(webappLogin(attacker, webappPage(attacker), id, "demo"))).isEqualTo(200);
  }

  @Test
  void usersCannotDeleteThemselvesOnEitherPath() {
    EngineApiClient surfaces = new EngineApiClient(http);
    for (Surface surface : Surface.values()) {
      ResponseEntity<String> refused = surfaces.call(surface, "moh", HttpMethod.DELETE, "/user/moh", null);
      assertThat(refused.getStatusCode().value()).as(surface + ": " + refused.getBody()).isEqualTo(403);
      assertThat(refused.getBody()).doesNotContain("\tat ");
    }
    assertThat(engine.getIdentityService().createUserQuery().userId("moh").count()).isEqualTo(1);
    // Behind the allow-list, the engine itself refuses: the user's grant on their own record has no DELETE.
    var grant = engine.getAuthorizationService().createAuthorizationQuery().userIdIn("moh")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.USER).resourceId("moh").singleResult();
    assertThat(grant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.DELETE)).isFalse();
    assertThat(grant.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isTrue();
    engine.getIdentityService().setAuthentication("moh", java.util.List.of("MOH"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getIdentityService().deleteUser("moh"))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // A user created later (by an administrator) cannot either; the password stays theirs to change.
    String id = newUser();
    assertThat(surfaces.call(Surface.ENGINE_REST, id, HttpMethod.DELETE, "/user/" + id, null).getStatusCode().value())
        .isEqualTo(403);
    engine.getIdentityService().setAuthentication(id, java.util.List.of("MOH"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getIdentityService().deleteUser(id))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    ResponseEntity<String> password = surfaces.call(Surface.ENGINE_REST, id, HttpMethod.PUT, "/user/" + id
        + "/credentials", "{\"password\":\"demo\",\"authenticatedUserPassword\":\"demo\"}");
    assertThat(password.getStatusCode().value()).as(password.getBody()).isEqualTo(204);
  }

  // ---------------------------------------------------------------------------------------------

  private String newUser() {
    IdentityService identity = engine.getIdentityService();
    String id = "acct" + UUID.randomUUID().toString().substring(0, 8);
    User user = identity.newUser(id);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, "MOH");
    return id;
  }

  private static void later(long seconds) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000L + 1));
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static long retryAfter(String response) {
    for (String line : response.split("\r\n")) {
      if (line.regionMatches(true, 0, "Retry-After:", 0, 12)) {
        return Long.parseLong(line.substring(12).trim());
      }
    }
    return 0;
  }

  private String get(String from, String user, String password, String path) throws IOException {
    return raw(from, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
        + "\r\nConnection: close\r\n\r\n");
  }

  /** The Tasklist page's session cookie and CSRF token, for this address. */
  private String[] webappPage(String from) throws IOException {
    String page = raw(from, "GET /camunda/app/tasklist/default/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    return new String[] {cookie(page, "JSESSIONID"), cookie(page, "XSRF-TOKEN")};
  }

  private String webappLogin(String from, String[] page, String user, String password) throws IOException {
    String form = "username=" + user + "&password=" + password;
    return raw(from, "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\nHost: localhost\r\n"
        + "Cookie: JSESSIONID=" + page[0] + "; XSRF-TOKEN=" + page[1] + "\r\nX-XSRF-TOKEN: " + page[1]
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
        + "\r\nConnection: close\r\n\r\n" + form);
  }

  private static String cookie(String response, String name) {
    for (String line : response.split("\r\n")) {
      if (line.regionMatches(true, 0, "Set-Cookie: " + name + "=", 0, 13 + name.length())) {
        String value = line.substring(13 + name.length());
        int semicolon = value.indexOf(';');
        return semicolon < 0 ? value : value.substring(0, semicolon);
      }
    }
    throw new AssertionError("no cookie " + name + " in " + response);
  }

  /** One request from a given local address; the whole answer (the connection is closed after it). */
  private String raw(String from, String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}

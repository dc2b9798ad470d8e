package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient;
import vn.directivetracker.EngineApiClient.Session;

/**
 * One login: /api answers the webapps' session as it answers HTTP basic, and a change through the session needs
 * Camunda's CSRF token, over real HTTP. Each test logs in afresh: a refused token ends the session.
 */
class ApiWebappSessionTest extends ApplicationTest {

  private static final Map<String, Object> TASK = Map.of("key", "T01", "title", "Rà soát quy trình cấp phép",
      "domain", "HEALTH", "deadline", "2031-06-30", "expectedResult", "Báo cáo");

  private EngineApiClient client() {
    return new EngineApiClient(http);
  }

  @Test
  void aSessionReadsWhatItsUserMayRead() {
    IssuedTask issued = issueOneTask("SESSION-GET", "2026-11-30", TASK);
    Session leader = client().session("leader");

    ResponseEntity<String> mine = get("/api/directives/" + issued.directiveId(), leader);
    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getBody()).contains(issued.reference());

    // The start form's template link, opened in the browser that is logged in to Tasklist.
    ResponseEntity<String> template = get("/api/directives/template.csv", leader);
    assertThat(template.getStatusCode().value()).isEqualTo(200);
    assertThat(template.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");

    // The session is its user's, with that user's rights: another unit does not see the directive.
    ResponseEntity<String> other = get("/api/directives/" + issued.directiveId(), client().session("mofa"));
    assertThat(other.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aChangeThroughTheSessionNeedsItsCsrfToken() {
    Session leader = freshSession("leader");
    String reference = DirectiveFixtures.uniqueReference("SESSION-POST");
    String body = DirectiveFixtures.write(Map.of("reference", reference, "issuedOn", "2026-11-30", "issuer", "P06WG",
        "title", "Thông báo kết luận", "tasks", List.of(TASK)));

    HttpHeaders withoutToken = EngineApiClient.headers(MediaType.APPLICATION_JSON, leader);
    withoutToken.remove("X-XSRF-TOKEN");
    ResponseEntity<String> refused = http.exchange("/api/directives", HttpMethod.POST,
        new HttpEntity<>(body, withoutToken), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
    assertThat(countDirectives(reference)).isZero();

    // As on the webapps' own API, a refused token ends the session: log in again.
    Session again = freshSession("leader");
    HttpHeaders wrongToken = EngineApiClient.headers(MediaType.APPLICATION_JSON, new Session(again.id(), "forged"));
    assertThat(http.exchange("/api/directives", HttpMethod.POST, new HttpEntity<>(body, wrongToken), String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(countDirectives(reference)).isZero();

    Session third = freshSession("leader");
    ResponseEntity<String> issued = http.exchange("/api/directives", HttpMethod.POST,
        new HttpEntity<>(body, EngineApiClient.headers(MediaType.APPLICATION_JSON, third)), String.class);
    assertThat(issued.getStatusCode().value()).isEqualTo(201);
    assertThat(countDirectives(reference)).isEqualTo(1);
    // The session's user issued it, as with HTTP basic.
    assertThat(jdbc.queryForObject("select issued_by from dt_directive where reference = ?", String.class,
        reference)).isEqualTo("leader");
  }

  @Test
  void httpBasicStillWorksAndNeedsNoToken() {
    String reference = DirectiveFixtures.uniqueReference("BASIC-POST");
    ResponseEntity<String> issued = http.withBasicAuth("leader", "demo").exchange("/api/directives", HttpMethod.POST,
        new HttpEntity<>(DirectiveFixtures.write(Map.of("reference", reference, "issuedOn", "2026-11-30",
            "issuer", "P06WG", "title", "Thông báo kết luận", "tasks", List.of(TASK))), json()), String.class);
    assertThat(issued.getStatusCode().value()).isEqualTo(201);
    assertThat(http.withBasicAuth("leader", "demo").getForEntity("/api/directives?limit=5", String.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void nobodyIsRefused() {
    ResponseEntity<String> anonymous = http.getForEntity("/api/directives", String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);

    // A session id that is no login (or no longer one) is nobody.
    ResponseEntity<String> stranger = get("/api/directives", new Session("0123456789ABCDEF0123456789ABCDEF", "x"));
    assertThat(stranger.getStatusCode().value()).isEqualTo(401);

    // A wrong password is refused even with a valid session beside it: the Authorization header decides.
    HttpHeaders both = EngineApiClient.headers(MediaType.APPLICATION_JSON, client().session("leader"));
    both.setBasicAuth("leader", "wrong");
    assertThat(http.exchange("/api/directives", HttpMethod.GET, new HttpEntity<>(both), String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  private ResponseEntity<String> get(String path, Session session) {
    return http.exchange(path, HttpMethod.GET,
        new HttpEntity<>(EngineApiClient.headers(MediaType.APPLICATION_JSON, session)), String.class);
  }

  /** A new login (the shared sessions of {@link EngineApiClient} must not be ended by a refused token). */
  private Session freshSession(String user) {
    return EngineApiClient.login(http, user);
  }

  private static HttpHeaders json() {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    return h;
  }

  private int countDirectives(String reference) {
    return jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference);
  }
}

package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * The engine's query-max-results-limit (2000): list queries asking for more, or for everything, are 400 with
 * a message on both paths; the lists the webapps ask for, a page at a time, still answer.
 */
class QueryLimitTest extends ApplicationTest {

  private EngineApiClient surfaces;

  @BeforeEach
  void setUp() {
    surfaces = new EngineApiClient(http);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aListAboveTheLimitOrUnboundedIs400(Surface surface) {
    for (String path : List.of("/task?maxResults=5000", "/task?firstResult=0&maxResults=2001",
        "/history/task?maxResults=100000", "/process-instance?maxResults=2147483647", "/group?member=moh",
        "/filter?resourceType=Task")) {
      ResponseEntity<String> refused = surfaces.call(surface, "auditor", HttpMethod.GET, path, null);
      ClientErrorsTest.assertClientError(refused, 400);
      assertThat(refused.getBody()).containsAnyOf("Max results limit of 2000 exceeded", "unbound number of results");
    }
    ResponseEntity<String> unbounded = surfaces.call(surface, "auditor", HttpMethod.POST, "/task", "{}");
    ClientErrorsTest.assertClientError(unbounded, 400);
    assertThat(unbounded.getBody()).contains("unbound number of results");
    assertThat(surfaces.call(surface, "auditor", HttpMethod.GET, "/task?firstResult=0&maxResults=2000", null)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void whatTasklistCockpitAndAdminAskForStillAnswers() {
    List<String> failed = new java.util.ArrayList<>();
    for (String[] call : new String[][] {
        // Tasklist reads the filters in pages of 2000: the limit must not go below that.
        {"moh", "GET", "/filter/count?itemCount=false&resourceType=Task"},
        {"moh", "GET", "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"},
        {"admin", "GET", "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"},
        {"moh", "GET", "/process-definition?latest=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&firstResult=0&maxResults=15"},
        {"moh", "GET", "/task?firstResult=0&maxResults=15"},
        {"moh", "GET", "/task/count"},
        {"moh", "GET", "/user/moh/profile"},
        {"leader", "GET", "/process-definition?latest=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&firstResult=0&maxResults=15"},
        {"auditor", "GET", "/process-definition/statistics?rootIncidents=true"},
        {"auditor", "GET", "/process-definition?latestVersion=true&firstResult=0&maxResults=50"},
        {"auditor", "GET", "/decision-definition?latestVersion=true&firstResult=0&maxResults=50"},
        {"auditor", "GET", "/deployment?firstResult=0&maxResults=50&sortBy=deploymentTime&sortOrder=desc"},
        {"auditor", "GET", "/incident?firstResult=0&maxResults=50"},
        {"auditor", "GET", "/history/process-instance?firstResult=0&maxResults=50"},
        {"admin", "GET", "/user?firstResult=0&maxResults=50"},
        {"admin", "GET", "/group?firstResult=0&maxResults=50"},
        {"admin", "GET", "/authorization?firstResult=0&maxResults=50"},
        {"admin", "GET", "/process-definition/statistics?rootIncidents=true"},
    }) {
      ResponseEntity<String> answer = surfaces.call(Surface.WEBAPP, call[0], HttpMethod.valueOf(call[1]), call[2], null);
      if (answer.getStatusCode().value() != 200) {
        failed.add(String.join(" ", call) + ": " + answer.getStatusCode().value() + " " + answer.getBody());
      }
    }
    assertThat(failed).isEmpty();
  }
}

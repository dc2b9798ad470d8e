package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** Health is public for load balancers and probes; the metrics name units, so only operators read them. */
class OperationsEndpointsTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  DirectiveMetrics metrics;

  @Test
  void healthAndProbesArePublic() {
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(http.getForEntity("/actuator/health/liveness", String.class).getBody()).contains("UP");
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getBody()).contains("UP");
  }

  @Test
  void prometheusNeedsAnOperatorAndShowsOpenAndOverdueTasksPerUnit() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.withBasicAuth("moh", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(403);

    clockAt("2024-06-10T09:00");
    new DirectiveFixtures(http, jdbc).issue("leader", "P06WG", DirectiveFixtures.uniqueReference("METRICS"),
        "2024-05-02", List.of(DirectiveFixtures.task("T01", "EDUCATION", "2024-06-01")));
    metrics.refresh();
    var response = http.withBasicAuth("admin", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    long overdue = jdbc.queryForObject("select count(*) from dt_task where state = 'OPEN' and lead_unit = 'MOET'"
        + " and deadline < ?", Long.class, java.sql.Date.valueOf("2024-06-10"));
    assertThat(response.getBody())
        .contains("directive_tasks_overdue{unit=\"MOET\"} " + overdue + ".0")
        .contains("directive_notifications_pending")
        .contains("directive_jobs_due")
        .contains("directive_escalations");
  }
}

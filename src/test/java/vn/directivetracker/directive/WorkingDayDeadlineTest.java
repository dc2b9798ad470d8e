package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Deadlines given as "within N working days": the stored day skips weekends and Tet, both forms at once
 * and years without a calendar are refused, and such a task's days overdue count working days.
 */
class WorkingDayDeadlineTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  private DirectiveFixtures fixtures() {
    return new DirectiveFixtures(http, jdbc);
  }

  private static Map<String, Object> inWorkingDays(String key, String domain, int days) {
    Map<String, Object> t = DirectiveFixtures.task(key, domain, null);
    t.remove("deadline");
    t.put("deadlineWorkingDays", days);
    return t;
  }

  @Test
  void tenWorkingDaysFrom20January2025EndAfterTetAndOverdueDaysCountWorkingDays() {
    clockAt("2025-01-20T09:00");
    JsonNode directive = fixtures().issue("leader", "P06WG", DirectiveFixtures.uniqueReference("WD"), "2025-01-20",
        List.of(inWorkingDays("W1", "HEALTH", 10), DirectiveFixtures.task("D1", "HEALTH", "2025-02-10")));

    JsonNode w1 = DirectiveFixtures.taskOf(directive, "W1");
    assertThat(w1.get("deadline").asText()).isEqualTo("2025-02-10");
    assertThat(w1.get("deadlineWorkingDays").asInt()).isEqualTo(10);
    assertThat(DirectiveFixtures.taskOf(directive, "D1").has("deadlineWorkingDays")).isFalse();

    // A week after the deadline day: 7 calendar days but 5 working days (11-14 and 17 February).
    clockAt("2025-02-17T09:00");
    String id = directive.get("id").asText();
    runDueJobs(fixtures().processesOf(id));

    assertThat(lastEscalation(id, "W1")).containsEntry("DAYS_OVERDUE", 5).containsEntry("LEVEL", 1);
    assertThat(lastEscalation(id, "D1")).containsEntry("DAYS_OVERDUE", 7).containsEntry("LEVEL", 2);
  }

  @Test
  void bothADateAndWorkingDaysAreRefused() {
    clockAt("2025-01-20T09:00");
    Map<String, Object> both = DirectiveFixtures.task("B1", "HEALTH", "2025-02-28");
    both.put("deadlineWorkingDays", 10);
    ResponseEntity<String> refused = post(List.of(both), "2025-01-20");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(refused)).containsEntry("tasks[0].deadlineWorkingDays",
        "give either a deadline date or a number of working days, not both");
  }

  @Test
  void workingDaysOutOfRangeAreRefused() {
    clockAt("2025-01-20T09:00");
    ResponseEntity<String> refused = post(List.of(inWorkingDays("Z0", "HEALTH", 0), inWorkingDays("Z1", "HEALTH", 366)),
        "2025-01-20");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(refused)).containsKeys("tasks[0].deadlineWorkingDays", "tasks[1].deadlineWorkingDays");
  }

  @Test
  void aCountIntoAYearWithoutCalendarIsRefusedAndNothingIsStored() {
    clockAt("2027-12-20T09:00");
    String reference = DirectiveFixtures.uniqueReference("WD2028");
    ResponseEntity<String> refused = fixtures().post("leader", "/api/directives", Map.of("reference", reference,
        "issuedOn", "2027-12-20", "issuer", "P06WG", "title", "Năm chưa có lịch nghỉ",
        "tasks", List.of(inWorkingDays("Y1", "HEALTH", 30))));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(errors(refused).get("tasks[0].deadlineWorkingDays"))
        .contains("holiday calendar of 2028 is not published");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }

  private Map<String, Object> lastEscalation(String directiveId, String key) {
    return jdbc.queryForMap("select e.level, e.days_overdue from dt_escalation e join dt_task t on t.id = e.task_id"
        + " where t.directive_id = ? and t.task_key = ? order by e.escalated_at desc limit 1", directiveId, key);
  }

  private ResponseEntity<String> post(List<Map<String, Object>> tasks, String issuedOn) {
    return fixtures().post("leader", "/api/directives", Map.of("reference", DirectiveFixtures.uniqueReference("WD"),
        "issuedOn", issuedOn, "issuer", "P06WG", "title", "Hạn theo ngày làm việc", "tasks", tasks));
  }

  static Map<String, String> errors(ResponseEntity<String> response) {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    DirectiveFixtures.read(response.getBody()).path("errors")
        .forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    return errors;
  }
}

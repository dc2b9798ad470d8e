package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** The demo run's notice: issued once as the demo leader, through the service every notice goes through. */
class DemoDirectivesTest extends ApplicationTest {

  @Autowired DirectiveService service;
  @Autowired DirectiveRepository repository;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theNoticeIsIssuedAtTheFirstStartAndLeftAloneAtTheNext() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("DEMO");
    ByteArrayResource notice = notice(reference);
    DemoDirectives demo = new DemoDirectives(service, repository, json);

    assertThat(demo.issueIfAbsent(notice)).isTrue();
    assertThat(demo.issueIfAbsent(notice)).as("a restart").isFalse();

    assertThat(jdbc.queryForList("select issued_by from dt_directive where reference = ?", String.class, reference))
        .containsExactly("leader");
    assertThat(jdbc.queryForList("select t.lead_unit from dt_task t join dt_directive d on d.id = t.directive_id"
        + " where d.reference = ?", String.class, reference)).containsExactly("MOH");
  }

  @Test
  void aNodeThatLosesTheRaceToIssueItStartsAnyway() throws Exception {
    String reference = DirectiveFixtures.uniqueReference("DEMO");
    ByteArrayResource notice = notice(reference);
    assertThat(new DemoDirectives(service, repository, json).issueIfAbsent(notice)).isTrue();
    // The other node checked before the first one's notice was committed.
    DirectiveRepository checkedTooEarly = new DirectiveRepository(jdbc) {
      private boolean first = true;

      @Override
      boolean exists(String issuer, String ref) {
        boolean answer = !first && super.exists(issuer, ref);
        first = false;
        return answer;
      }
    };

    assertThat(new DemoDirectives(service, checkedTooEarly, json).issueIfAbsent(notice)).isFalse();
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isOne();
  }

  /** A one-task notice of the working group: MOH leads it (HEALTH). */
  private static ByteArrayResource notice(String reference) {
    return new ByteArrayResource(("{\"reference\":\"" + reference + "\",\"issuedOn\":\"2024-09-17\",\"issuer\":\"P06WG\","
        + "\"title\":\"Kết luận\",\"tasks\":[{\"key\":\"T01\",\"title\":\"Làm sạch dữ liệu tiêm chủng\","
        + "\"domain\":\"HEALTH\",\"deadline\":\"2024-12-31\"}]}").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The shipped notices go in as their meetings worded them: 2024 names (ministries merged or split in 2025,
   * Hai Duong's departments in Hai Phong's notice), several leads in one conclusion, deadlines in words.
   */
  @Test
  void theShippedNoticesGoInAsTheSeedsWordThem() throws Exception {
    assertThat(issuedAsShipped(DemoDirectives.NOTICES.get(0))).containsExactlyInAnyOrderEntriesOf(SEED_000);
    assertThat(issuedAsShipped(DemoDirectives.NOTICES.get(1))).containsExactlyInAnyOrderEntriesOf(SEED_004);
  }

  /** Seed 000's tasks as issued: lead, deadline, its words, the lead's words (the JSON API and the import alike). */
  static final Map<String, String> SEED_000 = Map.of(
      "T01", "MOST 2024-09-30 in September 2024 | Ministry of Information and Communications",
      "T02-MOF", "MOF 2024-09-19 before September 20 | Ministry of Planning and Investment",
      "T02-MOHA", "MOHA 2024-09-19 before September 20 | Ministry of Labor, War Invalids and Social Affairs",
      "T02-MAE", "MAE 2024-09-19 before September 20 | Ministry of Natural Resources and Environment",
      "T02-MOJ", "MOJ 2024-09-19 before September 20 | Ministry of Justice",
      "T02-MOH", "MOH 2024-09-19 before September 20 | Ministry of Health");

  /** Seed 004's tasks as issued by Hai Phong's working group, its departments named as Hai Duong's of 2024. */
  static final Map<String, String> SEED_004 = Map.of(
      "H01-HAIPHONGDOIT", "HAIPHONGDOIT 2024-04-04 before April 5, 2024 | Department of Industry and Trade",
      "H01-HAIPHONGDOHA", "HAIPHONGDOHA 2024-04-04 before April 5, 2024 | Department of Home Affairs",
      "H01-HAIPHONGDOC", "HAIPHONGDOC 2024-04-04 before April 5, 2024 | Department of Transport",
      "H01-HAIPHONGDAE", "HAIPHONGDAE 2024-04-04 before April 5, 2024 | Department of Natural Resources and Environment",
      "H02", "HAIPHONGOFFICE - - | Provincial People's Committee Office",
      "H03", "HAIPHONGDOST 2024-05-31 before June 1, 2024 | Department of Information and Communications",
      "H04", "HAIPHONGDOST 2024-11-29 before November 30, 2024 | Department of Information and Communications",
      "H05", "HAIPHONGDOH - - | Department of Labor, War Invalids and Social Affairs",
      "H06", "HAIPHONGDOHA 2024-06-14 before June 15, 2024 | Department of Labor, War Invalids and Social Affairs",
      "H07", "HAIPHONGDAE 2024-12-31 December 2024 | Department of Natural Resources and Environment");

  /** Each task of a shipped notice, issued under a fresh reference: lead, deadline, its words, the lead's words. */
  private Map<String, String> issuedAsShipped(String resource) throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode notice;
    try (var in = new ClassPathResource(resource).getInputStream()) {
      notice = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
    }
    notice.put("reference", DirectiveFixtures.uniqueReference("DEMO"));
    IssueDirectiveRequest request = json.treeToValue(notice, IssueDirectiveRequest.class);
    DirectiveView view;
    try {
      view = service.issue(request, new vn.directivetracker.security.CurrentUser.Caller(
        DemoDirectives.issuingUser(request.issuer()), java.util.List.of(request.issuer())));
    } catch (vn.directivetracker.web.ApiException e) {
      throw new AssertionError(resource + ": " + e.errors(), e);
    }
    Map<String, String> tasks = new java.util.HashMap<>();
    for (DirectiveView.TaskView t : view.tasks()) {
      tasks.put(t.key(), t.leadUnit() + " " + (t.deadline() == null ? "-" : t.deadline()) + " "
          + (t.deadlineAsWritten() == null ? "-" : t.deadlineAsWritten()) + " | " + t.leadUnitAsWritten());
    }
    return tasks;
  }
}

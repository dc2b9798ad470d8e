package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
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

  @Test
  void theShippedNoticeIsTheWorkingGroupsSeptember2024Conclusions() throws Exception {
    IssueDirectiveRequest request;
    try (var in = new ClassPathResource(DemoDirectives.NOTICE).getInputStream()) {
      request = json.readValue(in, IssueDirectiveRequest.class);
    }
    assertThat(request.issuer()).isEqualTo("P06WG");
    assertThat(request.tasks()).hasSize(25);
    // PostgresLifecycleTest issues it through the API and checks every task's lead.
  }
}

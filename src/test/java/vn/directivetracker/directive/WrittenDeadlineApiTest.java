package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.directive.imports.Sheets;

/**
 * Deadlines as a notice writes them, over HTTP: the JSON API and the import store the day and keep the words
 * ({@code deadlineAsWritten}); words that are no deadline are refused naming them, and nothing is stored.
 */
class WrittenDeadlineApiTest extends ApplicationTest {

  @BeforeEach
  void tenthOfJanuary2024() {
    clockAt("2024-01-10T09:00");
  }

  @Test
  void theApiStoresTheDayAndKeepsTheWords() {
    JsonNode directive = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("WR"), "2024-01-10",
        List.of(DirectiveFixtures.task("Q1", "HEALTH", "hoàn thành trong quý I/2024"),
            DirectiveFixtures.task("TET", "HEALTH", "before Tet Giap Thin 2024"),
            DirectiveFixtures.task("URG", "HEALTH", "khẩn trương"),
            DirectiveFixtures.task("ISO", "HEALTH", "2024-09-20"),
            DirectiveFixtures.task("NONE", "HEALTH", "")));

    assertDeadline(directive, "Q1", "2024-03-31", "hoàn thành trong quý I/2024");
    assertDeadline(directive, "TET", "2024-02-07", "before Tet Giap Thin 2024");
    assertDeadline(directive, "URG", "2024-01-24", "khẩn trương");
    assertDeadline(directive, "ISO", "2024-09-20", "2024-09-20");
    JsonNode none = DirectiveFixtures.taskOf(directive, "NONE");
    assertThat(none.has("deadline")).isFalse();
    assertThat(none.has("deadlineAsWritten")).isFalse();

    JsonNode again = directives.get("leader", "/api/directives/" + directive.get("id").asText());
    assertDeadline(again, "Q1", "2024-03-31", "hoàn thành trong quý I/2024");
    assertThat(jdbc.queryForObject("select deadline from dt_task where directive_id = ? and task_key = 'TET'",
        java.sql.Date.class, directive.get("id").asText()).toString()).isEqualTo("2024-02-07");
  }

  @Test
  void wordsThatAreNoDeadlineAreRefusedNamingThemAndNothingIsStored() {
    String reference = DirectiveFixtures.uniqueReference("WRBAD");
    ResponseEntity<String> refused = directives.post("leader", "/api/directives", Map.of("reference", reference,
        "issuedOn", "2024-01-10", "issuer", "P06WG", "title", "Thời hạn không rõ",
        "tasks", List.of(DirectiveFixtures.task("OK", "HEALTH", "quý I/2024"),
            DirectiveFixtures.task("BAD", "HEALTH", "sớm nhất có thể"),
            DirectiveFixtures.task("PAST", "HEALTH", "tháng 12/2023"),
            DirectiveFixtures.task("TET", "HEALTH", "trước Tết Nguyên đán 2031"))));

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    Map<String, String> errors = WorkingDayDeadlineTest.errors(refused);
    assertThat(errors.get("tasks[1].deadline")).contains("'sớm nhất có thể'").contains("not understood");
    assertThat(errors.get("tasks[2].deadline")).contains("'tháng 12/2023' is 2023-12-31, before the directive's");
    assertThat(errors.get("tasks[3].deadline")).contains("'trước Tết Nguyên đán 2031'").contains("2031");
    assertThat(errors).doesNotContainKey("tasks[0].deadline");
    assertNothingStored(reference);
  }

  @Test
  void writtenWordsAndWorkingDaysTogetherAreRefused() {
    Map<String, Object> both = DirectiveFixtures.task("B1", "HEALTH", "quý I/2024");
    both.put("deadlineWorkingDays", 10);
    String reference = DirectiveFixtures.uniqueReference("WRBOTH");
    ResponseEntity<String> refused = directives.post("leader", "/api/directives", Map.of("reference", reference,
        "issuedOn", "2024-01-10", "issuer", "P06WG", "title", "Hai thời hạn", "tasks", List.of(both)));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(WorkingDayDeadlineTest.errors(refused)).containsKey("tasks[0].deadlineWorkingDays");
    assertNothingStored(reference);
  }

  @Test
  void theImportKeepsTheWordsAndNamesTheCellOfABadOne() {
    String header = "key,title,domain,deadline\n";
    String reference = DirectiveFixtures.uniqueReference("WRCSV");
    ResponseEntity<String> created = upload(Sheets.csvWithBom(header
        + "T01,Tích hợp dữ liệu,HEALTH,trong tháng 9 năm 2024\n"
        + "T02,Làm sạch dữ liệu,HEALTH,6 tháng đầu năm 2024\n"), reference);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = DirectiveFixtures.read(created.getBody());
    assertDeadline(body, "T01", "2024-09-30", "trong tháng 9 năm 2024");
    assertDeadline(body, "T02", "2024-06-30", "6 tháng đầu năm 2024");

    String bad = DirectiveFixtures.uniqueReference("WRCSVBAD");
    ResponseEntity<String> refused = upload(Sheets.csvWithBom(header + "T01,Tích hợp dữ liệu,HEALTH,cuối kỳ\n"), bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(WorkingDayDeadlineTest.errors(refused).get("row 2, deadline")).contains("'cuối kỳ'");
    assertNothingStored(bad);
  }

  private static void assertDeadline(JsonNode directive, String key, String day, String written) {
    JsonNode task = DirectiveFixtures.taskOf(directive, key);
    assertThat(task.get("deadline").asText()).as(key).isEqualTo(day);
    assertThat(task.get("deadlineAsWritten").asText()).as(key).isEqualTo(written);
  }

  private void assertNothingStored(String reference) {
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }

  private ResponseEntity<String> upload(byte[] csv, String reference) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    part.setContentDispositionFormData("file", "thong-bao.csv");
    form.add("file", new HttpEntity<>(new ByteArrayResource(csv) {
      @Override
      public String getFilename() {
        return "thong-bao.csv";
      }
    }, part));
    form.add("reference", reference);
    form.add("issuedOn", "2024-01-10");
    form.add("issuer", "P06WG");
    form.add("title", "Thông báo kết luận " + reference);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("leader", "demo").postForEntity("/api/directives/import", new HttpEntity<>(form, headers),
        String.class);
  }
}

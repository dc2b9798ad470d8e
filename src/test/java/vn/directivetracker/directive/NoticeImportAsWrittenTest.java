package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
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
 * The seeds' notices (000 and 004, as src/main/resources/demo/notice-*.json word them) go in through {@code POST
 * /api/directives/import} as a CSV the secretariat would type from the notice: 2024 names, several leads in one
 * cell, deadlines in words. The tasks are those the JSON API gives ({@link DemoDirectivesTest}).
 */
class NoticeImportAsWrittenTest extends ApplicationTest {

  private static final List<String> COLUMNS = List.of("key", "title", "domain", "leadUnit", "coordinatingUnits",
      "deadline", "keyTask", "expectedResult", "targetMeasure", "targetUnit", "targetValue");

  @Autowired ObjectMapper json;

  @Test
  void seed000GoesInThroughTheImportAsWritten() throws IOException {
    assertThat(imported("leader", DemoDirectives.NOTICES.get(0))).containsExactlyInAnyOrderEntriesOf(DemoDirectivesTest.SEED_000);
  }

  @Test
  void seed004GoesInThroughTheImportAsHaiPhongsWorkingGroupWroteIt() throws IOException {
    assertThat(imported("haiphongwg", DemoDirectives.NOTICES.get(1)))
        .containsExactlyInAnyOrderEntriesOf(DemoDirectivesTest.SEED_004);
  }

  /** Imports the notice as a CSV under a fresh reference: each task's lead, deadline, its words, the lead's words. */
  private Map<String, String> imported(String user, String resource) throws IOException {
    JsonNode notice;
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      notice = json.readTree(in);
    }
    String reference = DirectiveFixtures.uniqueReference("SEEDCSV");
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", DirectiveImportApiTest.file(Sheets.csvWithBom(csv(notice)), "thong-bao.csv"));
    form.add("reference", reference);
    form.add("issuedOn", notice.get("issuedOn").asText());
    form.add("issuer", notice.get("issuer").asText());
    form.add("title", notice.get("title").asText());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> created = http.withBasicAuth(user, "demo").postForEntity("/api/directives/import",
        new HttpEntity<>(form, headers), String.class);

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    Map<String, String> tasks = new HashMap<>();
    for (JsonNode t : DirectiveFixtures.read(created.getBody()).get("tasks")) {
      tasks.put(t.get("key").asText(), t.get("leadUnit").asText() + " " + t.path("deadline").asText("-") + " "
          + t.path("deadlineAsWritten").asText("-") + " | " + t.get("leadUnitAsWritten").asText());
    }
    return tasks;
  }

  /** The notice's tasks as sheet rows: several names in one cell separated by ';', as docs/import.md says. */
  private static String csv(JsonNode notice) throws IOException {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
        .get())) {
      for (JsonNode t : notice.get("tasks")) {
        List<String> row = new ArrayList<>();
        row.add(t.get("key").asText());
        row.add(t.get("title").asText());
        row.add(t.get("domain").asText());
        row.add(joined(t.get("leadUnits")));
        row.add(joined(t.get("coordinatingUnits")));
        row.add(t.path("deadline").asText(""));
        row.add(t.path("keyTask").asBoolean() ? "TRUE" : "FALSE");
        row.add(t.path("expectedResult").asText(""));
        JsonNode target = t.path("target");
        row.add(target.path("measure").asText(""));
        row.add(target.path("unit").asText(""));
        row.add(target.path("value").asText(""));
        printer.printRecord(row);
      }
    }
    return out.toString();
  }

  private static String joined(JsonNode names) {
    List<String> list = new ArrayList<>();
    if (names != null) {
      names.forEach(n -> list.add(n.asText()));
    }
    return String.join(";", list);
  }
}

package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.web.CsvText;

/**
 * The hostile and broken input corpus, {@code src/test/resources/hostile/index.psv} (one request a line:
 * user, method, path, content type, body file or generator, the exact status, how many directives it may
 * store): every bad request gets its clear 4xx, never a 5xx or a stack trace, and stores nothing. The
 * few hostile-looking texts that are legitimate (an apostrophe, a formula, a placeholder) are stored as
 * text and neutralised where they are shown. Bodies too big for a file are generated
 * ({@code gen:name:size}, see {@link #generate}).
 */
class HostileInputTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  DirectiveFixtures directives;
  private static String directive;
  private static String mohTask;

  @BeforeEach
  void setUp() {
    clockAt("2024-03-01T09:00");
    directives = new DirectiveFixtures(http, jdbc);
    if (directive == null) {
      JsonNode d = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("HOSTILE"), "2024-03-01",
          List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-12-31")));
      directive = d.get("id").asText();
      mohTask = engine.getTaskService().createTaskQuery()
          .processInstanceId(directives.processOf(directive, "T01")).taskCandidateGroup("MOH").singleResult().getId();
    }
  }

  @ParameterizedTest(name = "[{0}] {8}")
  @CsvFileSource(resources = "/hostile/index.psv", delimiter = '|', numLinesToSkip = 1, quoteCharacter = '`',
      emptyValue = "", maxCharsPerColumn = 10000)
  void everyHostileRequestGetsAClear4xxAndStoresNothing(String id, String user, String method, String path,
      String contentType, String file, String expected, int stores, String note) throws IOException {
    String ref = DirectiveFixtures.uniqueReference("HOSTILE" + id);
    byte[] body = file == null || file.isEmpty() ? null
        : file.startsWith("gen:") ? generate(file, ref) : load(file, ref);
    String target = path.replace("{directive}", directive).replace("{mohTask}", mohTask);
    int before = directiveCount();

    RequestEntity.BodyBuilder request = RequestEntity.method(HttpMethod.valueOf(method), URI.create(target));
    if (body != null || "PUT".equals(method)) {
      request.contentType(MediaType.parseMediaType(contentType));
    }
    if (!"anonymous".equals(user)) {
      request.headers(h -> h.setBasicAuth(user, "demo"));
    }
    ResponseEntity<String> response = http.exchange(request.body(body == null ? new byte[0] : body), String.class);

    int status = response.getStatusCode().value();
    String text = response.getBody() == null ? "" : response.getBody();
    if (expected.equals("4xx")) {
      assertThat(status).as("%s: %s", note, text).isBetween(400, 499);
    } else {
      assertThat(status).as("%s: %s", note, text).isEqualTo(Integer.parseInt(expected));
    }
    assertThat(text).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by")
        .doesNotContain("at org.").doesNotContain("at java.");
    if (status >= 400 && target.startsWith("/api/")) {
      assertThat(response.getHeaders().getContentType()).as(note).isNotNull()
          .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    }
    assertThat(directiveCount() - before).as("directives stored by: " + note).isEqualTo(stores);
  }

  @Test
  void placeholdersInATitleReachTheMailAsText() throws Exception {
    String ref = DirectiveFixtures.uniqueReference("PLACEHOLDER");
    var task = DirectiveFixtures.task("T01", "ENERGY", "2024-12-31");
    task.put("title", "Kiểm tra {taskTitle}{link} và $" + "{reference}");
    JsonNode d = directives.issue("leader", "P06WG", ref, "2024-03-01", List.of(task));
    runDueJobs(directives.processesOf(d.get("id").asText()));
    String lead = DirectiveFixtures.taskOf(d, "T01").get("leadUnit").asText().toLowerCase();
    var account = MAIL.getUserManager().getUserByEmail(lead + "@demo.directivetracker.vn");
    String mail = null;
    for (var stored : MAIL.getManagers().getImapHostManager().getInbox(account).getMessages()) {
      if (stored.getMimeMessage().getSubject().contains(ref)) {
        mail = new String(stored.getMimeMessage().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    assertThat(mail).as("the assignment mail to " + lead).isNotNull();
    assertThat(mail).contains("Kiểm tra {taskTitle}{link} và $" + "{reference}");
  }

  @Test
  void exportedCellsThatLookLikeFormulasAreText() {
    assertThat(CsvText.neutralise("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
    assertThat(CsvText.neutralise("+1+2")).isEqualTo("'+1+2");
    assertThat(CsvText.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvText.neutralise("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvText.neutralise("＝1+1")).isEqualTo("'＝1+1");
    assertThat(CsvText.neutralise("Báo cáo = 5")).isEqualTo("Báo cáo = 5");
    // Behind what a spreadsheet trims or splits on: a line break, spaces (also full-width and no-break ones).
    assertThat(CsvText.neutralise("\rcmd")).isEqualTo("'\rcmd");
    assertThat(CsvText.neutralise("\n=1+1")).isEqualTo("'\n=1+1");
    assertThat(CsvText.neutralise(" =1+1")).isEqualTo("' =1+1");
    assertThat(CsvText.neutralise("  \u00A0\u3000+1")).isEqualTo("'  \u00A0\u3000+1");
    assertThat(CsvText.neutralise("\uFEFF@SUM(A1)")).isEqualTo("'\uFEFF@SUM(A1)");
    assertThat(CsvText.neutralise("＋1")).isEqualTo("'＋1");
    assertThat(CsvText.neutralise("－1")).isEqualTo("'－1");
    assertThat(CsvText.neutralise("＠A1")).isEqualTo("'＠A1");
    assertThat(CsvText.neutralise("  Báo cáo")).isEqualTo("  Báo cáo");
    assertThat(CsvText.neutralise("")).isEmpty();
    assertThat(CsvText.neutralise(null)).isNull();
  }

  private int directiveCount() {
    return jdbc.queryForObject("select count(*) from dt_directive", Integer.class);
  }

  private static byte[] load(String file, String ref) throws IOException {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/files/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no corpus file " + file);
      }
      byte[] bytes = in.readAllBytes();
      return file.endsWith(".bin") ? bytes
          : new String(bytes, StandardCharsets.UTF_8).replace("{ref}", ref).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Bodies too large or too deep to keep as files. */
  static byte[] generate(String spec, String ref) throws IOException {
    String[] parts = spec.split(":");
    int n = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
    String head = "{\"reference\":\"" + ref + "\",\"issuedOn\":\"2024-03-01\",\"issuer\":\"P06WG\",";
    String task = "{\"key\":\"T01\",\"title\":\"Việc\",\"domain\":\"HEALTH\",\"deadline\":\"2024-12-31\"}";
    return switch (parts[1]) {
      case "nest-array" -> utf8(head + "\"title\":\"x\",\"tasks\":" + "[".repeat(n) + "]".repeat(n) + "}");
      case "nest-object" -> utf8(head + "\"tasks\":[" + task + "],\"title\":" + "{\"a\":".repeat(n) + "1"
          + "}".repeat(n) + "}");
      case "pad-title" -> utf8(head + "\"tasks\":[" + task + "],\"title\":\"" + "A".repeat(n) + "\"}");
      case "markup-backtrack" -> utf8(head + "\"tasks\":[" + task + "],\"title\":\"<" + " ".repeat(n) + "b\"}");
      case "lt-spaces" -> utf8(head + "\"tasks\":[" + task + "],\"title\":\"" + "< ".repeat(n / 2) + "\"}");
      case "tasks" -> {
        StringBuilder sb = new StringBuilder(head + "\"title\":\"x\",\"tasks\":[");
        for (int i = 0; i < n; i++) {
          sb.append(i == 0 ? "" : ",").append(task.replace("T01", "T" + i));
        }
        yield utf8(sb.append("]}").toString());
      }
      case "nest-array-variables" -> utf8("{\"variables\":{\"reportResult\":{\"value\":" + "[".repeat(n)
          + "]".repeat(n) + "}}}");
      case "pad-variables" -> utf8("{\"variables\":{\"reportResult\":{\"value\":\"" + "A".repeat(n) + "\"}}}");
      case "xlsx-bomb" -> xlsxBomb();
      default -> throw new IllegalArgumentException("unknown generator " + spec);
    };
  }

  /** A workbook whose one sheet inflates from about 200 KB to 200 MB. */
  private static byte[] xlsxBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
          + "officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(utf8("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>"));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'A');
      for (int i = 0; i < 200; i++) {
        zip.write(chunk);
      }
      zip.write(utf8("</t></is></c></row></sheetData></worksheet>"));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String unique() {
    return UUID.randomUUID().toString();
  }
}

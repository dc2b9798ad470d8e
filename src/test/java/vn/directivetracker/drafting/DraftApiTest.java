package vn.directivetracker.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.EngineApiClient;

/**
 * POST /api/directives/drafts over HTTP: a notice's text in, its task table out, nothing stored; the start
 * form's twin at /camunda/forms-api/directives/drafts for a Tasklist session; and every bad input refused with
 * a 4xx that says why in Vietnamese and English.
 */
class DraftApiTest extends ApplicationTest {

  static final String DRAFTS = "/api/directives/drafts?issuer=P06WG&issuedOn=2024-01-10";
  static final String FORM_DRAFTS = "/camunda/forms-api/directives/drafts?issuer=P06WG&issuedOn=2024-01-10";

  @Test
  void aPastedNoticeGivesItsTaskTableAndStoresNothing() throws IOException {
    int directivesBefore = count("dt_directive");
    int instancesBefore = (int) engine.getRuntimeService().createProcessInstanceQuery().count();

    ResponseEntity<String> answer = post("leader", DRAFTS, NoticeCorpusTest.resource("notice-101.txt"));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
    JsonNode draft = DirectiveFixtures.read(answer.getBody());
    JsonNode first = draft.get("tasks").get(0);
    assertThat(first.get("key").asText()).isEqualTo("T01");
    assertThat(first.get("leadUnits").toString()).isEqualTo("[\"MOJ\"]");
    assertThat(first.get("leadUnitsAsWritten").toString()).isEqualTo("[\"Bộ Tư pháp\"]");
    assertThat(first.get("coordinatingUnits").toString()).isEqualTo("[\"MPS\"]");
    assertThat(first.get("deadline").asText()).isEqualTo("2024-03-31");
    assertThat(first.get("deadlineAsWritten").asText()).contains("quý I/2024");
    assertThat(first.get("domain").asText()).isEqualTo("CIVIL_STATUS");
    assertThat(first.get("title").asText()).startsWith("Hoàn thiện dự thảo Nghị định");
    assertThat(first.get("source").asText()).startsWith("Giao Bộ Tư pháp chủ trì");
    assertThat(first.get("confidence").asDouble()).isBetween(0.6, 1.0);
    assertThat(first.has("keyTask")).isTrue();
    List<String> keys = new ArrayList<>();
    draft.get("tasks").forEach(t -> keys.add(t.get("key").asText()));
    assertThat(keys).doesNotHaveDuplicates().contains("T06-TUYENQUANG", "T06-THAINGUYEN", "T06-QUANGTRI");
    JsonNode vague = null;
    for (JsonNode t : draft.get("tasks")) {
      vague = t.get("source").asText().startsWith("Các bộ, ngành, địa phương") ? t : vague;
    }
    assertThat(vague).as("a row for 'các bộ, ngành, địa phương'").isNotNull();
    assertThat(vague.get("leadUnits").size()).as("các bộ, ngành, địa phương: no lead").isZero();
    assertThat(vague.get("deadline").asText()).isEqualTo("2024-12-31");
    assertThat(vague.get("confidence").asDouble()).isLessThan(Draft.LOW_CONFIDENCE);
    assertThat(draft.get("unresolved").isArray()).isTrue();
    assertThat(count("dt_directive")).isEqualTo(directivesBefore);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void aSentenceThatOrdersAnAbolishedDistrictIsListedAsUnresolvedWithWhy() {
    JsonNode draft = DirectiveFixtures.read(post("haiphongwg",
        "/api/directives/drafts?issuer=HAIPHONGWG&issuedOn=2024-04-02",
        "1. Ủy ban nhân dân các huyện tiếp tục đẩy mạnh tuyên truyền về Đề án 06.\n"
            + "2. Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai Sổ sức khỏe điện tử; hoàn thành trong "
            + "quý II/2024.")
        .getBody());

    assertThat(draft.get("tasks").size()).isEqualTo(1);
    assertThat(draft.get("tasks").get(0).get("leadUnits").toString()).isEqualTo("[\"HAIPHONGDOH\"]");
    assertThat(draft.get("tasks").get(0).get("coordinatingUnits").toString()).isEqualTo("[\"HAIPHONGPC\"]");
    assertThat(draft.get("unresolved").get(0).get("source").asText()).startsWith("Ủy ban nhân dân các huyện");
    assertThat(draft.get("unresolved").get(0).get("why").asText()).contains("cấp huyện", "District-level");
  }

  @Test
  void aWordDocumentIsReadLikeItsText() throws IOException {
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText("THÔNG BÁO KẾT LUẬN");
      document.createParagraph().createRun()
          .setText("1. Bộ Y tế chủ trì, phối hợp với Bảo hiểm xã hội Việt Nam triển khai Sổ sức khỏe điện tử; "
              + "hoàn thành trong quý II/2024.");
      document.write(docx);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(DraftController.DOCX));

    ResponseEntity<String> answer = http.withBasicAuth("leader", "demo").exchange(DRAFTS, HttpMethod.POST,
        new HttpEntity<>(docx.toByteArray(), headers), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    JsonNode task = DirectiveFixtures.read(answer.getBody()).get("tasks").get(0);
    assertThat(task.get("leadUnits").toString()).isEqualTo("[\"MOH\"]");
    assertThat(task.get("deadline").asText()).isEqualTo("2024-06-30");
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertRefused(post("leader", DRAFTS, ""), 400, "trống", "empty");
    assertRefused(post("leader", DRAFTS, " \n\t "), 400, "trống", "empty");
    assertRefused(postBytes("leader", DRAFTS, new byte[] {'B', 'o', 0, 0, 'x'}), 400, "UTF-8", "binary");
    assertRefused(postBytes("leader", DRAFTS, new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}), 400, "UTF-8", "binary");
    assertRefused(post("leader", DRAFTS, "Bộ Y tế <script>alert(1)</script>"), 400, "văn bản thuần", "markup");
    assertRefused(post("leader", DRAFTS, "Bộ Y tế chủ trì. ".repeat(40_000)), 413, "quá", "longer than");
    ResponseEntity<String> twoMegabytes = post("leader", DRAFTS, "a".repeat(2 * 1024 * 1024 + 1));
    assertThat(twoMegabytes.getStatusCode().value()).isEqualTo(413);
    assertRefused(post("leader", "/api/directives/drafts?issuer=P06WG", "Bộ Y tế chủ trì."), 400, "ngày ban hành",
        "issue date");
    assertRefused(post("leader", "/api/directives/drafts?issuer=MOH&issuedOn=2024-01-10", "Bộ Y tế chủ trì."), 400,
        "cơ quan ban hành", "issuing body");
    assertRefused(post("leader", "/api/directives/drafts?issuer=HAIPHONGWG&issuedOn=2024-01-10", "Bộ Y tế chủ trì."),
        403, "Chỉ thành viên", "only members");
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.withBasicAuth("leader", "demo").exchange(DRAFTS, HttpMethod.POST, new HttpEntity<>("{}", json),
        String.class).getStatusCode().value()).isEqualTo(415);
  }

  @Test
  void theStartFormDraftsFromItsTasklistSessionWithTheSessionsCsrfToken() {
    EngineApiClient client = new EngineApiClient(http);
    EngineApiClient.Session session = client.session("leader");
    String text = "Bộ Công an chủ trì, phối hợp với Bộ Tư pháp triển khai cấp Phiếu lý lịch tư pháp trên VNeID "
        + "trước ngày 31/3/2024.";

    ResponseEntity<String> answer = http.exchange(FORM_DRAFTS, HttpMethod.POST,
        new HttpEntity<>(text, EngineApiClient.headers(textPlain(), session)), String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    assertThat(DirectiveFixtures.read(answer.getBody()).get("tasks").get(0).get("deadline").asText())
        .isEqualTo("2024-03-30");

    HttpHeaders noToken = EngineApiClient.headers(textPlain(), session);
    noToken.remove("X-XSRF-TOKEN");
    assertRefused(http.exchange(FORM_DRAFTS, HttpMethod.POST, new HttpEntity<>(text, noToken), String.class), 403,
        "CSRF", "CSRF");
    assertThat(http.exchange(FORM_DRAFTS, HttpMethod.POST, new HttpEntity<>(text, textHeaders()), String.class)
        .getStatusCode().value()).as("no session").isEqualTo(401);
    assertThat(http.exchange(FORM_DRAFTS, HttpMethod.POST,
        new HttpEntity<>(text, EngineApiClient.headers(textPlain(), client.session("moh"))), String.class)
        .getStatusCode().value()).as("a unit does not draft the working group's directives").isEqualTo(403);
  }

  private static void assertRefused(ResponseEntity<String> answer, int status, String vietnamese, String english) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(answer.getBody()).contains(vietnamese).contains(english).doesNotContain("Exception");
  }

  private ResponseEntity<String> post(String user, String path, String text) {
    return postBytes(user, path, text.getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<String> postBytes(String user, String path, byte[] body) {
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, textHeaders()),
        String.class);
  }

  private static MediaType textPlain() {
    return MediaType.parseMediaType("text/plain;charset=UTF-8");
  }

  private static HttpHeaders textHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(textPlain());
    return headers;
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }
}

package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * A notice issued over HTTP as it was written: old and new unit names, several leads, classes of units;
 * and the names refused with nothing stored.
 */
class UnitNamesApiTest extends ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void march2024() {
    clockAt("2024-03-05T09:00");
  }

  @AfterEach
  void noAliases() {
    put("admin", "alias,unit\n");
  }

  @Test
  void aNoticeGoesInWithTheNamesOf2024AndSeveralLeadsBecomeOneTaskPerUnit() throws Exception {
    String reference = "TB-" + UUID.randomUUID();
    ObjectNode notice = notice(reference,
        task("T01", "SOCIAL_PROTECTION").put("leadUnit", "Bộ Lao động - Thương binh và Xã hội"),
        task("T02", "COMMUNICATION").put("leadUnit", "Bộ TT&TT"),
        task("T03", "TELECOM").put("leadUnit", "Ministry of Information and Communications")
            .set("coordinatingUnits", JSON.valueToTree(List.of("Bộ KH&ĐT", "MOST", "UBND tỉnh Thừa Thiên Huế"))),
        task("W01", "ADMIN_REFORM").set("leadUnits",
            JSON.valueToTree(List.of("Bac Lieu", "Vinh Phuc", "Phu Tho", "Ca Mau"))),
        task("W02", "ADMIN_REFORM").put("leadUnit", "tất cả các tỉnh, thành phố trực thuộc trung ương")
            .set("coordinatingUnits", JSON.valueToTree(List.of("Bộ Công an", "Thành phố Hà Nội"))));
    ResponseEntity<String> created = post("leader", notice);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode view = JSON.readTree(created.getBody());

    assertThat(task(view, "T01").path("leadUnit").asText()).isEqualTo("MOH");
    assertThat(task(view, "T01").path("leadUnitAsWritten").asText()).isEqualTo("Bộ Lao động - Thương binh và Xã hội");
    assertThat(task(view, "T02").path("leadUnit").asText()).as("split ministry, by domain").isEqualTo("MCST");
    JsonNode t03 = task(view, "T03");
    assertThat(t03.path("leadUnit").asText()).isEqualTo("MOST");
    assertThat(texts(t03.path("coordinatingUnits"))).as("the lead is dropped from its coordinating units")
        .containsExactly("MOF", "HUE");
    assertThat(texts(t03.path("coordinatingUnitsAsWritten"))).containsExactly("Bộ KH&ĐT", "UBND tỉnh Thừa Thiên Huế");

    // Bac Lieu and Ca Mau are CAMAU today, Vinh Phuc and Phu Tho PHUTHO: two tasks, each keeping both names.
    assertThat(keys(view)).contains("W01-CAMAU", "W01-PHUTHO").doesNotContain("W01", "W01-VINHPHUC");
    assertThat(task(view, "W01-CAMAU").path("leadUnitAsWritten").asText()).isEqualTo("Bac Lieu; Ca Mau");
    assertThat(task(view, "W01-PHUTHO").path("leadUnitAsWritten").asText()).isEqualTo("Vinh Phuc; Phu Tho");
    assertThat(task(view, "W01-PHUTHO").path("conclusion").asText()).isEqualTo("W01");

    List<String> w02 = keys(view).stream().filter(k -> k.startsWith("W02-")).toList();
    assertThat(w02).hasSize(34).contains("W02-HANOI", "W02-HUE", "W02-CAMAU");
    assertThat(texts(task(view, "W02-HANOI").path("coordinatingUnits"))).containsExactly("MPS");
    assertThat(texts(task(view, "W02-CAMAU").path("coordinatingUnits"))).containsExactly("MPS", "HANOI");

    JsonNode conclusions = view.path("conclusions");
    assertThat(conclusions).hasSize(2);
    assertThat(conclusions.get(1).path("key").asText()).isEqualTo("W02");
    assertThat(conclusions.get(1).path("summary").asText())
        .isEqualTo("0/34 tỉnh, thành phố đã báo cáo / 0 of 34 provinces have reported");

    // Each task has exactly one lead, in that unit's inbox.
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike("%" + reference + "%")
        .taskCandidateGroup("PHUTHO").count()).isEqualTo(2);
    String directiveId = view.path("id").asText();
    JsonNode again = JSON.readTree(http.withBasicAuth("leader", "demo")
        .getForObject("/api/directives/" + directiveId, String.class));
    assertThat(task(again, "T01").path("leadUnitAsWritten").asText()).isEqualTo("Bộ Lao động - Thương binh và Xã hội");
  }

  @Test
  void unknownNamesAndDistrictsAreRefusedNamingTheFieldAndTheTextAndNothingIsStored() throws Exception {
    String reference = "TB-" + UUID.randomUUID();
    ObjectNode notice = notice(reference,
        task("T01", "HEALTH").put("leadUnit", "Bộ Y tế Dân số"),
        task("T02", "HEALTH").set("leadUnits", JSON.valueToTree(List.of("Bộ Y tế", "UBND huyện Mê Linh"))),
        task("T03", "HEALTH").put("province", "Bộ Y tế"),
        task("T04", "HEALTH").set("coordinatingUnits", JSON.valueToTree(List.of("MOH", "Sở Ma thuật tỉnh Phú Thọ"))));
    ResponseEntity<String> refused = post("leader", notice);
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode errors = JSON.readTree(refused.getBody()).path("errors");
    assertThat(message(errors, "tasks[0].leadUnit")).contains("Bộ Y tế Dân số", "Bộ Y tế (MOH)");
    assertThat(message(errors, "tasks[1].leadUnits[1]")).contains("UBND huyện Mê Linh", "01/7/2025");
    assertThat(message(errors, "tasks[2].province")).contains("is no province");
    assertThat(message(errors, "tasks[3].coordinatingUnits[1]")).contains("Sở Ma thuật tỉnh Phú Thọ");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }

  @Test
  void anAdministratorAddsAnAliasThatANoticeMayThenUse() throws Exception {
    assertThat(put("admin", "alias,unit\nBộ TTTT cũ,NOSUCH\n").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> added = put("admin", "alias,unit\nBan Cơ yếu,MOD\n");
    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(added.getBody()).contains("Ban Cơ yếu");
    assertThat(http.withBasicAuth("moh", "demo").getForObject("/api/admin/unit-aliases/resolve?name=ban co yeu",
        String.class)).contains("\"code\":\"MOD\"", "\"how\":\"ALIAS\"");
    ResponseEntity<String> created = post("leader", notice("TB-" + UUID.randomUUID(),
        task("T01", "OTHER").put("leadUnit", "Ban Cơ yếu")));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(task(JSON.readTree(created.getBody()), "T01").path("leadUnit").asText()).isEqualTo("MOD");
  }

  @Test
  void aSheetNamesUnitsAsWrittenAndSeveralLeadsSeparatedBySemicolons() throws Exception {
    String reference = "TB-" + UUID.randomUUID();
    String csv = ("key,title,domain,leadUnit,coordinatingUnits,deadline\n"
        + "T01,Rà soát,LABOUR,\"Bộ LĐ-TB&XH; Bộ Nội vụ\",\"Bộ Văn hóa, Thể thao và Du lịch; BHXH Việt Nam\",30/04/2024\n"
        + "T02,Kết nối,HEALTH,Sở Y tế tỉnh Hải Dương,,30/04/2024\n"
        + "T03,Báo cáo,HEALTH,các bộ; Bộ Y tế,,30/04/2024\n");
    ResponseEntity<String> created = importCsv(reference, csv);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode view = JSON.readTree(created.getBody());
    // The Ministry of Labour's work went to Home Affairs on a LABOUR task: both names, one task.
    assertThat(keys(view)).contains("T01", "T02").doesNotContain("T01-MOHA");
    assertThat(task(view, "T01").path("leadUnit").asText()).isEqualTo("MOHA");
    assertThat(task(view, "T01").path("leadUnitAsWritten").asText()).isEqualTo("Bộ LĐ-TB&XH; Bộ Nội vụ");
    assertThat(texts(task(view, "T01").path("coordinatingUnits"))).containsExactly("MCST", "VSS");
    assertThat(task(view, "T02").path("leadUnit").asText()).isEqualTo("HAIPHONGDOH");
    assertThat(keys(view).stream().filter(k -> k.startsWith("T03-"))).hasSize(17).contains("T03-MOH");
  }

  @Test
  void aSheetWithAnUnknownUnitIsRefusedNamingItsCellAndNothingIsStored() throws Exception {
    String reference = "TB-" + UUID.randomUUID();
    ResponseEntity<String> refused = importCsv(reference, "key,title,domain,leadUnit,deadline\n"
        + "T01,Rà soát,LABOUR,Bộ Nội vụ; Bộ Phép thuật,30/04/2024\n");
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(message(JSON.readTree(refused.getBody()).path("errors"), "row 2, leadUnit")).contains("Bộ Phép thuật");
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }

  @Test
  void anAmendmentNamesTheNewLeadAsWrittenAndABadNameChangesNothing() throws Exception {
    ResponseEntity<String> created = post("leader", notice("TB-" + UUID.randomUUID(),
        task("T01", "COMMUNICATION").put("leadUnit", "MOST")));
    String directiveId = JSON.readTree(created.getBody()).path("id").asText();
    vn.directivetracker.TaskChangeFixtures changes = new vn.directivetracker.TaskChangeFixtures(http, engine);
    ResponseEntity<String> refused = changes.amend("leader", directiveId, "T01",
        java.util.Map.of("leadUnit", "UBND huyện Mê Linh", "reason", "Giao lại"));
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("leadUnit", "01/7/2025");
    ResponseEntity<String> amended = changes.amend("leader", directiveId, "T01", java.util.Map.of(
        "leadUnit", "Bộ Thông tin và Truyền thông", "coordinatingUnits", List.of("NHNN"), "reason", "Giao lại"));
    assertThat(amended.getStatusCode()).as(amended.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode t01 = task(JSON.readTree(amended.getBody()), "T01");
    assertThat(t01.path("leadUnit").asText()).as("MIC's communication work went to MCST").isEqualTo("MCST");
    assertThat(t01.path("leadUnitAsWritten").asText()).isEqualTo("Bộ Thông tin và Truyền thông");
    assertThat(texts(t01.path("coordinatingUnits"))).containsExactly("SBV");
    assertThat(texts(t01.path("coordinatingUnitsAsWritten"))).containsExactly("NHNN");
  }

  private ResponseEntity<String> post(String user, ObjectNode body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/directives", HttpMethod.POST,
        new HttpEntity<>(JSON.writeValueAsString(body), headers), String.class);
  }

  private ResponseEntity<String> importCsv(String reference, String csv) {
    byte[] bytes = vn.directivetracker.directive.imports.Sheets.csv(csv);
    org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    part.setContentDispositionFormData("file", "notice.csv");
    form.add("file", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return "notice.csv";
      }
    }, part));
    form.add("reference", reference);
    form.add("issuedOn", "2024-03-01");
    form.add("issuer", "P06WG");
    form.add("title", "Thông báo kết luận");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("leader", "demo").postForEntity("/api/directives/import", new HttpEntity<>(form, headers),
        String.class);
  }

  private ResponseEntity<String> put(String user, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv;charset=UTF-8"));
    return http.withBasicAuth(user, "demo").exchange("/api/admin/unit-aliases", HttpMethod.PUT,
        new HttpEntity<>(csv, headers), String.class);
  }

  private static ObjectNode notice(String reference, ObjectNode... tasks) {
    ObjectNode d = JSON.createObjectNode();
    d.put("reference", reference);
    d.put("issuedOn", "2024-03-01");
    d.put("issuer", "P06WG");
    d.put("title", "Kết luận / Conclusions");
    d.putArray("tasks").addAll(List.of(tasks));
    return d;
  }

  private static ObjectNode task(String key, String domain) {
    ObjectNode t = JSON.createObjectNode();
    t.put("key", key);
    t.put("title", "Việc " + key);
    t.put("domain", domain);
    t.put("deadline", "2024-04-30");
    return t;
  }

  private static JsonNode task(JsonNode view, String key) {
    for (JsonNode t : view.path("tasks")) {
      if (t.path("key").asText().equals(key)) {
        return t;
      }
    }
    throw new AssertionError("no task " + key + " in " + keys(view));
  }

  private static List<String> keys(JsonNode view) {
    return texts(view.path("tasks")).isEmpty() ? List.of()
        : view.path("tasks").findValuesAsText("key").stream().filter(k -> !k.isEmpty()).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> all = new ArrayList<>();
    array.forEach(n -> all.add(n.asText()));
    return all;
  }

  /** The problem of a field, Vietnamese then English. */
  private static String message(JsonNode errors, String field) {
    for (JsonNode e : errors) {
      if (e.path("field").asText().equals(field)) {
        return e.path("messageVi").asText() + "\n" + e.path("message").asText();
      }
    }
    throw new AssertionError("no problem for " + field + " in " + errors);
  }
}

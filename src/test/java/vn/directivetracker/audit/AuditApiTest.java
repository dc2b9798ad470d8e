package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** {@code /api/audit} over HTTP: who reads what, CSV and JSON agree, the verifier, and bad input. */
class AuditApiTest extends ApplicationTest {

  @Autowired
  JdbcTemplate jdbc;

  @TempDir
  Path dir;

  DirectiveFixtures directives;
  String reference;
  String directiveId;
  String t01;
  String t02;

  @BeforeEach
  void issue() {
    directives = new DirectiveFixtures(http, jdbc);
    clockAt("2024-03-04T09:00");
    reference = DirectiveFixtures.uniqueReference("AUDITAPI");
    JsonNode issued = directives.issue("leader", "P06WG", reference, "2024-03-04",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-04-30"),
            DirectiveFixtures.task("T02", "CIVIL_STATUS", "2024-04-30")));
    directiveId = issued.get("id").asText();
    t01 = DirectiveFixtures.taskOf(issued, "T01").get("id").asText();
    t02 = DirectiveFixtures.taskOf(issued, "T02").get("id").asText();
    runDueJobs(directives.processesOf(directiveId));
    clockAt("2024-03-05T10:00");
    String carryOut = engine.getTaskService().createTaskQuery().processInstanceId(directives.processOf(directiveId, "T01"))
        .taskDefinitionKey("UserTask_CarryOut").singleResult().getId();
    assertThat(post("moh", "/engine-rest/task/" + carryOut + "/claim", "{\"userId\": \"moh\"}").getStatusCode().value())
        .isEqualTo(204);
    clockAt("2024-03-05T11:00");
    assertThat(post("moh", "/engine-rest/task/" + carryOut + "/complete", "{\"variables\": {\"reportResult\":"
        + " {\"value\": \"Đã ban hành, \\\"Công văn 12\\\"\"}, \"completionDate\": {\"value\": \"2024-03-05\"}}}")
        .getStatusCode().value()).isEqualTo(204);
    runDueJobs(directives.processesOf(directiveId));
  }

  @Test
  void theIssuerItsSecretariatAuditorsAndAdminsReadTheWholeDirectiveAUnitOnlyTheTasksItLeads() {
    for (String user : List.of("leader", "secretary", "p06wgsec", "auditor", "admin")) {
      assertThat(get(user, "/api/audit/directives/" + directiveId).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(get(user, "/api/audit/tasks/" + t01).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(get(user, "/api/audit/tasks/" + t02).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    }
    assertThat(get("moh", "/api/audit/tasks/" + t01).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("moj", "/api/audit/tasks/" + t02).getStatusCode()).isEqualTo(HttpStatus.OK);
    // Not its task, not the whole directive, nothing at all: as if it did not exist.
    assertNotFound(get("moh", "/api/audit/tasks/" + t02));
    assertNotFound(get("moh", "/api/audit/directives/" + directiveId));
    assertNotFound(get("haiphongwg", "/api/audit/tasks/" + t01));
    assertNotFound(get("haiphongwg", "/api/audit/directives/" + directiveId));
    assertNotFound(get("mof", "/api/audit/directives/P06WG:" + reference));
    // The same 404 as for what does not exist.
    assertNotFound(get("auditor", "/api/audit/tasks/00000000-0000-0000-0000-000000000000"));
    assertNotFound(get("auditor", "/api/audit/directives/00000000-0000-0000-0000-000000000000"));
    assertNotFound(get("auditor", "/api/audit/tasks/P06WG:" + reference + ":T99"));
    assertNotFound(get("auditor", "/api/audit/directives/GOVSC:" + reference));
    // Anonymous or a wrong password: asked to authenticate.
    for (String path : List.of("/api/audit/tasks/" + t01, "/api/audit/directives/" + directiveId)) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      // Not a wrong password of a real user: the engine would lock that user by the test's clock.
      assertThat(http.withBasicAuth("nobody", "demo").getForEntity(path, String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }

  /** The pen test's reference: issued through /api, it stays inside the subject's one quoted cell. */
  @Test
  void aReferenceWrittenAsAFormulaOpensNoCellOfTheCsvExport() throws Exception {
    String formula = "HP-9,=2+5*cmd|' /C calc'!A0," + DirectiveFixtures.uniqueReference("F");
    JsonNode issued = directives.issue("haiphongwg", "HAIPHONGWG", formula, "2024-03-04",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-04-30")));
    ResponseEntity<String> csv = get("haiphongwg", "/api/audit/directives/" + issued.get("id").asText() + "?format=csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    String line1 = csv.getBody().lines().findFirst().orElseThrow();
    var cells = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(line1)).getRecords();
    assertThat(cells).hasSize(1);
    assertThat(cells.get(0).size()).as(line1).isEqualTo(1);
    assertThat(cells.get(0).get(0)).startsWith("# directive-tracker audit v2; directive ").endsWith("HAIPHONGWG:" + formula);
    for (String line : csv.getBody().lines().skip(1).toList()) {
      for (String cell : org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(line)).getRecords()
          .get(0).values()) {
        assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
      }
    }
  }

  @Test
  void aTaskOrDirectiveIsFoundByItsBusinessKeyToo() {
    JsonNode byId = body(get("auditor", "/api/audit/tasks/" + t01));
    JsonNode byKey = body(get("auditor", "/api/audit/tasks/P06WG:" + reference + ":T01"));
    assertThat(byKey.get("id").asText()).isEqualTo(t01);
    assertThat(byKey.get("events")).isEqualTo(byId.get("events"));
    assertThat(byKey.get("chainHead")).isEqualTo(byId.get("chainHead"));
    JsonNode directive = body(get("auditor", "/api/audit/directives/P06WG:" + reference));
    assertThat(directive.get("id").asText()).isEqualTo(directiveId);
    assertThat(directive.get("subject").asText())
        .isEqualTo("\"# directive-tracker audit v2; directive " + directiveId + "; P06WG:" + reference + "\"");
  }

  @Test
  void theCsvExportCarriesTheSameChainAsTheJsonAndTheVerifierAndTheScriptAgreeOnTampering() throws Exception {
    JsonNode json = body(get("auditor", "/api/audit/tasks/" + t01));
    ResponseEntity<String> csv = get("auditor", "/api/audit/tasks/" + t01 + "?format=csv");
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-task-" + t01 + ".csv");
    assertThat(csv.getHeaders().getFirst("X-Audit-Chain-Head")).isEqualTo(json.get("chainHead").asText());
    List<String> lines = csv.getBody().lines().toList();
    assertThat(lines.get(0)).isEqualTo(json.get("subject").asText());
    assertThat(lines.get(1)).isEqualTo("seq,time,type,actor,unit,details,hash");
    JsonNode events = json.get("events");
    assertThat(lines).hasSize(events.size() + 2);
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      assertThat(lines.get(i + 2)).startsWith(e.get("seq").asInt() + "," + e.get("time").asText() + ","
          + e.get("type").asText() + "," + e.get("actor").asText() + ",").endsWith("," + e.get("hash").asText());
    }
    assertThat(lines.stream().skip(2).map(l -> l.split(",")[2]).toList()).containsExactly(
        "issued", "decision taken", "assigned", "notification", "claimed", "report", "assigned", "notification");
    assertThat(lines.get(7)).contains("Đã ban hành, \\\"\"Công văn 12\\\"\"");

    JsonNode intact = verify("auditor", csv.getBody().getBytes(StandardCharsets.UTF_8), null);
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("events").asInt()).isEqualTo(8);
    assertThat(intact.get("chainHead").asText()).isEqualTo(json.get("chainHead").asText());
    assertAgree(csv.getBody(), null, true, null);

    List<String> changed = new ArrayList<>(lines);
    changed.set(7, lines.get(7).replace("Công văn 12", "Công văn 13"));
    assertAgree(join(changed), null, false, 8);
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(4);
    assertAgree(join(deleted), null, false, 5);
    List<String> swapped = new ArrayList<>(lines);
    swapped.set(6, lines.get(7));
    swapped.set(7, lines.get(6));
    assertAgree(join(swapped), null, false, 7);
    List<String> cut = new ArrayList<>(lines);
    cut.remove(9);
    assertAgree(join(cut), null, true, null);
    assertAgree(join(cut), json.get("chainHead").asText(), false, 10);
  }

  @Test
  void badInputIsRefusedAsProblemJson() {
    assertProblem(get("auditor", "/api/audit/tasks/" + t01 + "?format=xml"), HttpStatus.BAD_REQUEST, "format");
    assertProblem(get("auditor", "/api/audit/directives/" + directiveId + "?format=pdf"), HttpStatus.BAD_REQUEST, "format");
    assertProblem(get("auditor", "/api/audit/tasks/not-an-id"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/tasks/P06WG::T01"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/tasks/P06WG:" + reference + ":"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/directives/nonsense"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/directives/P06WG:"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/tasks/"), HttpStatus.BAD_REQUEST, "id");
    assertProblem(get("auditor", "/api/audit/tasks/" + "x".repeat(301)), HttpStatus.BAD_REQUEST, "id");
    assertThat(http.withBasicAuth("auditor", "demo").exchange("/api/audit/tasks/" + t01, HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);

    String csv = get("auditor", "/api/audit/tasks/" + t01 + "?format=csv").getBody();
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    assertProblem(upload("auditor", "file", new byte[0], null), HttpStatus.BAD_REQUEST, "file");
    assertProblem(upload("auditor", "file", "name,value\na,1\n".getBytes(StandardCharsets.UTF_8), null),
        HttpStatus.BAD_REQUEST, "file");
    assertProblem(upload("auditor", "file", csv.replace("seq,time", "n,time").getBytes(StandardCharsets.UTF_8), null),
        HttpStatus.BAD_REQUEST, "file");
    assertProblem(upload("auditor", "file", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, null),
        HttpStatus.BAD_REQUEST, "file");
    assertProblem(upload("auditor", "other", bytes, null), HttpStatus.BAD_REQUEST, null);
    assertProblem(upload("auditor", "file", bytes, "abc"), HttpStatus.BAD_REQUEST, "chainHead");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> notMultipart = http.withBasicAuth("auditor", "demo").postForEntity("/api/audit/verify",
        new HttpEntity<>("{\"file\": \"x\"}", headers), String.class);
    assertProblem(notMultipart, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
    assertThat(http.withBasicAuth("nobody", "demo").postForEntity("/api/audit/verify", multipart("file", bytes, null),
        String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // Anyone signed in may check a file: it tells nothing the file does not already hold.
    assertThat(body(upload("haiphongwg", "file", bytes, null)).get("intact").asBoolean()).isTrue();
  }

  private void assertAgree(String text, String head, boolean intact, Integer firstBadLine) throws Exception {
    JsonNode java = verify("auditor", text.getBytes(StandardCharsets.UTF_8), head);
    assertThat(java.get("intact").asBoolean()).isEqualTo(intact);
    Path file = Files.writeString(dir.resolve("export-" + System.nanoTime() + ".csv"), text);
    List<String> command = new ArrayList<>(List.of("bash", "docs/audit-verify.sh", file.toString()));
    if (head != null) {
      command.add(head);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (intact) {
      assertThat(out).isEqualTo("intact " + java.get("events").asInt() + " " + java.get("chainHead").asText());
      assertThat(process.exitValue()).isZero();
    } else {
      assertThat(java.get("firstBadLine").asInt()).isEqualTo(firstBadLine);
      assertThat(java.get("event").asInt()).isEqualTo(firstBadLine - 2);
      assertThat(out).isEqualTo("not intact: line " + firstBadLine + ": " + java.get("reason").asText());
      assertThat(process.exitValue()).isEqualTo(1);
    }
  }

  private JsonNode verify(String user, byte[] file, String head) {
    ResponseEntity<String> r = upload(user, "file", file, head);
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return body(r);
  }

  private ResponseEntity<String> upload(String user, String part, byte[] file, String head) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/audit/verify", multipart(part, file, head), String.class);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(String part, byte[] file, String head) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(part, new ByteArrayResource(file) {
      @Override
      public String getFilename() {
        return "export.csv";
      }
    });
    if (head != null) {
      form.add("chainHead", head);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(form, headers);
  }

  private static String join(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(json, headers), String.class);
  }

  private static JsonNode body(ResponseEntity<String> r) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
    return DirectiveFixtures.read(r.getBody());
  }

  private static void assertNotFound(ResponseEntity<String> r) {
    assertProblem(r, HttpStatus.NOT_FOUND, null);
  }

  private static void assertProblem(ResponseEntity<String> r, HttpStatus status, String field) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
    assertThat(r.getHeaders().getContentType()).as(r.getBody()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode body = DirectiveFixtures.read(r.getBody());
    assertThat(body.get("status").asInt()).isEqualTo(status.value());
    if (field != null) {
      assertThat(body.get("errors").findValuesAsText("field")).contains(field);
    }
  }
}

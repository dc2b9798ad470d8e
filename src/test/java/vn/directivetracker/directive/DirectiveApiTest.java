package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * {@code /api/directives} over HTTP, as a leader, a unit officer, an auditor and a stranger use it: issue,
 * read, list, refuse bad notices without storing anything, and withdraw. Every directive has its own
 * reference because the database is shared with the other application tests.
 */
class DirectiveApiTest extends ApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "demo";
  private static final String TODAY = "2024-01-10";

  @BeforeEach
  void tenthOfJanuary2024() {
    clockAt(TODAY + "T09:00");
  }

  // ---------------------------------------------------------------------------------------------
  // Issuing a real notice
  // ---------------------------------------------------------------------------------------------

  /**
   * The working group's January conclusions, drawn from its monthly meeting reports: 26 tasks across the
   * ministries, one for Hai Phong, one whose lead the issuer names instead of the decision table, and one
   * OTHER task given to EVN. Issued on 5 January and entered on the 10th, so the task due on the 9th is
   * overdue at once and the one due today is not.
   */
  @Test
  void issuesAMonthlyNoticeAndEveryTaskGoesToTheUnitAMinisterWouldExpect() throws Exception {
    String reference = reference("TB-P06WG");
    ObjectNode notice = directive("P06WG", reference, "2024-01-05",
        "Kết luận của Tổ công tác Đề án 06 tại cuộc họp tháng 12/2023 / Working group conclusions, December 2023 meeting",
        task("T01", "CIVIL_STATUS", "2024-03-31", "Complete digitising civil status data and connect it with the National Population Database", "MPS").put("keyTask", true),
        task("T02", "HEALTH", "2024-02-29", "Integrate the Electronic Health Book on VNeID for every citizen", "MPS", "VSS").put("keyTask", true),
        task("T03", "BANKING", "2024-03-31", "Clean bank account data against the National Population Database", "MPS"),
        task("T04", "IDENTIFICATION", TODAY, "Issue chip-based identity cards to citizens under 14 who applied in December"),
        task("T05", "ONLINE_PUBLIC_SERVICES", "2024-02-15", "Provide the remaining essential public services on the National Public Service Portal", "MPS"),
        task("T06", "LAND", "2024-06-30", "Complete digitising land data in the 16 localities and connect it with population data", "MPS", "VPCP"),
        task("T07", "SOCIAL_INSURANCE", "2024-02-29", "Synchronise the data of medical facilities with Vietnam Social Security", "MOH"),
        task("T08", "JUDICIAL_RECORDS", "2024-03-31", "Issue criminal record certificates on VNeID nationwide", "MPS"),
        task("T09", "LEGAL_FRAMEWORK", "2024-01-31", "Roadmap for electronic documents on VNeID to carry the value of paper documents under the Law on Electronic Transactions", "MOJ", "MPS", "VPCP").put("leadUnit", "MOST"),
        task("T10", "TAX", "2024-03-31", "Electronic invoices generated from cash registers at every business establishment"),
        task("T11", "BUSINESS_REGISTRATION", "2024-04-30", "Connect the National Database on Business Registration with population data", "MPS"),
        task("T12", "TELECOM", "2024-05-31", "Eliminate telecommunications signal low points"),
        task("T13", "DIGITAL_STANDARDS", "2024-02-29", "Guidance on data connection, sharing and reuse between databases"),
        task("T14", "ADMIN_REFORM", "2024-02-29", "Stop requiring household registration books in administrative procedures"),
        task("T15", "EDUCATION", "2024-06-30", "Train human resources for digital transformation"),
        task("T16", "LABOUR", "2024-04-30", "Collect and update information about workers"),
        task("T17", "ENERGY", "2024-03-31", "Secure electricity supply for the National Data Center"),
        task("T18", "HOUSING", "2024-09-30", "Build the housing database"),
        task("T19", "COMMUNICATION", "2024-02-09", "Disseminate the utilities of VNeID to raise public awareness", "VTV", "VOV", "VNA"),
        task("T20", "SOCIAL_PROTECTION", "2024-03-31", "Pay social protection allowances without cash", "SBV"),
        task("T21", "PUBLIC_ORDER", "2024-01-09", "Accept accommodation notifications through VNeID"),
        task("T22", "HEALTH", "2024-02-29", "Pilot health checkups with citizen identity cards at every insured facility of Hai Phong", "MOH").put("province", "HAIPHONG"),
        task("T23", "OTHER", "2024-04-30", "Connect electricity customer data with the National Population Database", "MPS").put("leadUnit", "EVN"),
        task("T24", "BUDGET", null, "Allocate funds for Project 06 tasks in 2024"),
        task("T25", "PERSONAL_DATA", "2024-06-30", "Supervise the use of citizen data and prevent data leakage"),
        task("T26", "POPULATION_DATA", "2024-03-31", "Connect the National Population Database with sectoral databases", "MOJ", "MOH"));

    ResponseEntity<String> created = as("leader").exchange("/api/directives", HttpMethod.POST, json(notice), String.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode body = JSON.readTree(created.getBody());
    String id = body.path("id").asText();
    assertThat(id).isNotBlank();
    URI location = created.getHeaders().getLocation();
    assertThat(location).isNotNull();
    assertThat(location.getPath()).isEqualTo("/api/directives/" + id);
    assertThat(body.path("reference").asText()).isEqualTo(reference);
    assertThat(body.path("issuer").asText()).isEqualTo("P06WG");
    assertThat(body.path("issuedOn").asText()).isEqualTo("2024-01-05");
    assertThat(body.path("status").asText()).isEqualTo("ACTIVE");

    Map<String, String> expectedLead = new LinkedHashMap<>();
    expectedLead.put("T01", "MOJ");
    expectedLead.put("T02", "MOH");
    expectedLead.put("T03", "SBV");
    expectedLead.put("T04", "MPS");
    expectedLead.put("T05", "VPCP");
    expectedLead.put("T06", "MAE");
    expectedLead.put("T07", "VSS");
    expectedLead.put("T08", "MOJ");
    expectedLead.put("T09", "MOST");
    expectedLead.put("T10", "MOF");
    expectedLead.put("T11", "MOF");
    expectedLead.put("T12", "MOST");
    expectedLead.put("T13", "MOST");
    expectedLead.put("T14", "VPCP");
    expectedLead.put("T15", "MOET");
    expectedLead.put("T16", "MOHA");
    expectedLead.put("T17", "MOIT");
    expectedLead.put("T18", "MOC");
    expectedLead.put("T19", "MCST");
    expectedLead.put("T20", "MOH");
    expectedLead.put("T21", "MPS");
    expectedLead.put("T22", "HAIPHONG");
    expectedLead.put("T23", "EVN");
    expectedLead.put("T24", "MOF");
    expectedLead.put("T25", "MPS");
    expectedLead.put("T26", "MPS");
    assertThat(field(body, "leadUnit")).containsExactlyEntriesOf(expectedLead);

    Map<String, String> decidedBy = field(body, "leadDecidedBy");
    assertThat(decidedBy).hasSize(26);
    decidedBy.forEach((key, by) -> assertThat(by).as(key)
        .isEqualTo(key.equals("T09") || key.equals("T23") ? "ISSUER" : "DMN"));

    Map<String, String> status = field(body, "status");
    status.forEach((key, s) -> assertThat(s).as(key).isEqualTo(key.equals("T21") ? "OVERDUE" : "IN_PROGRESS"));

    JsonNode t09 = taskOf(body, "T09");
    assertThat(strings(t09.path("coordinatingUnits"))).containsExactly("MOJ", "MPS", "VPCP");
    assertThat(t09.path("deadline").asText()).isEqualTo("2024-01-31");
    assertThat(t09.path("domain").asText()).isEqualTo("LEGAL_FRAMEWORK");
    assertThat(taskOf(body, "T22").path("province").asText()).isEqualTo("HAIPHONG");
    assertThat(taskOf(body, "T01").path("keyTask").asBoolean()).isTrue();
    assertThat(taskOf(body, "T03").path("keyTask").asBoolean()).isFalse();
    assertThat(taskOf(body, "T03").path("expectedResult").asText()).isEqualTo("Reported to the working group");
    assertThat(taskOf(body, "T24").path("deadline").isMissingNode() || taskOf(body, "T24").path("deadline").isNull())
        .as("T24 has no deadline").isTrue();
    assertThat(taskOf(body, "T24").path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(keys(body)).containsExactlyElementsOf(expectedLead.keySet());

    // Every lead unit has the work in its Camunda inbox, every coordinating unit its contribution.
    List<Task> inbox = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKeyLike("P06WG:" + reference + ":%").list();
    assertThat(inbox.stream().filter(t -> t.getTaskDefinitionKey().equals("UserTask_CarryOut"))).hasSize(26);
    assertThat(inbox.stream().filter(t -> t.getTaskDefinitionKey().equals("UserTask_Contribute"))).hasSize(21);
    assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey("P06WG:" + reference + ":T22").taskCandidateGroup("HAIPHONG")
        .taskDefinitionKey("UserTask_CarryOut").count()).isEqualTo(1);

    // Read back: the same answer.
    ResponseEntity<String> read = as("leader").getForEntity("/api/directives/" + id, String.class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(read.getBody())).isEqualTo(body);

    // Listed under its issuer and as active; not as completed or withdrawn.
    JsonNode line = listed("leader", "issuer=P06WG&limit=1000", reference);
    assertThat(line).isNotNull();
    assertThat(line.path("id").asText()).isEqualTo(id);
    assertThat(line.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(line.path("tasks").asInt()).isEqualTo(26);
    assertThat(line.path("openTasks").asInt()).isEqualTo(26);
    assertThat(listed("leader", "issuer=P06WG&status=ACTIVE&limit=1000", reference)).isNotNull();
    assertThat(listed("leader", "status=ACTIVE&limit=1000", reference)).isNotNull();
    assertThat(listed("leader", "issuer=P06WG&status=COMPLETED&limit=1000", reference)).isNull();
    assertThat(listed("leader", "issuer=P06WG&status=WITHDRAWN&limit=1000", reference)).isNull();
    assertThat(listed("admin", "issuer=HAIPHONGWG&limit=1000", reference)).isNull();

    // A ministry sees only its own part of the notice.
    ResponseEntity<String> asMoh = as("moh").getForEntity("/api/directives/" + id, String.class);
    assertThat(asMoh.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(keys(JSON.readTree(asMoh.getBody()))).containsExactly("T02", "T07", "T20", "T22", "T26");
    assertThat(listed("moh", "limit=1000", reference)).isNotNull();

    // The auditor sees everything and changes nothing.
    ResponseEntity<String> asAuditor = as("auditor").getForEntity("/api/directives/" + id, String.class);
    assertThat(asAuditor.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(keys(JSON.readTree(asAuditor.getBody()))).containsExactlyElementsOf(expectedLead.keySet());
    assertThat(listed("auditor", "issuer=P06WG&limit=1000", reference)).isNotNull();
  }

  @Test
  void aProvincialWorkingGroupAssignsToItsOwnDepartments() throws Exception {
    String reference = reference("KH-BCĐ06-HP");
    ObjectNode notice = directive("HAIPHONGWG", reference, TODAY,
        "Kế hoạch triển khai Đề án 06 năm 2024 của thành phố Hải Phòng",
        task("HP01", "HEALTH", "2024-04-05", "Look up health insurance cards with citizen identity cards at every facility", "HAIPHONGSS"),
        task("HP02", "IDENTIFICATION", "2024-04-05", "Receive identity card applications of children under 6"),
        task("HP03", "LAND", "2024-06-30", "Connect the land database with the administrative procedure settlement system", "HAIPHONGPC"),
        task("HP04", "ONLINE_PUBLIC_SERVICES", "2024-04-05", "Publicise the assessment of service quality of departments and localities"),
        task("HP05", "BANKING", "2024-04-05", "Pay social security beneficiaries without cash").put("province", "HAIPHONG"),
        task("HP06", "OTHER", "2024-04-05", "Draw up the 2024 Project 06 plan of the Department of Industry and Trade").put("leadUnit", "HAIPHONGDOIT"));

    ResponseEntity<String> created = as("haiphongwg").exchange("/api/directives", HttpMethod.POST, json(notice), String.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = JSON.readTree(created.getBody());
    assertThat(body.path("issuer").asText()).isEqualTo("HAIPHONGWG");
    assertThat(field(body, "leadUnit")).isEqualTo(Map.of(
        "HP01", "HAIPHONGDOH", "HP02", "HAIPHONGPC", "HP03", "HAIPHONGDAE", "HP04", "HAIPHONGOFFICE",
        "HP05", "HAIPHONGDOF", "HP06", "HAIPHONGDOIT"));
    assertThat(field(body, "leadDecidedBy")).isEqualTo(Map.of(
        "HP01", "DMN", "HP02", "DMN", "HP03", "DMN", "HP04", "DMN", "HP05", "DMN", "HP06", "ISSUER"));
    assertThat(field(body, "province").values()).containsOnly("HAIPHONG");
    assertThat(field(body, "status").values()).containsOnly("IN_PROGRESS");
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/directives/" + body.path("id").asText());

    assertThat(engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey("HAIPHONGWG:" + reference + ":HP01").taskDefinitionKey("UserTask_CarryOut")
        .taskCandidateGroup("HAIPHONGDOH").count()).isEqualTo(1);
    assertThat(listed("haiphongwg", "issuer=HAIPHONGWG&status=ACTIVE&limit=1000", reference)).isNotNull();
    assertThat(listed("leader", "issuer=P06WG&limit=1000", reference)).isNull();
  }

  @Test
  void aBackFilledDirectiveIsAcceptedAndItsPassedDeadlinesAreOverdueAtOnce() throws Exception {
    String reference = reference("TB-P06WG-2023");
    ObjectNode notice = directive("P06WG", reference, "2023-01-10", "Conclusions of January 2023, entered a year late",
        task("T01", "CIVIL_STATUS", "2023-03-31", "Digitise civil status books from 2016", "MPS"),
        task("T02", "HEALTH", null, "Keep medical data synchronised"));

    ResponseEntity<String> created = as("leader").exchange("/api/directives", HttpMethod.POST, json(notice), String.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = JSON.readTree(created.getBody());
    assertThat(body.path("issuedOn").asText()).isEqualTo("2023-01-10");
    assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(field(body, "status")).isEqualTo(Map.of("T01", "OVERDUE", "T02", "IN_PROGRESS"));
    assertThat(field(body, "leadUnit")).isEqualTo(Map.of("T01", "MOJ", "T02", "MOH"));
  }

  // ---------------------------------------------------------------------------------------------
  // Bad notices: 400 naming each offending field, nothing stored, nothing started
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> badNotices() {
    return Stream.of(
        bad("unknown top-level field", d -> d.put("priority", "high"), "priority"),
        bad("unknown task field", d -> task(d, 1).put("owner", "MOH"), "tasks[1].owner"),
        bad("keyTask \"yes\"", d -> task(d, 1).put("keyTask", "yes"), "tasks[1].keyTask"),
        bad("tasks as an object", d -> d.set("tasks", JSON.createObjectNode().set("T01", task(d, 0).deepCopy())), "tasks"),
        bad("deadline 2024-13-01", d -> task(d, 2).put("deadline", "2024-13-01"), "tasks[2].deadline"),
        bad("missing reference", d -> d.remove("reference"), "reference"),
        bad("missing title", d -> d.remove("title"), "title"),
        bad("missing issuer", d -> d.remove("issuer"), "issuer"),
        bad("missing issuedOn", d -> d.remove("issuedOn"), "issuedOn"),
        bad("missing tasks", d -> d.remove("tasks"), "tasks"),
        bad("empty tasks", d -> d.putArray("tasks"), "tasks"),
        bad("unknown domain", d -> task(d, 1).put("domain", "HEALTHCARE"), "tasks[1].domain"),
        // Ended bodies (HAIDUONG, MIC, MOLISA) are read as their successors: see UnitNamesApiTest.
        bad("unknown province", d -> task(d, 2).put("province", "ATLANTIS"), "tasks[2].province"),
        bad("unknown lead unit", d -> task(d, 0).put("leadUnit", "Bộ Phép thuật"), "tasks[0].leadUnit"),
        bad("unknown coordinating unit", d -> coordinating(task(d, 0), "MPS", "MAGIC"), "tasks[0].coordinatingUnits[1]"),
        bad("coordinating unit listed twice", d -> coordinating(task(d, 0), "MPS", "VPCP", "MPS"), "tasks[0].coordinatingUnits[2]"),
        bad("decided lead unit also coordinating", d -> coordinating(task(d, 1), "MPS", "MOH"),
            "tasks[1].coordinatingUnits[1]"),
        bad("deadline before issuedOn", d -> task(d, 2).put("deadline", "2024-01-09"), "tasks[2].deadline"),
        bad("duplicate task keys", d -> task(d, 2).put("key", "T01"), "tasks[2].key"),
        bad("OTHER without leadUnit", d -> task(d, 1).put("domain", "OTHER"), "tasks[1].leadUnit"),
        bad("issuer that issues nothing", d -> d.put("issuer", "MOH"), "issuer"),
        bad("issuedOn in the future", d -> d.put("issuedOn", "2024-01-11"), "issuedOn"),
        bad("several problems at once", d -> {
          task(d, 0).put("domain", "HEALTHCARE");
          coordinating(task(d, 0), "MOX");
          task(d, 1).put("key", "T01").put("deadline", "2023-12-31");
          task(d, 2).put("domain", "OTHER").put("province", "SAIGON");
        }, "tasks[0].domain", "tasks[0].coordinatingUnits[0]", "tasks[1].key", "tasks[1].deadline",
            "tasks[2].province", "tasks[2].leadUnit"),
        bad("several problems at once, of shape and of meaning", d -> {
          d.remove("title");
          task(d, 0).remove("key");
          task(d, 1).put("domain", "HEALTHCARE");
          task(d, 2).put("deadline", "2024-01-01");
        }, "title", "tasks[0].key", "tasks[1].domain", "tasks[2].deadline"),
        bad("too many tasks (MAX_TASKS + 1)", d -> {
          ArrayNode tasks = d.putArray("tasks");
          for (int i = 1; i <= DirectiveLimits.MAX_TASKS + 1; i++) {
            tasks.add(task(String.format("T%03d", i), "HEALTH", "2024-03-31", "Task " + i));
          }
        }, "tasks"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNotices")
  void aBadNoticeIsRefusedNamingEachOffendingField(String name, Consumer<ObjectNode> spoil, List<String> fields)
      throws Exception {
    String reference = reference("BAD");
    ObjectNode notice = smallNotice(reference);
    spoil.accept(notice);
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, json(notice), String.class),
        HttpStatus.BAD_REQUEST, fields.toArray(String[]::new));
    assertNotStored(reference);
  }

  @Test
  void malformedJsonIsRefused() throws Exception {
    String reference = reference("BAD-JSON");
    String text = JSON.writeValueAsString(smallNotice(reference));
    String broken = text.substring(0, text.length() - 3);
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, raw(broken, MediaType.APPLICATION_JSON),
        String.class), HttpStatus.BAD_REQUEST, "");
    assertNotStored(reference);
  }

  @Test
  void aMissingBodyIsRefused() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, new HttpEntity<>(headers), String.class),
        HttpStatus.BAD_REQUEST, "");
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() throws Exception {
    String reference = reference("BAD-TEXT");
    String text = JSON.writeValueAsString(smallNotice(reference));
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, raw(text, MediaType.TEXT_PLAIN),
        String.class), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertNotStored(reference);
  }

  @Test
  void theSameReferenceOfTheSameIssuerTwiceIsAConflict() throws Exception {
    String reference = reference("TB-TWICE");
    ResponseEntity<String> first = as("leader").exchange("/api/directives", HttpMethod.POST,
        json(smallNotice(reference)), String.class);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = JSON.readTree(first.getBody()).path("id").asText();

    ObjectNode again = smallNotice(reference);
    again.put("title", "The same notice, sent again");
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, json(again), String.class),
        HttpStatus.CONFLICT);

    long listedTimes = list("admin", "issuer=P06WG&limit=1000").stream()
        .filter(l -> l.path("reference").asText().equals(reference)).count();
    assertThat(listedTimes).isEqualTo(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("P06WG:" + reference).count()).isEqualTo(1);
    assertThat(JSON.readTree(as("leader").getForEntity("/api/directives/" + id, String.class).getBody())
        .path("title").asText()).isEqualTo(smallNotice(reference).path("title").asText());
  }

  // ---------------------------------------------------------------------------------------------
  // Who may do what
  // ---------------------------------------------------------------------------------------------

  /**
   * A wrong password locks the user for a while (Camunda's login throttling), and under the frozen test
   * clock that while never ends: so the wrong password is tried on a member of P06WG made for this test
   * alone, never on a shared demo user, and the member is removed afterwards.
   */
  @Test
  void strangersAreAskedToAuthenticate() throws Exception {
    String reference = reference("ANON");
    String id = issue(smallNotice(reference));
    IdentityService identity = engine.getIdentityService();
    String member = "apitest" + UUID.randomUUID().toString().replace("-", "");
    User user = identity.newUser(member);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(member, "P06WG");
    try {
      assertThat(http.withBasicAuth(member, PASSWORD).getForEntity("/api/directives/" + id, String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      for (TestRestTemplate stranger : List.of(http, http.withBasicAuth(member, "wrong password"),
          http.withBasicAuth("nobody", PASSWORD))) {
        assertRefused(stranger.exchange("/api/directives", HttpMethod.POST,
            json(smallNotice(reference("ANON"))), String.class));
        assertRefused(stranger.getForEntity("/api/directives", String.class));
        assertRefused(stranger.getForEntity("/api/directives/" + id, String.class));
        assertRefused(stranger.exchange("/api/directives/" + id + "/withdrawal", HttpMethod.POST,
            json(JSON.createObjectNode().put("reason", "no")), String.class));
        assertRefused(stranger.getForEntity("/engine-rest/task", String.class));
      }
    } finally {
      identity.deleteMembership(member, "P06WG");
      identity.deleteUser(member);
    }
    assertThat(as("leader").getForEntity("/engine-rest/task?maxResults=15", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list("admin", "issuer=P06WG&limit=1000").stream()
        .filter(l -> l.path("reference").asText().startsWith("ANON-"))
        .map(l -> l.path("reference").asText())).containsOnly(reference);
  }

  @Test
  void onlyMembersOfTheIssuerMayIssueForIt() throws Exception {
    for (String outsider : List.of("moh", "auditor", "secretary", "haiphongwg", "admin")) {
      String reference = reference("FORBIDDEN");
      assertRefused(as(outsider).exchange("/api/directives", HttpMethod.POST, json(smallNotice(reference)),
          String.class), HttpStatus.FORBIDDEN);
      assertNotStored(reference);
    }
    String reference = reference("FORBIDDEN-HP");
    ObjectNode provincial = smallNotice(reference).put("issuer", "HAIPHONGWG");
    assertRefused(as("leader").exchange("/api/directives", HttpMethod.POST, json(provincial), String.class),
        HttpStatus.FORBIDDEN);
    assertNotStored(reference);
  }

  @Test
  void aUnitWithNoTaskInTheDirectiveDoesNotSeeIt() throws Exception {
    String reference = reference("NO-MOF");
    String id = issue(smallNotice(reference));
    assertRefused(as("mof").getForEntity("/api/directives/" + id, String.class), HttpStatus.NOT_FOUND);
    assertThat(listed("mof", "limit=1000", reference)).isNull();
    assertRefused(as("mof").exchange("/api/directives/" + id + "/withdrawal", HttpMethod.POST,
        json(JSON.createObjectNode().put("reason", "not ours")), String.class), HttpStatus.NOT_FOUND);
    assertRefused(as("leader").getForEntity("/api/directives/" + UUID.randomUUID(), String.class),
        HttpStatus.NOT_FOUND);

    // A coordinating unit sees the task it contributes to, and nothing else.
    JsonNode asMps = JSON.readTree(as("mps").getForEntity("/api/directives/" + id, String.class).getBody());
    assertThat(keys(asMps)).containsExactly("T01");
  }

  @Test
  void theListRefusesAnUnknownStatusAndALimitOutOfRange() throws Exception {
    assertRefused(as("leader").getForEntity("/api/directives?status=OPEN", String.class), HttpStatus.BAD_REQUEST,
        "status");
    assertRefused(as("leader").getForEntity("/api/directives?limit=0", String.class), HttpStatus.BAD_REQUEST, "limit");
    assertRefused(as("leader").getForEntity("/api/directives?limit=1001", String.class), HttpStatus.BAD_REQUEST,
        "limit");
    assertThat(as("leader").getForEntity("/api/directives?limit=1000", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // ---------------------------------------------------------------------------------------------
  // Withdrawal
  // ---------------------------------------------------------------------------------------------

  @Test
  void theIssuerWithdrawsATaskAndThenTheWholeDirective() throws Exception {
    String reference = reference("TB-WITHDRAW");
    String id = issue(smallNotice(reference));
    String base = "/api/directives/" + id;
    assertThat(openUserTasks(reference, "T02")).isNotEmpty();

    // MOH leads T02 and so sees the directive, but may not withdraw anything of it.
    assertRefused(as("moh").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST, reason("not ours to do"),
        String.class), HttpStatus.FORBIDDEN);
    assertRefused(as("moh").exchange(base + "/withdrawal", HttpMethod.POST, reason("not ours to do"), String.class),
        HttpStatus.FORBIDDEN);
    // The auditor sees everything and may not withdraw either.
    assertRefused(as("auditor").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST, reason("audit"),
        String.class), HttpStatus.FORBIDDEN);
    // A reason is required.
    assertRefused(as("leader").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST,
        json(JSON.createObjectNode()), String.class), HttpStatus.BAD_REQUEST, "reason");
    assertRefused(as("leader").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST, reason("  "),
        String.class), HttpStatus.BAD_REQUEST, "reason");
    assertRefused(as("leader").exchange(base + "/withdrawal", HttpMethod.POST, json(JSON.createObjectNode()),
        String.class), HttpStatus.BAD_REQUEST, "reason");
    assertRefused(as("leader").exchange(base + "/tasks/T99/withdrawal", HttpMethod.POST, reason("no such task"),
        String.class), HttpStatus.NOT_FOUND);
    JsonNode untouched = JSON.readTree(as("leader").getForEntity(base, String.class).getBody());
    assertThat(field(untouched, "status").values()).containsOnly("IN_PROGRESS");
    assertThat(openUserTasks(reference, "T02")).isNotEmpty();

    // The leader withdraws T02: it alone closes, and its unit's work leaves the inbox.
    ResponseEntity<String> withdrawn = as("leader").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST,
        reason("Merged into the health data task of the February notice"), String.class);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode afterTask = JSON.readTree(withdrawn.getBody());
    assertThat(field(afterTask, "status")).isEqualTo(Map.of(
        "T01", "IN_PROGRESS", "T02", "WITHDRAWN", "T03", "IN_PROGRESS"));
    assertThat(afterTask.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(JSON.readTree(as("leader").getForEntity(base, String.class).getBody())).isEqualTo(afterTask);
    assertThat(openUserTasks(reference, "T02")).isEmpty();
    assertThat(openUserTasks(reference, "T01")).extracting(Task::getTaskDefinitionKey)
        .containsExactlyInAnyOrder("UserTask_CarryOut", "UserTask_Contribute");
    assertThat(openUserTasks(reference, "T03")).extracting(Task::getTaskDefinitionKey)
        .containsExactly("UserTask_CarryOut");

    // Withdrawing it again is a conflict, and changes nothing.
    assertRefused(as("leader").exchange(base + "/tasks/T02/withdrawal", HttpMethod.POST, reason("again"),
        String.class), HttpStatus.CONFLICT);

    // The whole directive: every open task closes, the directive's process ends.
    ResponseEntity<String> all = as("leader").exchange(base + "/withdrawal", HttpMethod.POST,
        reason("Superseded by notice 45/TB-VPCP"), String.class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode afterAll = JSON.readTree(all.getBody());
    assertThat(afterAll.path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(field(afterAll, "status").values()).hasSize(3).containsOnly("WITHDRAWN");
    assertThat(JSON.readTree(as("leader").getForEntity(base, String.class).getBody())).isEqualTo(afterAll);
    assertThat(openUserTasks(reference, null)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKeyLike("P06WG:" + reference + "%").count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("P06WG:" + reference).finished().count()).isEqualTo(1);

    JsonNode line = listed("leader", "issuer=P06WG&status=WITHDRAWN&limit=1000", reference);
    assertThat(line).isNotNull();
    assertThat(line.path("openTasks").asInt()).isZero();
    assertThat(listed("leader", "issuer=P06WG&status=ACTIVE&limit=1000", reference)).isNull();

    assertRefused(as("leader").exchange(base + "/withdrawal", HttpMethod.POST, reason("again"), String.class),
        HttpStatus.CONFLICT);
    assertRefused(as("leader").exchange(base + "/tasks/T01/withdrawal", HttpMethod.POST, reason("again"),
        String.class), HttpStatus.CONFLICT);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** Three tasks of a national notice issued today: MOJ (with MPS), MOH, MAE. */
  private static ObjectNode smallNotice(String reference) {
    return directive("P06WG", reference, TODAY, "Thông báo kết luận / Conclusions of the working group",
        task("T01", "CIVIL_STATUS", "2024-01-31", "Digitise civil status data", "MPS").put("keyTask", true),
        task("T02", "HEALTH", "2024-02-29", "Integrate the Electronic Health Book on VNeID"),
        task("T03", "LAND", "2024-03-31", "Digitise land data"));
  }

  private static ObjectNode directive(String issuer, String reference, String issuedOn, String title,
      ObjectNode... tasks) {
    ObjectNode d = JSON.createObjectNode();
    d.put("reference", reference);
    d.put("issuedOn", issuedOn);
    d.put("issuer", issuer);
    d.put("title", title);
    ArrayNode list = d.putArray("tasks");
    for (ObjectNode t : tasks) {
      list.add(t);
    }
    return d;
  }

  private static ObjectNode task(String key, String domain, String deadline, String title, String... coordinating) {
    ObjectNode t = JSON.createObjectNode();
    t.put("key", key);
    t.put("title", title);
    t.put("description", title + ", as concluded at the working group's meeting.");
    t.put("domain", domain);
    t.putNull("province");
    t.putNull("leadUnit");
    coordinating(t, coordinating);
    t.put("deadline", deadline);
    t.put("keyTask", false);
    t.put("expectedResult", "Reported to the working group");
    return t;
  }

  private static ObjectNode task(ObjectNode directive, int index) {
    return (ObjectNode) directive.path("tasks").get(index);
  }

  private static ObjectNode coordinating(ObjectNode task, String... units) {
    ArrayNode list = task.putArray("coordinatingUnits");
    for (String unit : units) {
      list.add(unit);
    }
    return task;
  }

  private static Arguments bad(String name, Consumer<ObjectNode> spoil, String... fields) {
    return Arguments.of(name, spoil, List.of(fields));
  }

  private static String reference(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, PASSWORD);
  }

  private static HttpEntity<String> json(JsonNode body) throws Exception {
    return raw(JSON.writeValueAsString(body), MediaType.APPLICATION_JSON);
  }

  private static HttpEntity<String> reason(String reason) throws Exception {
    return json(JSON.createObjectNode().put("reason", reason));
  }

  private static HttpEntity<String> raw(String body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    return new HttpEntity<>(body, headers);
  }

  /** Issues as the leader and answers the new directive's id. */
  private String issue(ObjectNode notice) throws Exception {
    ResponseEntity<String> created = as("leader").exchange("/api/directives", HttpMethod.POST, json(notice),
        String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(created.getBody()).path("id").asText();
  }

  private static void assertRefused(ResponseEntity<String> response, HttpStatus status, String... fields)
      throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).as("content type of " + response.getBody())
        .isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("status").asInt()).isEqualTo(status.value());
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at vn.");
    List<String> named = new ArrayList<>();
    problem.path("errors").forEach(e -> named.add(e.path("field").asText()));
    assertThat(named).as(response.getBody()).containsExactlyInAnyOrder(fields);
  }

  /** 401, or 429 once the login throttle slows a caller who keeps sending wrong credentials (LoginThrottle). */
  private static void assertRefused(ResponseEntity<String> response) {
    if (response.getStatusCode().value() == 429) {
      assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
      return;
    }
    assertUnauthorized(response);
  }

  private static void assertUnauthorized(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  /** Not listed to the administrator, and no process started under its business key. */
  private void assertNotStored(String reference) throws Exception {
    assertThat(listed("admin", "issuer=P06WG&limit=1000", reference)).isNull();
    assertThat(listed("admin", "limit=1000", reference)).isNull();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike("%:" + reference + "%").count()).isZero();
  }

  private List<JsonNode> list(String user, String query) throws Exception {
    ResponseEntity<String> response = as(user).getForEntity("/api/directives?" + query, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<JsonNode> lines = new ArrayList<>();
    JSON.readTree(response.getBody()).forEach(lines::add);
    return lines;
  }

  /** The list line of this reference, or null when the list does not show it. */
  private JsonNode listed(String user, String query, String reference) throws Exception {
    List<JsonNode> lines = list(user, query);
    assertThat(lines.size()).as("list is not cut at its limit").isLessThan(1000);
    return lines.stream().filter(l -> l.path("reference").asText().equals(reference)).findFirst().orElse(null);
  }

  private List<Task> openUserTasks(String reference, String key) {
    var query = engine.getTaskService().createTaskQuery();
    return key == null ? query.processInstanceBusinessKeyLike("P06WG:" + reference + ":%").list()
        : query.processInstanceBusinessKey("P06WG:" + reference + ":" + key).list();
  }

  private static JsonNode taskOf(JsonNode directive, String key) {
    for (JsonNode t : directive.path("tasks")) {
      if (t.path("key").asText().equals(key)) {
        return t;
      }
    }
    throw new AssertionError("no task " + key + " in " + directive);
  }

  private static List<String> keys(JsonNode directive) {
    List<String> keys = new ArrayList<>();
    directive.path("tasks").forEach(t -> keys.add(t.path("key").asText()));
    return keys;
  }

  /** Task key to the text of one of its fields, in notice order. */
  private static Map<String, String> field(JsonNode directive, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    directive.path("tasks").forEach(t -> values.put(t.path("key").asText(), t.path(name).asText(null)));
    return values;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}

package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;
import vn.directivetracker.directive.imports.Sheets;

/**
 * {@code POST /api/directives/import} and the templates over HTTP: sheets that issue, and sheets that are
 * refused as a whole with one message per bad cell and nothing stored.
 */
class DirectiveImportApiTest extends ApplicationTest {

  private static final String HEADER = "key,title,description,domain,province,leadUnit,coordinatingUnits,deadline,"
      + "deadlineWorkingDays,keyTask,expectedResult\n";

  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void twentiethOfJanuary2025() {
    clockAt("2025-01-20T09:00");
  }

  @Test
  void aCsvWithByteOrderMarkAndVietnameseTextIssuesTheNotice() {
    String reference = DirectiveFixtures.uniqueReference("CSV");
    String csv = HEADER
        + "T01,\"Tích hợp Sổ sức khỏe điện tử, giai đoạn 2\",,HEALTH,,,MPS;VSS,31/03/2025,,TRUE,Báo cáo kết quả\n"
        + "T02,Cấp căn cước cho trẻ dưới 14 tuổi,,IDENTIFICATION,,,,,10,FALSE,\n"
        + "T03,Thí điểm khám bệnh bằng căn cước tại Hải Phòng,,HEALTH,HAIPHONG,,,2025-02-28,,,\n";

    ResponseEntity<String> created = upload("leader", Sheets.csvWithBom(csv), "thong-bao.csv", reference);

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = DirectiveFixtures.read(created.getBody());
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/directives/" + body.get("id").asText());
    assertThat(body.get("reference").asText()).isEqualTo(reference);
    JsonNode t01 = DirectiveFixtures.taskOf(body, "T01");
    assertThat(t01.get("title").asText()).isEqualTo("Tích hợp Sổ sức khỏe điện tử, giai đoạn 2");
    assertThat(t01.get("leadUnit").asText()).isEqualTo("MOH");
    assertThat(t01.get("coordinatingUnits").toString()).isEqualTo("[\"MPS\",\"VSS\"]");
    assertThat(t01.get("deadline").asText()).isEqualTo("2025-03-31");
    assertThat(t01.get("keyTask").asBoolean()).isTrue();
    JsonNode t02 = DirectiveFixtures.taskOf(body, "T02");
    assertThat(t02.get("deadline").asText()).as("10 working days across Tet").isEqualTo("2025-02-10");
    assertThat(t02.get("deadlineWorkingDays").asInt()).isEqualTo(10);
    assertThat(DirectiveFixtures.taskOf(body, "T03").get("leadUnit").asText()).isEqualTo("HAIPHONG");
  }

  @Test
  void anXlsxWithDateNumberAndBooleanCellsIssuesTheNotice() {
    String reference = DirectiveFixtures.uniqueReference("XLSX");
    byte[] xlsx = Sheets.xlsx(
        new Object[] {"key", "title", "domain", "deadline", "deadlineWorkingDays", "keyTask", "leadUnit"},
        new Object[] {"T01", "Làm sạch dữ liệu tài khoản ngân hàng", "BANKING", LocalDate.of(2025, 3, 31), null, true},
        new Object[] {"T02", "Kết nối dữ liệu điện lực", "OTHER", null, 5, false, "EVN"});

    ResponseEntity<String> created = upload("leader", xlsx, "thong-bao.xlsx", reference);

    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode body = DirectiveFixtures.read(created.getBody());
    assertThat(DirectiveFixtures.taskOf(body, "T01").get("deadline").asText()).isEqualTo("2025-03-31");
    assertThat(DirectiveFixtures.taskOf(body, "T01").get("leadUnit").asText()).isEqualTo("SBV");
    assertThat(DirectiveFixtures.taskOf(body, "T01").get("keyTask").asBoolean()).isTrue();
    JsonNode t02 = DirectiveFixtures.taskOf(body, "T02");
    assertThat(t02.get("deadline").asText()).as("5 working days across Tet").isEqualTo("2025-02-03");
    assertThat(t02.get("leadUnit").asText()).isEqualTo("EVN");
    assertThat(t02.get("leadDecidedBy").asText()).isEqualTo("ISSUER");
  }

  @Test
  void aSheetWithBadRowsIsRefusedAsAWholeWithOneMessagePerCell() {
    String reference = DirectiveFixtures.uniqueReference("BAD");
    byte[] xlsx = Sheets.xlsx(
        new Object[] {"key", "title", "domain", "coordinatingUnits", "deadline", "deadlineWorkingDays", "keyTask"},
        new Object[] {"T01", "Đúng", "HEALTH", null, "2025-03-31"},
        new Object[] {"T02", "Ngày sai", "HEALTH", null, "2024-13-01"},
        new Object[] {"T03", "Lĩnh vực lạ", "WEATHER"},
        new Object[] {"T04", "Đơn vị lạ", "HEALTH", "MPS;NOBODY"},
        new Object[] {"T01", "Trùng mã", "LAND"},
        new Object[] {"T06", "Công thức", "HEALTH", null, "=TODAY()+30"},
        new Object[] {"T07", "Cả hai", "HEALTH", null, "2025-03-31", 10},
        new Object[] {"T08", "Không phải số", "HEALTH", null, null, "mười", "maybe"},
        new Object[] {"T09", "Trước ngày ban hành", "HEALTH", null, "01/01/2025"});

    ResponseEntity<String> refused = upload("leader", xlsx, "thong-bao.xlsx", reference);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(messages(refused)).containsExactly(
        "row 3, deadline: thời hạn '2024-13-01' không phải là một ngày có thật"
            + " / deadline '2024-13-01' names no real day",
        "row 4, domain: unknown domain 'WEATHER'",
        "row 5, coordinatingUnits: No unit is named 'NOBODY'.",
        "row 6, key: duplicate task key 'T01'",
        "row 7, deadline: formula cells are not accepted (=TODAY()+30); copy the cells and paste them as values",
        "row 8, deadlineWorkingDays: give either a deadline date or a number of working days, not both",
        "row 9, deadlineWorkingDays: mười is not a whole number of working days",
        "row 9, keyTask: maybe is not TRUE or FALSE",
        "row 10, deadline: '01/01/2025' is 2025-01-01, before the directive's issue date 2025-01-20");
    assertNothingStored(reference);
  }

  @Test
  void cellsGetTheSamePlainTextChecksAsTheJsonApi() {
    String reference = DirectiveFixtures.uniqueReference("MARKUP");
    byte[] xlsx = Sheets.xlsx(
        new Object[] {"key", "title", "description", "domain", "expectedResult"},
        new Object[] {"T01", "<script>alert(1)</script>", "Đúng", "HEALTH"},
        new Object[] {"T02", "Đúng", "<img src=x onerror=alert(1)>", "HEALTH"},
        new Object[] {"T03\nX", "Đúng", null, "HEALTH", "Kết quả \u202Eđảo"},
        new Object[] {"T04", "< 5 ngày là được", null, "HEALTH"});

    ResponseEntity<String> refused = upload("leader", xlsx, "thong-bao.xlsx", reference);

    assertThat(messages(refused)).containsExactly(
        "row 2, title: must be plain text, without HTML or XML markup",
        "row 3, description: must be plain text, without HTML or XML markup",
        "row 4, key: must be a single line",
        "row 4, key: letters, digits, '.', '_' or '-' only",
        "row 4, expectedResult: must not contain bidirectional override characters");
    assertNothingStored(reference);

    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", file(Sheets.xlsx(new Object[] {"key", "title", "domain"}, new Object[] {"T01", "Đúng", "HEALTH"}),
        "a.xlsx"));
    form.add("reference", reference);
    form.add("issuedOn", "2025-01-20");
    form.add("issuer", "P06WG");
    form.add("title", "Thông báo <!-- x -->");
    assertThat(messages(post("leader", form))).containsExactly("title: must be plain text, without HTML or XML markup");
    assertNothingStored(reference);
  }

  @Test
  void wrongColumnsAreRefused() {
    String reference = DirectiveFixtures.uniqueReference("COLS");
    ResponseEntity<String> refused = upload("leader", Sheets.csv("key,title,owner\nT01,x,MOH\n"), "x.csv", reference);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(refused)).containsExactly(
        "row 1, column C: unknown column 'owner'; the columns are key, title, description, domain, province,"
            + " leadUnit, coordinatingUnits, deadline, deadlineWorkingDays, keyTask, expectedResult, targetMeasure,"
            + " targetUnit, targetBaseline, targetValue",
        "row 1: missing required column 'domain'");
    assertNothingStored(reference);
  }

  @Test
  void emptyFilesSheetsAndMissingFieldsAreRefused() {
    assertThat(messages(upload("leader", Sheets.xlsx(), "empty.xlsx", DirectiveFixtures.uniqueReference("E"))))
        .singleElement().asString().startsWith("file: the sheet is empty");
    assertThat(messages(upload("leader", Sheets.csv("key,title,domain\n"), "h.csv", DirectiveFixtures.uniqueReference("E"))))
        .singleElement().asString().contains("no task rows");
    assertThat(messages(upload("leader", new byte[0], "zero.csv", DirectiveFixtures.uniqueReference("E"))))
        .containsExactly("file: the file is empty");

    MultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("reference", DirectiveFixtures.uniqueReference("E"));
    noFile.add("issuer", "P06WG");
    assertThat(messages(post("leader", noFile))).containsExactly("file: required: the .xlsx or .csv file of tasks");

    MultiValueMap<String, Object> noNotice = new LinkedMultiValueMap<>();
    noNotice.add("file", file(Sheets.csv("key,title,domain\nT01,x,HEALTH\n"), "x.csv"));
    noNotice.add("issuer", "P06WG");
    noNotice.add("issuedOn", "20/01/2025");
    assertThat(messages(post("leader", noNotice))).containsExactly(
        "reference: must not be blank", "title: must not be blank");
  }

  @Test
  void aFileOverTheSizeLimitAHugeSheetAndAZipBombAreRefused() {
    StringBuilder big = new StringBuilder(HEADER);
    while (big.length() < 2_200_000) {
      big.append("T,").append("x".repeat(1000)).append(",,HEALTH,,,,,,,\n");
    }
    assertThat(messages(upload("leader", Sheets.csv(big.toString()), "big.csv", DirectiveFixtures.uniqueReference("B"))))
        .singleElement().asString().startsWith("file: the file is").contains("at most 2048 KB");

    StringBuilder rows = new StringBuilder("key,title,domain\n");
    for (int i = 1; i <= 501; i++) {
      rows.append("T").append(i).append(",Nhiệm vụ ").append(i).append(",HEALTH\n");
    }
    String reference = DirectiveFixtures.uniqueReference("ROWS");
    assertThat(messages(upload("leader", Sheets.csv(rows.toString()), "rows.csv", reference)))
        .containsExactly("file: more than " + DirectiveLimits.MAX_TASKS + " task rows; split the notice into several files");
    assertNothingStored(reference);

    String bombReference = DirectiveFixtures.uniqueReference("BOMB");
    ResponseEntity<String> bomb = upload("leader", Sheets.zipBomb(500), "bomb.xlsx", bombReference);
    assertThat(bomb.getStatusCode().value()).isEqualTo(400);
    assertThat(messages(bomb)).singleElement().asString().contains("zip bomb");
    assertNothingStored(bombReference);
  }

  @Test
  void answersAsTheJsonApiDoesForStrangersAndDuplicates() {
    String reference = DirectiveFixtures.uniqueReference("DUP");
    byte[] csv = Sheets.csv("key,title,domain\nT01,Nhiệm vụ,HEALTH\n");
    assertThat(upload("moh", csv, "x.csv", reference).getStatusCode().value()).isEqualTo(403);
    assertThat(upload("moh", Sheets.csv("garbage"), "x.csv", reference).getStatusCode().value())
        .as("a stranger learns nothing about the file").isEqualTo(403);
    assertThat(upload("leader", csv, "x.csv", reference).getStatusCode().value()).isEqualTo(201);
    assertThat(upload("leader", csv, "x.csv", reference).getStatusCode().value()).isEqualTo(409);
    assertThat(http.postForEntity("/api/directives/import", null, String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theXlsxTemplateHasDropDownsNotesAndAnExampleThatImports() throws Exception {
    clockAt("2025-06-02T09:00");
    ResponseEntity<byte[]> template = http.withBasicAuth("leader", "demo")
        .getForEntity("/api/directives/template.xlsx", byte[].class);
    assertThat(template.getStatusCode().value()).isEqualTo(200);
    assertThat(template.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(template.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
      XSSFSheet tasks = workbook.getSheetAt(0);
      List<String> header = new ArrayList<>();
      tasks.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).containsExactly("key", "title", "description", "domain", "province", "leadUnit",
          "coordinatingUnits", "deadline", "deadlineWorkingDays", "keyTask", "expectedResult", "targetMeasure",
          "targetUnit", "targetBaseline", "targetValue");
      assertThat(tasks.getRow(0).getCell(3).getCellComment().getString().getString()).startsWith("Bắt buộc. Mã lĩnh vực");
      List<String> lists = tasks.getDataValidations().stream().map(DataValidation::getValidationConstraint)
          .map(c -> c.getFormula1() != null ? c.getFormula1() : String.join(",", c.getExplicitListValues())).toList();
      assertThat(lists).contains("Domains", "Provinces", "Units", "\"TRUE,FALSE\"");
      XSSFSheet domains = workbook.getSheet("Lĩnh vực");
      assertThat(domains.getRow(1).getCell(0).getStringCellValue()).isEqualTo("POPULATION_DATA");
      assertThat(domains.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Dữ liệu dân cư và cư trú");
      assertThat(domains.getLastRowNum()).isEqualTo(25);
      assertThat(workbook.getName("Domains").getRefersToFormula()).isEqualTo("'Lĩnh vực'!$A$2:$A$26");
    }

    ResponseEntity<String> created = upload("leader", template.getBody(), "template.xlsx",
        DirectiveFixtures.uniqueReference("TPL"), "2025-06-02");
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode t01 = DirectiveFixtures.taskOf(DirectiveFixtures.read(created.getBody()), "T01");
    assertThat(t01.get("deadline").asText()).isEqualTo("2025-12-31");
    assertThat(t01.get("leadUnit").asText()).isEqualTo("MOH");
  }

  @Test
  void theCsvTemplateIsUtf8WithAByteOrderMarkAndImports() {
    clockAt("2025-06-02T09:00");
    ResponseEntity<byte[]> template = http.withBasicAuth("leader", "demo")
        .getForEntity("/api/directives/template.csv", byte[].class);
    assertThat(template.getStatusCode().value()).isEqualTo(200);
    assertThat(template.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] body = template.getBody();
    assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("Sổ sức khỏe điện tử");
    assertThat(upload("leader", body, "template.csv", DirectiveFixtures.uniqueReference("TPLCSV"), "2025-06-02")
        .getStatusCode().value()).isEqualTo(201);
    assertThat(http.getForEntity("/api/directives/template.csv", String.class).getStatusCode().value()).isEqualTo(401);
  }

  // ---------------------------------------------------------------------------------------------

  private ResponseEntity<String> upload(String user, byte[] content, String name, String reference) {
    return upload(user, content, name, reference, "2025-01-20");
  }

  private ResponseEntity<String> upload(String user, byte[] content, String name, String reference, String issuedOn) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", file(content, name));
    form.add("reference", reference);
    form.add("issuedOn", issuedOn);
    form.add("issuer", "P06WG");
    form.add("title", "Thông báo kết luận " + reference);
    return post(user, form);
  }

  private ResponseEntity<String> post(String user, MultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/api/directives/import", new HttpEntity<>(form, headers),
        String.class);
  }

  /** The part {@code file} of the import's form, named as a browser names an uploaded file. */
  static HttpEntity<ByteArrayResource> file(byte[] content, String name) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    part.setContentDispositionFormData("file", name);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part);
  }

  private static List<String> messages(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    List<String> messages = new ArrayList<>();
    DirectiveFixtures.read(response.getBody()).path("errors")
        .forEach(e -> messages.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return messages;
  }

  private void assertNothingStored(String reference) {
    assertThat(jdbc.queryForObject("select count(*) from dt_directive where reference = ?", Integer.class, reference))
        .isZero();
  }
}

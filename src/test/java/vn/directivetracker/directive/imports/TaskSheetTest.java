package vn.directivetracker.directive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading sheets of tasks: CSV and XLSX, typed cells, refused cells, bad headers, hostile files. */
class TaskSheetTest {

  private static TaskSheet read(byte[] content) {
    return TaskSheet.read(content, TaskColumns.SHEET, 500);
  }

  private static List<String> refusal(byte[] content) {
    try {
      read(content);
    } catch (TaskSheetException e) {
      return e.problems().stream().map(SheetProblem::toString).toList();
    }
    throw new AssertionError("the sheet was accepted");
  }

  @Test
  void csvWithByteOrderMarkAndVietnameseText() {
    TaskSheet sheet = read(Sheets.csvWithBom("key,title,domain,coordinatingUnits,deadline\n"
        + "T01,\"Tích hợp Sổ sức khỏe điện tử, giai đoạn 2\",HEALTH,MPS;VSS,31/01/2025\n"
        + "\n"
        + "T02,Làm sạch dữ liệu đất đai,LAND,,\n"));

    assertThat(sheet.columns()).containsExactly("key", "title", "domain", "coordinatingUnits", "deadline");
    assertThat(sheet.rows()).hasSize(2);
    assertThat(sheet.rows().get(0).number()).isEqualTo(2);
    assertThat(sheet.rows().get(0).get("title")).isEqualTo("Tích hợp Sổ sức khỏe điện tử, giai đoạn 2");
    assertThat(sheet.rows().get(0).get("coordinatingUnits")).isEqualTo("MPS;VSS");
    assertThat(sheet.rows().get(1).number()).as("the blank line is row 3 in Excel").isEqualTo(4);
    assertThat(sheet.rows().get(1).cells()).doesNotContainKey("deadline");
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void csvSavedByVietnameseExcelUsesSemicolons() {
    TaskSheet sheet = read(Sheets.csv("key;title;domain;coordinatingUnits\r\nT01;Nhiệm vụ;HEALTH;\"MPS;VSS\"\r\n"));
    assertThat(sheet.rows().get(0).cells()).containsEntry("title", "Nhiệm vụ").containsEntry("coordinatingUnits",
        "MPS;VSS");
  }

  @Test
  void csvThatIsNotUtf8IsRefused() {
    // What an old Excel "CSV" of "Cà Mau" looks like: one byte per letter, not UTF-8.
    byte[] latin = "key,title,domain\nT01,Cà Mau,HEALTH\n".getBytes(Charset.forName("windows-1252"));
    assertThat(refusal(latin)).singleElement().asString().contains("not UTF-8");
  }

  @Test
  void columnHeadersIgnoreCaseButUnknownMissingAndRepeatedColumnsAreRefused() {
    assertThat(read(Sheets.csv("KEY,Title,domain\nT01,x,HEALTH\n")).columns()).containsExactly("key", "title", "domain");
    assertThat(refusal(Sheets.csv("key,title,deadline,owner,key\nT01,x,2024-01-01,me,T02\n"))).containsExactly(
        "row 1, column D: unknown column 'owner'; the columns are " + String.join(", ", TaskColumns.ALL),
        "row 1, column E: column 'key' appears twice",
        "row 1: missing required column 'domain'");
  }

  @Test
  void emptyFilesAndSheetsAreRefused() {
    assertThat(refusal(new byte[0])).containsExactly("file: the file is empty");
    assertThat(refusal(Sheets.csv("\n\n"))).singleElement().asString().startsWith("file: the sheet is empty");
    assertThat(refusal(Sheets.csv("key,title,domain\n"))).singleElement().asString().contains("no task rows");
    assertThat(refusal(Sheets.xlsx())).singleElement().asString().startsWith("file: the sheet is empty");
    assertThat(refusal(Sheets.xlsx(new Object[] {"key", "title", "domain"}))).singleElement().asString()
        .contains("no task rows");
  }

  @Test
  void xlsxCellsBecomeTextAsTheUserMeantThem() {
    TaskSheet sheet = read(Sheets.xlsx(
        new Object[] {"key", "title", "domain", "deadline", "deadlineWorkingDays", "keyTask", "description"},
        new Object[] {"T01", "Cấp căn cước", "IDENTIFICATION", LocalDate.of(2025, 1, 31), null, true, 12.5},
        new Object[] {7, "Nhiệm vụ 7", "HEALTH", null, 10, false, null}));

    assertThat(sheet.rows().get(0).cells()).containsEntry("deadline", "2025-01-31").containsEntry("keyTask", "TRUE")
        .containsEntry("description", "12.5");
    assertThat(sheet.rows().get(1).cells()).containsEntry("key", "7").containsEntry("deadlineWorkingDays", "10")
        .containsEntry("keyTask", "FALSE");
    assertThat(sheet.problems()).isEmpty();
  }

  @Test
  void formulaCellsAreRefusedNotEvaluated() {
    TaskSheet sheet = read(Sheets.xlsx(
        new Object[] {"key", "title", "domain", "deadline"},
        new Object[] {"T01", "Nhiệm vụ", "HEALTH", "=DATE(2025,1,31)"},
        new Object[] {"T02", "=A2&\"x\"", "HEALTH", null}));
    assertThat(sheet.problems()).extracting(SheetProblem::toString).containsExactly(
        "row 2, deadline: formula cells are not accepted (=DATE(2025,1,31)); copy the cells and paste them as values",
        "row 3, title: formula cells are not accepted (=A2&\"x\"); copy the cells and paste them as values");
    assertThat(sheet.rows().get(0).cells()).doesNotContainKey("deadline");
  }

  @Test
  void valuesUnderAColumnWithoutANameAreNotSilentlyDropped() {
    TaskSheet sheet = read(Sheets.csv("key,title,domain,\nT01,x,HEALTH,lost?\n"));
    assertThat(sheet.problems()).extracting(SheetProblem::toString)
        .containsExactly("row 2, column D: a value under a column without a name in row 1");
  }

  @Test
  void moreRowsThanTheLimitAreRefused() {
    StringBuilder csv = new StringBuilder("key,title,domain\n");
    for (int i = 1; i <= 501; i++) {
      csv.append("T").append(i).append(",Nhiệm vụ,HEALTH\n");
    }
    assertThat(refusal(Sheets.csv(csv.toString()))).singleElement().asString().contains("more than 500 task rows");

    Object[][] rows = new Object[20_001][];
    rows[0] = new Object[] {"key", "title", "domain"};
    for (int i = 1; i < rows.length; i++) {
      rows[i] = new Object[] {"T" + i, "Nhiệm vụ", "HEALTH"};
    }
    assertThat(refusal(Sheets.xlsx(rows))).singleElement().asString().contains("more than 500 task rows");
  }

  @Test
  void onlyTheFirstSheetIsEverRead() {
    byte[] workbook = Sheets.xlsxWithUnreadableSecondSheet(new Object[] {"key", "title", "domain"},
        new Object[] {"T01", "Nhiệm vụ", "HEALTH"});
    TaskSheet sheet = read(workbook);
    assertThat(sheet.problems()).isEmpty();
    assertThat(sheet.rows()).singleElement().satisfies(row -> assertThat(row.get("title")).isEqualTo("Nhiệm vụ"));
  }

  @Test
  void aZipBombIsRefusedBeforeItInflates() {
    byte[] bomb = Sheets.zipBomb(200);
    assertThat(bomb.length).as("small on the wire").isLessThan(1024 * 1024);
    assertThat(refusal(bomb)).singleElement().asString().contains("zip bomb");
  }

  @Test
  void oldExcelFilesAndOtherFilesAreRefusedWithAHint() throws Exception {
    ByteArrayOutputStream xls = new ByteArrayOutputStream();
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      workbook.createSheet("x").createRow(0).createCell(0).setCellValue("key");
      workbook.write(xls);
    }
    assertThat(refusal(xls.toByteArray())).singleElement().asString().contains("save the sheet as .xlsx");
    assertThat(refusal(new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n'})).singleElement().asString()
        .contains("not a spreadsheet");
    assertThat(refusal(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})).singleElement().asString()
        .contains("not a readable .xlsx workbook");
  }

  @Test
  void datesAreIsoOrDayMonthYear() {
    assertThat(TaskSheet.parseDate("2024-01-31")).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(TaskSheet.parseDate("31/01/2024")).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(TaskSheet.parseDate("1/2/2024")).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(TaskSheet.parseDate("2024-13-01")).isNull();
    assertThat(TaskSheet.parseDate("30/02/2024")).isNull();
    assertThat(TaskSheet.parseDate("01-31-2024")).isNull();
    assertThat(TaskSheet.parseDate("next week")).isNull();
  }
}

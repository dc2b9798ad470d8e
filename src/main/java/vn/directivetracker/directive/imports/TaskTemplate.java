package vn.directivetracker.directive.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.DirectiveLimits;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitType;

/**
 * The template a secretariat fills in: the header row, one example row, notes on every column, and in
 * the XLSX drop-down lists of the registry's codes (domains, provinces, units) and TRUE/FALSE, each
 * list on its own sheet with the Vietnamese names beside the codes.
 */
@Component
public class TaskTemplate {

  static final String TASKS_SHEET = "Nhiệm vụ";
  static final String DOMAINS_SHEET = "Lĩnh vực";
  static final String PROVINCES_SHEET = "Tỉnh";
  static final String UNITS_SHEET = "Đơn vị";

  private final UnitRegistry registry;
  private final int maxRows;

  TaskTemplate(UnitRegistry registry, @org.springframework.beans.factory.annotation.Value(
      "${directive.import.max-rows:" + DirectiveLimits.MAX_TASKS + "}") int maxRows) {
    this.registry = registry;
    this.maxRows = Math.min(maxRows, DirectiveLimits.MAX_TASKS);
  }

  public byte[] xlsx() {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet tasks = workbook.createSheet(TASKS_SHEET);
      CreationHelper helper = workbook.getCreationHelper();
      XSSFCellStyle headerStyle = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      headerStyle.setFont(bold);
      XSSFCellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));

      Row header = tasks.createRow(0);
      Row example = tasks.createRow(1);
      Drawing<?> drawing = tasks.createDrawingPatriarch();
      List<String> columns = TaskColumns.ALL;
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        var cell = header.createCell(c);
        cell.setCellValue(column);
        cell.setCellStyle(headerStyle);
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(c);
        anchor.setCol2(c + 4);
        anchor.setRow1(0);
        anchor.setRow2(6);
        Comment note = drawing.createCellComment(anchor);
        note.setString(helper.createRichTextString(TaskColumns.NOTES.get(column)));
        note.setAuthor("Directive Tracker");
        cell.setCellComment(note);

        String value = TaskColumns.EXAMPLE.get(column);
        var ex = example.createCell(c);
        if ("deadline".equals(column)) {
          ex.setCellValue(LocalDate.parse(value));
          ex.setCellStyle(dateStyle);
        } else if ("keyTask".equals(column)) {
          ex.setCellValue(Boolean.parseBoolean(value));
        } else if (!value.isEmpty()) {
          ex.setCellValue(value);
        }
        tasks.setColumnWidth(c, column.equals("title") || column.equals("description") ? 60 * 256 : 18 * 256);
      }
      tasks.createFreezePane(0, 1);
      for (int r = 2; r <= maxRows; r++) {
        // Empty rows keep the date format, so a typed 31/01/2024 becomes a date cell.
        tasks.createRow(r).createCell(columns.indexOf("deadline")).setCellStyle(dateStyle);
      }

      int domains = codeSheet(workbook, DOMAINS_SHEET, "Mã lĩnh vực / code", "Tên lĩnh vực / domain",
          registry.domains().stream().map(d -> new String[] {d.code(), d.labelVi(), d.labelEn()}).toList());
      List<Unit> provinceUnits = registry.units().stream().filter(u -> u.type() == UnitType.PROVINCE).toList();
      int provinces = codeSheet(workbook, PROVINCES_SHEET, "Mã tỉnh / code", "Tên / name",
          provinceUnits.stream().map(u -> new String[] {u.code(), u.nameVi(), u.nameEn()}).toList());
      int units = codeSheet(workbook, UNITS_SHEET, "Mã đơn vị / code", "Tên đơn vị / name",
          registry.units().stream().map(u -> new String[] {u.code(), u.nameVi(), u.nameEn()}).toList());

      DataValidationHelper validations = tasks.getDataValidationHelper();
      listOf(tasks, validations, columns.indexOf("domain"), name(workbook, "Domains", DOMAINS_SHEET, domains));
      // A unit may also be written by its name, old or new, or as several names: the list only suggests.
      suggest(tasks, validations, columns.indexOf("province"), name(workbook, "Provinces", PROVINCES_SHEET, provinces));
      suggest(tasks, validations, columns.indexOf("leadUnit"), name(workbook, "Units", UNITS_SHEET, units));
      add(tasks, validations, validations.createExplicitListConstraint(new String[] {"TRUE", "FALSE"}),
          columns.indexOf("keyTask"), "TRUE hoặc FALSE / TRUE or FALSE");
      add(tasks, validations, validations.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
          "1", "365"), columns.indexOf("deadlineWorkingDays"), "Số ngày làm việc từ 1 đến 365 / 1 to 365 working days");

      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The template as CSV UTF-8 with a byte order mark, so that Excel shows the Vietnamese example right. */
  public byte[] csv() {
    StringBuilder text = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      printer.printRecord(TaskColumns.ALL);
      printer.printRecord(TaskColumns.ALL.stream().map(TaskColumns.EXAMPLE::get).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A sheet of codes (column A) with their names; returns the number of codes. */
  private static int codeSheet(XSSFWorkbook workbook, String name, String codeTitle, String nameTitle,
      List<String[]> rows) {
    Sheet sheet = workbook.createSheet(name);
    Row header = sheet.createRow(0);
    header.createCell(0).setCellValue(codeTitle);
    header.createCell(1).setCellValue(nameTitle);
    header.createCell(2).setCellValue("English");
    for (int i = 0; i < rows.size(); i++) {
      Row row = sheet.createRow(i + 1);
      for (int c = 0; c < rows.get(i).length; c++) {
        row.createCell(c).setCellValue(rows.get(i)[c]);
      }
    }
    sheet.setColumnWidth(0, 22 * 256);
    sheet.setColumnWidth(1, 60 * 256);
    sheet.setColumnWidth(2, 60 * 256);
    return rows.size();
  }

  private static String name(XSSFWorkbook workbook, String name, String sheet, int count) {
    Name n = workbook.createName();
    n.setNameName(name);
    n.setRefersToFormula("'" + sheet + "'!$A$2:$A$" + (count + 1));
    return name;
  }

  private void listOf(Sheet sheet, DataValidationHelper helper, int column, String namedRange) {
    add(sheet, helper, helper.createFormulaListConstraint(namedRange), column,
        "Chọn một mã trong danh sách / pick a code from the list");
  }

  private void suggest(Sheet sheet, DataValidationHelper helper, int column, String namedRange) {
    add(sheet, helper, helper.createFormulaListConstraint(namedRange), column,
        "Mã trong danh sách, hoặc tên đơn vị như văn bản viết / a code from the list, or the unit's name as written",
        DataValidation.ErrorStyle.INFO);
  }

  private void add(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint, int column,
      String error) {
    add(sheet, helper, constraint, column, error, DataValidation.ErrorStyle.STOP);
  }

  private void add(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint, int column,
      String error, int errorStyle) {
    int last = Math.min(maxRows, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
    DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, last, column, column));
    validation.setShowErrorBox(true);
    validation.setErrorStyle(errorStyle);
    validation.createErrorBox("Giá trị không hợp lệ / invalid value", error);
    validation.setEmptyCellAllowed(true);
    sheet.addValidationData(validation);
  }
}

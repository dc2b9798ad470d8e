package vn.directivetracker.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as an Excel workbook, one sheet per table (units, overdue tasks, ranking, targets) with Vietnamese
 * headers. Streaming (SXSSF) keeps a long overdue list out of memory. Cells are typed (numbers are numbers,
 * days are dates shown dd/mm/yyyy) and text is always a string cell, never a formula.
 */
final class ReportXlsx {

  static final String UNITS_SHEET = "Đơn vị";
  static final String OVERDUE_SHEET = "Nhiệm vụ quá hạn";
  static final String RANKING_SHEET = "Xếp hạng";
  static final String TARGETS_SHEET = "Chỉ tiêu";

  private ReportXlsx() {
  }

  static byte[] render(MonthlyReport report) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setWrapText(true);
      CellStyle day = workbook.createCellStyle();
      day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      Styles styles = new Styles(header, day);
      sheet(workbook, UNITS_SHEET, styles, ReportTables.UNIT_HEADERS, ReportTables.units(report));
      sheet(workbook, OVERDUE_SHEET, styles, ReportTables.OVERDUE_HEADERS, ReportTables.overdue(report));
      sheet(workbook, RANKING_SHEET, styles, ReportTables.RANKING_HEADERS, ReportTables.ranking(report));
      sheet(workbook, TARGETS_SHEET, styles, ReportTables.TARGET_HEADERS, ReportTables.targets(report));
      if (report.conclusions() != null) {
        sheet(workbook, "Kết luận", styles, ReportTables.CONCLUSION_HEADERS, ReportTables.conclusions(report));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // nothing was written to the caller yet; the temporary files are gone after dispose()
      }
    }
  }

  /** The header's bold and the days' dd/mm/yyyy (a day is a date cell, so it sorts and filters as one). */
  private record Styles(CellStyle header, CellStyle day) {
  }

  private static void sheet(SXSSFWorkbook workbook, String name, Styles styles, List<String> headers,
      List<List<Object>> rows) {
    Sheet sheet = workbook.createSheet(name);
    Row first = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      first.createCell(i).setCellValue(headers.get(i));
      first.getCell(i).setCellStyle(styles.header());
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<Object> cells = rows.get(r);
      for (int i = 0; i < cells.size(); i++) {
        Object value = cells.get(i);
        if (value instanceof Number n) {
          row.createCell(i).setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate day) {
          Cell cell = row.createCell(i);
          cell.setCellValue(day);
          cell.setCellStyle(styles.day());
        } else {
          row.createCell(i).setCellValue(String.valueOf(value));
        }
      }
    }
    sheet.createFreezePane(0, 1);
    for (int i = 0; i < headers.size(); i++) {
      sheet.setColumnWidth(i, (i == 2 && sheet.getSheetName().equals(OVERDUE_SHEET) ? 60 : 18) * 256);
    }
  }
}

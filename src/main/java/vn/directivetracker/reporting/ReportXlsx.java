package vn.directivetracker.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as an Excel workbook, one sheet per table (units, overdue tasks, ranking) with Vietnamese
 * headers. Streaming (SXSSF) keeps a long overdue list out of memory. Cells are typed (numbers are numbers)
 * and text is always a string cell, never a formula.
 */
final class ReportXlsx {

  static final String UNITS_SHEET = "Đơn vị";
  static final String OVERDUE_SHEET = "Nhiệm vụ quá hạn";
  static final String RANKING_SHEET = "Xếp hạng";

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
      sheet(workbook, UNITS_SHEET, header, ReportTables.UNIT_HEADERS, ReportTables.units(report));
      sheet(workbook, OVERDUE_SHEET, header, ReportTables.OVERDUE_HEADERS, ReportTables.overdue(report));
      sheet(workbook, RANKING_SHEET, header, ReportTables.RANKING_HEADERS, ReportTables.ranking(report));
      if (report.conclusions() != null) {
        sheet(workbook, "Kết luận", header, ReportTables.CONCLUSION_HEADERS, ReportTables.conclusions(report));
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

  private static void sheet(SXSSFWorkbook workbook, String name, CellStyle header, List<String> headers,
      List<List<Object>> rows) {
    Sheet sheet = workbook.createSheet(name);
    Row first = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      first.createCell(i).setCellValue(headers.get(i));
      first.getCell(i).setCellStyle(header);
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<Object> cells = rows.get(r);
      for (int i = 0; i < cells.size(); i++) {
        Object value = cells.get(i);
        if (value instanceof Number n) {
          row.createCell(i).setCellValue(n.doubleValue());
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

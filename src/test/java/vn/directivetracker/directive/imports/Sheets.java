package vn.directivetracker.directive.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds the spreadsheets the tests upload: XLSX with typed cells (a {@link LocalDate} becomes an Excel
 * date cell, a {@link Number} a numeric cell, a String starting with '=' a formula), CSV text, and a
 * zip bomb dressed as an XLSX.
 */
public final class Sheets {

  private Sheets() {
  }

  public static byte[] xlsx(Object[]... rows) {
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Tasks");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
          } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
          } else if (value instanceof String s && s.startsWith("=")) {
            cell.setCellFormula(s.substring(1));
          } else {
            cell.setCellValue(value.toString());
          }
        }
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] csv(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] csvWithBom(String text) {
    return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A real workbook whose sheet XML is padded with {@code megabytes} MB of blanks between the header row
   * and the rest: valid XML that compresses about a thousand times, as a zip bomb does.
   */
  public static byte[] zipBomb(int megabytes) {
    byte[] workbook = xlsx(new Object[] {"key", "title", "domain"}, new Object[] {"T01", "Nhiệm vụ", "HEALTH"});
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(workbook));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(9);
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
          out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
          byte[] blanks = new byte[1024 * 1024];
          Arrays.fill(blanks, (byte) ' ');
          for (int i = 0; i < megabytes; i++) {
            out.write(blanks);
          }
          out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A workbook whose first sheet holds tasks and whose second sheet is XML no parser accepts: only a reader
   * that never opens the other sheets reads it.
   */
  public static byte[] xlsxWithUnreadableSecondSheet(Object[]... rows) {
    byte[] first;
    try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Tasks");
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
        }
      }
      workbook.createSheet("Mã lĩnh vực").createRow(0).createCell(0).setCellValue("HEALTH");
      workbook.write(out);
      first = out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(first));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(entry.getName().equals("xl/worksheets/sheet2.xml")
            ? "<worksheet><sheetData><row><c><v>".getBytes(StandardCharsets.UTF_8) : content);
        out.closeEntry();
      }
      out.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

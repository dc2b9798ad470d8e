package vn.directivetracker.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * Windows-1252), the three tables one after another, each under its header row and separated by an empty
 * line. Text that Excel would take for a formula gets a leading apostrophe ({@link CsvText#neutralise}), so a
 * task title cannot run anything on the reader's machine.
 */
final class ReportCsv {

  static final String BOM = "\uFEFF";

  private ReportCsv() {
  }

  static String render(MonthlyReport report) {
    StringWriter out = new StringWriter();
    out.write(BOM);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
      table(csv, ReportTables.UNIT_HEADERS, ReportTables.units(report));
      csv.println();
      table(csv, ReportTables.OVERDUE_HEADERS, ReportTables.overdue(report));
      csv.println();
      table(csv, ReportTables.RANKING_HEADERS, ReportTables.ranking(report));
      if (report.conclusions() != null) {
        csv.println();
        table(csv, ReportTables.CONCLUSION_HEADERS, ReportTables.conclusions(report));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void table(CSVPrinter csv, List<String> headers, List<List<Object>> rows) throws IOException {
    csv.printRecord(headers);
    for (List<Object> row : rows) {
      List<Object> cells = new ArrayList<>(row.size());
      for (Object cell : row) {
        cells.add(cell instanceof Number ? cell : neutralise(String.valueOf(cell)));
      }
      csv.printRecord(cells);
    }
  }

  /** A text cell that a spreadsheet would evaluate, made plain text by a leading apostrophe. */
  static String neutralise(String text) {
    return vn.directivetracker.web.CsvText.neutralise(text);
  }
}

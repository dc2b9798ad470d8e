package vn.directivetracker.directive.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX workbook, read as a stream of XML events: only that sheet is read, never the
 * others, and reading stops as soon as the sheet has more rows than a notice can have. A workbook parsed
 * whole into memory (POI's XSSFWorkbook) let a small file that inflates to several sheets of tens of
 * megabytes hold hundreds of megabytes of heap for many seconds before its rows were counted.
 */
final class XlsxRows {

  private XlsxRows() {
  }

  /** The rows of the first sheet, or TaskSheetException when the workbook is unreadable or too long. */
  static List<List<TaskSheet.Raw>> read(byte[] content, int maxPhysicalRows) {
    Path file = null;
    try {
      // From a file, POI reads each zip entry when it is asked for; from a stream it inflates them all.
      file = Files.createTempFile("directive-import", ".xlsx");
      Files.write(file, content);
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
          throw new TaskSheetException("the workbook has no sheet");
        }
        try (InputStream sheet = sheets.next()) {
          SheetHandler handler = new SheetHandler(strings, styles, maxPhysicalRows);
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(handler);
          parser.parse(new InputSource(sheet));
          return handler.rows;
        }
      }
    } catch (TaskSheetException e) {
      throw e;
    } catch (SAXException e) {
      if (e.getCause() instanceof TaskSheetException refused) {
        throw refused;
      }
      throw new TaskSheetException(TaskSheet.unreadable(e));
    } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException
        | javax.xml.parsers.ParserConfigurationException e) {
      throw new TaskSheetException(TaskSheet.unreadable(e));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  /** Collects cells as text; a formula cell becomes a refusal, never a value. */
  private static final class SheetHandler extends DefaultHandler {

    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final int maxPhysicalRows;
    final List<List<TaskSheet.Raw>> rows = new ArrayList<>();

    private List<TaskSheet.Raw> row;
    private int physicalRows;
    private int rowNumber;
    private String ref;
    private String type;
    private String style;
    private boolean formula;
    private String formulaText;
    private final StringBuilder text = new StringBuilder();
    private boolean collecting;
    private String value;

    SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxPhysicalRows) {
      this.strings = strings;
      this.styles = styles;
      this.maxPhysicalRows = maxPhysicalRows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      switch (localName) {
        case "row" -> {
          if (++physicalRows > maxPhysicalRows) {
            throw new SAXException(new TaskSheetException(TaskSheet.tooManyRows(maxPhysicalRows)));
          }
          String r = attributes.getValue("r");
          rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
          row = new ArrayList<>();
        }
        case "c" -> {
          ref = attributes.getValue("r");
          type = attributes.getValue("t");
          style = attributes.getValue("s");
          formula = false;
          formulaText = null;
          value = null;
          text.setLength(0);
        }
        case "v", "t", "f" -> {
          collecting = true;
          text.setLength(0);
        }
        default -> {
          // other elements carry nothing the import reads
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (collecting) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "f" -> {
          formula = true;
          formulaText = text.toString();
          collecting = false;
        }
        case "v" -> {
          value = text.toString();
          collecting = false;
        }
        case "t" -> {
          value = (value == null ? "" : value) + text; // inline strings, rich text runs joined
          collecting = false;
        }
        case "c" -> {
          if (row != null) {
            row.add(cell());
          }
        }
        case "row" -> {
          if (row != null && !row.isEmpty()) {
            rows.add(row);
          }
          row = null;
        }
        default -> {
          // nothing to do
        }
      }
    }

    private TaskSheet.Raw cell() {
      int column = ref != null ? new CellReference(ref).getCol() : row.size();
      int number = ref != null ? new CellReference(ref).getRow() + 1 : rowNumber;
      if (formula) {
        return new TaskSheet.Raw(number, column, null, "formula cells are not accepted (=" + formulaText
            + "); copy the cells and paste them as values");
      }
      if (value == null) {
        return new TaskSheet.Raw(number, column, null, null);
      }
      String t = type == null ? "n" : type;
      return switch (t) {
        case "s" -> new TaskSheet.Raw(number, column,
            TaskSheet.blankToNull(strings.getItemAt(Integer.parseInt(value.strip())).getString()), null);
        case "inlineStr", "str" -> new TaskSheet.Raw(number, column, TaskSheet.blankToNull(value), null);
        case "b" -> new TaskSheet.Raw(number, column, "1".equals(value.strip()) ? "TRUE" : "FALSE", null);
        case "e" -> new TaskSheet.Raw(number, column, null, "the cell holds an error value; enter a value");
        default -> new TaskSheet.Raw(number, column, numeric(value.strip()), null);
      };
    }

    private String numeric(String v) {
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return TaskSheet.blankToNull(v);
      }
      if (style != null && styles != null) {
        XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
        if (s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString())
            && DateUtil.isValidExcelDate(d)) {
          return DateUtil.getLocalDateTime(d).toLocalDate().toString();
        }
      }
      BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
      return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
    }
  }
}

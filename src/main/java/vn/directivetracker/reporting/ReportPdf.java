package vn.directivetracker.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/**
 * The monthly report as a PDF for the meeting's pack: the HTML report itself ({@link ReportHtml#renderForPdf})
 * rendered by openhtmltopdf on A4 as its print CSS lays it out, so there is one layout to keep. The font is
 * DejaVu Serif, shipped in {@code fonts/} (Bitstream Vera licence, beside it) and embedded in the file: the PDF
 * base fonts have no Vietnamese letters, and the server need not have any font installed.
 */
final class ReportPdf {

  static final String FONT = "DejaVu Serif";

  private ReportPdf() {
  }

  static byte[] render(MonthlyReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> font("fonts/DejaVuSerif.ttf"), FONT, 400,
        com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.useFont(() -> font("fonts/DejaVuSerif-Bold.ttf"), FONT, 700,
        com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
    builder.withHtmlContent(ReportHtml.renderForPdf(report), null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the monthly report as PDF", e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String path) {
    try {
      return new ClassPathResource(path).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("the font " + path + " is missing from the application", e);
    }
  }
}

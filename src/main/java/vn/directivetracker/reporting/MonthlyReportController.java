package vn.directivetracker.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * {@code GET /api/reports/monthly?issuer=P06WG&month=2024-03&format=json|csv|xlsx|html|pdf}: an issuer's tasks
 * as they stood at the end of a month, for its members, its secretariat, auditors and administrators.
 */
@Tag(name = "Reports",
    description = "The monthly report of an issuer's tasks.")
@RestController
record MonthlyReportController(MonthlyReportService reports, CurrentUser currentUser, ChartJsAsset chartJs,
    ObjectMapper json) {

  static final Set<String> FORMATS = Set.of("json", "csv", "xlsx", "html", "pdf");
  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

  /** The same report as a PDF: {@code /api/reports/monthly.pdf?issuer=&month=}, a link that says what it opens. */
  @Operation(summary = "Monthly report as PDF",
      description = "The monthly report rendered as a PDF for the review meeting's pack (A4, page numbers); the "
          + "same readers as the HTML report.")
  @GetMapping("/api/reports/monthly.pdf")
  ResponseEntity<?> monthlyPdf(@RequestParam(required = false) String issuer,
      @RequestParam(required = false) String month) {
    return monthly(issuer, month, "pdf");
  }

  @Operation(summary = "Monthly report",
      description = "An issuer's tasks as they stood at the end of a month (YYYY-MM): json, csv, xlsx or "
          + "html. Its members and secretariat, auditors, administrators.")
  @GetMapping("/api/reports/monthly")
  ResponseEntity<?> monthly(@RequestParam(required = false) String issuer,
      @RequestParam(required = false) String month,
      @RequestParam(defaultValue = "json") String format) {
    List<FieldProblem> problems = new ArrayList<>();
    if (issuer == null || issuer.isBlank()) {
      problems.add(new FieldProblem("issuer", "is required, e.g. P06WG"));
    } else if (reports.issuer(issuer).isEmpty()) {
      problems.add(new FieldProblem("issuer", "'" + printable(issuer) + "' is not an issuing body"));
    }
    YearMonth period = null;
    if (month == null || month.isBlank()) {
      problems.add(new FieldProblem("month", "is required, as YYYY-MM"));
    } else {
      period = parseMonth(month, problems);
    }
    if (!FORMATS.contains(format)) {
      problems.add(new FieldProblem("format", "must be one of json, csv, xlsx, html, pdf"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    MonthlyReportService.requireReader(issuer, currentUser.get());
    MonthlyReport report = reports.build(issuer, period);
    String fileName = "bao-cao-thang-" + issuer + "-" + period;
    return switch (format) {
      case "csv" -> ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".csv"))
          .body(ReportCsv.render(report).getBytes(StandardCharsets.UTF_8));
      case "xlsx" -> ResponseEntity.ok()
          .contentType(XLSX)
          .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + ".xlsx"))
          .body(ReportXlsx.render(report));
      case "html" -> ResponseEntity.ok()
          .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
          .body(ReportHtml.render(report, chartJs.path(), json).getBytes(StandardCharsets.UTF_8));
      case "pdf" -> ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION, inline(fileName + ".pdf"))
          .body(ReportPdf.render(report));
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    };
  }

  private YearMonth parseMonth(String month, List<FieldProblem> problems) {
    if (!MONTH.matcher(month).matches()) {
      problems.add(new FieldProblem("month", "'" + printable(month) + "' is not a month YYYY-MM"));
      return null;
    }
    try {
      YearMonth parsed = YearMonth.parse(month);
      if (parsed.isAfter(reports.currentMonth())) {
        problems.add(new FieldProblem("month", month + " has not begun yet"));
        return null;
      }
      return parsed;
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem("month", "'" + month + "' is not a month YYYY-MM"));
      return null;
    }
  }

  /** Opened in the browser's PDF viewer (to read and print); saved under this name. */
  private static String inline(String fileName) {
    return ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString();
  }

  private static String attachment(String fileName) {
    return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
  }

  private static String printable(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }
}

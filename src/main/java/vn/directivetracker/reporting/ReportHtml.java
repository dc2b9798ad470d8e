package vn.directivetracker.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import vn.directivetracker.reporting.MonthlyReport.TrendPoint;
import vn.directivetracker.reporting.MonthlyReport.UnitFigures;

/**
 * The report as a page to read on screen and print on A4: the tables (the tasks far from their target named
 * above theirs), plus two charts drawn by Chart.js (status per unit as stacked bars, the twelve-month trend
 * as lines). Every number of the charts is also in a table, so the page reads without them and prints in black and white. All text goes through
 * {@link HtmlUtils#htmlEscape}; the chart data is JSON inside a non-executed script element, with
 * {@code <}, {@code >} and {@code &} escaped so no value can close the element.
 */
final class ReportHtml {

  /** Days as the Vietnamese read them, whatever the reader's browser. */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

  private ReportHtml() {
  }

  /** The page for the browser: tables and Chart.js charts. */
  static String render(MonthlyReport report, String chartJsPath, ObjectMapper json) {
    return render(report, chartJsPath, json, false);
  }

  /**
   * The same page for {@link ReportPdf}: well-formed XHTML without the charts (a PDF renderer runs no script;
   * their numbers are in the tables) and with the font that has the Vietnamese glyphs named first.
   */
  static String renderForPdf(MonthlyReport report) {
    return render(report, null, null, true);
  }

  private static String render(MonthlyReport report, String chartJsPath, ObjectMapper json, boolean pdf) {
    StringBuilder h = new StringBuilder(16_384);
    String title = "Báo cáo tháng " + monthText(report.month()) + " — " + report.issuerName();
    h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<style>\n")
        .append(pdf ? CSS.replace("font-family: ", "font-family: \"" + ReportPdf.FONT + "\", ") + PDF_CSS : CSS)
        .append("</style>\n");
    if (!pdf) {
      h.append("<script src=\"").append(esc(chartJsPath)).append("\"></script>\n");
    }
    h.append("</head>\n<body>\n");
    h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">")
        .append("Cơ quan ban hành / Issuer: <strong>").append(esc(report.issuer())).append("</strong> · ")
        .append("Số liệu đến hết ngày / As of the end of: <strong>").append(esc(report.asOf().format(DAY)))
        .append("</strong> · Hạn báo cáo tiến độ / Progress reports due: ")
        .append(esc(report.progressDueOn().format(DAY))).append("</p></header>\n");

    if (!pdf) {
      h.append("<section class=\"charts\">\n<figure><figcaption>Tình hình theo đơn vị / Status per unit</figcaption>")
          .append("<div class=\"chart\"><canvas id=\"chart-units\" role=\"img\" aria-label=\"Tình hình theo đơn vị\"></canvas></div></figure>\n")
          .append("<figure><figcaption>Xu hướng 12 tháng / Twelve-month trend</figcaption>")
          .append("<div class=\"chart\"><canvas id=\"chart-trend\" role=\"img\" aria-label=\"Xu hướng 12 tháng\"></canvas></div></figure>\n")
          .append("</section>\n");
    }

    table(h, "units", "Theo đơn vị chủ trì / By lead unit", ReportTables.UNIT_HEADERS, ReportTables.units(report));
    table(h, "overdue", "Nhiệm vụ quá hạn / Overdue tasks", ReportTables.OVERDUE_HEADERS, ReportTables.overdue(report));
    table(h, "ranking", "Xếp hạng (chậm nhất trước) / Ranking, worst first", ReportTables.RANKING_HEADERS,
        ReportTables.ranking(report));
    List<String> far = ReportTables.farFromTarget(report);
    if (!far.isEmpty()) {
      h.append("<section id=\"far-from-target\"><h2>Nhiệm vụ xa chỉ tiêu / Tasks far from their target</h2>\n<ul>");
      far.forEach(line -> h.append("<li>").append(esc(line)).append("</li>"));
      h.append("</ul></section>\n");
    }
    table(h, "targets", "Chỉ tiêu đo được / Measurable targets", ReportTables.TARGET_HEADERS,
        ReportTables.targets(report));
    if (report.conclusions() != null) {
      table(h, "conclusions", "Kết luận giao nhiều đơn vị / Conclusions with several leads",
          ReportTables.CONCLUSION_HEADERS, ReportTables.conclusions(report));
    }
    List<List<Object>> trend = report.trend().stream()
        .map(p -> List.<Object>of(monthText(p.month()), p.completedOnTime(), p.overdue())).toList();
    table(h, "trend", "Xu hướng 12 tháng / Twelve-month trend",
        List.of("Tháng / Month", "Hoàn thành đúng hạn / Completed on time", "Quá hạn / Overdue"), trend);

    if (!pdf) {
      h.append("<script type=\"application/json\" id=\"report-data\">").append(chartData(report, json))
          .append("</script>\n<script>\n").append(SCRIPT).append("</script>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void table(StringBuilder h, String id, String caption, List<String> headers, List<List<Object>> rows) {
    h.append("<section><table id=\"table-").append(id).append("\">\n<caption>").append(esc(caption))
        .append("</caption>\n<thead><tr>");
    for (String header : headers) {
      h.append("<th scope=\"col\">").append(esc(header)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    if (rows.isEmpty()) {
      h.append("<tr><td colspan=\"").append(headers.size()).append("\">Không có / None</td></tr>\n");
    }
    for (List<Object> row : rows) {
      h.append("<tr>");
      for (Object cell : row) {
        String text = cell instanceof LocalDate day ? day.format(DAY) : String.valueOf(cell);
        h.append(cell instanceof Number ? "<td class=\"num\">" : "<td>").append(esc(text)).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  /** What the charts draw, as JSON that is safe inside a script element. */
  static String chartData(MonthlyReport report, ObjectMapper json) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("units", report.units().stream().map(UnitFigures::code).toList());
    data.put("completedOnTime", report.units().stream().map(u -> u.figures().completedOnTime()).toList());
    data.put("completedLate", report.units().stream().map(u -> u.figures().completedLate()).toList());
    data.put("inProgress", report.units().stream().map(u -> u.figures().inProgress()).toList());
    data.put("overdue", report.units().stream().map(u -> u.figures().overdue()).toList());
    data.put("months", report.trend().stream().map(p -> monthText(p.month())).toList());
    data.put("trendOnTime", report.trend().stream().map(TrendPoint::completedOnTime).toList());
    data.put("trendOverdue", report.trend().stream().map(TrendPoint::overdue).toList());
    try {
      return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A month as the Vietnamese write it, 03/2024, from the API's 2024-03. */
  static String monthText(String month) {
    return YearMonth.parse(month).format(MONTH);
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  private static final String CSS = """
      @page { size: A4; margin: 15mm 12mm; }
      body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 11pt; color: #000; margin: 1.5em; }
      h1 { font-size: 15pt; margin: 0 0 .3em; }
      .meta { margin: 0 0 1em; }
      table { border-collapse: collapse; width: 100%; margin: 0 0 1.2em; page-break-inside: auto; }
      caption { text-align: left; font-weight: bold; margin: .4em 0; }
      th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top; }
      th { background: #eee; font-weight: bold; }
      td.num { text-align: right; }
      thead { display: table-header-group; }
      tr { page-break-inside: avoid; }
      .charts { display: flex; flex-wrap: wrap; gap: 1em; }
      figure { flex: 1 1 45%; margin: 0 0 1em; page-break-inside: avoid; }
      figcaption { font-weight: bold; margin-bottom: .3em; }
      .chart { position: relative; height: 240px; }
      @media print {
        body { margin: 0; font-size: 10pt; }
        .charts { display: block; }
        figure { width: 100%; }
        .chart { height: 200px; }
        th { background: #ddd !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      }
      """;

  /** The printed pack's page numbers (a margin box of the page, which only the PDF renderer draws). */
  private static final String PDF_CSS = """
      @page { @bottom-right { content: "Trang " counter(page) " / " counter(pages); font-size: 9pt; } }
      """;

  private static final String SCRIPT = """
      (function () {
        if (typeof Chart === 'undefined') { return; }
        var data = JSON.parse(document.getElementById('report-data').textContent);
        var common = { animation: false, responsive: true, maintainAspectRatio: false };
        new Chart(document.getElementById('chart-units'), {
          type: 'bar',
          data: { labels: data.units, datasets: [
            { label: 'Đúng hạn / On time', data: data.completedOnTime, backgroundColor: '#2e7d32' },
            { label: 'Quá hạn (đã xong) / Late', data: data.completedLate, backgroundColor: '#f9a825' },
            { label: 'Đang thực hiện / In progress', data: data.inProgress, backgroundColor: '#1565c0' },
            { label: 'Quá hạn / Overdue', data: data.overdue, backgroundColor: '#c62828' } ] },
          options: Object.assign({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true,
            ticks: { precision: 0 } } } }, common)
        });
        new Chart(document.getElementById('chart-trend'), {
          type: 'line',
          data: { labels: data.months, datasets: [
            { label: 'Hoàn thành đúng hạn / Completed on time', data: data.trendOnTime, borderColor: '#2e7d32' },
            { label: 'Quá hạn / Overdue', data: data.trendOverdue, borderColor: '#c62828', borderDash: [6, 3] } ] },
          options: Object.assign({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, common)
        });
        window.addEventListener('beforeprint', function () {
          Object.values(Chart.instances).forEach(function (c) { c.resize(); });
        });
      })();
      """;
}

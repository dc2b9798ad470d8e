package vn.directivetracker.reporting;

import java.util.ArrayList;
import java.util.List;
import vn.directivetracker.shared.TargetProgress;
import vn.directivetracker.reporting.MonthlyReport.Figures;
import vn.directivetracker.reporting.MonthlyReport.OverdueTask;
import vn.directivetracker.reporting.MonthlyReport.RankedUnit;
import vn.directivetracker.reporting.MonthlyReport.UnitFigures;

/**
 * The report's tables as rows of cells, with their Vietnamese headers (English after a slash), shared
 * by the CSV, XLSX and HTML renderings so all three say the same thing in the same order.
 */
final class ReportTables {

  static final String TOTAL = "Tổng cộng / Total";

  static final List<String> UNIT_HEADERS = List.of("Mã đơn vị / Unit", "Tên đơn vị / Name",
      "Hoàn thành đúng hạn / Completed on time", "Hoàn thành quá hạn / Completed late",
      "Đang thực hiện / In progress", "Quá hạn / Overdue", "Tỷ lệ đúng hạn / On-time rate",
      "Cảnh báo trong tháng / Escalations", "Thiếu báo cáo tiến độ / Missing progress reports");

  static final List<String> OVERDUE_HEADERS = List.of("Số ký hiệu / Reference", "Mã nhiệm vụ / Task",
      "Nội dung / Title", "Đơn vị chủ trì / Lead unit", "Hạn / Deadline", "Số ngày quá hạn / Days overdue",
      "Mức cảnh báo / Escalation level");

  static final List<String> RANKING_HEADERS = List.of("Hạng / Rank", "Mã đơn vị / Unit", "Tên đơn vị / Name",
      "Quá hạn / Overdue", "Tỷ lệ đúng hạn / On-time rate");

  static final List<String> TARGET_HEADERS = List.of("Số ký hiệu / Reference", "Mã nhiệm vụ / Task",
      "Đơn vị chủ trì / Lead unit", "Chỉ tiêu / Measure", "Đơn vị tính / Unit", "Ban đầu / Baseline",
      "Chỉ tiêu phải đạt / Target", "Đạt được / Reached", "Xu hướng / Trend", "Phần đã đạt / Share of the way",
      "Thời gian đã qua / Share of the time", "Xa chỉ tiêu / Far from target");

  static final List<String> CONCLUSION_HEADERS = List.of("Kết luận / Conclusion", "Số đơn vị / Units",
      "Đã báo cáo / Reported", "Hoàn thành / Completed", "Quá hạn / Overdue", "Tóm tắt / Summary");

  private ReportTables() {
  }

  /** One row per unit, then the total row. */
  static List<List<Object>> units(MonthlyReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (UnitFigures u : report.units()) {
      rows.add(figures(u.code(), u.name(), u.figures()));
    }
    rows.add(figures(TOTAL, "", report.totals()));
    return rows;
  }

  static List<List<Object>> overdue(MonthlyReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (OverdueTask t : report.overdueTasks()) {
      rows.add(List.of(t.reference(), t.taskKey(), t.title(), t.leadUnit() == null ? "" : t.leadUnit(),
          t.deadline(), t.daysOverdue(), t.escalationLevel()));
    }
    return rows;
  }

  /** One row per conclusion that named several leads; none when the report has none. */
  static List<List<Object>> conclusions(MonthlyReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (var c : report.conclusions() == null ? List.<vn.directivetracker.shared.ConclusionRollup>of()
        : report.conclusions()) {
      rows.add(List.of(c.key(), c.units(), c.reported(), c.completed(), String.join(", ", c.overdue()), c.summary()));
    }
    return rows;
  }

  static List<List<Object>> ranking(MonthlyReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (RankedUnit r : report.ranking()) {
      rows.add(List.of(r.rank(), r.code(), r.name(), r.overdue(), percent(r.onTimeRate())));
    }
    return rows;
  }

  /** One row per task with a target: value against target, the values reported so far, far or not. */
  static List<List<Object>> targets(MonthlyReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (MonthlyReport.TargetTask t : report.targets()) {
      TargetProgress p = t.progress();
      rows.add(List.of(t.reference(), t.taskKey(), t.leadUnit() == null ? "" : t.leadUnit(), t.target().measure(),
          t.target().unit(), t.target().baselineOrZero(), t.target().value(), p.reached() == null ? "" : p.reached(),
          p.trendText() + trendMark(p.trend()), p.percentOfWay() == null ? "" : p.percentOfWay() + "%",
          p.percentOfTime() == null ? "" : p.percentOfTime() + "%", p.far() ? "CÓ / YES" : ""));
    }
    return rows;
  }

  /** The far tasks as one line each, for a reader who has no time for the table. */
  static List<String> farFromTarget(MonthlyReport report) {
    return report.farFromTarget().stream().map(MonthlyReport.TargetTask::line).toList();
  }

  private static String trendMark(TargetProgress.Trend trend) {
    return switch (trend) {
      case BETTER -> " ↑";
      case WORSE -> " ↓";
      case SAME -> " →";
      case NONE -> "";
    };
  }

  private static List<Object> figures(String code, String name, Figures f) {
    return List.of(code, name, f.completedOnTime(), f.completedLate(), f.inProgress(), f.overdue(),
        percent(f.onTimeRate()), f.escalations(), f.missingProgressReports());
  }

  /** A rate as a percentage for people ("66.67%"), or empty when there is none. */
  static String percent(Double rate) {
    return rate == null ? "" : java.math.BigDecimal.valueOf(rate * 100)
        .setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
  }
}

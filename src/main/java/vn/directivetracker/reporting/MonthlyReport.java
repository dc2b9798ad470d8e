package vn.directivetracker.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;

/**
 * One issuer's tasks as they stood at the end of a month (for the current month: as they stand now),
 * per lead unit and in total, with the overdue tasks, the units ranked worst first and the trend of the
 * twelve months up to it. The review pack of the monthly review meeting.
 *
 * @param asOf the last day counted: the month's last day, or today for the current month
 * @param progressDueOn the day the month's progress reports were due
 */
public record MonthlyReport(
    String issuer,
    String issuerName,
    String month,
    LocalDate asOf,
    LocalDate progressDueOn,
    List<UnitFigures> units,
    Figures totals,
    List<OverdueTask> overdueTasks,
    List<RankedUnit> ranking,
    List<TrendPoint> trend,
    /** The conclusions that named several leads, rolled up as at {@code asOf}; absent when there are none. */
    List<vn.directivetracker.shared.ConclusionRollup> conclusions) {

  /** The figures of a unit or of all units. {@code onTimeRate} is null when nothing was completed. */
  public record Figures(
      int completedOnTime,
      int completedLate,
      int inProgress,
      int overdue,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double onTimeRate,
      int escalations,
      int missingProgressReports) {

    public int open() {
      return inProgress + overdue;
    }
  }

  /** A lead unit: its code, its Vietnamese name and its figures (flattened into the same JSON object). */
  public record UnitFigures(String code, String name, @JsonUnwrapped Figures figures) {
  }

  /** A task open at the month's end past its deadline, with the highest escalation level reached by then. */
  public record OverdueTask(
      String taskId,
      String directiveId,
      String reference,
      String taskKey,
      String title,
      String leadUnit,
      String leadUnitName,
      LocalDate deadline,
      int daysOverdue,
      int escalationLevel) {
  }

  /** A unit's place, worst first: most overdue tasks, then lowest on-time rate. */
  public record RankedUnit(
      int rank,
      String code,
      String name,
      int overdue,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double onTimeRate) {
  }

  /** One month end of the trend: on-time completions and overdue tasks as they stood then. */
  public record TrendPoint(String month, int completedOnTime, int overdue) {
  }
}

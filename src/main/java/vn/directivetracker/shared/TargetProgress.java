package vn.directivetracker.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How far a task has come towards its target: the value its lead unit last reported against the target, the
 * trend of its reports, and whether it is far from the target.
 *
 * <p>A task is <b>far from its target</b> when the share of the way from baseline to target it has covered is
 * more than {@value #FAR_MARGIN_PERCENT} percentage points behind the share of its time that has passed (from
 * the issue date to the deadline; all of it once the deadline has passed or the task is completed). A task
 * without a deadline is far only once completed short of its target. No value reported counts as no way
 * covered.
 *
 * @param target the target
 * @param reached the latest value reported, null when none was
 * @param values every value reported, oldest first: the trend
 * @param percentOfWay the share of the way covered, in percent (may be below 0 or above 100); null without a value
 * @param percentOfTime the share of the task's time passed, in percent; null without a deadline
 * @param trend whether the latest value moved towards the target since the one before
 * @param far whether the task is far from its target
 */
public record TargetProgress(
    @com.fasterxml.jackson.annotation.JsonIgnore TaskTarget target,
    BigDecimal reached,
    List<BigDecimal> values,
    Integer percentOfWay,
    Integer percentOfTime,
    Trend trend,
    boolean far) {

  /** How many percentage points behind its time a task may be before it is far from its target. */
  public static final int FAR_MARGIN_PERCENT = 25;

  /** The direction of the last two values, judged by the target's direction. */
  public enum Trend {
    /** Fewer than two values. */
    NONE,
    /** Moved towards the target. */
    BETTER,
    /** Did not move. */
    SAME,
    /** Moved away from the target. */
    WORSE
  }

  /**
   * The progress of a task with {@code target} whose lead reported {@code values} (oldest first), as of
   * {@code asOf}.
   *
   * @param completed whether the task is completed (all its time counts as passed)
   */
  public static TargetProgress of(TaskTarget target, List<BigDecimal> values, LocalDate issuedOn,
      LocalDate deadline, LocalDate asOf, boolean completed) {
    BigDecimal reached = values.isEmpty() ? null : values.get(values.size() - 1);
    BigDecimal way = target.value().subtract(target.baselineOrZero());
    Integer percentOfWay = reached == null || way.signum() == 0 ? null
        : reached.subtract(target.baselineOrZero()).multiply(BigDecimal.valueOf(100))
            .divide(way, MathContext.DECIMAL64).setScale(0, RoundingMode.HALF_UP).intValue();
    Integer percentOfTime = completed ? Integer.valueOf(100) : timeShare(issuedOn, deadline, asOf);
    int covered = percentOfWay == null ? 0 : percentOfWay;
    boolean far = percentOfTime != null && covered < percentOfTime - FAR_MARGIN_PERCENT;
    return new TargetProgress(target, reached, List.copyOf(values), percentOfWay, percentOfTime,
        trend(values, way.signum()), far);
  }

  private static Integer timeShare(LocalDate issuedOn, LocalDate deadline, LocalDate asOf) {
    if (deadline == null || issuedOn == null) {
      return null;
    }
    long total = ChronoUnit.DAYS.between(issuedOn, deadline);
    long passed = ChronoUnit.DAYS.between(issuedOn, asOf);
    if (total <= 0 || passed >= total) {
      return 100;
    }
    return (int) Math.max(0, Math.round(100.0 * passed / total));
  }

  private static Trend trend(List<BigDecimal> values, int direction) {
    if (values.size() < 2) {
      return Trend.NONE;
    }
    int moved = values.get(values.size() - 1).compareTo(values.get(values.size() - 2)) * direction;
    return moved > 0 ? Trend.BETTER : moved < 0 ? Trend.WORSE : Trend.SAME;
  }

  /** The values as people read a trend: "40 → 55 → 70". */
  public String trendText() {
    return String.join(" → ", values.stream().map(BigDecimal::toPlainString).toList());
  }
}

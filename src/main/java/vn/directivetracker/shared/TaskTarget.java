package vn.directivetracker.shared;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A task's measurable target, as a notice sets it: "76/76 essential services online" is measure "essential
 * services online", unit "services", baseline 40 (where the task starts), value 76 (where it must end). A
 * target may go down ("paper records: from 1,200 to 0"): progress is the share of the way from the baseline to
 * the value.
 *
 * @param measure what is measured
 * @param unit what it is counted in ("%", "services", "provinces")
 * @param baseline where the task starts; absent means 0
 * @param value the value to reach
 */
public record TaskTarget(
    @NotBlank @Size(max = 200) String measure,
    @NotBlank @Size(max = 64) String unit,
    @Digits(integer = 15, fraction = 4) @DecimalMin("-1e15") @DecimalMax("1e15") BigDecimal baseline,
    @NotNull @Digits(integer = 15, fraction = 4) @DecimalMin("-1e15") @DecimalMax("1e15") BigDecimal value) {

  /** The baseline, 0 when the notice gave none. */
  public BigDecimal baselineOrZero() {
    return baseline == null ? BigDecimal.ZERO : baseline;
  }

  /** Whether there is a way to go: a target equal to its baseline measures nothing. */
  public boolean hasWay() {
    return value != null && value.compareTo(baselineOrZero()) != 0;
  }
}

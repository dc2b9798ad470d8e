package vn.directivetracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.directivetracker.shared.TargetProgress.Trend;

/** Value against target: the share of the way, the trend and the rule for "far from its target". */
class TargetProgressTest {

  private static final LocalDate ISSUED = LocalDate.of(2024, 1, 1);
  private static final LocalDate DEADLINE = LocalDate.of(2024, 12, 31);
  private static final LocalDate JULY = LocalDate.of(2024, 7, 1);
  private static final TaskTarget SERVICES = new TaskTarget("essential services online", "services",
      new BigDecimal("40"), new BigDecimal("76"));

  private static List<BigDecimal> values(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  @Test
  void theShareOfTheWayFromBaselineToTargetAndTheTrend() {
    TargetProgress p = TargetProgress.of(SERVICES, values("49", "58"), ISSUED, DEADLINE, JULY, false);
    assertThat(p.reached()).isEqualByComparingTo("58");
    assertThat(p.percentOfWay()).isEqualTo(50);
    assertThat(p.percentOfTime()).isEqualTo(50);
    assertThat(p.trend()).isEqualTo(Trend.BETTER);
    assertThat(p.far()).isFalse();
    assertThat(p.trendText()).isEqualTo("49 → 58");
  }

  @Test
  void farMeansMoreThan25PointsBehindTheTimePassed() {
    LocalDate july = LocalDate.of(2024, 7, 1);
    // Half the time passed: 25% of the way is exactly 25 points behind, not far; 24% is far.
    assertThat(TargetProgress.of(SERVICES, values("49"), ISSUED, DEADLINE, july, false).far()).isFalse();
    TargetProgress behind = TargetProgress.of(SERVICES, values("48.6"), ISSUED, DEADLINE, july, false);
    assertThat(behind.percentOfWay()).isEqualTo(24);
    assertThat(behind.far()).isTrue();
    // Nothing reported counts as no way covered.
    assertThat(TargetProgress.of(SERVICES, List.of(), ISSUED, DEADLINE, july, false).far()).isTrue();
    assertThat(TargetProgress.of(SERVICES, List.of(), ISSUED, DEADLINE, LocalDate.of(2024, 2, 1), false).far())
        .isFalse();
  }

  @Test
  void pastTheDeadlineOrCompletedAllTheTimeHasPassed() {
    TargetProgress late = TargetProgress.of(SERVICES, values("60", "66"), ISSUED, DEADLINE, LocalDate.of(2025, 2, 1),
        false);
    assertThat(late.percentOfTime()).isEqualTo(100);
    assertThat(late.percentOfWay()).isEqualTo(72);
    assertThat(late.far()).isTrue();
    assertThat(TargetProgress.of(SERVICES, values("70"), ISSUED, null, LocalDate.of(2024, 3, 1), true).far())
        .isFalse();
    assertThat(TargetProgress.of(SERVICES, values("50"), ISSUED, null, LocalDate.of(2024, 3, 1), true).far()).isTrue();
  }

  @Test
  void withoutDeadlineAnOpenTaskIsNeverFar() {
    TargetProgress open = TargetProgress.of(SERVICES, List.of(), ISSUED, null, LocalDate.of(2030, 1, 1), false);
    assertThat(open.percentOfTime()).isNull();
    assertThat(open.percentOfWay()).isNull();
    assertThat(open.far()).isFalse();
  }

  @Test
  void aTargetThatGoesDownJudgesTheTrendTheOtherWay() {
    TaskTarget paper = new TaskTarget("paper records", "records", new BigDecimal("1200"), BigDecimal.ZERO);
    TargetProgress p = TargetProgress.of(paper, values("900", "600"), ISSUED, DEADLINE, JULY, false);
    assertThat(p.percentOfWay()).isEqualTo(50);
    assertThat(p.trend()).isEqualTo(Trend.BETTER);
    assertThat(TargetProgress.of(paper, values("600", "700"), ISSUED, DEADLINE, JULY, false).trend())
        .isEqualTo(Trend.WORSE);
    assertThat(TargetProgress.of(paper, values("600", "600"), ISSUED, DEADLINE, JULY, false).trend())
        .isEqualTo(Trend.SAME);
  }

  @Test
  void aTargetWithoutBaselineStartsAtZero() {
    TaskTarget share = new TaskTarget("recipients paid without cash", "%", null, new BigDecimal("90"));
    assertThat(share.baselineOrZero()).isZero();
    assertThat(share.hasWay()).isTrue();
    assertThat(TargetProgress.of(share, values("45"), ISSUED, DEADLINE, LocalDate.of(2024, 7, 1), false).percentOfWay())
        .isEqualTo(50);
    assertThat(new TaskTarget("x", "%", new BigDecimal("5"), new BigDecimal("5.0")).hasWay()).isFalse();
  }
}

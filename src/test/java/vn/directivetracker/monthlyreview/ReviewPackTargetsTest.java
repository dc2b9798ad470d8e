package vn.directivetracker.monthlyreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.directivetracker.reporting.MonthlyReport;
import vn.directivetracker.shared.TargetProgress;
import vn.directivetracker.shared.TaskTarget;

/** The review meeting's form names the tasks far from their target, one a line, within what a variable holds. */
class ReviewPackTargetsTest {

  private static MonthlyReport.TargetTask task(String key, String reached, LocalDate asOf) {
    TaskTarget target = new TaskTarget("Dịch vụ công trực tuyến", "dịch vụ", new BigDecimal("40"),
        new BigDecimal("76"));
    return new MonthlyReport.TargetTask("id-" + key, "d", "06/TB", key, "title", "MOH", "Bộ Y tế", target,
        TargetProgress.of(target, List.of(new BigDecimal(reached)), LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 12, 31), asOf, false));
  }

  private static MonthlyReport report(List<MonthlyReport.TargetTask> targets) {
    return new MonthlyReport("P06WG", "Tổ công tác", "2024-07", LocalDate.of(2024, 7, 31), LocalDate.of(2024, 7, 25),
        List.of(), new MonthlyReport.Figures(0, 0, 0, 0, null, 0, 0), List.of(), List.of(), List.of(), targets, null);
  }

  @Test
  void onlyTheFarTasksAreNamed() {
    LocalDate july = LocalDate.of(2024, 7, 31);
    String shown = BuildReviewPack.farFromTarget(report(List.of(task("W01", "45", july), task("W02", "70", july))));
    assertThat(shown)
        .isEqualTo("06/TB W01 (MOH): Dịch vụ công trực tuyến 45 / 76 dịch vụ, 58% thời gian / of the time");
    assertThat(BuildReviewPack.farFromTarget(report(List.of(task("W02", "70", july))))).isEmpty();
  }

  @Test
  void aLongListIsCutToWhatAVariableHolds() {
    LocalDate july = LocalDate.of(2024, 7, 31);
    List<MonthlyReport.TargetTask> many = java.util.stream.IntStream.range(0, 100)
        .mapToObj(i -> task("W" + i, "41", july)).toList();
    String shown = BuildReviewPack.farFromTarget(report(many));
    assertThat(shown).hasSize(4000).endsWith("…");
  }
}

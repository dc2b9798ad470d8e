package vn.directivetracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A conclusion with several leads, rolled up: who reported and who is overdue, per conclusion. */
class ConclusionRollupTest {

  @Test
  void countsTheUnitsThatReportedAndNamesTheOverdueOnes() {
    List<ConclusionRollup.Member> members = new ArrayList<>();
    String[] ministries = {"MOD", "MPS", "MOFA", "MOHA", "MOJ", "MOF", "MOIT", "MAE", "MOC", "MCST", "MOST", "MOET",
        "MOH"};
    for (int i = 0; i < ministries.length; i++) {
      TaskStatus status = i < 3 ? TaskStatus.COMPLETED_ON_TIME
          : ministries[i].equals("MOF") || ministries[i].equals("MAE") ? TaskStatus.OVERDUE : TaskStatus.IN_PROGRESS;
      members.add(new ConclusionRollup.Member("W01", ministries[i], status, i >= 3 && i < 5));
    }
    members.add(new ConclusionRollup.Member("W02", "HANOI", TaskStatus.IN_PROGRESS, false));
    List<ConclusionRollup> rollups = ConclusionRollup.of(members,
        codes -> codes.contains("HANOI") ? new String[] {"tỉnh, thành phố", "provinces"}
            : new String[] {"bộ, cơ quan ngang bộ", "ministries"});
    assertThat(rollups).hasSize(2);
    ConclusionRollup w01 = rollups.get(0);
    assertThat(w01.units()).isEqualTo(13);
    assertThat(w01.reported()).isEqualTo(5);
    assertThat(w01.completed()).isEqualTo(3);
    assertThat(w01.overdue()).containsExactly("MOF", "MAE");
    assertThat(w01.summary()).isEqualTo("5/13 bộ, cơ quan ngang bộ đã báo cáo; quá hạn: MOF, MAE"
        + " / 5 of 13 ministries have reported; overdue: MOF, MAE");
    assertThat(rollups.get(1).summary()).isEqualTo("0/1 tỉnh, thành phố đã báo cáo / 0 of 1 provinces have reported");
  }
}

package vn.directivetracker.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One conclusion of a notice that named several leads, rolled up over its tasks (one per unit): how many
 * units have reported, and which are overdue. Review and escalation stay per task; this is what the
 * directive view, the monthly report and the review pack show above them.
 *
 * @param key the conclusion's key as the notice gave it ({@code W01})
 * @param summary "5/13 bộ, cơ quan đã báo cáo; quá hạn: MOF, MAE / 5 of 13 ministries have reported; overdue:
 *     MOF, MAE"
 */
public record ConclusionRollup(String key, int units, int reported, int completed, List<String> overdue,
    String summary) {

  /** One task of a conclusion: its lead, where it stands, and whether its lead has reported. */
  public record Member(String conclusionKey, String leadUnit, TaskStatus status, boolean reported) {
  }

  /**
   * @param kind the plural that names the members' units, Vietnamese and English ({"bộ, cơ quan", "ministries"})
   */
  public static List<ConclusionRollup> of(List<Member> members, Function<List<String>, String[]> kind) {
    Map<String, List<Member>> byKey = new LinkedHashMap<>();
    members.forEach(m -> byKey.computeIfAbsent(m.conclusionKey(), k -> new ArrayList<>()).add(m));
    List<ConclusionRollup> rollups = new ArrayList<>();
    byKey.forEach((key, tasks) -> {
      int reported = (int) tasks.stream().filter(m -> m.reported() || m.status() == TaskStatus.COMPLETED_ON_TIME
          || m.status() == TaskStatus.COMPLETED_LATE).count();
      int completed = (int) tasks.stream().filter(m -> m.status() == TaskStatus.COMPLETED_ON_TIME
          || m.status() == TaskStatus.COMPLETED_LATE).count();
      List<String> overdue = tasks.stream().filter(m -> m.status() == TaskStatus.OVERDUE).map(Member::leadUnit).toList();
      String[] words = kind.apply(tasks.stream().map(Member::leadUnit).toList());
      String over = overdue.isEmpty() ? "" : "; quá hạn: " + String.join(", ", overdue);
      String overEn = overdue.isEmpty() ? "" : "; overdue: " + String.join(", ", overdue);
      String summary = reported + "/" + tasks.size() + " " + words[0] + " đã báo cáo" + over + " / " + reported
          + " of " + tasks.size() + " " + words[1] + " have reported" + overEn;
      rollups.add(new ConclusionRollup(key, tasks.size(), reported, completed, overdue, summary));
    });
    return rollups;
  }

  /** The members of the directive's conclusions, in notice order, as of {@code today}. */
  static Member member(String key, String lead, String state, LocalDate deadline, LocalDate completedOn,
      boolean reported, LocalDate today) {
    return new Member(key, lead, TaskStatus.of(state, deadline, completedOn, today), reported);
  }
}

package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.shared.TaskStatus;

/** A directive as the API answers it: the notice and, per task, who leads, by when, and where it stands. */
public record DirectiveView(
    String id,
    String reference,
    String issuer,
    LocalDate issuedOn,
    String title,
    String status,
    List<TaskView> tasks,
    /** The conclusions that named several leads, rolled up; absent when none did. */
    List<vn.directivetracker.shared.ConclusionRollup> conclusions) {

  record TaskView(
      String id,
      String key,
      String title,
      String domain,
      String province,
      String leadUnit,
      String leadDecidedBy,
      List<String> coordinatingUnits,
      LocalDate deadline,
      /** Set when the issuer gave the deadline as a number of working days after the issue date. */
      Integer deadlineWorkingDays,
      boolean keyTask,
      String expectedResult,
      TaskStatus status,
      LocalDate completedOn,
      int escalationLevel,
      Subtasks subtasks,
      /** The lead as the notice named it ("Bộ Thông tin và Truyền thông"); absent when the decision chose it. */
      String leadUnitAsWritten,
      /** Each coordinating unit as the notice named it, in the order of coordinatingUnits. */
      List<String> coordinatingUnitsAsWritten,
      /** The key of the conclusion this task is one lead of ({@code W01} for {@code W01-CAMAU}). */
      String conclusion) {
  }

  /** How far the sub-tasks a lead unit split this task into have come; absent when it split nothing. */
  public record Subtasks(int total, int completed, int overdue) {
  }
}

package vn.directivetracker.shared;

import java.time.LocalDate;

/**
 * The Government Office's vocabulary for a task's state. Derived from business dates, never stored,
 * so a task becomes OVERDUE the moment its deadline day is over.
 */
public enum TaskStatus {
  IN_PROGRESS, OVERDUE, COMPLETED_ON_TIME, COMPLETED_LATE, WITHDRAWN;

  public static TaskStatus of(String state, LocalDate deadline, LocalDate completedOn, LocalDate today) {
    switch (state) {
      case TaskRecord.WITHDRAWN:
        return WITHDRAWN;
      case TaskRecord.COMPLETED:
        return deadline == null || !completedOn.isAfter(deadline) ? COMPLETED_ON_TIME : COMPLETED_LATE;
      default:
        return deadline != null && today.isAfter(deadline) ? OVERDUE : IN_PROGRESS;
    }
  }
}

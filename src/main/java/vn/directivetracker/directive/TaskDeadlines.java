package vn.directivetracker.directive;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.directivetracker.workingdays.UnknownHolidayYearException;
import vn.directivetracker.workingdays.WorkingDayCalendar;

/**
 * The deadline day of a task as issued: the date the issuer wrote, or the day {@code n} working days
 * after the issue date (weekends and Vietnam's public holidays skipped, as the Government Office counts
 * "within 10 working days").
 */
@Component
record TaskDeadlines(WorkingDayCalendar calendar) {

  static final int MIN_WORKING_DAYS = 1;
  static final int MAX_WORKING_DAYS = 365;

  /**
   * The day to store as the task's deadline; null when the task has none.
   *
   * @throws UnknownHolidayYearException when the count runs into a year whose holidays are not published
   */
  LocalDate deadlineOf(IssueDirectiveRequest.TaskRequest task, LocalDate issuedOn) {
    if (task.deadlineWorkingDays() != null) {
      return calendar.plusWorkingDays(issuedOn, task.deadlineWorkingDays());
    }
    return task.deadline();
  }
}

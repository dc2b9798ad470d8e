package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.directivetracker.workingdays.ResolvedDeadline;
import vn.directivetracker.workingdays.UnknownHolidayYearException;
import vn.directivetracker.workingdays.UnreadableDeadlineException;
import vn.directivetracker.workingdays.WorkingDayCalendar;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * The deadline day of a task as issued: the day the issuer's words mean ("quý I/2024", "trước Tết", see
 * docs/deadlines.md), or the day {@code n} working days after the issue date (weekends and Vietnam's public
 * holidays skipped, as the Government Office counts "within 10 working days").
 */
@Component
record TaskDeadlines(WorkingDayCalendar calendar, WrittenDeadlines written) {

  static final int MIN_WORKING_DAYS = 1;
  static final int MAX_WORKING_DAYS = 365;

  /**
   * The day to store as the task's deadline; null when the task has none.
   *
   * @throws UnknownHolidayYearException when the count runs into a year whose holidays are not published
   * @throws UnreadableDeadlineException when the written deadline is no form of the table
   */
  LocalDate deadlineOf(IssueDirectiveRequest.TaskRequest task, LocalDate issuedOn) {
    if (task.deadlineWorkingDays() != null) {
      return calendar.plusWorkingDays(issuedOn, task.deadlineWorkingDays());
    }
    return asWritten(task, issuedOn).map(ResolvedDeadline::date).orElse(null);
  }

  /**
   * The written deadline and the day it means; empty when the task has none written.
   *
   * @throws UnreadableDeadlineException when the words are no form of the table
   */
  Optional<ResolvedDeadline> asWritten(IssueDirectiveRequest.TaskRequest task, LocalDate issuedOn) {
    return written.resolve(task.deadline(), issuedOn);
  }
}

package vn.directivetracker.monthlyreview;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.workingdays.WorkingDayCalendar;

/**
 * The first step of every morning's {@code monthly-review} instance: is a review due today? It is on the
 * month's first working day (by the holiday calendar, so 2 May 2024 after the 30/4 - 1/5 break), and on a
 * later day of the month when that day was missed (the server was down), but only once a month: the run is
 * claimed in dt_review_run. When due it names the reviewed month (the previous one) and the issuers that
 * had open tasks at its end, the collection the review sub-process runs for.
 */
@Component("monthlyReviewSchedule")
public record MonthlyReviewSchedule(WorkingDayCalendar calendar, ReviewRepository reviews, BusinessClock clock)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate today = clock.today();
    YearMonth thisMonth = YearMonth.from(today);
    YearMonth reviewed = thisMonth.minusMonths(1);
    boolean due = !today.isBefore(firstWorkingDay(calendar, thisMonth))
        && reviews.claimRun(thisMonth.toString(), reviewed.toString(), clock.now(), execution.getProcessInstanceId());
    List<String> issuers = new ArrayList<>();
    if (due) {
      issuers.addAll(reviews.issuersWithOpenTasks(reviewed.atEndOfMonth(),
          clock.at(thisMonth.atDay(1), LocalTime.MIDNIGHT).toInstant()));
    }
    execution.setVariable(ProcessVariables.REVIEW_DUE, due);
    execution.setVariable(ProcessVariables.REVIEW_MONTH, reviewed.toString());
    // Kept as text (visible in Cockpit, no serialised Java object); the sub-process iterates issuers(...).
    execution.setVariable(ProcessVariables.REVIEW_ISSUERS, String.join(",", issuers));
  }

  /** The issuers of a run, as the collection of the review sub-process. */
  public List<String> issuers(String csv) {
    return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
  }

  /** The first working day of a month: the first day after the previous month's last that is one. */
  static LocalDate firstWorkingDay(WorkingDayCalendar calendar, YearMonth month) {
    return calendar.plusWorkingDays(month.atDay(1).minusDays(1), 1);
  }
}

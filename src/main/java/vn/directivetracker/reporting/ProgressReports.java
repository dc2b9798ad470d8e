package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessElements;
import vn.directivetracker.shared.ProcessVariables;

/**
 * The monthly progress report of an open task: the reporting period opens
 * {@code directive.progress-report-opens-days-before} days before the report day
 * ({@code directive.progress-report-day}, the 25th) at 08:00 Ha Noi time, and the report is due by the end
 * of that day. The escalation sweep opens the period of each open task at {@link #nextOpening}
 * (dt_task.next_progress_at). Each opening opens one period: the listener
 * gives the event sub-process its own period, due date and empty answers, so two open periods never share
 * variables, and asks for no report while the completion report waits for review.
 */
@Component("progressReports")
public class ProgressReports implements ExecutionListener {

  static final LocalTime OPENS_AT = LocalTime.of(8, 0);
  static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM");

  private final BusinessClock clock;
  private final int reportDay;
  private final int opensDaysBefore;

  ProgressReports(BusinessClock clock, @Value("${directive.progress-report-day:25}") int reportDay,
      @Value("${directive.progress-report-opens-days-before:10}") int opensDaysBefore) {
    if (reportDay < 1 || reportDay > 28) {
      throw new IllegalArgumentException("directive.progress-report-day must be 1..28 (every month has it): "
          + reportDay);
    }
    if (opensDaysBefore < 0 || opensDaysBefore >= reportDay) {
      throw new IllegalArgumentException("directive.progress-report-opens-days-before must be 0.." + (reportDay - 1));
    }
    this.clock = clock;
    this.reportDay = reportDay;
    this.opensDaysBefore = opensDaysBefore;
  }

  /**
   * The next opening of a reporting period strictly after now: when the escalation sweep next opens one for a
   * task ({@code dt_task.next_progress_at}).
   */
  public Date nextOpening() {
    return clock.at(nextOpeningDay(), OPENS_AT);
  }

  private LocalDate nextOpeningDay() {
    LocalDate today = clock.today();
    LocalDate opening = opening(YearMonth.from(today));
    if (!clock.at(opening, OPENS_AT).toInstant().isAfter(clock.now())) {
      opening = opening(YearMonth.from(today).plusMonths(1));
    }
    return opening;
  }

  LocalDate opening(YearMonth month) {
    return month.atDay(reportDay).minusDays(opensDaysBefore);
  }

  /** The period a report opened today belongs to: the month whose report day is next (today included). */
  YearMonth periodOpenedOn(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return day.getDayOfMonth() > reportDay ? month.plusMonths(1) : month;
  }

  @Override
  public void notify(DelegateExecution execution) {
    YearMonth period = periodOpenedOn(clock.today());
    execution.setVariableLocal(ProcessVariables.PROGRESS_PERIOD, PERIOD.format(period));
    execution.setVariableLocal(ProcessVariables.PROGRESS_DUE_AT, clock.at(period.atDay(reportDay), LocalTime.of(23,
        59, 59)));
    // Declared here so that what the form submits stays in this period's scope.
    execution.setVariableLocal(ReportVariables.PROGRESS_PERCENT, null);
    execution.setVariableLocal(ReportVariables.PROGRESS_TEXT, null);
    execution.setVariableLocal(ReportVariables.VALUE_REACHED, null);
    long carryingOut = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(ProcessElements.CARRY_OUT).count();
    execution.setVariableLocal(ProcessVariables.PROGRESS_REPORT_WANTED, carryingOut > 0);
  }
}

package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;

/**
 * The secretariat returned the report: the review is recorded with its comment and the work goes back
 * to the lead unit, whose new task shows the comment (the assignment notice tells it too).
 */
@Component("returnReport")
class ReturnReport implements JavaDelegate {

  private final ReportRepository reports;
  private final BusinessClock clock;
  private final FormContext formContext;

  ReturnReport(ReportRepository reports, BusinessClock clock, FormContext formContext) {
    this.reports = reports;
    this.clock = clock;
    this.formContext = formContext;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.review((String) execution.getVariable("lastReportId"), ReportRepository.RETURNED,
        ReportVariables.text(execution, ReportVariables.COMMENT), (String) execution.getVariable("reviewedBy"),
        clock.now());
    formContext.addReturn(execution, (String) execution.getVariable("reviewedBy"), clock.today(),
        ReportVariables.text(execution, ReportVariables.COMMENT));
    execution.setVariable("returnCount", ((Number) execution.getVariable("returnCount")).intValue() + 1);
  }
}

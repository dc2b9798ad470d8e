package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/**
 * The secretariat returned the report: the review is recorded with its comment and the work goes back
 * to the lead unit, whose new task shows the comment (the assignment notice tells it too).
 */
@Component("returnReport")
record ReturnReport(ReportRepository reports, BusinessClock clock, FormContext formContext)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    reports.reviewAwaiting(ProcessVariables.directiveTaskId(execution), ReportRepository.RETURNED,
        ReportVariables.text(execution, ReportVariables.COMMENT),
            (String) execution.getVariable(ProcessVariables.REVIEWED_BY),
        clock.now());
    formContext.addReturn(execution, (String) execution.getVariable(ProcessVariables.REVIEWED_BY), clock.today(),
        ReportVariables.text(execution, ReportVariables.COMMENT));
    // Absent until the first return (LoadDirectiveTask does not set it: a variable costs rows on every task).
    Object returns = execution.getVariable(ProcessVariables.RETURN_COUNT);
    execution.setVariable(ProcessVariables.RETURN_COUNT, (returns instanceof Number n ? n.intValue() : 0) + 1);
  }
}

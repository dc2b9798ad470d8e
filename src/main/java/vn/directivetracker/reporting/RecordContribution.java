package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/** Keeps a coordinating unit's contribution, which the lead and the reviewer then see. */
@Component("recordContribution")
record RecordContribution(ReportRepository reports, BusinessClock clock, FormContext formContext)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    reports.insert(ProcessVariables.directiveTaskId(execution), ReportRepository.CONTRIBUTION,
        (String) execution.getVariable(ProcessVariables.COORDINATING_UNIT),
            (String) execution.getVariable(ProcessVariables.CONTRIBUTED_BY),
        ReportVariables.text(execution, ReportVariables.CONTRIBUTION), null, clock.now());
    formContext.addContribution(execution, (String) execution.getVariable(ProcessVariables.COORDINATING_UNIT),
        clock.today(),
        ReportVariables.text(execution, ReportVariables.CONTRIBUTION));
  }
}

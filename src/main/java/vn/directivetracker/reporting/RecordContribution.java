package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;

/** Keeps a coordinating unit's contribution, which the lead and the reviewer then see. */
@Component("recordContribution")
class RecordContribution implements JavaDelegate {

  private final ReportRepository reports;
  private final BusinessClock clock;

  RecordContribution(ReportRepository reports, BusinessClock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reports.insert((String) execution.getVariable("directiveTaskId"), ReportRepository.CONTRIBUTION,
        (String) execution.getVariable("coordinatingUnit"), (String) execution.getVariable("contributedBy"),
        ReportVariables.text(execution, ReportVariables.CONTRIBUTION), null, clock.now());
  }
}

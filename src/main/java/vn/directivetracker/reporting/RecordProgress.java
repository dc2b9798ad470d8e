package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/** Keeps a monthly progress report (kind PROGRESS) for its period; oversight counts the missing ones. */
@Component("recordProgress")
record RecordProgress(ReportRepository reports, BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reportId = reports.insertProgress(ProcessVariables.directiveTaskId(execution),
        (String) execution.getVariable(ProcessVariables.LEAD_UNIT),
        (String) execution.getVariable(ProcessVariables.PROGRESS_REPORTED_BY), ReportVariables.text(execution,
            ReportVariables.PROGRESS_TEXT),
        (String) execution.getVariable(ProcessVariables.PROGRESS_PERIOD),
        ReportVariables.percent(execution, ReportVariables.PROGRESS_PERCENT), clock.now());
    reports.setValueReached(reportId, ReportVariables.number(execution, ReportVariables.VALUE_REACHED));
  }
}

package vn.directivetracker.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/** Keeps the lead unit's report (each submission, returned ones too) before it goes to review. */
@Component("recordReport")
record RecordReport(ReportRepository reports, BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reportId = reports.insert(ProcessVariables.directiveTaskId(execution), ReportRepository.COMPLETION,
        (String) execution.getVariable(ProcessVariables.LEAD_UNIT),
            (String) execution.getVariable(ProcessVariables.REPORT_SUBMITTED_BY),
        ReportVariables.text(execution, ReportVariables.RESULT),
        ReportVariables.date(execution, ReportVariables.COMPLETION_DATE, clock.zone()), clock.now());
    Integer percent = ReportVariables.percent(execution, ReportVariables.PROGRESS_PERCENT);
    if (percent != null) {
      reports.setProgress(reportId, percent);
    }
    reports.setValueReached(reportId, ReportVariables.number(execution, ReportVariables.VALUE_REACHED));
    // No lastReportId variable: the review finds the report awaiting it in dt_report (reviewAwaiting).
    // A new report is reviewed afresh: the decision and comment on the one returned before must neither
    // prefill the reviewer's form nor be recorded as this report's review.
    execution.removeVariable(ReportVariables.ACCEPTED);
    execution.removeVariable(ReportVariables.COMMENT);
  }
}

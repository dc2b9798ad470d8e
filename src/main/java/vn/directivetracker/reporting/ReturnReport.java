package vn.directivetracker.reporting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;

/**
 * The secretariat returned the report: the review is recorded with its comment and the work goes back
 * to the lead unit, whose new task shows the comment (the assignment notice tells it too). The new task is
 * the officer's who submitted the report ({@code returnedTo}, the carry-out task's assignee), so they need
 * not claim it again; when they have left the lead unit since, it goes to the unit unclaimed.
 */
@Component("returnReport")
record ReturnReport(ReportRepository reports, BusinessClock clock, FormContext formContext,
    IdentityService identity, PrivilegedEngine engine) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = ProcessVariables.directiveTaskId(execution);
    reports.reviewAwaiting(taskId, ReportRepository.RETURNED,
        ReportVariables.text(execution, ReportVariables.COMMENT),
            (String) execution.getVariable(ProcessVariables.REVIEWED_BY),
        clock.now());
    formContext.addReturn(execution, (String) execution.getVariable(ProcessVariables.REVIEWED_BY), clock.today(),
        ReportVariables.text(execution, ReportVariables.COMMENT));
    // Absent until the first return (LoadDirectiveTask does not set it: a variable costs rows on every task).
    Object returns = execution.getVariable(ProcessVariables.RETURN_COUNT);
    execution.setVariable(ProcessVariables.RETURN_COUNT, (returns instanceof Number n ? n.intValue() : 0) + 1);
    String submitter = reports.latestSubmitter(taskId);
    String lead = (String) execution.getVariable(ProcessVariables.LEAD_UNIT);
    // The reviewer may not read users: the membership is the process's question, not theirs.
    boolean stillInUnit = submitter != null && lead != null && engine.call(() ->
        identity.createUserQuery().userId(submitter).memberOfGroup(lead).count() == 1);
    execution.setVariable(ProcessVariables.RETURNED_TO, stillInUnit ? submitter : null);
  }
}

package vn.directivetracker.reporting;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskNotices;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * The secretariat accepted the report: the task closes on the completion date of the accepted report (dt_report),
 * which decides
 * on time or late against the deadline; the lead and the coordinating units are told.
 */
@Component("acceptReport")
record AcceptReport(ReportRepository reports, DirectiveTasks tasks, TaskNotices notices,
    BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = ProcessVariables.directiveTaskId(execution);
    // The completion date is the accepted report's, as dt_report keeps it: a variable could have been
    // written after the report (by an administrator), the record cannot.
    LocalDate completedOn = reports.reviewAwaiting(taskId, ReportRepository.ACCEPTED,
        ReportVariables.text(execution, ReportVariables.COMMENT),
            (String) execution.getVariable(ProcessVariables.REVIEWED_BY),
        clock.now());
    tasks.markCompleted(taskId, completedOn, clock.now());
    TaskRecord task = tasks.load(taskId);
    // On time or late is dt_task's (status), not a variable: nothing in the model reads it.
    String outcome = task.status(clock.today()).name();

    notices.tell(execution, NotificationEvent.ACCEPTED, taskId, task, task.involvedUnits(), null, "outcome",
        outcome.equals("COMPLETED_ON_TIME")
            ? "Hoàn thành đúng hạn / completed on time" : "Hoàn thành quá hạn / completed late");
  }
}

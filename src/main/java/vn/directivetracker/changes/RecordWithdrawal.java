package vn.directivetracker.changes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskNotices;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/** The issuer withdrew the task: it closes as WITHDRAWN and its units are told why. */
@Component("recordWithdrawal")
record RecordWithdrawal(DirectiveTasks tasks, TaskNotices notices, BusinessClock clock)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = ProcessVariables.directiveTaskId(execution);
    tasks.markWithdrawn(taskId, clock.now());
    TaskRecord task = tasks.load(taskId);
    notices.tell(execution, NotificationEvent.WITHDRAWN, taskId, task, task.involvedUnits(), null, "reason",
        String.valueOf(execution.getVariable(ProcessVariables.WITHDRAWAL_REASON)));
  }
}

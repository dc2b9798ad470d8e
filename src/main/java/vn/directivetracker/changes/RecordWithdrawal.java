package vn.directivetracker.changes;

import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;

/** The issuer withdrew the task: it closes as WITHDRAWN and its units are told why. */
@Component("recordWithdrawal")
record RecordWithdrawal(DirectiveTasks tasks, Notifier notifier, TaskFacts facts, BusinessClock clock)
    implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = ProcessVariables.directiveTaskId(execution);
    tasks.markWithdrawn(taskId, clock.now());
    TaskRecord task = tasks.load(taskId);
    Map<String, String> values = facts.of(task, null);
    values.put("reason", String.valueOf(execution.getVariable(ProcessVariables.WITHDRAWAL_REASON)));
    notifier.notify(execution,
        new Notice(NotificationEvent.WITHDRAWN, "WITHDRAWN:" + taskId, taskId, task.involvedUnits(), values));
  }
}

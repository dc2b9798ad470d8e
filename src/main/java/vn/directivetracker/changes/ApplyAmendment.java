package vn.directivetracker.changes;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * ServiceTask_ApplyAmendment, in the event sub-process the TaskAmended message starts: the process
 * variables follow the amended record (due date, lead, coordinating units, key flag) and the units
 * are told. The amendment itself (amendmentId, amendedBy, amendmentReason) came with the message and
 * stays in the variable history. The open user tasks and the sweep's next escalation and reminder are
 * changed by the caller of the API right after the message, through TaskChanges#applyToEngine.
 */
@Component("applyAmendment")
record ApplyAmendment(DirectiveTasks tasks, TaskChanges changes) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String changeId = (String) execution.getVariable(ProcessVariables.AMENDMENT_ID);
    TaskRecord task = tasks.load(ProcessVariables.directiveTaskId(execution));
    execution.setVariables(changes.variables(task));
    changes.notifyUnits(execution.getProcessInstanceId(), execution.getProcessDefinitionId(), task,
        changes.changesOf(changeId), (String) execution.getVariable(ProcessVariables.AMENDMENT_REASON), changeId);
  }
}

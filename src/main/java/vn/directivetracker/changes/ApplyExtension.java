package vn.directivetracker.changes;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.changes.TaskChanges;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskNotices;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * The issuer approved: the requested date becomes the deadline exactly as an amendment of the deadline
 * does it (TaskChanges: dt_task and dt_amendment, variables, user task due dates, deadline watch
 * restarted), the request is closed as APPROVED and the lead unit is told.
 */
@Component("applyExtension")
record ApplyExtension(ExtensionRepository extensions, DirectiveTasks tasks, TaskChanges changes,
    TaskNotices notices, BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ExtensionRepository.Extension request = extensions.find((String) execution.getVariable(ProcessVariables.EXTENSION_REQUEST_ID))
        .orElseThrow();
    String decidedBy = (String) execution.getVariable(Extensions.DECIDED_BY);
    String comment = Extensions.comment(execution);
    TaskRecord before = tasks.load(request.taskId());
    changes.record(before, TaskChanges.Change.deadline(request.requestedDeadline()), UUID.randomUUID().toString(),
        decidedBy, "Gia hạn theo đề nghị của đơn vị / extension requested: " + request.reason(), TaskChanges.EXTENSION);
    TaskRecord after = tasks.load(request.taskId());
    execution.setVariables(changes.variables(after));
    changes.applyToEngine(execution.getProcessInstanceId(), before, after);
    extensions.decide(request.id(), ExtensionRepository.APPROVED, decidedBy, comment, clock.now());
    execution.setVariable(ProcessVariables.EXTENSION_OUTCOME, ExtensionRepository.APPROVED);

    notices.tell(execution, NotificationEvent.EXTENSION_APPROVED, request.id(), after, List.of(after.leadUnit()),
        null, "comment", comment == null ? "—" : comment);
  }
}

package vn.directivetracker.changes;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskNotices;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/** The issuer refused: the request is closed as REFUSED with the comment, the deadline stays, the unit is told. */
@Component("refuseExtension")
record RefuseExtension(ExtensionRepository extensions, DirectiveTasks tasks, TaskNotices notices,
    BusinessClock clock) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ExtensionRepository.Extension request = extensions.find((String) execution.getVariable(ProcessVariables.EXTENSION_REQUEST_ID))
        .orElseThrow();
    String comment = Extensions.comment(execution);
    extensions.decide(request.id(), ExtensionRepository.REFUSED, (String) execution.getVariable(Extensions.DECIDED_BY),
        comment, clock.now());
    execution.setVariable(ProcessVariables.EXTENSION_OUTCOME, ExtensionRepository.REFUSED);
    TaskRecord task = tasks.load(request.taskId());
    notices.tell(execution, NotificationEvent.EXTENSION_REFUSED, request.id(), task, List.of(task.leadUnit()), null,
        "comment", comment, "requestedDeadline", Extensions.date(request.requestedDeadline()));
  }
}

package vn.directivetracker.changes;

import vn.directivetracker.shared.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;

/** The issuer refused: the request is closed as REFUSED with the comment, the deadline stays, the unit is told. */
@Component("refuseExtension")
record RefuseExtension(ExtensionRepository extensions, DirectiveTasks tasks, Notifier notifier, TaskFacts facts,
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
    Map<String, String> values = facts.of(task, null);
    values.put("comment", comment);
    values.put("requestedDeadline", Extensions.date(request.requestedDeadline()));
    notifier.notify(execution, new Notice(NotificationEvent.EXTENSION_REFUSED, "EXTENSION_REFUSED:" + request.id(),
        task.id(), List.of(task.leadUnit()), values));
  }
}

package vn.directivetracker.changes;

import vn.directivetracker.shared.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;

/** When UserTask_DecideExtension lands in the issuer's Tasklist, its members hear of it with a link to it. */
@Component("extensionRequestNotifier")
record ExtensionRequestNotifier(DirectiveTasks tasks, ExtensionRepository extensions, Notifier notifier,
    TaskFacts facts) implements TaskListener {

  @Override
  public void notify(DelegateTask userTask) {
    TaskRecord task = tasks.load(ProcessVariables.directiveTaskId(userTask));
    ExtensionRepository.Extension request = extensions.find((String) userTask.getVariable(ProcessVariables.EXTENSION_REQUEST_ID))
        .orElseThrow(() -> new IllegalStateException("no extension request " + userTask.getVariable(ProcessVariables.EXTENSION_REQUEST_ID)));
    Map<String, String> values = facts.of(task, userTask.getId());
    values.put("requestedDeadline", Extensions.date(request.requestedDeadline()));
    values.put("reason", request.reason());
    notifier.notify(userTask.getExecution(), new Notice(NotificationEvent.EXTENSION_REQUESTED,
        "EXTENSION_REQUESTED:" + request.id(), task.id(), List.of(task.issuer()), values));
  }
}

package vn.directivetracker.changes;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.TaskNotices;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/** When UserTask_DecideExtension lands in the issuer's Tasklist, its members hear of it with a link to it. */
@Component("extensionRequestNotifier")
record ExtensionRequestNotifier(DirectiveTasks tasks, ExtensionRepository extensions,
    TaskNotices notices) implements TaskListener {

  @Override
  public void notify(DelegateTask userTask) {
    TaskRecord task = tasks.load(ProcessVariables.directiveTaskId(userTask));
    ExtensionRepository.Extension request = extensions.find((String) userTask.getVariable(ProcessVariables.EXTENSION_REQUEST_ID))
        .orElseThrow(() -> new IllegalStateException("no extension request "
        + userTask.getVariable(ProcessVariables.EXTENSION_REQUEST_ID)));
    notices.tell(userTask.getExecution(), NotificationEvent.EXTENSION_REQUESTED, request.id(), task,
        List.of(task.issuer()), userTask.getId(), "requestedDeadline", Extensions.date(request.requestedDeadline()),
        "reason", request.reason());
  }
}

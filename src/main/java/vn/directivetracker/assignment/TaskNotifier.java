package vn.directivetracker.assignment;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessElements;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * When work lands in a unit's inbox, its members hear of it with a link to that very task: the lead
 * unit on assignment (or on return, with the reviewer's comment), a coordinating unit for its
 * contribution, the secretariat for a review.
 */
@Component("taskNotifier")
record TaskNotifier(DirectiveTasks tasks, Notifier notifier, TaskFacts facts) implements TaskListener {

  @Override
  public void notify(DelegateTask userTask) {
    TaskRecord task = tasks.load(ProcessVariables.directiveTaskId(userTask));
    Map<String, String> values = facts.of(task, userTask.getId());
    NotificationEvent event;
    String group;
    switch (userTask.getTaskDefinitionKey()) {
      case ProcessElements.CARRY_OUT -> {
        // returnCount is set by the first return only (ReturnReport).
        boolean returned = userTask.getVariable(ProcessVariables.RETURN_COUNT) instanceof Number n && n.intValue() > 0;
        event = returned ? NotificationEvent.RETURNED : NotificationEvent.ASSIGNED;
        values.put("comment", String.valueOf(userTask.getVariable(ProcessVariables.REVIEW_COMMENT)));
        group = task.leadUnit();
      }
      case ProcessElements.CONTRIBUTE -> {
        event = NotificationEvent.CONTRIBUTION_REQUESTED;
        group = (String) userTask.getVariable(ProcessVariables.COORDINATING_UNIT);
        values.put("contributor", facts.name(group));
      }
      case ProcessElements.REVIEW_REPORT -> {
        event = NotificationEvent.REVIEW_REQUESTED;
        group = (String) userTask.getVariable(ProcessVariables.SECRETARIAT);
      }
      default -> throw new IllegalStateException("no notice for task " + userTask.getTaskDefinitionKey());
    }
    notifier.notify(userTask.getExecution(),
        new Notice(event, event + ":" + userTask.getId(), task.id(), List.of(group), values));
  }
}

package vn.directivetracker.notification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.TaskRecord;

/**
 * The one way a step tells units about a task: the task's facts (TaskFacts), with a link to the Tasklist
 * task when there is one, and what the step adds. The notice's idempotency key is the event and what makes
 * this occasion unique (a task, a request, a user task), so a repeated step never mails twice.
 */
@Component
public record TaskNotices(TaskFacts facts, Notifier notifier) {

  /**
   * @param tasklistTaskId the Tasklist task the mail links to, or null for none
   * @param details        what the step adds to the facts, as name and value pairs (a value may be null)
   */
  public void tell(DelegateExecution execution, NotificationEvent event, String occasion, TaskRecord task,
      List<String> units, String tasklistTaskId, String... details) {
    Map<String, String> values = facts.of(task, tasklistTaskId);
    for (int i = 0; i + 1 < details.length; i += 2) {
      values.put(details[i], details[i + 1]);
    }
    notifier.notify(execution, new Notice(event, event + ":" + occasion, task.id(), units, values));
  }
}

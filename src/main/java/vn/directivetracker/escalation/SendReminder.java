package vn.directivetracker.escalation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;
import vn.directivetracker.directive.DirectiveTasks;
import vn.directivetracker.directive.TaskRecord;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;

/** Reminds the lead unit of a coming deadline and plans the next reminder, if one is left. */
@Component("sendReminder")
class SendReminder implements JavaDelegate {

  private final DirectiveTasks tasks;
  private final Notifier notifier;
  private final TaskFacts facts;
  private final DeadlinePlan plan;
  private final BusinessClock clock;

  SendReminder(DirectiveTasks tasks, Notifier notifier, TaskFacts facts, DeadlinePlan plan, BusinessClock clock) {
    this.tasks = tasks;
    this.notifier = notifier;
    this.facts = facts;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = (String) execution.getVariable("directiveTaskId");
    TaskRecord task = tasks.load(taskId);
    Map<String, String> values = facts.of(task, null);
    values.put("daysLeft", String.valueOf(plan.daysLeft(task.deadline())));
    notifier.notify(execution, new Notice(NotificationEvent.REMINDER, "REMINDER:" + taskId + ":" + clock.today(),
        taskId, List.of(task.leadUnit()), values));
    execution.setVariable("nextReminderAt", plan.nextReminder(task));
  }
}

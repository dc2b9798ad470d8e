package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;
import vn.directivetracker.directive.DirectiveTasks;
import vn.directivetracker.directive.TaskRecord;
import vn.directivetracker.notification.Notifier;

/**
 * ServiceTask_Escalate of directive-task version 1, kept for the instances still running on it (they escalate
 * by their own timers, Timer_Overdue and Timer_NextEscalation; current instances are escalated by the
 * escalation sweep, see EscalationSweep). Carries out what the escalation-level decision said: records the
 * escalation (dt_escalation with the decision's inputs and outputs, and the task's level), tells the
 * audience, and sets when to look again.
 */
@Component("escalate")
class Escalate implements JavaDelegate {

  private final DirectiveTasks tasks;
  private final EscalationRepository escalations;
  private final Notifier notifier;
  private final EscalationNotices notices;
  private final DeadlinePlan plan;
  private final BusinessClock clock;

  Escalate(DirectiveTasks tasks, EscalationRepository escalations, Notifier notifier, EscalationNotices notices,
      DeadlinePlan plan, BusinessClock clock) {
    this.tasks = tasks;
    this.escalations = escalations;
    this.notifier = notifier;
    this.notices = notices;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = (String) execution.getVariable("directiveTaskId");
    int level = ((Number) execution.getVariable("escalationLevel")).intValue();
    String audience = (String) execution.getVariable("escalationAudience");
    int daysOverdue = ((Number) execution.getVariable("daysOverdue")).intValue();
    int nextCheckInDays = ((Number) execution.getVariable("nextCheckInDays")).intValue();
    TaskRecord task = tasks.load(taskId);
    java.util.Date lookAgain = plan.lookAgain(nextCheckInDays);

    escalations.insert(new EscalationRepository.Row(taskId, level, daysOverdue, audience, clock.now(),
        task.keyTask(), (String) execution.getVariable("leadUnitType"), nextCheckInDays, lookAgain.toInstant(), null,
        EscalationRepository.TIMER));
    tasks.recordEscalationLevel(taskId, level, clock.now());
    // Bundled: a unit gets one mail listing all its tasks escalated in the same window.
    notifier.notifyBundled(execution, notices.notice(task, level, daysOverdue, audience, clock.today()));
    execution.setVariable("nextEscalationAt", lookAgain);
  }
}

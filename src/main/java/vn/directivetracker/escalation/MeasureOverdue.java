package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;
import vn.directivetracker.directive.DirectiveTasks;

/**
 * Before the escalation-level decision: how many days the task is overdue now, its first input; working
 * days when the issuer gave the deadline in working days.
 */
@Component("measureOverdue")
class MeasureOverdue implements ExecutionListener {

  private final DeadlinePlan plan;
  private final BusinessClock clock;
  private final DirectiveTasks tasks;

  MeasureOverdue(DeadlinePlan plan, BusinessClock clock, DirectiveTasks tasks) {
    this.plan = plan;
    this.clock = clock;
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateExecution execution) {
    java.util.Date deadline = (java.util.Date) execution.getVariable("deadline");
    boolean inWorkingDays = tasks.deadlineGivenInWorkingDays((String) execution.getVariable("directiveTaskId"));
    execution.setVariable("daysOverdue", plan.daysOverdue(clock.dayOf(deadline), inWorkingDays));
  }
}

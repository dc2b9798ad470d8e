package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;

/** Before the escalation-level decision: how many days the task is overdue now, its first input. */
@Component("measureOverdue")
class MeasureOverdue implements ExecutionListener {

  private final DeadlinePlan plan;
  private final BusinessClock clock;

  MeasureOverdue(DeadlinePlan plan, BusinessClock clock) {
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    java.util.Date deadline = (java.util.Date) execution.getVariable("deadline");
    execution.setVariable("daysOverdue", plan.daysOverdue(clock.dayOf(deadline)));
  }
}

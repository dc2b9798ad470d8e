package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.ProcessVariables;

/**
 * ServiceTask_RemindDueTasks of the escalation-sweep process: one page of tasks whose reminder is due
 * (EscalationSweep#remindPage), then {@code moreReminders} says whether the gateway loops back for the next page.
 * Asynchronous before, as the escalation pages are: each page is its own job and transaction, retried on failure.
 */
@Component("remindDueTasks")
record RemindDueTasks(EscalationSweep sweep) implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RemindDueTasks.class);

  @Override
  public void execute(DelegateExecution execution) {
    EscalationSweep.Page page = sweep.remindPage(execution.getProcessDefinitionId());
    if (page.read() > 0) {
      LOG.info("Escalation sweep {}: {} reminders queued for {} tasks due in this page",
          execution.getProcessInstanceId(), page.done(), page.read());
    }
    execution.setVariable(ProcessVariables.MORE_REMINDERS, page.full());
  }
}

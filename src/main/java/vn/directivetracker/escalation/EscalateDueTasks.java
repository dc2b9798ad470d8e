package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.ProcessVariables;

/**
 * ServiceTask_EscalateDueTasks of the escalation-sweep process: one page of due tasks (EscalationSweep), then
 * {@code moreDue} says whether the gateway loops back for the next page (a full page: more may be due). The
 * task is asynchronous before, so each page is its own job and transaction, retried on failure.
 */
@Component("escalateDueTasks")
record EscalateDueTasks(EscalationSweep sweep) implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(EscalateDueTasks.class);

  @Override
  public void execute(DelegateExecution execution) {
    EscalationSweep.Page page = sweep.escalatePage(execution.getProcessDefinitionId());
    if (page.read() > 0) {
      LOG.info("Escalation sweep {}: {} tasks escalated of {} due in this page", execution.getProcessInstanceId(),
          page.done(), page.read());
    }
    execution.setVariable(ProcessVariables.MORE_DUE, page.full());
  }
}

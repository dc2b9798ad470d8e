package vn.directivetracker.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.shared.ProcessVariables;

/**
 * ServiceTask_OpenProgressPeriods of the escalation-sweep process: one page of tasks whose monthly progress period
 * is due to open (EscalationSweep#openProgressPage), then {@code moreProgress} says whether the gateway loops back
 * for the next page. Asynchronous before: each page is its own job and transaction, retried on failure.
 */
@Component("openProgressPeriods")
record OpenProgressPeriods(EscalationSweep sweep) implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OpenProgressPeriods.class);

  @Override
  public void execute(DelegateExecution execution) {
    EscalationSweep.Page page = sweep.openProgressPage();
    if (page.read() > 0) {
      LOG.info("Escalation sweep {}: progress periods opened for {} of {} tasks due in this page",
          execution.getProcessInstanceId(), page.done(), page.read());
    }
    execution.setVariable(ProcessVariables.MORE_PROGRESS, page.full());
  }
}

package vn.directivetracker.notification;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.AsyncJobs;
import vn.directivetracker.engine.EngineClock;
import vn.directivetracker.shared.ProcessVariables;

/**
 * The daily run of the notification-digest process: one delivery job per officer with notices waiting
 * (cut off at this moment), so that officers' mails fail and retry independently and show as incidents
 * of this process instance in Cockpit.
 */
@Component("sendDigests")
record SendDigests(DigestRepository digests) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Instant until = EngineClock.now();
    int count = 0;
    for (String userId : digests.usersWithPending(until)) {
      AsyncJobs.forInstance(execution.getProcessInstanceId(), execution.getProcessDefinitionId(),
          DigestJobHandler.TYPE, new DigestJobHandler.Config(userId, until).toCanonicalString());
      count++;
    }
    execution.setVariable(ProcessVariables.DIGEST_COUNT, count);
  }
}

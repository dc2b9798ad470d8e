package vn.directivetracker.notification;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The daily run of the notification-digest process: one delivery job per officer with notices waiting
 * (cut off at this moment), so that officers' mails fail and retry independently and show as incidents
 * of this process instance in Cockpit.
 */
@Component("sendDigests")
class SendDigests implements JavaDelegate {

  private final DigestRepository digests;

  SendDigests(DigestRepository digests) {
    this.digests = digests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant until = ClockUtil.getCurrentTime().toInstant();
    int count = 0;
    for (String userId : digests.usersWithPending(until)) {
      MessageEntity job = new MessageEntity();
      job.setJobHandlerType(DigestJobHandler.TYPE);
      job.setJobHandlerConfigurationRaw(new DigestJobHandler.Config(userId, until).toCanonicalString());
      job.setProcessInstanceId(execution.getProcessInstanceId());
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(((ExecutionEntity) execution).getProcessDefinition().getKey());
      Context.getCommandContext().getJobManager().send(job);
      count++;
    }
    execution.setVariable("digestCount", count);
  }
}

package vn.directivetracker.notification;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Writes a notification into the outbox in the transaction of the step that causes it, and schedules
 * its delivery as a Camunda job. If the step rolls back, so does the notice; if the mail server is down,
 * the job retries (failed-job-retry-time-cycle) and then shows as an incident in Cockpit. A notice whose
 * idempotency key was already written is skipped, so a repeated step never mails twice.
 */
@Component
public class Notifier {

  private final NotificationRepository outbox;
  private final NotificationTemplates templates;

  Notifier(NotificationRepository outbox, NotificationTemplates templates) {
    this.outbox = outbox;
    this.templates = templates;
  }

  /** Must run inside an engine command (a delegate or listener) of the process the notice is about. */
  public void notify(DelegateExecution execution, Notice notice) {
    notify(execution.getProcessDefinitionId(), notice);
  }

  /**
   * The same, for a step taken through the engine's API (an amendment) rather than by a delegate; must
   * run inside an engine command too (see security.PrivilegedEngine).
   */
  public void notify(String processDefinitionId, Notice notice) {
    if (notice.recipientGroups().isEmpty() || outbox.exists(notice.idempotencyKey())) {
      return;
    }
    String id = UUID.randomUUID().toString();
    outbox.insert(id, notice, templates.subject(notice.event(), notice.facts()),
        templates.body(notice.event(), notice.facts()), ClockUtil.getCurrentTime().toInstant());
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(NotificationJobHandler.TYPE);
    job.setJobHandlerConfigurationRaw(id);
    // Tied to the process definition only, so a failed delivery shows as an incident of directive-task in
    // Cockpit. Not to the execution or process instance: the engine deletes an execution's jobs with it
    // (a notice must outlive the step that ends the task), and instance migration expects every job of
    // an instance to belong to one of its executions.
    job.setProcessDefinitionId(processDefinitionId);
    job.setProcessDefinitionKey(processDefinitionId.split(":")[0]);
    Context.getCommandContext().getJobManager().send(job);
  }
}

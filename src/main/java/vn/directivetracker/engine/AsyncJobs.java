package vn.directivetracker.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;

/**
 * Jobs of our own job types (a notice's delivery, a digest), created in the current command so that they
 * exist only if the step that asks for them commits. The engine then runs and retries them like any other
 * job, and a job that keeps failing shows as an incident in Cockpit.
 */
public final class AsyncJobs {

  private AsyncJobs() {
  }

  /**
   * A job tied to a process definition only: its incident shows under that definition, yet it outlives
   * the execution that asked for it (the engine deletes an execution's jobs with it, and instance
   * migration expects every job of an instance to belong to one of its executions).
   */
  public static void forDefinition(String processDefinitionId, String type, String configuration, Instant due) {
    MessageEntity job = job(type, configuration);
    job.setDuedate(due == null ? null : Date.from(due));
    job.setProcessDefinitionId(processDefinitionId);
    job.setProcessDefinitionKey(processDefinitionId.split(":")[0]);
    Context.getCommandContext().getJobManager().send(job);
  }

  /** A job of a process instance, due now: it ends with the instance. */
  public static void forInstance(String processInstanceId, String processDefinitionId, String type,
      String configuration) {
    MessageEntity job = job(type, configuration);
    job.setProcessInstanceId(processInstanceId);
    job.setProcessDefinitionId(processDefinitionId);
    job.setProcessDefinitionKey(processDefinitionId.split(":")[0]);
    Context.getCommandContext().getJobManager().send(job);
  }

  private static MessageEntity job(String type, String configuration) {
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(type);
    job.setJobHandlerConfigurationRaw(configuration);
    return job;
  }
}

package vn.directivetracker.notification;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** The Camunda job that delivers one outbox entry; the engine retries it when delivery fails. */
class NotificationJobHandler implements JobHandler<NotificationJobHandler.Config> {

  static final String TYPE = "directive-notification";

  private final NotificationDelivery delivery;

  NotificationJobHandler(NotificationDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    delivery.deliver(configuration.notificationId(), commandContext.getProcessEngineConfiguration().getIdentityService());
  }

  @Override
  public Config newConfiguration(String canonicalString) {
    return new Config(canonicalString);
  }

  @Override
  public void onDelete(Config configuration, JobEntity jobEntity) {
    // The outbox row stays: it is the record that the notice was due.
  }

  record Config(String notificationId) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return notificationId;
    }
  }
}

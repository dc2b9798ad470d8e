package vn.directivetracker.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * The Camunda jobs that deliver notices: one outbox entry ({@link #TYPE}), or one bundle of escalation
 * notices in one mail to its unit ({@link #BUNDLE_TYPE}). The engine retries them when delivery fails.
 */
class NotificationJobHandler implements JobHandler<NotificationJobHandler.Config> {

  static final String TYPE = "directive-notification";
  static final String BUNDLE_TYPE = "directive-notice-bundle";

  /** What the job does with the id it carries (an outbox entry's or a bundle's). */
  interface Delivery {
    void deliver(String id, IdentityService identity);
  }

  private final String type;
  private final Delivery delivery;

  NotificationJobHandler(String type, Delivery delivery) {
    this.type = type;
    this.delivery = delivery;
  }

  @Override
  public String getType() {
    return type;
  }

  @Override
  public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    delivery.deliver(configuration.id(), commandContext.getProcessEngineConfiguration().getIdentityService());
  }

  @Override
  public Config newConfiguration(String canonicalString) {
    return new Config(canonicalString);
  }

  @Override
  public void onDelete(Config configuration, JobEntity jobEntity) {
    // The outbox rows stay: they are the record that the notices were due.
  }

  record Config(String id) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return id;
    }
  }
}

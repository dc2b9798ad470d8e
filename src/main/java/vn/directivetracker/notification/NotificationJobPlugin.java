package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/** Registers the notification job type with the engine (the starter applies every plugin bean). */
@Component
class NotificationJobPlugin extends AbstractProcessEnginePlugin {

  private final NotificationDelivery delivery;

  NotificationJobPlugin(NotificationDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new NotificationJobHandler(delivery));
    configuration.setCustomJobHandlers(handlers);
  }
}

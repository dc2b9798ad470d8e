package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/** Registers the notification, bundle and digest job types with the engine (the starter applies every plugin bean). */
@Component
class NotificationJobPlugin extends AbstractProcessEnginePlugin {

  private final NotificationDelivery delivery;
  private final DigestMail digestMail;

  NotificationJobPlugin(NotificationDelivery delivery, DigestMail digestMail) {
    this.delivery = delivery;
    this.digestMail = digestMail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new NotificationJobHandler(NotificationJobHandler.TYPE, delivery::deliver));
    handlers.add(new NotificationJobHandler(NotificationJobHandler.BUNDLE_TYPE, delivery::deliverBundle));
    handlers.add(new DigestJobHandler(digestMail));
    configuration.setCustomJobHandlers(handlers);
  }
}

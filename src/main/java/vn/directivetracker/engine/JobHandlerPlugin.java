package vn.directivetracker.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/**
 * Registers with the engine every job handler bean of the application (the notices' delivery, bundles
 * and digests), so that a feature declares its job types where it handles them.
 */
@Component
class JobHandlerPlugin extends AbstractProcessEnginePlugin {

  private final List<JobHandler<?>> handlers;

  JobHandlerPlugin(List<JobHandler<?>> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> all = configuration.getCustomJobHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomJobHandlers());
    all.addAll((List) handlers);
    configuration.setCustomJobHandlers(all);
  }
}

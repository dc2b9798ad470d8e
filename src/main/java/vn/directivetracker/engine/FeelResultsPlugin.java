package vn.directivetracker.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's DMN engine the FEEL engine that remembers literal results (see
 * {@link RememberedFeelResults}). Set before the engine builds its DMN engine, which keeps a FEEL factory
 * it is given and adds its history and metrics listeners as usual.
 */
@Component
@EngineTuning
class FeelResultsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(RememberedFeelResults.around(dmn.getFeelEngineFactory() != null
        ? dmn.getFeelEngineFactory() : new ScalaFeelEngineFactory(dmn.getFeelCustomFunctionProviders())));
    configuration.setDmnEngineConfiguration(dmn);
  }
}

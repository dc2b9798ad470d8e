package vn.directivetracker.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The one way our plugins give the engine a session (a manager) of their own. */
final class EngineSessions {

  private EngineSessions() {
  }

  /**
   * Adds {@code factory} to the engine's custom session factories, keeping the ones other plugins added; a custom
   * factory replaces the engine's default for the same session type. Call from {@code preInit}.
   */
  static void replace(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(factory);
    configuration.setCustomSessionFactories(factories);
  }
}

package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import vn.directivetracker.ApplicationTest;

/**
 * The engine settings the product relies on really reach the engine (they are bound from
 * camunda.bpm.generic-properties, where a misspelt key would be silently ignored).
 */
class EngineConfigurationTest extends ApplicationTest {

  @Test
  void settingsFromApplicationYamlReachTheEngine() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isAuthorizationEnabled()).isTrue();
    assertThat(config.getHistory()).isEqualTo("full");
    assertThat(config.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(config.getHistoryTimeToLive()).isEqualTo("P3650D");
    // application-test.yml shortens the production cycle (R6/PT10M) to keep the tests quick.
    assertThat(config.getFailedJobRetryTimeCycle()).isEqualTo("R3/PT5M");
    // The DMN engine of the process engine uses the FEEL engine that remembers literal results.
    assertThat(config.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(RememberedFeelResults.class);
  }
}

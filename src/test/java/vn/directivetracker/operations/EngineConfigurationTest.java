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
    // Timers' durations no longer search the class path for the XML datatype factory at every timer.
    assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isNotBlank();
  }

  @Test
  void thePinnedXmlDatatypeFactoryIsTheOneTheSearchFindsAndAnOperatorsChoiceIsKept() throws Exception {
    String pinned = System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY);
    try {
      System.clearProperty(XmlDatatypeFactoryPlugin.PROPERTY);
      String found = javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName();
      XmlDatatypeFactoryPlugin.pin();
      assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isEqualTo(found);
      assertThat(javax.xml.datatype.DatatypeFactory.newInstance().getClass().getName()).isEqualTo(found);
      // Durations still parse as Camunda's timers need them.
      assertThat(javax.xml.datatype.DatatypeFactory.newInstance().newDuration("P1M").getMonths()).isEqualTo(1);

      System.setProperty(XmlDatatypeFactoryPlugin.PROPERTY, "operator.Choice");
      XmlDatatypeFactoryPlugin.pin();
      assertThat(System.getProperty(XmlDatatypeFactoryPlugin.PROPERTY)).isEqualTo("operator.Choice");
    } finally {
      System.setProperty(XmlDatatypeFactoryPlugin.PROPERTY, pinned);
    }
  }
}

package vn.directivetracker.operations;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JVM's XML datatype factory once, so that Camunda does not look it up again for every timer.
 *
 * <p>Why: every task starts a cycle timer (the monthly progress report, {@code R/start/P1M}), and Camunda's
 * {@code DurationHelper} calls {@code DatatypeFactory.newInstance()} for each; without the system property
 * {@value #PROPERTY} that call searches the class path for a service provider every time. In the flight
 * recording of issuing 60-task directives it was 14 of the 128 CPU samples of the request threads, more
 * than the lead-unit decisions. The class pinned is the one that search finds, so nothing else changes;
 * a property set by the operator (-D) is left as it is.
 */
@Component
class XmlDatatypeFactoryPlugin extends AbstractProcessEnginePlugin {

  static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    pin();
  }

  static void pin() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      System.setProperty(PROPERTY, DatatypeFactory.newInstance().getClass().getName());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("no XML datatype factory in this JVM, which Camunda's timers need", e);
    }
  }
}

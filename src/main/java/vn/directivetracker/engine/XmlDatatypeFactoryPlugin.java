package vn.directivetracker.engine;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JVM's XML datatype factory once, so that Camunda does not look it up again for every ISO 8601
 * period it reads.
 *
 * <p>Why: Camunda's {@code DurationHelper} calls {@code DatatypeFactory.newInstance()} for each ISO 8601
 * cycle or duration it evaluates (the daily digest's timer cycle, the failed-job retry cycle
 * {@code R6/PT10M}); without the system property {@value #PROPERTY} that call searches the class path for a
 * service provider every time. The class pinned is the one that search finds, so nothing else changes; a
 * property set by the operator (-D) is left as it is.
 */
@Component
@EngineTuning
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

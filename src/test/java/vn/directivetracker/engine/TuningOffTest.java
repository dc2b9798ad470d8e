package vn.directivetracker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey with every engine tuning off: a Spring context of its own, on a database of its own, so that
 * nothing a tuning did in the shared context (an index, a cached lookup) is there.
 */
@TestPropertySource(properties = {"directive.engine.tuning=false",
    "spring.datasource.url=jdbc:h2:mem:directive-tuning-off;DB_CLOSE_DELAY=-1"})
class TuningOffTest extends TuningScenario {

  @Autowired
  ApplicationContext context;

  @Test
  void noTuningIsThere() {
    assertThat(context.getBeansWithAnnotation(EngineTuning.class)).isEmpty();
  }
}

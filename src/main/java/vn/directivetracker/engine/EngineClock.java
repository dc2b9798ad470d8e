package vn.directivetracker.engine;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock: the system clock, except where tests move it (ClockUtil). */
public final class EngineClock {

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

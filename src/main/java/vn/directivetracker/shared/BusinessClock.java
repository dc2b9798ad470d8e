package vn.directivetracker.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineClock;

/**
 * Business time: the engine's clock (so tests that move it move everything) read in Vietnam's time
 * zone, because a deadline is a calendar day in Ha Noi, not in UTC.
 */
@Component
public class BusinessClock {

  private final ZoneId zone;

  BusinessClock(@Value("${directive.zone:Asia/Ho_Chi_Minh}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public Instant now() {
    return EngineClock.now();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  public ZoneId zone() {
    return zone;
  }

  public Date at(LocalDate day, LocalTime time) {
    return Date.from(day.atTime(time).atZone(zone).toInstant());
  }

  public LocalDate dayOf(Date date) {
    return LocalDate.ofInstant(date.toInstant(), zone);
  }
}

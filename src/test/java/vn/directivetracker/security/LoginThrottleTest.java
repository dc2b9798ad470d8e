package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The throttle's tables, without a server: spraying one address over many users, and the bound on memory. */
class LoginThrottleTest {

  private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 10, Duration.ofSeconds(2),
      Duration.ofMinutes(15), Duration.ofHours(1), 50));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void oneAddressGuessingManyUsersIsSlowedAcrossThem() throws Exception {
    ClockUtil.setCurrentTime(new Date(1_000_000_000L));
    for (int i = 0; i < 10; i++) {
      assertThat(attempt("10.0.0.1", "user" + i, 401)).isEqualTo(401);
    }
    assertThat(attempt("10.0.0.1", "user10", 401)).isEqualTo(401);
    assertThat(attempt("10.0.0.1", "someone-else", 200)).as("the address waits, whoever it names").isEqualTo(429);
    assertThat(attempt("10.0.0.2", "user1", 200)).as("another address does not").isEqualTo(200);
    ClockUtil.setCurrentTime(new Date(1_000_000_000L + 2_001));
    assertThat(attempt("10.0.0.1", "someone-else", 200)).isEqualTo(200);
  }

  @Test
  void theTablesStayWithinTheirBound() throws Exception {
    for (int i = 0; i < 1000; i++) {
      attempt("10.1." + (i / 250) + "." + (i % 250), "user" + i, 401);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void aKeyIsForgottenAnHourAfterItsLastFailure() throws Exception {
    ClockUtil.setCurrentTime(new Date(2_000_000_000L));
    for (int i = 0; i < 9; i++) {
      attempt("10.0.0.9", "moh", 401);
    }
    assertThat(attempt("10.0.0.9", "moh", 200)).isEqualTo(429);
    ClockUtil.setCurrentTime(new Date(2_000_000_000L + Duration.ofMinutes(61).toMillis()));
    assertThat(attempt("10.0.0.9", "moh", 401)).isEqualTo(401);
    assertThat(attempt("10.0.0.9", "moh", 200)).as("one failure after forgetting is free").isEqualTo(200);
  }

  @Test
  void aNameLongerThanAnyUserIdIsRefusedAtOnceAndCountedForItsAddressOnly() throws Exception {
    // Pen test round 2: a fresh 2 MB user name per failed login was kept as a key, 360 MB of heap for good.
    ClockUtil.setCurrentTime(new Date(3_000_000_000L));
    for (int i = 0; i < 10; i++) {
      String name = i + "x".repeat(2_000_000);
      assertThat(attempt("10.2.0.1", name, 200)).as("never reaches the password check").isEqualTo(401);
    }
    assertThat(throttle.keyChars()).as("no name is kept").isLessThan(100);
    assertThat(throttle.size()).isEqualTo(1);
    // They count for the address: after its free failures (10 here) the next failure makes it wait, whoever it names.
    assertThat(attempt("10.2.0.1", "y".repeat(65), 200)).isEqualTo(401);
    assertThat(attempt("10.2.0.1", "moh", 200)).isEqualTo(429);
    assertThat(attempt("10.2.0.2", "x".repeat(64), 200)).as("64 characters is a user id").isEqualTo(200);
  }

  @Test
  void expiredKeysAreSweptWithoutBeingAskedFor() throws Exception {
    ClockUtil.setCurrentTime(new Date(4_000_000_000L));
    for (int i = 0; i < 40; i++) {
      attempt("10.3.0." + i, "user" + i, 401);
    }
    assertThat(throttle.size()).isEqualTo(80);
    ClockUtil.setCurrentTime(new Date(4_000_000_000L + Duration.ofMinutes(61).toMillis()));
    attempt("10.3.1.1", "someone", 401);
    assertThat(throttle.size()).as("only the new failure's keys").isEqualTo(2);
  }

  /** A basic-auth request to /engine-rest from that address; the chain answers {@code verdict}. */
  private int attempt(String from, String user, int verdict) throws Exception {
    return basicLogin(throttle, from, user, verdict);
  }

  /**
   * One HTTP basic login of {@code user} from {@code from} through the throttle, the password check behind it
   * answering {@code verdict}; the status the caller gets.
   */
  static int basicLogin(LoginThrottle throttle, String from, String user, int verdict) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setServletPath("/engine-rest");
    request.setPathInfo("/task");
    request.setRemoteAddr(from);
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":x").getBytes(
        StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
        ((HttpServletResponse) res).setStatus(verdict);
      }
    });
    return response.getStatus();
  }
}

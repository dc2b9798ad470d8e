package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The prod profile trusts X-Forwarded-For only from the reverse proxy ({@code TRUSTED_PROXIES}, loopback by
 * default): Tomcat's RemoteIpValve as Spring Boot builds it from application-prod.yml, without a server, and
 * the login throttle behind it. Before, {@code forward-headers-strategy: native} alone trusted every private
 * address, so any intranet client chose its own address.
 */
class ForwardedAddressTest {

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void onlyTheConfiguredProxyMayNameTheClient() throws Exception {
    RemoteIpValve valve = prodValve(Map.of("TRUSTED_PROXIES", "10\\.9\\.0\\.2"));
    assertThat(remoteAddress(valve, "10.9.0.7", "10.9.0.99")).as("an intranet client's forgery").isEqualTo("10.9.0.7");
    assertThat(remoteAddress(valve, "127.0.0.1", "10.9.0.99")).as("not the default any more").isEqualTo("127.0.0.1");
    assertThat(remoteAddress(valve, "10.9.0.2", "203.0.113.5")).as("the proxy").isEqualTo("203.0.113.5");
    // The proxy appends what it saw: a value the client put in front stays unbelieved.
    assertThat(remoteAddress(valve, "10.9.0.2", "10.9.0.99, 203.0.113.5")).isEqualTo("203.0.113.5");
  }

  @Test
  void withoutTheVariableOnlyLoopbackIsTrusted() throws Exception {
    RemoteIpValve valve = prodValve(Map.of());
    for (String intranet : new String[] {"10.1.2.3", "192.168.1.20", "172.16.0.5", "169.254.1.1"}) {
      assertThat(remoteAddress(valve, intranet, "203.0.113.5")).as(intranet).isEqualTo(intranet);
    }
    assertThat(remoteAddress(valve, "127.0.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
    assertThat(remoteAddress(valve, "0:0:0:0:0:0:0:1", "203.0.113.5")).isEqualTo("203.0.113.5");
  }

  @Test
  void aForgedAddressNeitherEscapesTheThrottleNorGetsAnotherAddressThrottled() throws Exception {
    ClockUtil.setCurrentTime(new Date(5_000_000_000L));
    RemoteIpValve valve = prodValve(Map.of("TRUSTED_PROXIES", "10\\.9\\.0\\.2"));
    LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 30, Duration.ofSeconds(2),
        Duration.ofMinutes(15), Duration.ofHours(1), 1000));
    // An intranet client guesses moh's password, forging a new X-Forwarded-For each time, then the office NAT's.
    for (int i = 0; i < 4; i++) {
      assertThat(login(throttle, remoteAddress(valve, "10.9.0.7", "10.9.7." + i), 401)).isEqualTo(401);
    }
    assertThat(login(throttle, remoteAddress(valve, "10.9.0.7", "10.9.7.200"), 200)).as("still slowed")
        .isEqualTo(429);
    assertThat(login(throttle, remoteAddress(valve, "10.9.0.2", "198.51.100.1"), 200))
        .as("the address it forged is not").isEqualTo(200);
  }

  /** The engine valve Spring Boot adds for application-prod.yml with these environment variables. */
  private static RemoteIpValve prodValve(Map<String, Object> variables) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    for (var source : new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))) {
      environment.getPropertySources().addLast(source);
    }
    ServerProperties server = Binder.get(environment).bind("server", ServerProperties.class)
        .orElseThrow(() -> new AssertionError("no server properties"));
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    new TomcatWebServerFactoryCustomizer(environment, server).customize(factory);
    return factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance)
        .map(RemoteIpValve.class::cast).findFirst().orElseThrow(() -> new AssertionError("no RemoteIpValve"));
  }

  /** The client address the application sees for a connection from {@code peer} with that header. */
  private static String remoteAddress(RemoteIpValve valve, String peer, String forwardedFor) throws Exception {
    Request request = new Request(new Connector());
    request.setCoyoteRequest(new org.apache.coyote.Request());
    request.setRemoteAddr(peer);
    request.setRemoteHost(peer);
    request.getCoyoteRequest().getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
    String[] seen = new String[1];
    Valve next = new ValveBase() {
      @Override
      public void invoke(Request r, Response response) {
        seen[0] = r.getRemoteAddr();
      }
    };
    valve.setNext(next);
    valve.invoke(request, null);
    return seen[0];
  }

  private static int login(LoginThrottle throttle, String from, int verdict) throws Exception {
    return LoginThrottleTest.basicLogin(throttle, from, "moh", verdict);
  }
}

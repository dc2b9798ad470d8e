package vn.directivetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import vn.directivetracker.organization.UnitRegistry;

/**
 * The REST starter serves /engine-rest without any authentication. Like Camunda Run, we put Camunda's
 * own HTTP basic filter in front of it, in front of our /api, and in front of the actuator (all but its
 * health probe, which load balancers call anonymously): the filter checks the password against the
 * engine's identity service (failed logins are slowed by LoginThrottle, in front of it) and sets the
 * caller as the engine's authenticated user, so engine queries made for the request see only what the
 * caller is authorised to see. The webapps (/camunda) have their own session login and CSRF filter; /api
 * accepts that session too.
 */
@Configuration
class RestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    return basic(register(new PublicHealthAuthenticationFilter(), "basic-auth", 1, "/engine-rest/*", "/actuator/*"));
  }

  /**
   * /api takes HTTP basic or the webapps' session with Camunda's CSRF check (see {@link
   * WebappSessionOrBasicFilter}); /engine-rest stays HTTP basic alone: the webapps have their own engine API.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter(WebappSessions sessions,
      IdentityService identity, CamundaBpmProperties camunda) {
    return basic(register(new WebappSessionOrBasicFilter(sessions, identity,
        camunda.getWebapp().getCsrf().getInitParams()), "api-auth", 1, "/api/*"));
  }

  private static <F extends ProcessEngineAuthenticationFilter> FilterRegistrationBean<F> basic(
      FilterRegistrationBean<F> registration) {
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    return registration;
  }

  /**
   * Refuses bodies above the limits with 413 before anything reads them, on every path: /engine-rest, /api,
   * the webapps' /camunda/api (their engine API, admin API, login), and on all others, which take no body. It
   * decides from the path, the headers and the body alone, so it holds whichever filters run before it; only
   * the engine API's allow-list gives a larger limit (task and start forms), by reading the body itself.
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
      @Value("${directive.security.max-body-size:2MB}") DataSize limit,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploads,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    // After authentication and the allow-list where they apply (an anonymous caller learns nothing, not even
    // the limit); it holds in any order.
    return register(new RequestSizeLimit(limit.toBytes(), uploads.toBytes(), webappPath), "request-size", 3, "/*");
  }

  /**
   * Deny by default on the engine's REST API (both surfaces), after authentication and before anything
   * reads a body: see {@link EngineApiFirewall}.
   */
  @Bean
  FilterRegistrationBean<EngineApiFirewall> engineApiFirewall(IdentityService identity, WebappSessions sessions,
      TaskService tasks,
      UnitRegistry registry,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${directive.security.max-body-size:2MB}") DataSize maxBody,
      @Value("${directive.security.max-form-body-size:45MB}") DataSize maxFormBody,
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int maxResults,
      @Value("${directive.security.large-bodies.concurrent:2}") int largeBodies,
      @Value("${directive.security.large-bodies.wait:5s}") java.time.Duration largeBodyWait,
      @Value("${directive.security.body-read-timeout:60s}") java.time.Duration bodyReadTimeout) {
    String api = (webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath) + "/api/*";
    return register(new EngineApiFirewall(identity, sessions, tasks, registry.issuers(), webappPath, maxBody.toBytes(),
        maxFormBody.toBytes(), maxResults, new EngineApiFirewall.LargeBodies(largeBodies, largeBodyWait,
        bodyReadTimeout)),
        "engine-api-firewall", 2, "/engine-rest/*", api);
  }

  /**
   * Slows password guessing per user and source address, with delays that expire (see {@link LoginThrottle});
   * in front of HTTP basic (it must see the 401 of the filter above) and of the webapps' login.
   */
  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(
      @Value("${directive.security.login-throttle.free-failures:3}") int freeFailures,
      @Value("${directive.security.login-throttle.source-free-failures:30}") int sourceFreeFailures,
      @Value("${directive.security.login-throttle.base-delay:2s}") java.time.Duration baseDelay,
      @Value("${directive.security.login-throttle.max-delay:15m}") java.time.Duration maxDelay,
      @Value("${directive.security.login-throttle.forget-after:1h}") java.time.Duration forgetAfter,
      @Value("${directive.security.login-throttle.max-entries:100000}") int maxEntries) {
    return register(new LoginThrottle(new LoginThrottle.Settings(freeFailures, sourceFreeFailures, baseDelay,
        maxDelay, forgetAfter, maxEntries)), "login-throttle", 0, "/engine-rest/*", "/api/*", "/actuator/*",
        "/camunda/api/admin/auth/user/*");
  }

  /** A filter of ours, in the place {@code order} gives it among the others, on these paths. */
  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> register(F filter, String name, int order,
      String... paths) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName("directive-tracker-" + name);
    registration.addUrlPatterns(paths);
    registration.setOrder(order);
    return registration;
  }

  /**
   * Camunda's basic-auth filter, except for the actuator's health probe. Public only when the path as sent is
   * exactly the probe's: Tomcat maps {@code /actuator/health/..;/..;/engine-rest/task} to /engine-rest (it
   * drops {@code ;} parameters and resolves {@code ..}), so a decision on the raw URI alone would let that
   * through unauthenticated. The path as sent must equal the path as mapped, and be the probe or one of its
   * groups (letters, digits, '-').
   */
  static class PublicHealthAuthenticationFilter extends ProcessEngineAuthenticationFilter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (isPublic((HttpServletRequest) request)) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }

    static boolean isPublic(HttpServletRequest request) {
      String sent = request.getRequestURI().substring(request.getContextPath().length());
      String mapped = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      if (!sent.equals(mapped)) {
        return false;
      }
      if (sent.equals("/actuator/health")) {
        return true;
      }
      String prefix = "/actuator/health/";
      if (!sent.startsWith(prefix) || sent.length() == prefix.length()) {
        return false;
      }
      for (int i = prefix.length(); i < sent.length(); i++) {
        char c = sent.charAt(i);
        if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-') {
          return false;
        }
      }
      return true;
    }
  }
}

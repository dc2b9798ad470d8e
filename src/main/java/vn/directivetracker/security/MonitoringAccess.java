package vn.directivetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.engine.EngineUser;

/**
 * /actuator/prometheus names units and their overdue counts: it needs HTTP basic authentication (the
 * same filter as /api) and membership of camunda-admin or MONITORING. Health stays public for probes.
 */
@Configuration
class MonitoringAccess {

  static final String MONITORING = "MONITORING";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> monitoringGroupFilter(IdentityService identity) {
    OncePerRequestFilter filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        EngineUser auth = EngineUser.current(identity).orElse(null);
        if (auth == null || auth.groupIds() == null
            || !(auth.groupIds().contains(CurrentUser.ADMIN_GROUP) || auth.groupIds().contains(MONITORING))) {
          response.sendError(HttpServletResponse.SC_FORBIDDEN);
          return;
        }
        chain.doFilter(request, response);
      }
    };
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/actuator/prometheus");
    registration.setOrder(2);
    return registration;
  }
}

package vn.directivetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.springframework.http.HttpHeaders;

/**
 * /api's authentication: HTTP basic (scripts, curl) as on /engine-rest, or the webapps' session, so that a link
 * or a call from a page or form in Tasklist, Cockpit or our own pages works without a second login. A request
 * with an {@code Authorization} header is HTTP basic's alone. A session request passes Camunda's own CSRF
 * filter first, configured as the webapps' ({@code camunda.bpm.webapp.csrf.*}): a change needs the
 * {@code X-XSRF-TOKEN} header of the session (the {@code XSRF-TOKEN} cookie's value), else 403 with
 * {@code X-XSRF-TOKEN: Required} and the session ends, exactly as on the webapps' own API; a read renews the
 * token. The session's user and groups are those {@link WebappSessions} reads, checked again as Camunda does.
 */
class WebappSessionOrBasicFilter extends ProcessEngineAuthenticationFilter {

  private final WebappSessions sessions;
  private final IdentityService identity;
  private final Map<String, String> csrfSettings;
  private final CsrfPreventionFilter csrf = new CsrfPreventionFilter();

  WebappSessionOrBasicFilter(WebappSessions sessions, IdentityService identity, Map<String, String> csrfSettings) {
    this.sessions = sessions;
    this.identity = identity;
    this.csrfSettings = Map.copyOf(csrfSettings);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    csrf.init(new CsrfConfig(config.getServletContext(), csrfSettings));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    Optional<UserAuthentication> user = http.getHeader(HttpHeaders.AUTHORIZATION) == null
        ? sessions.user(http) : Optional.empty();
    if (user.isEmpty()) {
      super.doFilter(request, response, chain);
      return;
    }
    csrf.doFilter(request, response, (checked, answer) -> asUser(user.get(), checked, answer, chain));
  }

  private void asUser(UserAuthentication user, ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    List<String> tenants = user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds());
    identity.setAuthentication(user.getName(), groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The init parameters Camunda's starter gives its own CSRF filter. */
  private record CsrfConfig(ServletContext context, Map<String, String> settings) implements FilterConfig {

    @Override
    public String getFilterName() {
      return "directive-tracker-api-csrf";
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }

    @Override
    public String getInitParameter(String name) {
      return settings.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
      return Collections.enumeration(settings.keySet());
    }
  }
}

package vn.directivetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The user logged in to the webapps (Tasklist, Cockpit, Admin) in a request's session, for this engine. As
 * Camunda's own webapp filter does, the session's user and groups are checked against the identity service
 * again once they are older than {@code camunda.bpm.webapp.auth.cache.time-to-live}: a user deleted, locked
 * or moved to another unit since logging in loses what the session gave, in our filters and endpoints too.
 */
@Component
public class WebappSessions {

  private final String engineName;
  private final Long revalidateAfterMillis;

  WebappSessions(ProcessEngine engine,
      @Value("${camunda.bpm.webapp.auth.cache.ttl-enabled:true}") boolean revalidate,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long revalidateAfterMillis) {
    this.engineName = engine.getName();
    this.revalidateAfterMillis = revalidate ? revalidateAfterMillis : null;
  }

  /** The session's user, or empty without a session or a login. */
  public Optional<UserAuthentication> user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (all == null) {
      return Optional.empty();
    }
    if (revalidateAfterMillis != null) {
      AuthenticationUtil.updateCache(all, session, revalidateAfterMillis);
      AuthenticationUtil.updateSession(session, all);
    }
    Authentication auth = all.getAuthenticationForProcessEngine(engineName);
    return auth instanceof UserAuthentication user && user.getName() != null ? Optional.of(user) : Optional.empty();
  }
}

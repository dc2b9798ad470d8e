package vn.directivetracker.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.EngineUser;

/** The caller of the current /api request, as the authentication filter set it on the engine. */
@Component
public class CurrentUser {

  public static final String ADMIN_GROUP = "camunda-admin";
  public static final String AUDITORS = "AUDITORS";

  private final IdentityService identity;

  CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  /** The caller; never null on /api because the filter answers 401 before a controller runs. */
  public Caller get() {
    EngineUser auth = EngineUser.current(identity).orElse(null);
    if (auth == null || auth.userId() == null) {
      throw new NotAuthenticatedException();
    }
    List<String> groups = auth.groupIds() == null ? List.of() : List.copyOf(auth.groupIds());
    return new Caller(auth.userId(), groups);
  }

  /** Who called, and the groups (units) they belong to. */
  public record Caller(String userId, List<String> groups) {

    public boolean memberOf(String group) {
      return groups.contains(group);
    }

    public boolean isAuditor() {
      return memberOf(AUDITORS);
    }

    public boolean isAdmin() {
      return memberOf(ADMIN_GROUP);
    }

    /** Whether the caller follows all of this issuer's directives: auditors, admins, its members, its secretariat. */
    public boolean followsIssuer(String issuer) {
      return isAuditor() || isAdmin() || memberOf(issuer) || memberOf(issuer + "SEC");
    }
  }

  /** Thrown when /api is reached without an authenticated engine user. */
  public static class NotAuthenticatedException extends RuntimeException {
    NotAuthenticatedException() {
      super("authentication required");
    }
  }
}

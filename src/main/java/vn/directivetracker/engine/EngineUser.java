package vn.directivetracker.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/**
 * The user the engine is working for in this call, with their groups, as the authentication filter or
 * the webapps set it. Camunda's own type for it lives in its internal API; this one does not.
 */
public record EngineUser(String userId, List<String> groupIds) {

  public EngineUser {
    groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
  }

  /** The current user, or empty when the engine works for nobody (its own jobs, a test). */
  public static Optional<EngineUser> current(IdentityService identity) {
    var auth = identity.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return Optional.empty();
    }
    return Optional.of(new EngineUser(auth.getUserId(), auth.getGroupIds()));
  }

  public boolean memberOf(String group) {
    return groupIds.contains(group);
  }
}

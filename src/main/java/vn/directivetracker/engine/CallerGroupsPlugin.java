package vn.directivetracker.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Lets Camunda's authorization checks use the caller's own groups instead of first reading every group
 * that holds any authorization.
 *
 * <p>Before every query it checks for a user, Camunda intersects the user's groups with all groups that
 * have an authorization ({@code AuthorizationManager.filterAuthenticatedGroupIds}), one query per command
 * over a table that holds a row per open task and candidate group, a visible share of every Tasklist page
 * even as the loose index scan of {@link AuthorizedGroupIdsPlugin} (docs/performance.md).
 * The intersection only shortens the list of group ids the checks compare with {@code GROUP_ID_}; a group
 * without any authorization matches no row either way, so the answers are the same. Our users belong to
 * one or a few units' groups, so their own list is short already. For a user in more than
 * {@link #OWN_GROUPS_UP_TO} groups (a directory with hundreds of groups per user) Camunda's intersection
 * still keeps the checks' lists short.
 */
@Component
@EngineTuning
class CallerGroupsPlugin extends AbstractProcessEnginePlugin {

  static final int OWN_GROUPS_UP_TO = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new CallerGroupsAuthorizationManager();
      }
    });
  }

  static final class CallerGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > OWN_GROUPS_UP_TO) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}

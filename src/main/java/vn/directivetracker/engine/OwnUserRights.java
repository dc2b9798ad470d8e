package vn.directivetracker.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.stereotype.Component;

/**
 * What a user may do with their own user record. Camunda gives every new user ALL on it, so any user could
 * delete themselves (and with them their unit's work in progress). Ours keep READ and UPDATE (Admin's
 * profile page: name, e-mail, and the password, which Camunda cannot grant apart from the rest) and lose
 * DELETE; only administrators delete users. Users that exist already lose it at start-up
 * ({@link AccessRules}).
 */
@Component
class OwnUserRights extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      AuthorizationEntity[] grants = super.newUser(user);
      for (AuthorizationEntity grant : grants) {
        grant.removePermission(Permissions.DELETE);
      }
      return grants;
    }
  }
}

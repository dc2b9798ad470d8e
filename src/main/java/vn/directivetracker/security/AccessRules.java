package vn.directivetracker.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;

/**
 * Camunda authorizations that follow from the organisation: everybody may open Tasklist and use the
 * shared filters; issuing bodies may start directives and evaluate the lead-unit decision; auditors may
 * read everything and change nothing.
 * A unit's right to its own tasks comes from the task's candidate group (READ and TASK_WORK, see
 * application.yml), so it needs no grant here. Idempotent: a grant that exists is left alone.
 */
@Component
@Order(20)
class AccessRules implements ApplicationRunner {

  static final String DIRECTIVE_PROCESS = "directive";
  static final String LEAD_UNIT_DECISION = "lead-unit";

  private final AuthorizationService authorizations;
  private final UnitRegistry registry;

  AccessRules(AuthorizationService authorizations, UnitRegistry registry) {
    this.authorizations = authorizations;
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    grantGlobal(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    for (Unit issuer : registry.issuers()) {
      // Tasklist's start form starts the directive process as the leader; the process itself checks the
      // notice and the caller (directive.RegisterDirective, directive.CheckStoredDirective), so a start
      // through /engine-rest can neither skip validation nor start another issuer's stored notice.
      grant(issuer.code(), Resources.PROCESS_DEFINITION, DIRECTIVE_PROCESS,
          ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ);
      grant(issuer.code(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // The start form shows, row by row, the lead unit the decision will pick: it evaluates the
      // decision through the webapp's engine API, which needs READ and CREATE_INSTANCE on it.
      grant(issuer.code(), Resources.DECISION_DEFINITION, LEAD_UNIT_DECISION, Permissions.READ,
          Permissions.CREATE_INSTANCE);
    }
    String auditors = CurrentUser.AUDITORS;
    grant(auditors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auditors, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    grant(auditors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(auditors, Resources.TASK, ANY, Permissions.READ);
    grant(auditors, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditors, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(auditors, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(auditors, Resources.GROUP, ANY, Permissions.READ);
    grant(auditors, Resources.USER, ANY, Permissions.READ);
    noSelfDeletion();
  }

  /**
   * Takes DELETE out of the grants Camunda gave earlier users on their own user record (new users never get
   * it, see OwnUserRights): nobody but an administrator deletes a user, themselves included.
   */
  private void noSelfDeletion() {
    // A changed grant drops out of the query; only the ones left alone are skipped on the next page.
    int kept = 0;
    while (true) {
      java.util.List<Authorization> grants = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .resourceType(Resources.USER).hasPermission(Permissions.DELETE).orderByResourceId().asc()
          .listPage(kept, 500);
      for (Authorization grant : grants) {
        if (grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId())) {
          grant.removePermission(Permissions.DELETE);
          authorizations.saveAuthorization(grant);
        } else {
          kept++;
        }
      }
      if (grants.size() < 500) {
        return;
      }
    }
  }

  private void grantGlobal(Resource resource, String resourceId, Permission... permissions) {
    AuthorizationQuery query = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId);
    save(query, () -> {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      a.setUserId(ANY);
      return a;
    }, resource, resourceId, permissions);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationQuery query = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId);
    save(query, () -> {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(groupId);
      return a;
    }, resource, resourceId, permissions);
  }

  /** Takes back permissions an earlier version granted; drops the grant when nothing is left in it. */
  private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (auth == null) {
      return;
    }
    boolean changed = false;
    for (Permission p : permissions) {
      if (auth.isPermissionGranted(p)) {
        auth.removePermission(p);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    boolean nothingLeft = java.util.Arrays.stream(auth.getPermissions(Permissions.values()))
        .allMatch(p -> p == Permissions.NONE);
    if (nothingLeft) {
      authorizations.deleteAuthorization(auth.getId());
    } else {
      authorizations.saveAuthorization(auth);
    }
  }

  private void save(AuthorizationQuery query, java.util.function.Supplier<Authorization> fresh,
      Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = query.singleResult();
    Authorization auth = existing;
    boolean changed = false;
    if (auth == null) {
      auth = fresh.get();
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      changed = true;
    }
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}

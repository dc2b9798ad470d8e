package vn.directivetracker.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.UnitRegistry;

/**
 * Who and which unit an event names, as people read them: a user's full name, a unit's Vietnamese name
 * (the registry's, else the Camunda group's, such as a secretariat or the auditors). Looked up without the
 * caller's own rights (whoever may read the trail may read the names in it), once per name per answer.
 */
@Component
record AuditNames(UnitRegistry registry, IdentityService identity, PrivilegedEngine engine) {

  static final String SYSTEM_NAME = "Hệ thống";

  /** A lookup for one answer: each name is asked for once. */
  Lookup lookup() {
    return new Lookup();
  }

  final class Lookup {
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();

    String user(String id) {
      if (id == null || id.isEmpty()) {
        return "";
      }
      if (AuditEvent.SYSTEM.equals(id)) {
        return SYSTEM_NAME;
      }
      return users.computeIfAbsent(id, k -> engine.call(() -> {
        User u = identity.createUserQuery().userId(k).singleResult();
        String name = u == null ? "" : ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
            + (u.getLastName() == null ? "" : u.getLastName())).trim();
        return name.isEmpty() ? k : name + " (" + k + ")";
      }));
    }

    /** One unit, or several separated by commas (the groups a task was offered to). */
    String units(String codes) {
      if (codes == null || codes.isEmpty()) {
        return "";
      }
      return Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty()).map(this::unit)
          .collect(Collectors.joining("; "));
    }

    private String unit(String code) {
      return units.computeIfAbsent(code, k -> registry.isUnit(k) ? registry.labelOf(k) : engine.call(() -> {
        Group g = identity.createGroupQuery().groupId(k).singleResult();
        return g == null || g.getName() == null ? k : g.getName() + " (" + k + ")";
      }));
    }
  }
}

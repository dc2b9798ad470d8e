package vn.directivetracker.organization;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users with password {@code demo}: only when {@code directive.demo-users=true}, which only the
 * demo and test profiles set. One officer per unit group, named after the group in lower case.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "directive.demo-users", havingValue = "true")
record DemoUsers(UnitRegistry registry, IdentityService identity) implements ApplicationRunner {

  static final String PASSWORD = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  @Override
  public void run(ApplicationArguments args) {
    Map<String, DemoUser> users = new LinkedHashMap<>();
    users.put("leader", new DemoUser("leader", "Lãnh đạo", "Tổ công tác Đề án 06", "P06WG"));
    users.put("secretary", new DemoUser("secretary", "Thư ký", "Cơ quan thường trực", "P06WGSEC"));
    users.put("auditor", new DemoUser("auditor", "Kiểm toán", "Thanh tra", OrganizationSync.AUDITORS));
    for (Unit unit : registry.units()) {
      String id = unit.code().toLowerCase(Locale.ROOT);
      users.putIfAbsent(id, new DemoUser(id, "Cán bộ", unit.nameVi(), unit.code()));
      if (unit.isIssuer()) {
        String sec = unit.secretariat().toLowerCase(Locale.ROOT);
        users.putIfAbsent(sec, new DemoUser(sec, "Thư ký", unit.nameVi(), unit.secretariat()));
      }
    }
    Set<String> existing = identity.createUserQuery().list().stream().map(User::getId)
        .collect(Collectors.toCollection(HashSet::new));
    int created = 0;
    for (DemoUser demo : users.values()) {
      if (existing.contains(demo.id())) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(truncate(demo.lastName()));
      user.setEmail(demo.id() + "@demo.directivetracker.vn");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.group());
      created++;
    }
    LOG.info("Demo users: {} created, password '{}'", created, PASSWORD);
  }

  private static String truncate(String name) {
    return name.length() <= 255 ? name : name.substring(0, 255);
  }

  private record DemoUser(String id, String firstName, String lastName, String group) {
  }
}

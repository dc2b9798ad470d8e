package vn.directivetracker.organization;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mirrors the registry into Camunda groups at start-up: a group per unit and provincial department, a
 * secretariat group per issuing body, AUDITORS and MONITORING (may read /actuator/prometheus). Idempotent:
 * existing groups keep their members and
 * only get their names refreshed, so a restart (or a new registry file) never duplicates anything.
 */
@Component
@Order(10)
record OrganizationSync(UnitRegistry registry, IdentityService identity) implements ApplicationRunner {

  static final String AUDITORS = "AUDITORS";
  private static final Logger LOG = LoggerFactory.getLogger(OrganizationSync.class);

  @Override
  public void run(ApplicationArguments args) {
    Set<String> existing = identity.createGroupQuery().list().stream().map(Group::getId)
        .collect(Collectors.toCollection(HashSet::new));
    int created = 0;
    for (GroupSpec spec : groupSpecs()) {
      if (existing.contains(spec.id())) {
        Group group = identity.createGroupQuery().groupId(spec.id()).singleResult();
        if (!spec.name().equals(group.getName()) || !spec.type().equals(group.getType())) {
          group.setName(spec.name());
          group.setType(spec.type());
          identity.saveGroup(group);
        }
        continue;
      }
      Group group = identity.newGroup(spec.id());
      group.setName(spec.name());
      group.setType(spec.type());
      identity.saveGroup(group);
      created++;
    }
    LOG.info("Organisation registry: {} units, {} groups created", registry.units().size(), created);
  }

  List<GroupSpec> groupSpecs() {
    List<GroupSpec> specs = new java.util.ArrayList<>();
    for (Unit unit : registry.units()) {
      specs.add(new GroupSpec(unit.code(), truncate(unit.nameVi()), unit.type().name()));
      if (unit.isIssuer()) {
        specs.add(new GroupSpec(unit.secretariat(), truncate("Cơ quan thường trực - " + unit.nameVi()), "SECRETARIAT"));
      }
    }
    specs.add(new GroupSpec(AUDITORS, "Kiểm toán viên / Auditors", "AUDIT"));
    specs.add(new GroupSpec("MONITORING", "Giám sát vận hành / Monitoring", "OPERATIONS"));
    return specs;
  }

  private static String truncate(String name) {
    return name.length() <= 255 ? name : name.substring(0, 255);
  }

  record GroupSpec(String id, String name, String type) {
  }
}

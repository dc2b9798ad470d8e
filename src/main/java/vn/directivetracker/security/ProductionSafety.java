package vn.directivetracker.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start in a state that would expose a government's commitments: demo users
 * switched on or left in the database, no administrator from the environment, or a default or weak
 * administrator password. Checked before the engine creates the administrator.
 */
@Component
@Profile("prod")
class ProductionSafety {

  static final Set<String> DEFAULT_PASSWORDS = Set.of("demo", "admin", "camunda", "password", "123456", "changeme");
  static final String DEMO_MAIL_DOMAIN = "@demo.directivetracker.vn";

  ProductionSafety(Environment environment, IdentityService identity,
      @Value("${directive.demo-users:false}") boolean demoUsers,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    List<String> problems = problems(Arrays.asList(environment.getActiveProfiles()), demoUsers, adminId, adminPassword);
    if (problems.isEmpty()) {
      PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(adminPassword);
      if (!policy.isValid()) {
        problems = List.of("ADMIN_PASSWORD does not meet the password policy: " + policy.getViolatedRules().stream()
            .map(r -> r.getPlaceholder()).toList());
      } else if (identity.createUserQuery().userEmailLike("%" + DEMO_MAIL_DOMAIN).count() > 0) {
        problems = List.of("the database holds demo users (e-mail " + DEMO_MAIL_DOMAIN + "); remove them first");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start with the prod profile: " + String.join("; ", problems));
    }
  }

  static List<String> problems(List<String> profiles, boolean demoUsers, String adminId, String adminPassword) {
    List<String> problems = new java.util.ArrayList<>();
    if (profiles.contains("demo") || demoUsers) {
      problems.add("demo users are switched on (profile demo or directive.demo-users)");
    }
    if (adminId == null || adminId.isBlank()) {
      problems.add("ADMIN_USER is not set");
    }
    if (adminPassword == null || adminPassword.isBlank()) {
      problems.add("ADMIN_PASSWORD is not set");
    } else if (DEFAULT_PASSWORDS.contains(adminPassword.toLowerCase(Locale.ROOT))) {
      problems.add("ADMIN_PASSWORD is a default password");
    }
    return problems;
  }
}

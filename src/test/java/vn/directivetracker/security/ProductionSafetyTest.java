package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes the prod profile refuse to start. */
class ProductionSafetyTest {

  @Test
  void refusesDemoUsersMissingAdminAndDefaultPasswords() {
    assertThat(ProductionSafety.problems(List.of("prod", "demo"), false, "root", "S3cure-Passw0rd!"))
        .singleElement().asString().contains("demo users");
    assertThat(ProductionSafety.problems(List.of("prod"), true, "root", "S3cure-Passw0rd!"))
        .singleElement().asString().contains("demo users");
    assertThat(ProductionSafety.problems(List.of("prod"), false, "", "S3cure-Passw0rd!"))
        .singleElement().asString().contains("ADMIN_USER");
    assertThat(ProductionSafety.problems(List.of("prod"), false, "root", ""))
        .singleElement().asString().contains("ADMIN_PASSWORD is not set");
    assertThat(ProductionSafety.problems(List.of("prod"), false, "root", "Demo"))
        .singleElement().asString().contains("default password");
  }

  @Test
  void acceptsAConfiguredAdministrator() {
    assertThat(ProductionSafety.problems(List.of("prod"), false, "root", "S3cure-Passw0rd!")).isEmpty();
  }
}

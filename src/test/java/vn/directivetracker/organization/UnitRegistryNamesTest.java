package vn.directivetracker.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** How a unit is named to people: the forms, the notices and the amendment records all use these. */
class UnitRegistryNamesTest {

  final UnitRegistry registry = new UnitRegistry(new DefaultResourceLoader(), "classpath:reference/");

  @Test
  void aUnitIsNamedInVietnameseWithItsCodeBesideItWhereBothAreShown() {
    assertThat(registry.nameOf("MOH")).isEqualTo("Bộ Y tế");
    assertThat(registry.labelOf("MOH")).isEqualTo("Bộ Y tế (MOH)");
    assertThat(registry.labelsOf(List.of("MPS", "MOF"))).isEqualTo("Bộ Công an (MPS); Bộ Tài chính (MOF)");
    assertThat(registry.labelsOf(List.of())).isEmpty();
  }

  @Test
  void aUnitNoLongerInTheRegistryIsShownByItsCode() {
    assertThat(registry.nameOf("GHOSTUNIT")).isEqualTo("GHOSTUNIT");
    assertThat(registry.labelOf("GHOSTUNIT")).isEqualTo("GHOSTUNIT");
    assertThat(registry.nameOf(null)).isNull();
    assertThat(registry.labelOf(null)).isNull();
  }
}

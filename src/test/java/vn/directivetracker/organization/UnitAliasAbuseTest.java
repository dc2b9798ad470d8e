package vn.directivetracker.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * Aliases an administrator may not add, over HTTP: one that is a unit's own name or code (read first, it would
 * send that unit's tasks to another), and one carrying markup. The whole file is refused and nothing changes.
 */
class UnitAliasAbuseTest extends ApplicationTest {

  @Test
  void anAliasThatShadowsAUnitOrCarriesMarkupIsRefused() {
    String before = get();

    assertRefused("Bộ Công an,MOH", "already names MPS");
    assertRefused("MPS,MOH", "already names MPS");
    assertRefused("<img src=x onerror=alert(1)>,MOH", "markup");

    assertThat(get()).isEqualTo(before);
    assertThat(http.withBasicAuth("admin", "demo").getForObject(
        "/api/admin/unit-aliases/resolve?name={n}&domain=HEALTH", String.class, "Bộ Công an")).contains("\"MPS\"");
  }

  private void assertRefused(String line, String why) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    ResponseEntity<String> answer = http.withBasicAuth("admin", "demo").exchange("/api/admin/unit-aliases",
        HttpMethod.PUT, new HttpEntity<>("alias,unit\n" + line + "\n", headers), String.class);
    assertThat(answer.getStatusCode().value()).as(line).isEqualTo(400);
    assertThat(answer.getBody()).contains(why);
  }

  private String get() {
    return http.withBasicAuth("admin", "demo").getForObject("/api/admin/unit-aliases", String.class);
  }
}

package vn.directivetracker.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/** GET /camunda/forms-api/units: the start form's preview of how a unit name as written is read. */
class UnitPreviewTest extends ApplicationTest {

  @Test
  void anOldMinistryIsReadAsTodaysUnitByTheTasksDomain() {
    String session = TasklistSession.login(http, "leader");

    JsonNode most = ok(preview("Bộ Thông tin và Truyền thông", "HEALTH", "", "P06WG", session));
    assertThat(most.get("code").asText()).isEqualTo("MOST");
    assertThat(most.get("name").asText()).isEqualTo("Bộ Khoa học và Công nghệ");
    assertThat(most.get("asWritten").asText()).isEqualTo("Bộ Thông tin và Truyền thông");
    assertThat(most.get("endedBody").asText()).isEqualTo("MIC");
    assertThat(most.get("endedName").asText()).isEqualTo("Bộ Thông tin và Truyền thông");
    assertThat(ok(preview("Ministry of Information and Communications", "COMMUNICATION", "", "P06WG", session))
        .get("code").asText()).isEqualTo("MCST");
    JsonNode code = ok(preview("moh", "", "", "", session));
    assertThat(code.get("code").asText()).isEqualTo("MOH");
    assertThat(code.get("how").asText()).isEqualTo("CODE");
    assertThat(code.has("endedBody")).isFalse();
  }

  @Test
  void aDepartmentNamedAloneIsTheIssuersProvincesOrTheTasksProvinces() {
    String session = TasklistSession.login(http, "haiphongwg");

    JsonNode dost = ok(preview("Department of Information and Communications", "OTHER", "", "HAIPHONGWG", session));
    assertThat(dost.get("code").asText()).isEqualTo("HAIPHONGDOST");
    assertThat(ok(preview("Sở Y tế", "HEALTH", "Phú Thọ", "HAIPHONGWG", session)).get("code").asText())
        .isEqualTo("PHUTHODOH");
    assertThat(dost.get("endedName").asText()).isEqualTo("Sở Thông tin và Truyền thông thành phố Hải Phòng");
    JsonNode haiDuong = ok(preview("Sở Thông tin và Truyền thông tỉnh Hải Dương", "OTHER", "", "", session));
    assertThat(haiDuong.get("code").asText()).isEqualTo("HAIPHONGDOST");
    assertThat(haiDuong.get("endedName").asText()).isEqualTo("Sở Thông tin và Truyền thông tỉnh Hải Dương");
  }

  @Test
  void aClassExpandsAndARefusedNameGetsTheRefusalIssuingWouldGive() {
    String session = TasklistSession.login(http, "leader");

    JsonNode provinces = ok(preview("all provinces", "HEALTH", "", "P06WG", session));
    assertThat(provinces.get("how").asText()).isEqualTo("CLASS");
    assertThat(provinces.get("units")).hasSize(34);
    JsonNode district = ok(preview("Ủy ban nhân dân huyện Ninh Giang", "OTHER", "", "HAIPHONGWG", session));
    assertThat(district.has("code")).isFalse();
    assertThat(district.get("how").asText()).isEqualTo("NOT_IN_REGISTRY");
    assertThat(district.get("problem").asText()).contains("cấp huyện", "district");
    JsonNode unknown = ok(preview("Bộ Y tê xã hội", "HEALTH", "", "P06WG", session));
    assertThat(unknown.get("how").asText()).isEqualTo("UNKNOWN");
    assertThat(unknown.get("closest").toString()).contains("MOH");
    assertThat(ok(preview(" ", "HEALTH", "", "P06WG", session)).size()).isZero();
    assertThat(preview("x".repeat(201), "", "", "", session).getStatusCode().value()).isEqualTo(400);
  }

  /** Reference data only, which the sheet template gives any signed-in user: every Tasklist user may ask. */
  @ParameterizedTest
  @ValueSource(strings = {"leader", "haiphongwg", "secretary", "moh", "auditor", "admin"})
  void everyTasklistUserMayAsk(String user) {
    String session = TasklistSession.login(http, user);
    assertThat(ok(preview("Bộ Y tế", "", "", "", session)).get("code").asText()).isEqualTo("MOH");
  }

  @Test
  void nobodyAndHttpBasicAreAskedToLogInToTasklist() {
    URI url = url("Bộ Y tế", "", "", "");
    assertThat(http.getForEntity(url, String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(http.withBasicAuth("leader", "demo").getForEntity(url, String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  private static JsonNode ok(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return DirectiveFixtures.read(answer.getBody());
  }

  private ResponseEntity<String> preview(String name, String domain, String province, String issuer, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.exchange(url(name, domain, province, issuer), HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Encoded once, here: the template does not encode a URI again. */
  private URI url(String name, String domain, String province, String issuer) {
    return http.getRestTemplate().getUriTemplateHandler().expand(
        "/camunda/forms-api/units?name={n}&domain={d}&province={p}&issuer={i}", name, domain, province, issuer);
  }
}

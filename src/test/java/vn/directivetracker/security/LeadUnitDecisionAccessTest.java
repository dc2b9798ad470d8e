package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * The issue-directive start form shows the lead unit each row will get by evaluating the lead-unit
 * decision with the user's own rights: issuers may, other units may not.
 */
class LeadUnitDecisionAccessTest extends ApplicationTest {

  private static final String BODY = "{\"variables\": {"
      + "\"domain\": {\"value\": \"HEALTH\", \"type\": \"String\"},"
      + "\"issuerLevel\": {\"value\": \"NATIONAL\", \"type\": \"String\"},"
      + "\"province\": {\"value\": null, \"type\": \"Null\"}}}";

  @Test
  void anIssuerEvaluatesTheLeadUnitDecision() throws Exception {
    ResponseEntity<String> answer = evaluateAs("leader");
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode result = new ObjectMapper().readTree(answer.getBody());
    assertThat(result.get(0).get("leadUnit").get("value").asText()).isEqualTo("MOH");
    assertThat(evaluateAs("haiphongwg").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aUnitThatIssuesNothingMayNot() {
    // Evaluating is for issuers: the allow-list refuses it before the engine (which, without READ, would
    // not even find the definition for MOH).
    assertThat(evaluateAs("moh").getStatusCode().value()).isEqualTo(403);
  }

  private ResponseEntity<String> evaluateAs(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/decision-definition/key/lead-unit/evaluate",
        new HttpEntity<>(BODY, headers), String.class);
  }
}

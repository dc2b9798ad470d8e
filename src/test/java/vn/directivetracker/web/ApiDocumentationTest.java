package vn.directivetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;

/**
 * The OpenAPI description of /api and its Swagger UI: served under /api behind its login, describing /api
 * only, every operation with a summary and a description taken from the controllers.
 */
class ApiDocumentationTest extends ApplicationTest {

  @Test
  void theDescriptionAndTheSwaggerUiNeedALogin() {
    for (String path : List.of("/api/openapi.json", "/api/openapi.json.yaml", "/api/docs",
        "/api/swagger-ui/index.html", "/api/openapi.json/swagger-config")) {
      assertThat(http.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(401);
    }
    // springdoc's default paths are not served at all.
    for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html")) {
      assertThat(http.withBasicAuth("moh", "demo").getForEntity(path, String.class).getStatusCode().value())
          .as(path).isEqualTo(404);
    }
  }

  @Test
  void anyUserReadsTheDescriptionOfEveryOperationOfTheApi() throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth("moh", "demo").getForEntity("/api/openapi.json", String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    JsonNode api = new ObjectMapper().readTree(answer.getBody());
    assertThat(api.at("/info/title").asText()).isEqualTo("Directive Tracker API");
    assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    List<String> paths = new ArrayList<>();
    api.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).contains("/api/directives", "/api/directives/{id}", "/api/audit/directives/{id}",
        "/api/reports/monthly", "/api/tasks/{taskId}/extension-request").allMatch(p -> p.startsWith("/api/"));
    assertThat(api.at("/paths/~1api~1directives/post/summary").asText()).isEqualTo("Issue a directive");
    api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      assertThat(op.getValue().path("summary").asText()).as(op.getKey() + " " + path.getKey()).isNotBlank();
      assertThat(op.getValue().path("description").asText()).as(op.getKey() + " " + path.getKey()).isNotBlank();
    }));
    assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/api/openapi.json.yaml", String.class).getBody())
        .startsWith("openapi: 3");
  }

  @Test
  void theSwaggerUiShowsTheDescription() {
    ResponseEntity<String> docs = http.withBasicAuth("leader", "demo").getForEntity("/api/docs", String.class);
    // TestRestTemplate follows the redirect to the UI's page.
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("swagger-ui");
    assertThat(http.withBasicAuth("leader", "demo").getForEntity("/api/openapi.json/swagger-config", String.class)
        .getBody()).contains("\"url\":\"/api/openapi.json\"");
  }
}

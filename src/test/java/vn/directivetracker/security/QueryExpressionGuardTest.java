package vn.directivetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.EngineApiClient.Surface;
import vn.directivetracker.EngineApiClient;

/**
 * Expressions in task queries are JUEL evaluated with the JVM at hand. The engine refuses them at the top
 * level of an ad-hoc query but ran them inside or-queries and in a filter's extending query, for any user:
 * code execution. The firewall refuses them at the door (over HTTP, both surfaces); the engine refuses them
 * too, so a path that reaches it another way cannot reopen the hole.
 */
class QueryExpressionGuardTest extends ApplicationTest {

  private static final String TOUCH = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
      + ".invoke(null).exec('touch %s')}";

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void anOrQueryExpressionRunsNoCodeOverEitherSurface() throws Exception {
    EngineApiClient api = new EngineApiClient(http);
    for (Surface surface : Surface.values()) {
      Path marker = Files.createTempDirectory("rce").resolve("marker");
      String expression = TOUCH.formatted(marker);
      ResponseEntity<String> answer = api.call(surface, "moh", HttpMethod.POST, "/task/count",
          "{\"orQueries\":[{\"dueBeforeExpression\":\"" + expression + "\"}]}");
      assertThat(answer.getStatusCode().value()).as(surface + " " + answer.getBody()).isEqualTo(400);
      assertThat(answer.getBody()).contains("Expressions are not accepted");
      Thread.sleep(200); // a spawned process would have touched the file by now
      assertThat(marker).as("no process ran").doesNotExist();
    }
  }

  @Test
  void theEngineRefusesOrQueryExpressionsForEveryCaller() {
    engine.getIdentityService().setAuthentication("moh", List.of("MOH"));
    TaskQuery query = engine.getTaskService().createTaskQuery().or().dueBeforeExpression("${now()}").endOr();
    assertThatThrownBy(query::count).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Expressions are not accepted");
    engine.getIdentityService().clearAuthentication();
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().or().taskCandidateGroupExpression("${x}")
        .endOr().list()).isInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().dueAfterExpression("${now()}").count())
        .isInstanceOf(BadUserRequestException.class);
  }

  @Test
  void aFiltersExtendingQueryCarriesNoExpressionButAStoredFilterMay() {
    Filter stored = engine.getFilterService().newTaskFilter("Giao cho tôi / Assigned to me")
        .setOwner("admin")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    engine.getFilterService().saveFilter(stored);
    try {
      // An administrator, so that the filter is readable: the refusal holds for every caller.
      engine.getIdentityService().setAuthentication("admin", List.of(CurrentUser.ADMIN_GROUP));
      TaskQuery extending = engine.getTaskService().createTaskQuery().or().dueBeforeExpression("${now()}").endOr();
      assertThatThrownBy(() -> engine.getFilterService().count(stored.getId(), extending))
          .isInstanceOf(BadUserRequestException.class);
      TaskQuery topLevel = engine.getTaskService().createTaskQuery().dueBeforeExpression("${now()}");
      assertThatThrownBy(() -> engine.getFilterService().listPage(stored.getId(), topLevel, 0, 15))
          .isInstanceOf(BadUserRequestException.class);
      // The administrator's own expression runs: that is what stored filters are for.
      assertThat(engine.getFilterService().count(stored.getId())).isNotNull();
      assertThat(engine.getFilterService().count(stored.getId(),
          engine.getTaskService().createTaskQuery().taskCandidateGroup("MOH"))).isNotNull();
    } finally {
      engine.getIdentityService().clearAuthentication();
      engine.getFilterService().deleteFilter(stored.getId());
    }
  }
}

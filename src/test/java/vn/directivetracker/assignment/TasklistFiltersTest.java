package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.ApplicationTest;
import vn.directivetracker.DirectiveFixtures;

/**
 * Each unit sees its own Tasklist filters and no other unit's, and the filters return that unit's work:
 * checked through FilterService as the officer, with Camunda's authorization on.
 */
class TasklistFiltersTest extends ApplicationTest {

  @Autowired
  TasklistFilters tasklistFilters;

  FilterService filters;
  IdentityService identity;

  @BeforeEach
  void fixtures() {
    filters = engine.getFilterService();
    identity = engine.getIdentityService();
  }

  @Test
  void anOfficerSeesOnlyItsUnitsFiltersAndTheyReturnItsOverdueAndSoonDueTasks() {
    clockAt("2024-02-10T09:00");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("FILTERS"), "2024-01-10",
        List.of(DirectiveFixtures.task("T01", "HEALTH", "2024-01-31"),
            DirectiveFixtures.task("T02", "HEALTH", "2024-02-14"),
            DirectiveFixtures.task("T03", "CIVIL_STATUS", "2024-01-31")));
    String directiveId = issued.get("id").asText();
    String mohOverdue = carryOut(directives.processOf(directiveId, "T01"));
    String mohDueSoon = carryOut(directives.processOf(directiveId, "T02"));
    String mojOverdue = carryOut(directives.processOf(directiveId, "T03"));

    List<Filter> mohFilters = as("moh", "MOH", () -> filters.createFilterQuery().listPage(0, 2000));
    assertThat(mohFilters).extracting(Filter::getName).containsExactlyInAnyOrder(
        TasklistFilters.UNIT_TASKS, TasklistFilters.OVERDUE, TasklistFilters.DUE_SOON, TasklistFilters.MY_TASKS);
    assertThat(mohFilters).allSatisfy(f -> assertThat(f.getProperties().get(TasklistFilters.GROUP_PROPERTY))
        .isIn("MOH", null));

    List<String> overdue = as("moh", "MOH", () -> ids(firstPage(filterOf(mohFilters, TasklistFilters.OVERDUE))));
    assertThat(overdue).contains(mohOverdue).doesNotContain(mohDueSoon, mojOverdue);
    List<String> dueSoon = as("moh", "MOH", () -> ids(firstPage(filterOf(mohFilters, TasklistFilters.DUE_SOON))));
    assertThat(dueSoon).contains(mohDueSoon).doesNotContain(mohOverdue, mojOverdue);
    List<String> inbox = as("moh", "MOH", () -> ids(firstPage(filterOf(mohFilters, TasklistFilters.UNIT_TASKS))));
    assertThat(inbox).contains(mohOverdue, mohDueSoon).doesNotContain(mojOverdue);

    // MOJ's overdue filter exists, but MOH can neither see nor run it.
    List<Filter> mojFilters = as("moj", "MOJ", () -> filters.createFilterQuery().listPage(0, 2000));
    String mojOverdueFilter = filterOf(mojFilters, TasklistFilters.OVERDUE);
    assertThat(as("moj", "MOJ", () -> ids(firstPage(mojOverdueFilter)))).contains(mojOverdue).doesNotContain(mohOverdue);
    assertThat(mohFilters).extracting(Filter::getId).doesNotContain(mojOverdueFilter);
    assertThatThrownBy(() -> as("moh", "MOH", () -> firstPage(mojOverdueFilter)))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aSecretariatAlsoSeesTheReportsAwaitingItsReview() {
    clockAt("2024-02-10T09:00");
    JsonNode issued = directives.issue("leader", "P06WG", DirectiveFixtures.uniqueReference("AWAITING"), "2024-02-01",
        List.of(DirectiveFixtures.task("T01", "EDUCATION", "2024-03-31")));
    String pi = directives.processOf(issued.get("id").asText(), "T01");
    engine.getTaskService().complete(carryOut(pi), java.util.Map.of("reportResult", "Xong", "completionDate", "2024-02-09"));
    String review = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();

    List<Filter> secFilters = as("p06wgsec", "P06WGSEC", () -> filters.createFilterQuery().listPage(0, 2000));
    // Reviews have no deadline: no "overdue" or "due in 7 days" that would always be empty.
    assertThat(secFilters).extracting(Filter::getName).containsExactlyInAnyOrder(TasklistFilters.AWAITING_REVIEW,
        TasklistFilters.UNIT_TASKS, TasklistFilters.MY_TASKS);
    assertThat(as("p06wgsec", "P06WGSEC", () -> ids(firstPage(filterOf(secFilters, TasklistFilters.AWAITING_REVIEW)))))
        .contains(review);
    assertThat(as("moet", "MOET", () -> filters.createFilterQuery().filterName(TasklistFilters.AWAITING_REVIEW).count()))
        .isZero();
    assertThat(as("haiphongwgsec", "HAIPHONGWGSEC",
        () -> filters.createFilterQuery().filterName(TasklistFilters.AWAITING_REVIEW).count())).isEqualTo(1);
  }

  @Test
  void aRestartRemovesAGroupFilterNoLongerWantedWithItsGrant() {
    // As an earlier version left it: an "overdue" filter for a secretariat, readable by that group.
    Filter stale = filters.newTaskFilter(TasklistFilters.OVERDUE);
    stale.setProperties(new java.util.HashMap<>(java.util.Map.of(TasklistFilters.GROUP_PROPERTY, "P06WGSEC")));
    stale.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("P06WGSEC"));
    filters.saveFilter(stale);
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("P06WGSEC");
    read.setResource(Resources.FILTER);
    read.setResourceId(stale.getId());
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);

    assertThat(tasklistFilters.synchronise()).isZero();
    assertThat(filters.createFilterQuery().filterId(stale.getId()).count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(stale.getId()).count()).isZero();
    assertThat(as("p06wgsec", "P06WGSEC", () -> filters.createFilterQuery().filterName(TasklistFilters.OVERDUE)
        .count())).isZero();
  }

  @Test
  void aRestartCreatesNothingAndEveryGroupHasItsFilters() {
    long before = filters.createFilterQuery().count();
    long started = System.nanoTime();
    assertThat(tasklistFilters.synchronise()).isZero();
    System.out.printf("TasklistFilters on restart: %d filters checked in %d ms%n", before,
        (System.nanoTime() - started) / 1_000_000);
    assertThat(filters.createFilterQuery().count()).isEqualTo(before);
    assertThat(before).isEqualTo(tasklistFilters.specs().size() + 1);
    // No filter is readable by everybody except "Claimed by me".
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER).userIdIn("*").count()).isEqualTo(1);
  }

  private String carryOut(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey("UserTask_CarryOut").singleResult().getId();
  }

  private static String filterOf(List<Filter> visible, String name) {
    return visible.stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow().getId();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  private <T> T as(String user, String group, Supplier<T> work) {
    identity.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A filter's tasks, one page (unbounded lists are refused for an authenticated user). */
  private <T> java.util.List<T> firstPage(String filterId) {
    return filters.listPage(filterId, 0, 2000);
  }

}

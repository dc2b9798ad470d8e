package vn.directivetracker.assignment;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows a user nothing without a filter. These shared filters are evaluated for whoever opens
 * them ({@code currentUserGroups()}), so one filter serves every unit: its officers see their unit's
 * inbox, sorted by deadline, with the notice and task shown on each card. Created once, idempotently.
 */
@Component
@Order(25)
class TasklistFilters implements ApplicationRunner {

  static final String UNIT_TASKS = "Việc của đơn vị / My unit's tasks";
  static final String MY_TASKS = "Việc tôi đã nhận / Claimed by me";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure(UNIT_TASKS, -10, "Nhiệm vụ giao cho đơn vị của tôi / tasks for my unit",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .orderByDueDate().asc());
    ensure(MY_TASKS, -5, "Nhiệm vụ tôi đang xử lý / tasks I have claimed",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      properties.put("variables", List.of(
          variable("reference", "Văn bản / Notice"),
          variable("taskKey", "Nhiệm vụ / Task"),
          variable("taskTitle", "Nội dung / Title")));
      filter.setProperties(properties);
      filter.setQuery(query);
      filters.saveFilter(filter);
    }
    if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER)
        .resourceId(filter.getId()).count() == 0) {
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      read.setUserId(ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}

package vn.directivetracker.assignment;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.ProcessElements;

/**
 * Tasklist shows a user nothing without a filter. Every unit group gets its own shared filters, readable
 * by that group only (a GRANT of READ, no global READ): its inbox, what is overdue, what falls due within 7
 * days; a secretariat, whose reviews have no deadline, gets its inbox and the reports awaiting its review.
 * A filter names its group in a property ({@value #GROUP_PROPERTY}), which is how a restart recognises it:
 * one query reads every existing filter's name and properties, only the missing ones are created and a
 * registry group's filters no longer wanted are removed, all in one engine command (one transaction, one flush), so
 * ~570 groups cost seconds on the first start and one query later. The earlier single filter evaluated
 * with {@code currentUserGroups()} is removed. "Claimed by me" stays one global filter: it shows only the
 * caller's own tasks.
 */
@Component
@Order(25)
class TasklistFilters implements ApplicationRunner {

  static final String UNIT_TASKS = "Việc của đơn vị / My unit's tasks";
  static final String OVERDUE = "Quá hạn / Overdue";
  static final String DUE_SOON = "Đến hạn trong 7 ngày / Due in 7 days";
  static final String AWAITING_REVIEW = "Chờ duyệt / Awaiting review";
  static final String MY_TASKS = "Việc tôi đã nhận / Claimed by me";
  static final String GROUP_PROPERTY = "unitGroup";
  static final String REVIEW_TASK = ProcessElements.REVIEW_REPORT;

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final UnitRegistry registry;
  private final PrivilegedEngine engine;
  private final JdbcTemplate jdbc;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, UnitRegistry registry,
      PrivilegedEngine engine, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.registry = registry;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    int created = engine.call(this::synchronise);
    LOG.info("Tasklist filters: {} created, in {} ms", created, (System.nanoTime() - started) / 1_000_000);
  }

  /** Creates the filters that are missing, removes a group's filters no longer wanted; returns how many it created. */
  int synchronise() {
    List<Spec> specs = specs();
    Set<String> wanted = new HashSet<>();
    Set<String> groups = new HashSet<>();
    specs.forEach(spec -> {
      wanted.add(key(spec.name(), spec.group()));
      groups.add(spec.group());
    });
    Set<String> existing = new HashSet<>();
    for (Existing filter : existing()) {
      boolean formerForEverybody = filter.group() == null && UNIT_TASKS.equals(filter.name());
      // Only for a group still in the registry: a group that left it keeps its filters while its tasks remain.
      boolean noLongerWanted = groups.contains(filter.group()) && !wanted.contains(key(filter.name(), filter.group()));
      if (formerForEverybody || noLongerWanted) {
        // With its READ grants, so that no authorization points at a filter that is gone.
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.id()).list()
            .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        filters.deleteFilter(filter.id());
        continue;
      }
      existing.add(key(filter.name(), filter.group()));
    }
    int created = 0;
    for (Spec spec : specs) {
      if (!existing.contains(key(spec.name(), spec.group()))) {
        create(spec);
        created++;
      }
    }
    if (!existing.contains(key(MY_TASKS, null))) {
      Filter mine = create(new Spec(null, MY_TASKS, -20, "Nhiệm vụ tôi đang xử lý / tasks I have claimed",
          tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      read.setUserId(ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(mine.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
      created++;
    }
    return created;
  }

  /**
   * Name, group and id of every task filter, read straight from the engine's filter table: loading 1,750
   * filters through FilterService parses every stored query and took seconds at each start.
   */
  private List<Existing> existing() {
    return jdbc.query("select ID_, NAME_, PROPERTIES_ from ACT_RU_FILTER where RESOURCE_TYPE_ = 'Task'",
        (rs, i) -> new Existing(rs.getString(1), rs.getString(2), groupOf(rs.getString(3))));
  }

  private static String groupOf(String properties) {
    if (properties == null || properties.isBlank()) {
      return null;
    }
    try {
      JsonNode group = JSON.readTree(properties).get(GROUP_PROPERTY);
      return group == null || group.isNull() ? null : group.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The filters every group should have, in registry order. */
  List<Spec> specs() {
    List<Spec> specs = new ArrayList<>();
    for (Unit unit : registry.units()) {
      unitFilters(unit.code(), unit.nameVi(), specs, true);
      if (unit.isIssuer()) {
        String sec = unit.secretariat();
        unitFilters(sec, "Cơ quan thường trực - " + unit.nameVi(), specs, false);
        specs.add(new Spec(sec, AWAITING_REVIEW, -4, "Báo cáo chờ " + sec + " xem xét / reports awaiting review",
            unitQuery(sec).taskDefinitionKey(REVIEW_TASK).orderByTaskCreateTime().asc()));
      }
    }
    return specs;
  }

  private void unitFilters(String group, String name, List<Spec> specs, boolean withDeadlines) {
    String whose = name + " (" + group + ")";
    specs.add(new Spec(group, UNIT_TASKS, -10, "Nhiệm vụ của " + whose + " / the unit's tasks",
        unitQuery(group).orderByDueDate().asc()));
    if (!withDeadlines) {
      return;
    }
    specs.add(new Spec(group, OVERDUE, -8, "Nhiệm vụ quá hạn của " + whose + " / overdue tasks",
        unitQuery(group).dueBeforeExpression("${now()}").orderByDueDate().asc()));
    specs.add(new Spec(group, DUE_SOON, -6, "Nhiệm vụ đến hạn trong 7 ngày của " + whose + " / due within 7 days",
        unitQuery(group).dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}")
            .orderByDueDate().asc()));
  }

  private TaskQuery unitQuery(String group) {
    return tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
  }

  private Filter create(Spec spec) {
    Filter filter = filters.newTaskFilter(spec.name());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        variable("reference", "Văn bản / Notice"),
        variable("taskKey", "Nhiệm vụ / Task"),
        variable("taskTitle", "Nội dung / Title")));
    if (spec.group() != null) {
      properties.put(GROUP_PROPERTY, spec.group());
    }
    filter.setProperties(properties);
    filter.setQuery(spec.query());
    filters.saveFilter(filter);
    if (spec.group() != null) {
      Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      read.setGroupId(spec.group());
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
    return filter;
  }

  private static String key(String name, String group) {
    return name + "\u0000" + group;
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }

  private record Existing(String id, String name, String group) {
  }

  record Spec(String group, String name, int priority, String description, TaskQuery query) {
  }
}

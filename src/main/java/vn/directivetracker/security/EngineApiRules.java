package vn.directivetracker.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What each role may call on Camunda's engine REST API, on /engine-rest and on the webapps'
 * /camunda/api/engine alike: everything not listed here is refused with 403 before the request body is
 * read. The lists follow what the people's tools call: Tasklist and the forms for units, issuers and
 * secretariats; Cockpit's reads for auditors; everything for administrators, who run the system. A path is
 * relative to the API root ({@code /task/{id}/claim}); {@code {id}} stands for one path segment and
 * {@code {self}} for the caller's own user id.
 */
final class EngineApiRules {

  /** What a caller may be; one caller may be several (an issuer's leader also works tasks in Tasklist). */
  enum Role {
    /** Anyone logged in who is not an auditor: works the tasks of their groups in Tasklist. */
    WORKER,
    /** A member of an issuing body (P06WG, a province's working group): starts directives from Tasklist. */
    ISSUER,
    /** Reads everything and changes nothing (Cockpit, Tasklist, history). */
    AUDITOR,
    /** camunda-admin: Cockpit, Admin, deployments, jobs; may call everything. */
    ADMIN
  }

  private record Rule(Set<String> methods, Pattern path, Set<Role> roles) {
  }

  private static final List<Rule> RULES = new ArrayList<>();

  static {
    Set<Role> readers = EnumSet.of(Role.WORKER, Role.AUDITOR);
    // Anyone logged in: the engine list, the version, their own profile and password.
    allow("GET", readers, "/engine", "/version", "/identity/password-policy", "/identity/groups", "/group",
        "/group/count", "/user/{id}/profile");
    allow("POST", readers, "/identity/password-policy", "/group", "/group/count");
    // Tasklist asks which filter actions the caller has; the engine's permissions answer. Our Tasklist
    // plugin asks whether the caller may create tasks, to show "Tạo nhiệm vụ" only then (the caller's own
    // permissions: another user's are the engine's to refuse).
    allow("OPTIONS", readers, "/filter", "/filter/{id}");
    allow("GET", readers, "/authorization/check");
    allow("PUT", EnumSet.of(Role.WORKER), "/user/{self}/credentials");

    // Tasklist: filters, the task list and a task's form, variables, evidence files and comments.
    allow("GET", readers, "/filter", "/filter/count", "/filter/{id}", "/filter/{id}/list", "/filter/{id}/count",
        "/filter/{id}/singleResult", "/task", "/task/count", "/task/{id}", "/task/{id}/form",
        "/task/{id}/rendered-form", "/task/{id}/deployed-form", "/task/{id}/form-variables", "/task/{id}/variables",
        "/task/{id}/variables/{id}", "/task/{id}/variables/{id}/data", "/task/{id}/identity-links",
        "/task/{id}/comment", "/task/{id}/comment/{id}", "/task/{id}/attachment", "/task/{id}/attachment/{id}",
        "/task/{id}/attachment/{id}/data", "/history/user-operation", "/history/user-operation/count");
    allow("POST", readers, "/filter/{id}/list", "/filter/{id}/count", "/filter/{id}/singleResult", "/task",
        "/task/count");
    // ... and the work itself; what a task may submit is checked by the engine (TaskVariableGuard).
    allow("POST", EnumSet.of(Role.WORKER), "/task/{id}/claim", "/task/{id}/unclaim", "/task/{id}/complete",
        "/task/{id}/submit-form", "/task/{id}/comment/create");

    // Tasklist's start dialog and the diagrams: process definitions the caller may read.
    allow("GET", readers, "/process-definition", "/process-definition/count", "/process-definition/{id}",
        "/process-definition/{id}/xml", "/process-definition/{id}/startForm", "/process-definition/{id}/rendered-form",
        "/process-definition/{id}/deployed-start-form", "/process-definition/{id}/form-variables",
        "/process-definition/key/{id}", "/process-definition/key/{id}/xml", "/process-definition/key/{id}/startForm",
        "/process-definition/key/{id}/rendered-form", "/process-definition/key/{id}/deployed-start-form",
        "/process-definition/key/{id}/form-variables", "/case-definition", "/case-definition/count",
        "/decision-definition", "/decision-definition/count", "/decision-definition/{id}",
        "/decision-definition/key/{id}");

    // Issuers: the start form issues a directive and shows, row by row, the lead unit the decision picks.
    allow("POST", EnumSet.of(Role.ISSUER), "/process-definition/{id}/submit-form",
        "/process-definition/key/{id}/submit-form", "/decision-definition/{id}/evaluate",
        "/decision-definition/key/{id}/evaluate");

    // Auditors: every read (the engine's authorizations decide what each returns) and the queries that
    // Cockpit and API clients send as POST bodies.
    allow("GET", EnumSet.of(Role.AUDITOR), "/**");
    allow("POST", EnumSet.of(Role.AUDITOR), "/process-instance", "/process-instance/count", "/execution",
        "/execution/count", "/variable-instance", "/variable-instance/count", "/incident", "/incident/count",
        "/job", "/job/count", "/external-task", "/external-task/count", "/history/process-instance",
        "/history/process-instance/count", "/history/activity-instance", "/history/activity-instance/count",
        "/history/task", "/history/task/count", "/history/variable-instance", "/history/variable-instance/count",
        "/history/detail", "/history/decision-instance", "/history/decision-instance/count",
        "/history/case-instance", "/history/case-instance/count", "/history/external-task-log",
        "/history/external-task-log/count", "/history/job-log", "/history/job-log/count",
        "/process-definition/statistics", "/deployment", "/deployment/count");
  }

  private EngineApiRules() {
  }

  private static void allow(String method, Set<Role> roles, String... paths) {
    for (String path : paths) {
      RULES.add(new Rule(method.equals("GET") ? Set.of("GET", "HEAD") : Set.of(method), compile(path), roles));
    }
  }

  private static Pattern compile(String template) {
    if (template.equals("/**")) {
      return Pattern.compile("/.*");
    }
    String regex = Pattern.quote(template).replace("{id}", "\\E[^/]+\\Q").replace("{self}", "\\E\\{self}\\Q");
    return Pattern.compile(regex);
  }

  /**
   * Whether a caller with these roles may call {@code method path}. {@code path} is relative to the API
   * root, without the {@code /engine/{name}} prefix, and already checked to be a plain path.
   */
  static boolean allows(Set<Role> roles, String userId, String method, String path) {
    if (roles.contains(Role.ADMIN)) {
      return true;
    }
    String own = userId == null ? path : path.replace("/user/" + userId + "/", "/user/{self}/");
    for (Rule rule : RULES) {
      if (rule.methods().contains(method) && rule.roles().stream().anyMatch(roles::contains)
          && (rule.path().matcher(path).matches() || rule.path().matcher(own).matches())) {
        return true;
      }
    }
    return false;
  }
}

package vn.directivetracker.directive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/** {@code /api/directives}: issue a directive, read it back, list them, withdraw a task or all of it. */
@Tag(name = "Directives",
    description = "Issue directives, read them back, withdraw and amend their tasks.")
@RestController
@RequestMapping("/api/directives")
@Validated
class DirectiveController {

  private static final Set<String> STATUSES = Set.of("ACTIVE", "COMPLETED", "WITHDRAWN");

  private final DirectiveService service;
  private final CurrentUser currentUser;
  private final TaskAmendmentService amendments;

  DirectiveController(DirectiveService service, CurrentUser currentUser, TaskAmendmentService amendments) {
    this.service = service;
    this.currentUser = currentUser;
    this.amendments = amendments;
  }

  /** Not {@code @Valid}: the service checks shape and meaning together, to report every problem at once. */
  @Operation(summary = "Issue a directive",
      description = "Stores the notice and starts one task process per task, all or nothing. Every problem is"
          + " reported at once, each under its field (tasks[3].deadline). Issuers' members only. "
          + "Dates yyyy-MM-dd.")
  @PostMapping(consumes = "application/json")
  ResponseEntity<DirectiveView> issue(@RequestBody IssueDirectiveRequest request) {
    DirectiveView view = service.issue(request, currentUser.get());
    return ResponseEntity.created(URI.create("/api/directives/" + view.id())).body(view);
  }

  @Operation(summary = "Read a directive",
      description = "The notice with each task: lead unit and who decided it, deadline, status. Its issuer's "
          + "members and secretariat, the units with a task in it, auditors, administrators.")
  @GetMapping("/{id}")
  DirectiveView get(@PathVariable String id) {
    return service.get(id, currentUser.get());
  }

  @Operation(summary = "List directives",
      description = "The newest first, at most limit (1-1000), by issuer and status (RUNNING, COMPLETED, "
          + "WITHDRAWN), of those the caller may read.")
  @GetMapping
  List<DirectiveSummary> list(@RequestParam(required = false) String issuer,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest(List.of(new FieldProblem("status", "must be one of " + STATUSES)));
    }
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest(List.of(new FieldProblem("limit", "must be between 1 and 1000")));
    }
    return service.list(issuer, status, limit, currentUser.get());
  }

  @Operation(summary = "Withdraw a directive",
      description = "Ends every open task of the directive, with the reason, and tells the units. Its "
          + "issuer's members only.")
  @PostMapping(path = "/{id}/withdrawal", consumes = "application/json")
  DirectiveView withdrawDirective(@PathVariable String id, @Valid @RequestBody Withdrawal body) {
    return service.withdrawDirective(id, body.reason(), currentUser.get());
  }

  @Operation(summary = "Withdraw one task",
      description = "Ends the task with the reason and tells its units. Its issuer's members only.")
  @PostMapping(path = "/{id}/tasks/{key}/withdrawal", consumes = "application/json")
  DirectiveView withdrawTask(@PathVariable String id, @PathVariable String key, @Valid @RequestBody Withdrawal body) {
    return service.withdrawTask(id, key, body.reason(), currentUser.get());
  }

  /** Amends a running task; the body names only what changes, and why. */
  @Operation(summary = "Amend a running task",
      description = "Changes the deadline, the lead unit, the coordinating units or the texts of a task; the "
          + "body names only what changes, and why.")
  @org.springframework.web.bind.annotation.PatchMapping(path = "/{id}/tasks/{key}", consumes = "application/json")
  DirectiveView amendTask(@PathVariable String id, @PathVariable String key, @RequestBody AmendTaskRequest body) {
    return amendments.amend(id, key, body, currentUser.get());
  }

  /** Why the issuer withdraws: kept in history and told to the units. */
  record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
  }
}

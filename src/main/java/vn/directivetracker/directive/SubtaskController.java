package vn.directivetracker.directive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;

/** {@code POST /api/tasks/{taskId}/subtasks}: the lead unit splits its task among its own units. */
@Tag(name = "Tasks",
    description = "The lead unit's requests about its own task.")
@RestController
record SubtaskController(SubtaskService service, CurrentUser currentUser) {

  @Operation(summary = "Split a task into sub-tasks",
      description = "The lead unit issues a sub-directive of sub-tasks for its own units; the task is done "
          + "when they are, unless the lead says why not.")
  @PostMapping(path = "/api/tasks/{taskId}/subtasks", consumes = "application/json")
  ResponseEntity<DirectiveView> split(@PathVariable String taskId, @RequestBody SplitRequest body) {
    DirectiveView view = service.split(taskId, body, currentUser.get());
    return ResponseEntity.created(URI.create("/api/directives/" + view.id())).body(view);
  }

  /** The sub-directive: its reference, an optional title, and the sub-tasks. */
  record SplitRequest(String reference, String title, List<SubDirectives.Row> tasks) {
  }
}

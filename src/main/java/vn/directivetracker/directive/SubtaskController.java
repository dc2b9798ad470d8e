package vn.directivetracker.directive;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;

/** {@code POST /api/tasks/{taskId}/subtasks}: the lead unit splits its task among its own units. */
@RestController
record SubtaskController(SubtaskService service, CurrentUser currentUser) {

  @PostMapping(path = "/api/tasks/{taskId}/subtasks", consumes = "application/json")
  ResponseEntity<DirectiveView> split(@PathVariable String taskId, @RequestBody SplitRequest body) {
    DirectiveView view = service.split(taskId, body, currentUser.get());
    return ResponseEntity.created(URI.create("/api/directives/" + view.id())).body(view);
  }

  /** The sub-directive: its reference, an optional title, and the sub-tasks. */
  record SplitRequest(String reference, String title, List<SubDirectives.Row> tasks) {
  }
}

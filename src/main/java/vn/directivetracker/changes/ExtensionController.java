package vn.directivetracker.changes;

import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;

/** {@code POST /api/tasks/{taskId}/extension-request}: the lead unit asks for a later deadline. */
@RestController
record ExtensionController(ExtensionService service, CurrentUser currentUser) {

  @PostMapping(path = "/api/tasks/{taskId}/extension-request", consumes = "application/json")
  ResponseEntity<ExtensionService.ExtensionView> request(@PathVariable String taskId,
      @RequestBody ExtensionRequest body) {
    ExtensionService.ExtensionView view = service.request(taskId, body, currentUser.get());
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }

  /** The new deadline asked for and why. */
  record ExtensionRequest(LocalDate deadline, String reason) {
  }
}

package vn.directivetracker.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser;

/** {@code POST /api/tasks/{taskId}/extension-request}: the lead unit asks for a later deadline. */
@Tag(name = "Tasks")
@RestController
record ExtensionController(ExtensionService service, CurrentUser currentUser) {

  @Operation(summary = "Ask for a later deadline",
      description = "The lead unit asks the issuer for a new deadline, with its reason; the issuer decides in"
          + " Tasklist.")
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

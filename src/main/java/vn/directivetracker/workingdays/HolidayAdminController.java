package vn.directivetracker.workingdays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin endpoints for the holiday calendar (see docs/working-days.md). The logic lives in {@link
 * HolidayAdmin}; this class only maps HTTP onto it.
 */
@Tag(name = "Administration",
    description = "Holiday calendar and model versions, for administrators.")
@RestController
@RequestMapping("/api/admin/holidays")
class HolidayAdminController {

  private final HolidayAdmin admin;

  HolidayAdminController(WorkingDayCalendar calendar, IdentityService identityService) {
    this.admin = new HolidayAdmin(calendar, identityService);
  }

  /** The listed days of a year as JSON. */
  @Operation(summary = "Holidays of a year",
      description = "The days off and make-up working days of a year, as deadlines count them.")
  @GetMapping("/{year}")
  public ResponseEntity<?> get(@PathVariable("year") int year) {
    return admin.get(year);
  }

  /** Replaces a year with the CSV in the body (members of camunda-admin only). */
  @Operation(summary = "Replace a year's holidays",
      description = "Replaces the year with the CSV in the body. Administrators only.")
  @PutMapping(path = "/{year}", consumes = {"text/csv", "text/plain"})
  public ResponseEntity<?> put(@PathVariable("year") int year, HttpEntity<byte[]> request) {
    return admin.put(year, request.getBody(), request.getHeaders().getContentType());
  }

  /** Reads all calendar files again (members of camunda-admin only). */
  @Operation(summary = "Reload the holiday calendars",
      description = "Reads all calendar files again. Administrators only.")
  @PostMapping("/reload")
  public ResponseEntity<?> reload() {
    return admin.reload();
  }
}

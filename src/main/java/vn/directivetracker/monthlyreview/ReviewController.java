package vn.directivetracker.monthlyreview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.reporting.MonthlyReportService;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.web.ApiException;

/**
 * {@code /api/reviews/{id}}: a monthly review (the pack as it was built, the meeting's conclusions) and
 * {@code /api/reviews/{id}/follow-up}: the drafted body of {@code POST /api/directives}. Readers as for the
 * monthly report: the issuer's members and secretariat, auditors, administrators.
 */
@Tag(name = "Reports")
@RestController
@RequestMapping("/api/reviews")
record ReviewController(ReviewRepository reviews, CurrentUser currentUser, ObjectMapper json) {

  @Operation(summary = "A monthly review",
      description = "The pack as it was built for the meeting and the meeting's conclusions.")
  @GetMapping("/{id}")
  ReviewView get(@PathVariable String id) {
    ReviewRepository.ReviewRow r = readable(id);
    return new ReviewView(r.id(), r.issuer(), r.period(), r.heldAt() == null ? "PENDING" : "HELD", r.createdAt(),
        r.conclusions(), r.issueFollowUp(), r.heldBy(), r.heldAt(),
        r.followUpJson() == null ? null : "/api/reviews/" + r.id() + "/follow-up", parse(r.reportJson()));
  }

  @Operation(summary = "Follow-up of a review",
      description = "The drafted body of POST /api/directives for the conclusions of the meeting.")
  @GetMapping("/{id}/follow-up")
  ResponseEntity<JsonNode> followUp(@PathVariable String id) {
    ReviewRepository.ReviewRow r = readable(id);
    if (r.followUpJson() == null) {
      throw ApiException.notFound("follow-up directive (the meeting did not ask for one)");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(parse(r.followUpJson()));
  }

  private ReviewRepository.ReviewRow readable(String id) {
    ReviewRepository.ReviewRow r = reviews.find(id).orElseThrow(() -> ApiException.notFound("review"));
    MonthlyReportService.requireReader(r.issuer(), currentUser.get());
    return r;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored review JSON is unreadable", e);
    }
  }

  /** A review as the API shows it; {@code report} is the pack exactly as it was built for the meeting. */
  record ReviewView(String id, String issuer, String month, String status, Instant createdAt, String conclusions,
      Boolean issueFollowUp, String heldBy, Instant heldAt, String followUp, JsonNode report) {
  }
}

package vn.directivetracker.forms;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.WebappSessions;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;
import vn.directivetracker.workingdays.UnreadableDeadlineException;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * The day a written deadline means, for the start form's preview beside each row ("quý I/2024" → 2024-03-31),
 * read by the same rules issuing applies: {@code {"deadline", "asWritten", "form"}}, nothing for blank words, or
 * {@code {"problem"}} (the refusal issuing would give). Like the forms' facts it answers the caller of a Tasklist
 * session only; it reads nothing stored.
 */
@RestController
record DeadlinePreviewController(WrittenDeadlines deadlines, WebappSessions sessions) {

  @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/forms-api/deadlines")
  Map<String, Object> preview(@RequestParam(required = false) String written, @RequestParam String issuedOn,
      HttpServletRequest request) {
    sessions.user(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "log in to Tasklist first"));
    if (written != null && written.length() > WrittenDeadlines.MAX_LENGTH) {
      throw ApiException.badRequest(List.of(new FieldProblem("written",
          "at most " + WrittenDeadlines.MAX_LENGTH + " characters")));
    }
    LocalDate issued;
    try {
      issued = LocalDate.parse(issuedOn);
    } catch (DateTimeException e) {
      throw ApiException.badRequest(List.of(new FieldProblem("issuedOn", "'" + issuedOn + "' is not yyyy-MM-dd")));
    }
    try {
      Map<String, Object> answer = new LinkedHashMap<>();
      deadlines.resolve(written, issued).ifPresent(d -> {
        answer.put("deadline", d.date().toString());
        answer.put("asWritten", d.asWritten());
        answer.put("form", d.form().name());
      });
      return answer;
    } catch (UnreadableDeadlineException e) {
      // Words that are no deadline are an answer of the preview, not a failed call: Tasklist would show a failed
      // call as a connection error over the form.
      return Map.of("problem", e.getMessage());
    }
  }
}

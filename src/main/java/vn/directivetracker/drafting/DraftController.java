package vn.directivetracker.drafting;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.security.WebappSessions;
import vn.directivetracker.web.ApiException;

/**
 * {@code POST /api/directives/drafts}: a notice's text in, the draft of its task table out. The start form in
 * Tasklist holds a webapp session, not the HTTP basic credentials of /api, so it posts to the same reading at
 * {@code /camunda/forms-api/directives/drafts}, as the session's user and with the session's CSRF token (a
 * page of another site can neither send the token nor read the answer).
 */
@RestController
record DraftController(NoticeDrafts drafts, CurrentUser currentUser, WebappSessions sessions) {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String CSRF_TOKEN = "CAMUNDA_CSRF_TOKEN";
  private static final String CSRF_HEADER = "X-XSRF-TOKEN";

  @Operation(summary = "Draft a directive from its notice's text",
      description = "Reads a conclusion notice (text/plain UTF-8 or .docx) into draft task rows with leads, "
          + "coordinating units and deadlines resolved, each with the sentence it came from and a "
          + "confidence, and lists what it could not read. Stores nothing; the issuer's members only.")
  @PostMapping(path = "/api/directives/drafts", consumes = {MediaType.TEXT_PLAIN_VALUE, DOCX})
  ResponseEntity<Draft> draft(@RequestBody(required = false) byte[] body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String type, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String issuedOn) {
    return answer(body, type, issuer, issuedOn, currentUser.get());
  }

  @PostMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/forms-api/directives/drafts",
      consumes = {MediaType.TEXT_PLAIN_VALUE, DOCX})
  ResponseEntity<Draft> draftInForm(@RequestBody(required = false) byte[] body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String type, @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String issuedOn, HttpServletRequest request) {
    UserAuthentication user = sessions.user(request)
        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
            "Hãy đăng nhập Tasklist trước / log in to Tasklist first"));
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CSRF_TOKEN);
    String sent = request.getHeader(CSRF_HEADER);
    if (!(token instanceof String expected) || sent == null || !MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.forbidden("Thiếu mã CSRF của phiên / the session's CSRF token is missing");
    }
    return answer(body, type, issuer, issuedOn, new Caller(user.getName(), user.getGroupIds()));
  }

  private ResponseEntity<Draft> answer(byte[] body, String type, String issuer, String issuedOn, Caller caller) {
    Draft draft = type.toLowerCase(java.util.Locale.ROOT).startsWith(DOCX)
        ? drafts.fromDocx(body == null ? new byte[0] : body, issuer, issuedOn, caller)
        : drafts.fromText(body, issuer, issuedOn, caller);
    // An official notice's contents: not to be kept by a browser or a proxy.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(draft);
  }
}

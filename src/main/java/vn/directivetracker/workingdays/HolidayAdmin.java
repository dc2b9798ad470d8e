package vn.directivetracker.workingdays;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.engine.EngineUser;

/**
 * What the holiday admin endpoints do, kept free of Spring MVC so it can be tested directly:
 * authorization (members of Camunda's {@value Groups#CAMUNDA_ADMIN} group only), validation of an
 * uploaded year, writing it to the external directory and reloading the calendar. Every failure is
 * an {@code application/problem+json} answer.
 */
final class HolidayAdmin {

  static final int MAX_BODY_BYTES = 256 * 1024;
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2999;
  private static final Logger log = LoggerFactory.getLogger(HolidayAdmin.class);

  private final WorkingDayCalendar calendar;
  private final IdentityService identityService;

  HolidayAdmin(WorkingDayCalendar calendar, IdentityService identityService) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.identityService = Objects.requireNonNull(identityService, "identityService");
  }

  /** GET: the listed days of a year, or 404 when the year has no calendar. */
  ResponseEntity<?> get(int year) {
    if (!calendar.knownYears().contains(year)) {
      return problem(HttpStatus.NOT_FOUND, "No holiday calendar for this year",
          "There is no holiday calendar for " + year + "; known years: " + calendar.knownYears());
    }
    return ResponseEntity.ok(calendar.days(year));
  }

  /**
   * PUT: replaces a year. Order: 401/403 before anything is read, then 400 listing every bad line,
   * then the file is written to the external directory and the calendar reloaded (200 with the
   * parsed days).
   */
  synchronized ResponseEntity<?> put(int year, byte[] body, MediaType contentType) {
    ResponseEntity<ProblemDetail> denied = authorize();
    if (denied != null) {
      return denied;
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return problem(HttpStatus.BAD_REQUEST, "Year out of range",
          "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", was " + year);
    }
    byte[] bytes = body == null ? new byte[0] : body;
    if (bytes.length > MAX_BODY_BYTES) {
      return problem(HttpStatus.BAD_REQUEST, "Holiday file too large",
          "A holiday file may have at most " + MAX_BODY_BYTES + " bytes, this one has " + bytes.length);
    }
    Charset charset = contentType != null && contentType.getCharset() != null
        ? contentType.getCharset() : StandardCharsets.UTF_8;
    String text;
    try {
      text = HolidayCsv.decode(bytes, charset);
    } catch (CharacterCodingException e) {
      return problem(HttpStatus.BAD_REQUEST, "Holiday file not readable",
          "The body is not valid " + charset.name() + " text; send the file as UTF-8");
    }
    HolidayCsv.Parsed parsed = HolidayCsv.parse(year, text);
    if (!parsed.ok()) {
      ResponseEntity<ProblemDetail> bad = problem(HttpStatus.BAD_REQUEST, "Invalid holiday file",
          parsed.errors().size() + " bad line(s) in the holiday file for " + year
              + "; nothing was changed");
      bad.getBody().setProperty("errors", parsed.errors().stream()
          .map(e -> Map.of("line", e.line(), "content", e.content(), "message", e.message()))
          .toList());
      return bad;
    }
    try {
      write(year, text);
    } catch (IOException | RuntimeException e) {
      log.error("Could not publish the holiday calendar for {}", year, e);
      return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Holiday calendar not saved",
          "The file for " + year + " could not be written or loaded: " + e.getMessage());
    }
    log.info("Holiday calendar {} replaced by {} ({} days) in {}", year,
        EngineUser.current(identityService).map(EngineUser::userId).orElse(null), parsed.days().size(),
        calendar.externalDir());
    return ResponseEntity.ok(parsed.days());
  }

  /** Reload: reads all files again (after an operator copied a file into the directory). */
  synchronized ResponseEntity<?> reload() {
    ResponseEntity<ProblemDetail> denied = authorize();
    if (denied != null) {
      return denied;
    }
    try {
      calendar.reload();
    } catch (RuntimeException e) {
      return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Holiday calendar not reloaded",
          e.getMessage());
    }
    return ResponseEntity.ok(Map.of("knownYears", calendar.knownYears()));
  }

  /** Null when the caller may change the calendar, otherwise the 401 or 403 answer. */
  private ResponseEntity<ProblemDetail> authorize() {
    EngineUser auth = EngineUser.current(identityService).orElse(null);
    if (auth == null || auth.userId() == null) {
      return problem(HttpStatus.UNAUTHORIZED, "Not authenticated",
          "Sign in to change the holiday calendar");
    }
    if (!isCamundaAdmin(auth)) {
      return problem(HttpStatus.FORBIDDEN, "Not allowed",
          "Only members of the group " + Groups.CAMUNDA_ADMIN
              + " may change the holiday calendar; " + auth.userId() + " is not one");
    }
    return null;
  }

  private boolean isCamundaAdmin(EngineUser auth) {
    List<String> groups = auth.groupIds();
    if (groups != null && groups.contains(Groups.CAMUNDA_ADMIN)) {
      return true;
    }
    // The authentication may carry no groups (setAuthenticatedUserId), so ask the identity service.
    return identityService.createGroupQuery()
        .groupMember(auth.userId())
        .groupId(Groups.CAMUNDA_ADMIN)
        .count() > 0;
  }

  /** Writes the year atomically and reloads; restores the previous file when the reload fails. */
  private void write(int year, String text) throws IOException {
    Path dir = calendar.externalDir();
    Files.createDirectories(dir);
    Path target = dir.resolve(year + ".csv");
    byte[] previous = Files.exists(target) ? Files.readAllBytes(target) : null;
    replace(dir, target, text.getBytes(StandardCharsets.UTF_8));
    try {
      calendar.reload();
    } catch (RuntimeException e) {
      if (previous == null) {
        Files.deleteIfExists(target);
      } else {
        replace(dir, target, previous);
      }
      throw e;
    }
  }

  private static void replace(Path dir, Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setType(URI.create("about:blank"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}

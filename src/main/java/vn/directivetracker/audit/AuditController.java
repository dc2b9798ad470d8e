package vn.directivetracker.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * {@code /api/audit}: the timeline of a directive or a task as JSON or CSV, hash-chained, and the check
 * of a CSV export. The id is the last path part, or a business key that may itself contain '/' (notice
 * references do: {@code P06WG:06/TB-VPCP:T01}), hence the catch-all path variable.
 */
@Tag(name = "Audit",
    description = "Hash-chained timelines of directives and tasks, and the check of an export.")
@RestController
@RequestMapping("/api/audit")
record AuditController(AuditTrail trail, CurrentUser currentUser, BusinessClock clock) {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  @Operation(summary = "Timeline of a directive",
      description = "Who did what and when, from the engine's history, as JSON or CSV (Accept: text/csv), "
          + "each event chained to the one before by SHA-256. By id or business key (P06WG:06/TB-"
          + "VPCP). Auditors and administrators.")
  @GetMapping("/directives/{*id}")
  ResponseEntity<?> directive(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
    String f = format(format);
    return render(trail.directive(id(id), currentUser.get()), f);
  }

  @Operation(summary = "Timeline of a task",
      description = "As for a directive, for one task; by id or business key (P06WG:06/TB-VPCP:T01).")
  @GetMapping("/tasks/{*id}")
  ResponseEntity<?> task(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
    String f = format(format);
    return render(trail.task(id(id), currentUser.get()), f);
  }

  /** Checks a CSV export; {@code chainHead}, if given, is the head recorded earlier (catches a cut-off end). */
  @Operation(summary = "Verify an exported timeline",
      description = "Checks the hash chain of a CSV export; chainHead, if given, is the head recorded earlier"
          + " and catches a cut-off end.")
  @PostMapping(path = "/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  HashChain.Verification verify(@RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String chainHead) throws IOException {
    currentUser.get();
    if (chainHead != null && !SHA256.matcher(chainHead).matches()) {
      throw ApiException.badRequest(List.of(new FieldProblem("chainHead", "must be 64 hexadecimal digits (SHA-256)")));
    }
    if (file.isEmpty()) {
      throw ApiException.badRequest(List.of(new FieldProblem("file", "is empty")));
    }
    try {
      return HashChain.verify(file.getBytes(), chainHead);
    } catch (HashChain.MalformedExportException e) {
      throw ApiException.badRequest(List.of(new FieldProblem("file", e.getMessage())));
    }
  }

  private ResponseEntity<?> render(AuditTrail.Export export, String format) {
    HashChain.Chained chain = export.chain();
    if (format.equals("csv")) {
      return ResponseEntity.ok().contentType(TEXT_CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename("audit-" + export.kind() + "-" + export.id() + ".csv").build().toString())
          .header("X-Audit-Chain-Head", chain.head())
          .body(HashChain.csv(chain));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", export.kind());
    body.put("id", export.id());
    body.put("businessKey", export.businessKey());
    body.put("directiveId", export.directiveId());
    body.put("subject", chain.subject());
    body.put("hashAlgorithm", "SHA-256");
    body.put("exportedAt", HashChain.time(clock.now()));
    body.put("events", chain.links().stream().map(AuditController::event).toList());
    body.put("chainHead", chain.head());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static Map<String, Object> event(HashChain.Link link) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("seq", link.seq());
    e.put("time", HashChain.time(link.event().time()));
    e.put("type", link.event().type());
    e.put("actor", link.event().actor());
    e.put("unit", link.event().unit());
    e.put("details", link.event().details());
    e.put("hash", link.hash());
    return e;
  }

  private static String format(String format) {
    if (!format.equals("json") && !format.equals("csv")) {
      throw ApiException.badRequest(List.of(new FieldProblem("format", "must be json or csv")));
    }
    return format;
  }

  /** The catch-all variable starts with the '/' before it. */
  private static String id(String raw) {
    String id = raw.startsWith("/") ? raw.substring(1) : raw;
    if (id.isBlank() || id.length() > 300) {
      throw ApiException.badRequest(List.of(new FieldProblem("id", "is missing or too long")));
    }
    return id;
  }
}

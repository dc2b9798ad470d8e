package vn.directivetracker.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import vn.directivetracker.shared.TaskStatus;
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
record AuditController(AuditTrail trail, CurrentUser currentUser, BusinessClock clock, AuditNames names,
    HistorySearch search) {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9]{1,64}");
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

  /**
   * Tasks of directives, running and finished, that the caller may read the trail of: by reference, task key or
   * title ({@code q}), unit, status and the day of issue ({@code from}, {@code to}, ISO dates).
   */
  @Operation(summary = "Search the history",
      description = "Tasks, running and finished, by reference or title words, unit, status and issue-date range; "
          + "each caller finds only what it may read. At most 200 rows.")
  @GetMapping("/search")
  Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String status, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    List<FieldProblem> problems = new ArrayList<>();
    if (q != null && q.length() > 200) {
      problems.add(new FieldProblem("q", "is longer than 200 characters"));
    }
    if (unit != null && !unit.isEmpty() && !UNIT.matcher(unit).matches()) {
      problems.add(new FieldProblem("unit", "must be a unit code such as MOH"));
    }
    TaskStatus wanted = null;
    if (status != null && !status.isEmpty()) {
      try {
        wanted = TaskStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "must be one of " + Arrays.toString(TaskStatus.values())));
      }
    }
    LocalDate fromDay = day("from", from, problems);
    LocalDate toDay = day("to", to, problems);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    List<HistorySearch.Row> rows = search.find(new HistorySearch.Criteria(q, unit, wanted, fromDay, toDay),
        currentUser.get(), clock.today());
    AuditNames.Lookup lookup = names.lookup();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("truncated", rows.size() > HistorySearch.MAX_ROWS);
    body.put("tasks", rows.stream().limit(HistorySearch.MAX_ROWS).map(r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("directiveId", r.directiveId());
      m.put("issuer", r.issuer());
      m.put("reference", r.reference());
      m.put("directiveTitle", r.directiveTitle());
      m.put("issuedOn", r.issuedOn());
      m.put("taskId", r.taskId());
      m.put("key", r.key());
      m.put("title", r.title());
      m.put("leadUnit", r.leadUnit());
      m.put("leadUnitName", lookup.units(r.leadUnit()));
      m.put("deadline", r.deadline());
      m.put("status", r.status());
      m.put("statusLabel", r.statusLabel());
      m.put("completedOn", r.completedOn());
      m.put("running", r.running());
      return m;
    }).toList());
    return body;
  }

  /** A file the trail names (an evidence file), by the id of its history entry, as an attachment. */
  @Operation(summary = "Download an evidence file",
      description = "An evidence file of a task's history, under its own name; for whoever may read that task's "
          + "audit trail.")
  @GetMapping("/files/{detailId}")
  ResponseEntity<byte[]> file(@PathVariable String detailId) {
    AuditTrail.File file = trail.file(detailId, currentUser.get());
    MediaType type;
    try {
      type = file.mimeType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.mimeType());
    } catch (org.springframework.util.InvalidMimeTypeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.name() == null ? "file" : file.name(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.content());
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
    AuditNames.Lookup lookup = names.lookup();
    body.put("events", chain.links().stream().map(link -> event(link, lookup)).toList());
    body.put("chainHead", chain.head());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /** An event of the JSON answer: the chained fields, and beside them what people read (not chained). */
  private static Map<String, Object> event(HashChain.Link link, AuditNames.Lookup lookup) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("seq", link.seq());
    e.put("time", HashChain.time(link.event().time()));
    e.put("type", link.event().type());
    e.put("actor", link.event().actor());
    e.put("unit", link.event().unit());
    e.put("details", link.event().details());
    e.put("hash", link.hash());
    e.put("label", EventLabels.of(link.event()));
    e.put("actorName", lookup.user(link.event().actor()));
    e.put("unitName", lookup.units(link.event().unit()));
    return e;
  }

  private static LocalDate day(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD"));
      return null;
    }
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

package vn.directivetracker.directive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.directivetracker.directive.imports.TaskTemplate;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * A notice issued from a spreadsheet (one row per task) instead of JSON, and the template to fill in.
 * The import answers exactly as {@code POST /api/directives}: it builds the same request and issues it
 * through the same service, so it is all or nothing too.
 */
@Tag(name = "Directives")
@RestController
@RequestMapping("/api/directives")
record DirectiveImportController(DirectiveImports imports, TaskTemplate template, CurrentUser currentUser) {

  static final MediaType XLSX = MediaType.parseMediaType(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  @Operation(summary = "Issue a directive from a spreadsheet",
      description = "The same as issuing from JSON, from an .xlsx or .csv file of one row per task (the "
          + "template's columns); problems are named by row and column.")
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DirectiveView> importSheet(@RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String issuedOn,
      @RequestParam(required = false) String issuer, @RequestParam(required = false) String title)
      throws IOException {
    Caller caller = currentUser.get();
    if (file == null || file.isEmpty()) {
      throw ApiException.badRequest(List.of(new FieldProblem("file",
          file == null ? "required: the .xlsx or .csv file of tasks" : "the file is empty")));
    }
    DirectiveView view = imports.issue(file.getSize(), file::getBytes, reference, issuedOn, issuer, title, caller);
    return ResponseEntity.created(URI.create("/api/directives/" + view.id())).body(view);
  }

  @Operation(summary = "Spreadsheet template (.xlsx)",
      description = "The columns the import reads, with an example row.")
  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> xlsxTemplate() {
    currentUser.get();
    return download(template.xlsx(), XLSX, "mau-giao-nhiem-vu.xlsx");
  }

  @Operation(summary = "Spreadsheet template (.csv)",
      description = "The columns the import reads, with an example row, UTF-8 with a byte order mark.")
  @GetMapping("/template.csv")
  ResponseEntity<byte[]> csvTemplate() {
    currentUser.get();
    return download(template.csv(), CSV, "mau-giao-nhiem-vu.csv");
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.status(HttpStatus.OK).contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}

package vn.directivetracker.directive;

import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.directivetracker.directive.imports.TaskColumns;
import vn.directivetracker.directive.imports.TaskSheet;
import vn.directivetracker.directive.imports.TaskSheetException;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Issues a notice from a sheet of tasks: within the size and row limits, read, converted to the JSON
 * request and issued by {@link DirectiveService}; every refusal names the cells, never {@code tasks[i]}.
 */
@Component
class DirectiveImports {

  private final DirectiveService service;
  private final long maxBytes;
  private final int maxRows;

  DirectiveImports(DirectiveService service,
      @Value("${directive.import.max-file-size:2MB}") DataSize maxFileSize,
      @Value("${directive.import.max-rows:" + DirectiveLimits.MAX_TASKS + "}") int maxRows) {
    this.service = service;
    this.maxBytes = maxFileSize.toBytes();
    this.maxRows = Math.min(maxRows, DirectiveLimits.MAX_TASKS);
  }

  /** The file's content, read only once its size is known to be acceptable. */
  interface Content {
    byte[] bytes() throws IOException;
  }

  DirectiveView issue(long size, Content content, String reference, String issuedOn, String issuer, String title,
      Caller caller) throws IOException {
    // Someone who may not issue for this body learns nothing about their file.
    service.requireMayIssue(issuer, caller);
    DirectiveImport imported = read(size, content, reference, issuedOn, issuer, title);
    try {
      return service.issue(imported.request(), caller, imported.cellProblems());
    } catch (ApiException e) {
      throw asCells(e, imported);
    }
  }

  /**
   * Reads the file into the request and its cell problems.
   *
   * @throws ApiException (400) when the file is too big or cannot be read as a sheet of tasks
   */
  DirectiveImport read(long size, Content content, String reference, String issuedOn, String issuer,
      String title) throws IOException {
    if (size > maxBytes) {
      throw ApiException.badRequest(List.of(new FieldProblem("file", "the file is " + DataSize.ofBytes(size).toKilobytes()
          + " KB; at most " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB are accepted (" + maxRows
          + " tasks fit in far less)")));
    }
    TaskSheet sheet;
    try {
      sheet = TaskSheet.read(content.bytes(), TaskColumns.SHEET, maxRows);
    } catch (TaskSheetException e) {
      throw ApiException.badRequest(e.problems().stream().map(p -> new FieldProblem(p.where(), p.message())).toList());
    }
    return DirectiveImport.of(reference, issuedOn, issuer, title, sheet);
  }

  static ApiException asCells(ApiException e, DirectiveImport imported) {
    if (e.status() != HttpStatus.BAD_REQUEST || e.errors().isEmpty()) {
      return e;
    }
    return ApiException.badRequest(imported.asCells(e.errors()));
  }
}

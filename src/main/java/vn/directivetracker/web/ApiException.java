package vn.directivetracker.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the client can act on; answered as application/problem+json with its status. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> errors;

  public ApiException(HttpStatus status, String message) {
    this(status, message, List.of());
  }

  public ApiException(HttpStatus status, String message, List<FieldProblem> errors) {
    super(message);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiException badRequest(List<FieldProblem> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST,
        errors.size() == 1 ? "1 invalid field" : errors.size() + " invalid fields", errors);
  }

  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, what + " not found");
  }

  public static ApiException forbidden(String why) {
    return new ApiException(HttpStatus.FORBIDDEN, why);
  }

  public static ApiException conflict(String why) {
    return new ApiException(HttpStatus.CONFLICT, why);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}

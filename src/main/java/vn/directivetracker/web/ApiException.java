package vn.directivetracker.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal the client can act on; answered as application/problem+json with its status. */
public class ApiException extends RuntimeException {

  /** The most problems an answer lists; the rest are counted ("and 12 more problems"). */
  public static final int MAX_LISTED_PROBLEMS = 50;

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

  /**
   * The problems as an answer lists them: at most {@link #MAX_LISTED_PROBLEMS}, then one entry (field
   * {@code more}) counting the rest, so that a request with thousands of mistakes gets a short answer.
   */
  public static List<FieldProblem> listed(List<FieldProblem> problems) {
    if (problems.size() <= MAX_LISTED_PROBLEMS) {
      return problems;
    }
    List<FieldProblem> listed = new java.util.ArrayList<>(problems.subList(0, MAX_LISTED_PROBLEMS));
    listed.add(new FieldProblem("more", "and " + (problems.size() - MAX_LISTED_PROBLEMS) + " more problems"));
    return listed;
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

package vn.directivetracker.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.directivetracker.security.CurrentUser;
import vn.directivetracker.shared.text.Bilingual;

/**
 * Every refusal of /api as application/problem+json: bad input names each offending field, nothing
 * ever answers with a stack trace, and the {@code detail} starts in Vietnamese ({@link Bilingual}): pages
 * show it to people. Not limited to our packages: a refusal made before any controller is
 * chosen (an unsupported content type, a method not allowed) has no handler to match a package against.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(CurrentUser.NotAuthenticatedException.class)
  ResponseEntity<ProblemDetail> unauthenticated(CurrentUser.NotAuthenticatedException e) {
    return problem(HttpStatus.UNAUTHORIZED, "authentication required", List.of());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "not allowed", List.of());
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "already exists", List.of());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<ProblemDetail> concurrent(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "changed by someone else at the same moment; reload and try again", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected error in /api", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the operation was not carried out", List.of());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(java.util.Comparator.comparing(FieldProblem::field))
        .toList();
    return asObject(problem(HttpStatus.BAD_REQUEST, ApiException.badRequest(errors).getMessage(), errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonMappingException m && m.getCause() instanceof StreamReadException broken) {
      // The text is not JSON at all (truncated, say); the path only tells where the parser gave up.
      cause = broken;
    }
    FieldProblem problem;
    if (cause instanceof SafeText.Refused refused) {
      problem = new FieldProblem(path(refused), refused.reason());
    } else if (cause instanceof UnrecognizedPropertyException u) {
      problem = new FieldProblem(path(u), "unknown field");
    } else if (cause instanceof InvalidFormatException f) {
      problem = new FieldProblem(path(f), "'" + printable(f.getValue()) + "' is not a valid "
          + typeName(f.getTargetType()));
    } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      problem = new FieldProblem(path(m), "must be a " + typeName(m.getTargetType()));
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      problem = new FieldProblem(path(m), "invalid value");
    } else if (cause instanceof JsonProcessingException p) {
      problem = new FieldProblem("", "malformed JSON"
          + (p.getLocation() != null ? " at line " + p.getLocation().getLineNr() + ", column "
              + p.getLocation().getColumnNr() : ""));
    } else {
      problem = new FieldProblem("", "the request body is missing or unreadable");
    }
    return asObject(problem(HttpStatus.BAD_REQUEST, "unreadable request", List.of(problem)));
  }

  /** Spring's own refusals (405, 415, 406, an unknown path): their detail too starts in Vietnamese. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
    if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
      problem.setDetail(Bilingual.withVietnamese(status.value(), problem.getDetail()));
    }
    return answer;
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, Bilingual.withVietnamese(status.value(), detail));
    if (!errors.isEmpty()) {
      body.setProperty("errors", ApiException.listed(errors));
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> e) {
    return (ResponseEntity) e;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == java.time.LocalDate.class) {
      return "date (yyyy-MM-dd)";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (List.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type == String.class) {
      return "string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    return "object";
  }

  private static String printable(Object value) {
    String s = String.valueOf(value);
    s = s.replaceAll("[\\p{Cntrl}]", "?");
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}

package vn.directivetracker.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field of a request, named as the client wrote it, e.g. {@code tasks[3].deadline}: the
 * problem in English and, where people read it (the start form, pages), in Vietnamese.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, String messageVi) {

  public FieldProblem(String field, String message) {
    this(field, message, null);
  }

  /** The problem in Vietnamese and English. */
  public static FieldProblem of(String field, String vi, String en) {
    return new FieldProblem(field, en, vi);
  }
}

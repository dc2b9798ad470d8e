package vn.directivetracker.web;

/** One offending field of a request, named as the client wrote it, e.g. {@code tasks[3].deadline}. */
public record FieldProblem(String field, String message) {
}

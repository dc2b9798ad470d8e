package vn.directivetracker.directive.imports;

/**
 * A problem found in an uploaded sheet, named as the user sees it in Excel: {@code row 14, deadline},
 * {@code row 1, column F}, or {@code file} for the file as a whole.
 */
public record SheetProblem(String where, String message) {

  public static SheetProblem file(String message) {
    return new SheetProblem("file", message);
  }

  public static SheetProblem cell(int row, String column, String message) {
    return new SheetProblem("row " + row + ", " + column, message);
  }

  @Override
  public String toString() {
    return where + ": " + message;
  }
}

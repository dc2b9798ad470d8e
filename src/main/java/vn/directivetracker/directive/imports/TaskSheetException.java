package vn.directivetracker.directive.imports;

import java.util.List;

/** The sheet cannot be read as rows of tasks at all (not a spreadsheet, bad header, too big): nothing imported. */
public class TaskSheetException extends RuntimeException {

  private final transient List<SheetProblem> problems;

  TaskSheetException(List<SheetProblem> problems) {
    super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems in the file");
    this.problems = List.copyOf(problems);
  }

  TaskSheetException(String message) {
    this(List.of(SheetProblem.file(message)));
  }

  public List<SheetProblem> problems() {
    return problems;
  }
}

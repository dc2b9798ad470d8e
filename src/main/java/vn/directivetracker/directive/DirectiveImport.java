package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.directive.imports.TaskColumns;
import vn.directivetracker.directive.imports.TaskSheet;
import vn.directivetracker.web.FieldProblem;
import vn.directivetracker.web.SafeText;

/**
 * A sheet of tasks as the {@link IssueDirectiveRequest} that {@code POST /api/directives} would get, so
 * an import is checked and stored exactly as a JSON notice is. Cells that are not what their column
 * needs (a date that is no date) become problems under the task's field, and every problem the issuing
 * path reports under {@code tasks[i].field} is named back as the cell the user sees: {@code row 14, deadline}.
 */
final class DirectiveImport {

  private static final List<String> COLUMNS = TaskColumns.ALL;

  private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\.([A-Za-z]+).*");
  private static final Pattern ROW_FIELD = Pattern.compile("row (\\d+)(?:, (.*))?");

  private final IssueDirectiveRequest request;
  private final List<Integer> rowOfTask;
  private final List<FieldProblem> cellProblems;

  private DirectiveImport(IssueDirectiveRequest request, List<Integer> rowOfTask, List<FieldProblem> cellProblems) {
    this.request = request;
    this.rowOfTask = rowOfTask;
    this.cellProblems = cellProblems;
  }

  /** The request for the notice's fields and the sheet's rows; {@link #cellProblems()} says what did not convert. */
  static DirectiveImport of(String reference, String issuedOn, String issuer, String title, TaskSheet sheet) {
    List<FieldProblem> problems = new ArrayList<>();
    sheet.problems().forEach(p -> problems.add(new FieldProblem(p.where(), p.message())));
    LocalDate issued = null;
    if (issuedOn != null && !issuedOn.isBlank()) {
      issued = TaskSheet.parseDate(issuedOn);
      if (issued == null) {
        problems.add(new FieldProblem("issuedOn", issuedOn + " is not a date (write 2024-01-31 or 31/01/2024)"));
      }
    }
    // The same plain-text rules as the JSON API's (SafeText): no markup, no control characters, codes on one line.
    plainText("reference", reference, true, problems);
    plainText("issuer", issuer, true, problems);
    plainText("title", title, false, problems);
    List<IssueDirectiveRequest.TaskRequest> tasks = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (TaskSheet.TaskRow row : sheet.rows()) {
      String at = "row " + row.number() + ", ";
      row.cells().forEach((column, text) -> plainText(at + column, text, SafeText.SINGLE_LINE.contains(column),
          problems));
      List<String> leads = units(row.get("leadUnit"));
      tasks.add(new IssueDirectiveRequest.TaskRequest(
          row.get("key"),
          row.get("title"),
          row.get("description"),
          code(row.get("domain")),
          blankToNull(row.get("province")),
          leads != null && leads.size() == 1 ? leads.get(0) : null,
          units(row.get("coordinatingUnits")),
          date(row.get("deadline"), at + "deadline", problems),
          workingDays(row.get("deadlineWorkingDays"), at + "deadlineWorkingDays", problems),
          bool(row.get("keyTask"), at + "keyTask", problems),
          row.get("expectedResult"),
          leads != null && leads.size() > 1 ? leads : null));
      rows.add(row.number());
    }
    IssueDirectiveRequest request = new IssueDirectiveRequest(blankToNull(reference), issued, code(issuer),
        blankToNull(title), tasks);
    return new DirectiveImport(request, rows, problems);
  }

  private static void plainText(String where, String text, boolean singleLine, List<FieldProblem> problems) {
    String problem = text == null ? null : SafeText.problem(text, singleLine);
    if (problem != null) {
      problems.add(new FieldProblem(where, problem));
    }
  }

  IssueDirectiveRequest request() {
    return request;
  }

  /** Cells that did not convert, already named by row and column. */
  List<FieldProblem> cellProblems() {
    return cellProblems;
  }

  /**
   * The issuing path's problems named as cells ({@code tasks[12].coordinatingUnits[1]} is {@code row 14,
   * coordinatingUnits}), in sheet order: the notice's own fields first, then row by row, column by column.
   */
  List<FieldProblem> asCells(List<FieldProblem> problems) {
    List<FieldProblem> named = new ArrayList<>();
    for (FieldProblem p : problems) {
      Matcher m = TASK_FIELD.matcher(p.field());
      if (m.matches() && Integer.parseInt(m.group(1)) < rowOfTask.size()) {
        named.add(new FieldProblem("row " + rowOfTask.get(Integer.parseInt(m.group(1))) + ", " + m.group(2),
            p.message()));
      } else if (p.field().equals("tasks") || p.field().startsWith("tasks[")) {
        named.add(new FieldProblem("file", p.message()));
      } else {
        named.add(p);
      }
    }
    named.sort(Comparator.comparingInt(DirectiveImport::rowOf).thenComparingInt(DirectiveImport::columnOf));
    return named.stream().distinct().toList();
  }

  private static int rowOf(FieldProblem p) {
    Matcher m = ROW_FIELD.matcher(p.field());
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static int columnOf(FieldProblem p) {
    Matcher m = ROW_FIELD.matcher(p.field());
    if (!m.matches() || m.group(2) == null) {
      return -1;
    }
    int i = COLUMNS.indexOf(m.group(2));
    return i < 0 ? COLUMNS.size() : i;
  }

  private static String code(String s) {
    return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Unit names as written, separated by ';' (names themselves may hold commas). */
  private static List<String> units(String cell) {
    if (cell == null) {
      return null;
    }
    List<String> units = Arrays.stream(cell.split(";")).map(DirectiveImport::blankToNull).filter(u -> u != null)
        .toList();
    return units.isEmpty() ? null : units;
  }

  private static LocalDate date(String cell, String field, List<FieldProblem> problems) {
    if (cell == null) {
      return null;
    }
    LocalDate date = TaskSheet.parseDate(cell);
    if (date == null) {
      problems.add(new FieldProblem(field, cell + " is not a date (write 2024-01-31 or 31/01/2024)"));
    }
    return date;
  }

  private static Integer workingDays(String cell, String field, List<FieldProblem> problems) {
    if (cell == null) {
      return null;
    }
    try {
      return Integer.valueOf(cell.strip());
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, cell + " is not a whole number of working days"));
      return null;
    }
  }

  private static Boolean bool(String cell, String field, List<FieldProblem> problems) {
    if (cell == null) {
      return null;
    }
    switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "x", "có", "co":
        return Boolean.TRUE;
      case "false", "0", "không", "khong":
        return Boolean.FALSE;
      default:
        problems.add(new FieldProblem(field, cell + " is not TRUE or FALSE"));
        return null;
    }
  }
}

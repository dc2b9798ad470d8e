package vn.directivetracker.directive;

import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import vn.directivetracker.organization.IssuerLevel;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.web.FieldProblem;
import vn.directivetracker.workingdays.ResolvedDeadline;
import vn.directivetracker.workingdays.UnknownHolidayYearException;
import vn.directivetracker.workingdays.UnreadableDeadlineException;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * Checks a directive's shape (Bean Validation) and then its meaning against the registry and the
 * calendar. Reports every problem at once, each under the field the client sent, so a 60-task notice is
 * fixed in one round: a blank title does not hide an unknown domain in task 40. A field with a shape
 * problem is not reported a second time for its meaning.
 */
@Component
class DirectiveValidator {

  static final String OTHER_DOMAIN = "OTHER";
  /** The longest written deadline read; a longer one is refused for its size alone. */
  static final int MAX_DEADLINE_TEXT = WrittenDeadlines.MAX_LENGTH;

  private final UnitRegistry registry;
  private final SpringValidatorAdapter shapes;
  private final TaskDeadlines deadlines;

  DirectiveValidator(UnitRegistry registry, Validator beanValidator, TaskDeadlines deadlines) {
    this.registry = registry;
    this.shapes = new SpringValidatorAdapter(beanValidator);
    this.deadlines = deadlines;
  }

  List<FieldProblem> validate(IssueDirectiveRequest request, LocalDate today) {
    if (request.tasks() != null && request.tasks().size() > DirectiveLimits.MAX_TASKS) {
      // Refused before any task is checked: 190,000 tasks once took seconds and a 43 MB answer.
      return List.of(new FieldProblem("tasks", "at most " + DirectiveLimits.MAX_TASKS + " tasks per notice, not "
          + String.format("%,d", request.tasks().size()) + "; issue a larger programme as several notices"));
    }
    BeanPropertyBindingResult shape = new BeanPropertyBindingResult(request, "directive");
    shapes.validate(request, shape);
    List<FieldProblem> problems = new ArrayList<>(shape.getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList());
    Set<String> shapeFields = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
    List<FieldProblem> meaning = new ArrayList<>();
    checkMeaning(request, today, meaning);
    meaning.stream().filter(p -> !shapeFields.contains(p.field())).forEach(problems::add);
    return problems;
  }

  private void checkMeaning(IssueDirectiveRequest request, LocalDate today, List<FieldProblem> problems) {
    Unit issuer = registry.find(request.issuer()).filter(Unit::isIssuer).orElse(null);
    if (issuer == null && request.issuer() != null) {
      problems.add(new FieldProblem("issuer", "'" + request.issuer() + "' is not an issuing body"));
    }
    if (request.issuedOn() != null && request.issuedOn().isAfter(today)) {
      problems.add(new FieldProblem("issuedOn", request.issuedOn() + " is in the future"));
    }
    List<IssueDirectiveRequest.TaskRequest> tasks = request.tasks() == null ? List.of() : request.tasks();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      IssueDirectiveRequest.TaskRequest task = tasks.get(i);
      if (task == null) {
        continue;
      }
      String at = "tasks[" + i + "].";
      if (task.key() != null && !keys.add(task.key())) {
        problems.add(new FieldProblem(at + "key", "duplicate task key '" + task.key() + "'"));
      }
      if (task.domain() != null && !registry.isDomain(task.domain())) {
        problems.add(new FieldProblem(at + "domain", "unknown domain '" + task.domain() + "'"));
      }
      if (task.province() != null) {
        if (!registry.isProvince(task.province())) {
          problems.add(new FieldProblem(at + "province", "unknown province '" + task.province() + "'"));
        } else if (issuer != null && issuer.issuerLevel() == IssuerLevel.PROVINCIAL
            && !task.province().equals(issuer.province())) {
          problems.add(new FieldProblem(at + "province",
              "a provincial directive assigns within " + issuer.province() + " only"));
        }
      }
      if (task.leadUnit() != null && !isAssignable(task.leadUnit())) {
        problems.add(new FieldProblem(at + "leadUnit", "unknown unit '" + task.leadUnit() + "'"));
      }
      if (OTHER_DOMAIN.equals(task.domain()) && task.leadUnit() == null) {
        problems.add(new FieldProblem(at + "leadUnit", "required when the domain is OTHER"));
      }
      List<String> coordinating = task.coordinatingUnitsOrEmpty();
      Set<String> seen = new HashSet<>();
      for (int c = 0; c < coordinating.size(); c++) {
        String unit = coordinating.get(c);
        String field = at + "coordinatingUnits[" + c + "]";
        if (!isAssignable(unit)) {
          problems.add(new FieldProblem(field, "unknown unit '" + unit + "'"));
        } else if (!seen.add(unit)) {
          problems.add(new FieldProblem(field, "'" + unit + "' is listed twice"));
        } else if (unit.equals(task.leadUnit())) {
          problems.add(new FieldProblem(field, "'" + unit + "' is the lead unit"));
        }
      }
      checkWrittenDeadline(task, request.issuedOn(), at, problems);
      if (task.target() != null && task.target().value() != null && !task.target().hasWay()) {
        problems.add(new FieldProblem(at + "target.value",
            "the target equals its baseline: there is nothing to reach"));
      }
      Integer workingDays = task.deadlineWorkingDays();
      if (workingDays != null && task.deadline() != null && !task.deadline().isBlank()) {
        problems.add(new FieldProblem(at + "deadlineWorkingDays",
            "give either a deadline date or a number of working days, not both"));
      } else if (workingDays != null && request.issuedOn() != null
          && workingDays >= TaskDeadlines.MIN_WORKING_DAYS && workingDays <= TaskDeadlines.MAX_WORKING_DAYS) {
        try {
          deadlines.deadlineOf(task, request.issuedOn());
        } catch (UnknownHolidayYearException e) {
          problems.add(new FieldProblem(at + "deadlineWorkingDays", "cannot count " + workingDays
              + " working days from " + request.issuedOn() + ": the holiday calendar of " + e.year()
              + " is not published yet (an administrator publishes it under /api/admin/holidays/" + e.year() + ")"));
        }
      }
    }
  }

  /** A written deadline must be a form of docs/deadlines.md and fall on or after the issue date. */
  private void checkWrittenDeadline(IssueDirectiveRequest.TaskRequest task, LocalDate issuedOn, String at,
      List<FieldProblem> problems) {
    if (issuedOn == null || task.deadline() == null || task.deadline().length() > MAX_DEADLINE_TEXT) {
      return;
    }
    try {
      deadlines.asWritten(task, issuedOn).map(ResolvedDeadline::date).filter(d -> d.isBefore(issuedOn))
          .ifPresent(d -> problems.add(new FieldProblem(at + "deadline", "'" + task.deadline() + "' is " + d
              + ", before the directive's issue date " + issuedOn)));
    } catch (UnreadableDeadlineException e) {
      problems.add(new FieldProblem(at + "deadline", e.getMessage()));
    }
  }

  /** A unit that can be given work: any registered unit but the secretariat and audit groups. */
  private boolean isAssignable(String code) {
    return registry.isUnit(code);
  }
}

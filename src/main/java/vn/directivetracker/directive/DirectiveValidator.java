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
import vn.directivetracker.shared.text.Bilingual;
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
      return List.of(FieldProblem.of("tasks", "mỗi văn bản tối đa " + DirectiveLimits.MAX_TASKS + " nhiệm vụ, không phải "
          + Bilingual.number(request.tasks().size()) + "; hãy ban hành thành nhiều văn bản", "at most "
          + DirectiveLimits.MAX_TASKS + " tasks per notice, not " + String.format("%,d", request.tasks().size())
          + "; issue a larger programme as several notices"));
    }
    BeanPropertyBindingResult shape = new BeanPropertyBindingResult(request, "directive");
    shapes.validate(request, shape);
    List<FieldProblem> problems = new ArrayList<>(shape.getFieldErrors().stream()
        .map(f -> FieldProblem.of(f.getField(), shapeVi(f), f.getDefaultMessage()))
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
      problems.add(FieldProblem.of("issuer", "'" + request.issuer() + "' không phải cơ quan ban hành",
          "'" + request.issuer() + "' is not an issuing body"));
    }
    if (request.issuedOn() != null && request.issuedOn().isAfter(today)) {
      problems.add(FieldProblem.of("issuedOn", Bilingual.day(request.issuedOn()) + " là ngày trong tương lai",
          request.issuedOn() + " is in the future"));
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
        problems.add(FieldProblem.of(at + "key", "mã nhiệm vụ '" + task.key() + "' bị trùng",
            "duplicate task key '" + task.key() + "'"));
      }
      if (task.domain() != null && !registry.isDomain(task.domain())) {
        problems.add(FieldProblem.of(at + "domain", "không có lĩnh vực '" + task.domain() + "'",
            "unknown domain '" + task.domain() + "'"));
      }
      if (task.province() != null) {
        if (!registry.isProvince(task.province())) {
          problems.add(FieldProblem.of(at + "province", "không có tỉnh, thành phố '" + task.province() + "'",
              "unknown province '" + task.province() + "'"));
        } else if (issuer != null && issuer.issuerLevel() == IssuerLevel.PROVINCIAL
            && !task.province().equals(issuer.province())) {
          problems.add(FieldProblem.of(at + "province", "chỉ đạo của tỉnh chỉ giao việc trong " + issuer.province(),
              "a provincial directive assigns within " + issuer.province() + " only"));
        }
      }
      if (task.leadUnit() != null && !isAssignable(task.leadUnit())) {
        problems.add(FieldProblem.of(at + "leadUnit", "không có đơn vị '" + task.leadUnit() + "' trong danh mục",
            "unknown unit '" + task.leadUnit() + "'"));
      }
      if (OTHER_DOMAIN.equals(task.domain()) && task.leadUnit() == null) {
        problems.add(FieldProblem.of(at + "leadUnit", "phải chỉ định khi lĩnh vực là Khác (OTHER)",
            "required when the domain is OTHER"));
      }
      List<String> coordinating = task.coordinatingUnitsOrEmpty();
      Set<String> seen = new HashSet<>();
      for (int c = 0; c < coordinating.size(); c++) {
        String unit = coordinating.get(c);
        String field = at + "coordinatingUnits[" + c + "]";
        if (!isAssignable(unit)) {
          problems.add(FieldProblem.of(field, "không có đơn vị '" + unit + "' trong danh mục",
              "unknown unit '" + unit + "'"));
        } else if (!seen.add(unit)) {
          problems.add(FieldProblem.of(field, "'" + unit + "' được ghi hai lần", "'" + unit + "' is listed twice"));
        } else if (unit.equals(task.leadUnit())) {
          problems.add(FieldProblem.of(field, "'" + unit + "' đã là đơn vị chủ trì", "'" + unit + "' is the lead unit"));
        }
      }
      checkWrittenDeadline(task, request.issuedOn(), at, problems);
      if (task.target() != null && task.target().value() != null && !task.target().hasWay()) {
        problems.add(FieldProblem.of(at + "target.value", "chỉ tiêu bằng giá trị ban đầu: không có gì để đạt",
            "the target equals its baseline: there is nothing to reach"));
      }
      Integer workingDays = task.deadlineWorkingDays();
      if (workingDays != null && task.deadline() != null && !task.deadline().isBlank()) {
        problems.add(FieldProblem.of(at + "deadlineWorkingDays",
            "ghi hoặc ngày hết hạn, hoặc số ngày làm việc, không ghi cả hai",
            "give either a deadline date or a number of working days, not both"));
      } else if (workingDays != null && request.issuedOn() != null
          && workingDays >= TaskDeadlines.MIN_WORKING_DAYS && workingDays <= TaskDeadlines.MAX_WORKING_DAYS) {
        try {
          deadlines.deadlineOf(task, request.issuedOn());
        } catch (UnknownHolidayYearException e) {
          problems.add(FieldProblem.of(at + "deadlineWorkingDays", "chưa tính được " + workingDays
              + " ngày làm việc từ " + Bilingual.day(request.issuedOn()) + ": lịch nghỉ năm " + e.year()
              + " chưa được công bố", "cannot count " + workingDays
              + " working days from " + request.issuedOn() + ": the holiday calendar of " + e.year()
              + " is not published yet (an administrator publishes it under /api/admin/holidays/" + e.year() + ")"));
        }
      }
    }
  }

  /** A shape problem in Vietnamese, by its constraint. */
  private static String shapeVi(org.springframework.validation.FieldError error) {
    String code = error.getCode() == null ? "" : error.getCode();
    return switch (code) {
      case "NotBlank", "NotNull", "NotEmpty" -> "bắt buộc";
      case "Size" -> "quá dài hoặc quá nhiều mục";
      case "Min", "Max" -> "ngoài khoảng cho phép";
      case "Pattern" -> "chỉ gồm chữ, số, '.', '_' hoặc '-'";
      default -> "không hợp lệ";
    };
  }

  /** A written deadline must be a form of docs/deadlines.md and fall on or after the issue date. */
  private void checkWrittenDeadline(IssueDirectiveRequest.TaskRequest task, LocalDate issuedOn, String at,
      List<FieldProblem> problems) {
    if (issuedOn == null || task.deadline() == null || task.deadline().length() > MAX_DEADLINE_TEXT) {
      return;
    }
    try {
      deadlines.asWritten(task, issuedOn).map(ResolvedDeadline::date).filter(d -> d.isBefore(issuedOn))
          .ifPresent(d -> problems.add(FieldProblem.of(at + "deadline", "'" + task.deadline() + "' là ngày "
              + Bilingual.day(d) + ", trước ngày ban hành " + Bilingual.day(issuedOn), "'" + task.deadline()
              + "' is " + d + ", before the directive's issue date " + issuedOn)));
    } catch (UnreadableDeadlineException e) {
      problems.add(new FieldProblem(at + "deadline", e.getMessage()));
    }
  }

  /** A unit that can be given work: any registered unit but the secretariat and audit groups. */
  private boolean isAssignable(String code) {
    return registry.isUnit(code);
  }
}

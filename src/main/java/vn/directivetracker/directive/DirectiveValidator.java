package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.directivetracker.organization.IssuerLevel;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.web.FieldProblem;

/**
 * Checks a directive against the registry and the calendar, after Bean Validation has checked shapes.
 * Reports every problem at once, each under the field the client sent, so a 60-task notice is fixed in
 * one round.
 */
@Component
class DirectiveValidator {

  static final String OTHER_DOMAIN = "OTHER";

  private final UnitRegistry registry;

  DirectiveValidator(UnitRegistry registry) {
    this.registry = registry;
  }

  List<FieldProblem> validate(IssueDirectiveRequest request, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    Unit issuer = registry.find(request.issuer()).filter(Unit::isIssuer).orElse(null);
    if (issuer == null) {
      problems.add(new FieldProblem("issuer", "'" + request.issuer() + "' is not an issuing body"));
    }
    if (request.issuedOn().isAfter(today)) {
      problems.add(new FieldProblem("issuedOn", request.issuedOn() + " is in the future"));
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < request.tasks().size(); i++) {
      IssueDirectiveRequest.TaskRequest task = request.tasks().get(i);
      String at = "tasks[" + i + "].";
      if (!keys.add(task.key())) {
        problems.add(new FieldProblem(at + "key", "duplicate task key '" + task.key() + "'"));
      }
      if (!registry.isDomain(task.domain())) {
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
      if (task.deadline() != null && task.deadline().isBefore(request.issuedOn())) {
        problems.add(new FieldProblem(at + "deadline",
            task.deadline() + " is before the directive's issue date " + request.issuedOn()));
      }
    }
    return problems;
  }

  /** A unit that can be given work: any registered unit but the secretariat and audit groups. */
  private boolean isAssignable(String code) {
    return registry.isUnit(code);
  }
}

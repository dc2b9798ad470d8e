package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.organization.IssuerLevel;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitResolution;
import vn.directivetracker.organization.UnitType;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * A lead unit splits its task into sub-tasks for its own units, as a directive it issues:
 * <ul>
 *   <li>a province through its Project 06 working group ({@code <PROVINCE>WG}, provincial level): the
 *       lead-unit decision picks the department by domain, or the province names one of its
 *       departments; the working group's standing agency ({@code <PROVINCE>WGSEC}) reviews reports;</li>
 *   <li>a ministry (or ministerial agency) as itself: no decision table covers its units, so each
 *       sub-task names its lead, one of the ministry's agencies (registry parent) or a provincial
 *       department of its sector; a ministry has no secretariat group, so it reviews the reports
 *       itself.</li>
 * </ul>
 * Every sub-task is due no later than the task it splits.
 */
@Service
class SubtaskService {

  private final DirectiveTasks tasks;
  private final SubDirectives subDirectives;
  private final UnitRegistry registry;
  private final BusinessClock clock;
  private final UnitNames names;

  SubtaskService(DirectiveTasks tasks, SubDirectives subDirectives, UnitRegistry registry, BusinessClock clock,
      UnitNames names) {
    this.names = names;
    this.tasks = tasks;
    this.subDirectives = subDirectives;
    this.registry = registry;
    this.clock = clock;
  }

  @Transactional
  DirectiveView split(String taskId, SubtaskController.SplitRequest body, Caller caller) {
    TaskRecord parent = tasks.find(taskId).orElseThrow(() -> ApiException.notFound("task"));
    if (parent.leadUnit() == null || !caller.memberOf(parent.leadUnit())) {
      throw ApiException.forbidden("only members of the lead unit may split this task");
    }
    if (!TaskRecord.OPEN.equals(parent.state())) {
      throw ApiException.conflict("task " + parent.key() + " is already " + parent.status(clock.today()));
    }
    Unit lead = registry.get(parent.leadUnit());
    boolean province = lead.type() == UnitType.PROVINCE;
    boolean ministry = lead.type() == UnitType.MINISTRY || lead.type() == UnitType.MINISTERIAL_AGENCY;
    if (!province && !ministry) {
      throw ApiException.conflict(lead.code() + " is a " + lead.type()
          + ": only a province or a ministry splits its task among its own units");
    }
    Unit issuer = province ? registry.get(lead.code() + "WG") : lead;
    List<FieldProblem> problems = new ArrayList<>();
    List<UnitsAsWritten.Written> written = new ArrayList<>();
    List<SubDirectives.Row> rows = readNames(body.tasks(), parent.domain(), problems, written);
    for (int i = 0; rows != null && i < rows.size(); i++) {
      SubDirectives.Row row = rows.get(i);
      if (row == null) {
        continue;
      }
      String at = "tasks[" + i + "].";
      if (parent.deadline() != null && row.deadline() == null) {
        problems.add(new FieldProblem(at + "deadline", "required: the task it splits is due " + parent.deadline()));
      } else if (parent.deadline() != null && row.deadline().isAfter(parent.deadline())) {
        problems.add(new FieldProblem(at + "deadline",
            row.deadline() + " is after the deadline of the task it splits, " + parent.deadline()));
      }
      if (ministry && row.leadUnit() == null) {
        problems.add(new FieldProblem(at + "leadUnit", "required: name which of " + lead.code() + "'s units leads"));
      } else if (row.leadUnit() != null && registry.isUnit(row.leadUnit())
          && !ownUnit(lead, registry.get(row.leadUnit()))) {
        problems.add(new FieldProblem(at + "leadUnit", "'" + row.leadUnit() + "' is not one of "
            + lead.code() + "'s own units"));
      }
      // Coordinating units are given work too: a lead may name only its own units (or itself), never a peer.
      List<String> coordinating = row.coordinatingUnits() == null ? List.of() : row.coordinatingUnits();
      for (int j = 0; j < coordinating.size(); j++) {
        String code = coordinating.get(j);
        if (code != null && registry.isUnit(code) && !code.equals(lead.code())
            && !ownUnit(lead, registry.get(code))) {
          problems.add(new FieldProblem(at + "coordinatingUnits[" + j + "]", "'" + code + "' is not one of "
              + lead.code() + "'s own units"));
        }
      }
    }
    String title = body.title() != null ? body.title()
        : "Triển khai nhiệm vụ " + parent.key() + " (" + parent.reference() + ") / Carrying out task " + parent.key();
    return subDirectives.issue(new SubDirectives.Spec(parent.id(), issuer,
        province ? IssuerLevel.PROVINCIAL : IssuerLevel.NATIONAL, body.reference(), title, rows, written), problems,
        caller);
  }

  /**
   * The rows with the units they name as codes; a name refused is a problem under its field. Adds to
   * {@code written}, row by row, the names as written.
   */
  private List<SubDirectives.Row> readNames(List<SubDirectives.Row> rows, String parentDomain,
      List<FieldProblem> problems, List<UnitsAsWritten.Written> written) {
    if (rows == null) {
      return null;
    }
    List<SubDirectives.Row> read = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SubDirectives.Row row = rows.get(i);
      if (row == null) {
        read.add(null);
        written.add(null);
        continue;
      }
      String domain = row.domain() != null ? row.domain() : parentDomain;
      String lead = code(row.leadUnit(), domain, "tasks[" + i + "].leadUnit", problems);
      List<String> coordinating = row.coordinatingUnits() == null ? null : new ArrayList<>();
      for (int j = 0; coordinating != null && j < row.coordinatingUnits().size(); j++) {
        coordinating.add(code(row.coordinatingUnits().get(j), domain, "tasks[" + i + "].coordinatingUnits[" + j + "]",
            problems));
      }
      List<String> coordinatingWritten = row.coordinatingUnits() == null ? List.of()
          : row.coordinatingUnits().stream().map(c -> c == null ? "" : c.strip()).toList();
      written.add(new UnitsAsWritten.Written(blankToNull(row.leadUnit()), coordinatingWritten, null));
      read.add(new SubDirectives.Row(row.key(), row.title(), row.description(), row.domain(), lead, coordinating,
          row.deadline(), row.keyTask(), row.expectedResult()));
    }
    return read;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private String code(String written, String domain, String field, List<FieldProblem> problems) {
    if (written == null || written.isBlank()) {
      return written;
    }
    UnitResolution r = names.resolve(written, domain);
    if (!r.resolved()) {
      problems.add(FieldProblem.of(field, r.refusalVi(), r.refusalEn()));
      return null;
    }
    return r.code();
  }

  /** A province's departments; a ministry's agencies and the provincial departments of its sector. */
  private boolean ownUnit(Unit lead, Unit unit) {
    if (unit.isIssuer()) {
      return false;
    }
    if (lead.type() == UnitType.PROVINCE) {
      return unit.type() == UnitType.DEPARTMENT && lead.code().equals(unit.province());
    }
    return lead.code().equals(unit.parent())
        || (unit.type() == UnitType.DEPARTMENT && lead.code().equals(registry.sectorOf(unit.code())));
  }
}

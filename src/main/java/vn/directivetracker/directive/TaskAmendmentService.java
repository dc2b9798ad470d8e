package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.changes.TaskChanges;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.UnitNames;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.organization.UnitResolution;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.shared.text.Bilingual;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;
import vn.directivetracker.workingdays.ResolvedDeadline;
import vn.directivetracker.workingdays.UnreadableDeadlineException;
import vn.directivetracker.workingdays.WrittenDeadlines;

/**
 * The issuer amends a running task: deadline, lead unit, coordinating units, key flag, always with a
 * reason. One transaction stores the amendment, correlates TaskAmended (the process's own record of it:
 * ServiceTask_ApplyAmendment sets the variables and tells the units) and then changes the open user
 * tasks through the engine's API, as the caller, so the user operation log names them. The
 * structural part is not done inside the delegate because Camunda switches the user operation log off
 * in custom code and a delegate should not restructure its own process instance.
 */
@Service
class TaskAmendmentService {

  static final String TASK_AMENDED_MESSAGE = "TaskAmended";
  static final int MAX_REASON = 2000;

  private final DirectiveService directives;
  private final DirectiveRepository repository;
  private final DirectiveTasks tasks;
  private final TaskChanges changes;
  private final UnitRegistry registry;
  private final RuntimeService runtime;
  private final PrivilegedEngine engine;
  private final UnitNames names;
  private final UnitsAsWritten unitsAsWritten;
  private final WrittenDeadlines writtenDeadlines;

  TaskAmendmentService(DirectiveService directives, DirectiveRepository repository, DirectiveTasks tasks,
      TaskChanges changes, UnitRegistry registry, RuntimeService runtime, PrivilegedEngine engine, UnitNames names,
      UnitsAsWritten unitsAsWritten, WrittenDeadlines writtenDeadlines) {
    this.writtenDeadlines = writtenDeadlines;
    this.names = names;
    this.unitsAsWritten = unitsAsWritten;
    this.directives = directives;
    this.repository = repository;
    this.tasks = tasks;
    this.changes = changes;
    this.registry = registry;
    this.runtime = runtime;
    this.engine = engine;
  }

  @Transactional
  DirectiveView amend(String directiveId, String key, AmendTaskRequest body, Caller caller) {
    DirectiveView directive = directives.get(directiveId, caller);
    if (!caller.memberOf(directive.issuer())) {
      throw ApiException.forbidden("only members of " + directive.issuer() + " may amend its directives");
    }
    TaskRecord before = repository.tasksOf(directiveId).stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> ApiException.notFound("task " + key));
    if (!TaskRecord.OPEN.equals(before.state())) {
      throw ApiException.conflict("task " + key + " is already " + before.status(directives.today()));
    }
    UnitsAsWritten.Written written = unitsAsWritten.ofTask(before.id()).orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    written = readNames(before, body, written, problems);
    readDeadline(before, body, problems);
    Set<String> refused = new HashSet<>();
    problems.forEach(p -> refused.add(p.field()));
    validate(before, body).stream().filter(p -> !refused.contains(p.field())).forEach(problems::add);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    TaskChanges.Change change = new TaskChanges.Change(body.deadlineGiven(), body.deadline(),
        body.leadUnitGiven() ? body.leadUnit() : null,
        body.coordinatingUnitsGiven() ? List.copyOf(body.coordinatingUnits()) : null,
        body.keyTaskGiven() ? body.keyTask() : null);
    String changeId = UUID.randomUUID().toString();
    String reason = body.reason().strip();
    List<TaskChanges.FieldChange> diffs = changes.record(before, change, changeId, caller.userId(), reason,
        TaskChanges.AMENDMENT);
    if (diffs.isEmpty()) {
      return directive;
    }
    unitsAsWritten.save(java.util.Map.of(before.id(), written));
    if (body.deadlineGiven()) {
      // The words the issuer wrote now stand for the deadline; a day written as a day needs none.
      java.util.Map<String, String> words = new java.util.HashMap<>();
      words.put(before.id(), body.deadline() != null && !body.deadline().toString().equals(body.deadlineWritten())
          ? body.deadlineWritten() : null);
      repository.keepDeadlinesAsWritten(words);
    }
    TaskRecord after = tasks.load(before.id());
    String processInstanceId = tasks.processInstanceOf(before.id());
    engine.run(() -> {
      runtime.createMessageCorrelation(TASK_AMENDED_MESSAGE)
          .processInstanceId(processInstanceId)
          .setVariable(ProcessVariables.AMENDMENT_ID, changeId)
          .setVariable(ProcessVariables.AMENDED_BY, caller.userId())
          .setVariable(ProcessVariables.AMENDMENT_REASON, reason)
          .correlate();
      changes.applyToEngine(processInstanceId, before, after);
    });
    return directives.view(directiveId, caller);
  }

  /** Reads the deadline as written (a day, "quý II/2024", "trước Tết"…) from the directive's issue date. */
  private void readDeadline(TaskRecord task, AmendTaskRequest body, List<FieldProblem> problems) {
    String words = body.deadlineWritten();
    if (!body.deadlineGiven() || words == null) {
      return;
    }
    if (words.length() > WrittenDeadlines.MAX_LENGTH) {
      problems.add(FieldProblem.of("deadline", "thời hạn dài quá " + WrittenDeadlines.MAX_LENGTH + " ký tự",
          "at most " + WrittenDeadlines.MAX_LENGTH + " characters"));
      return;
    }
    try {
      writtenDeadlines.resolve(words, task.issuedOn()).map(ResolvedDeadline::date).ifPresent(body::setDeadlineDay);
    } catch (UnreadableDeadlineException e) {
      problems.add(new FieldProblem("deadline", e.getMessage()));
    }
  }

  /**
   * Replaces the units the body names as written by their codes, for the task's domain; returns the names
   * as written after the amendment. A refused name becomes a problem under its field.
   */
  private UnitsAsWritten.Written readNames(TaskRecord task, AmendTaskRequest body, UnitsAsWritten.Written written,
      List<FieldProblem> problems) {
    String lead = written.leadUnit();
    if (body.leadUnitGiven() && body.leadUnit() != null && !body.leadUnit().isBlank()) {
      UnitResolution r = names.resolve(body.leadUnit(), task.domain());
      if (r.resolved()) {
        lead = r.written();
        body.setLeadUnit(r.code());
      } else {
        problems.add(FieldProblem.of("leadUnit", r.refusalVi(), r.refusalEn()));
      }
    }
    List<String> coordinating = written.coordinatingUnits();
    if (body.coordinatingUnitsGiven() && body.coordinatingUnits() != null) {
      List<String> codes = new ArrayList<>();
      coordinating = new ArrayList<>();
      for (int c = 0; c < body.coordinatingUnits().size(); c++) {
        UnitResolution r = names.resolve(body.coordinatingUnits().get(c), task.domain());
        if (r.resolved()) {
          codes.add(r.code());
          coordinating.add(r.written());
        } else {
          problems.add(FieldProblem.of("coordinatingUnits[" + c + "]", r.refusalVi(), r.refusalEn()));
          codes.add(body.coordinatingUnits().get(c));
        }
      }
      body.setCoordinatingUnits(codes);
    }
    return new UnitsAsWritten.Written(lead, coordinating, written.conclusionKey());
  }

  /** Every problem of the body at once, under the field the client sent. */
  private List<FieldProblem> validate(TaskRecord task, AmendTaskRequest body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (body.reason() == null || body.reason().isBlank()) {
      problems.add(new FieldProblem("reason", "must not be blank: say why the task changes"));
    } else if (body.reason().length() > MAX_REASON) {
      problems.add(new FieldProblem("reason", "size must be between 0 and " + MAX_REASON));
    }
    if (!body.deadlineGiven() && !body.leadUnitGiven() && !body.coordinatingUnitsGiven() && !body.keyTaskGiven()) {
      problems.add(new FieldProblem("", "nothing to amend: give deadline, leadUnit, coordinatingUnits or keyTask"));
    }
    if (body.deadline() != null && body.deadline().isBefore(task.issuedOn())) {
      problems.add(FieldProblem.of("deadline", "'" + body.deadlineWritten() + "' là ngày "
          + Bilingual.day(body.deadline()) + ", trước ngày ban hành " + Bilingual.day(task.issuedOn()),
          body.deadline() + " is before the directive's issue date " + task.issuedOn()));
    }
    String lead = task.leadUnit();
    if (body.leadUnitGiven()) {
      if (body.leadUnit() == null || body.leadUnit().isBlank()) {
        problems.add(new FieldProblem("leadUnit", "a task always has a lead unit; name the new one"));
      } else if (!registry.isUnit(body.leadUnit())) {
        problems.add(new FieldProblem("leadUnit", "unknown unit '" + body.leadUnit() + "'"));
      } else {
        lead = body.leadUnit();
      }
    }
    if (body.keyTaskGiven() && body.keyTask() == null) {
      problems.add(new FieldProblem("keyTask", "must be true or false"));
    }
    List<String> coordinating = body.coordinatingUnitsGiven() ? body.coordinatingUnits() : task.coordinatingUnits();
    if (coordinating == null) {
      problems.add(new FieldProblem("coordinatingUnits", "must be a list; [] for none"));
      return problems;
    }
    if (coordinating.size() > 40) {
      problems.add(new FieldProblem("coordinatingUnits", "size must be between 0 and 40"));
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < coordinating.size(); c++) {
      String unit = coordinating.get(c);
      String field = "coordinatingUnits[" + c + "]";
      if (!body.coordinatingUnitsGiven()) {
        field = "leadUnit";
      }
      if (unit == null || !registry.isUnit(unit)) {
        problems.add(new FieldProblem(field, "unknown unit '" + unit + "'"));
      } else if (!seen.add(unit)) {
        problems.add(new FieldProblem(field, "'" + unit + "' is listed twice"));
      } else if (unit.equals(lead)) {
        problems.add(new FieldProblem(field, body.coordinatingUnitsGiven()
            ? "'" + unit + "' is the lead unit" : "'" + unit + "' is a coordinating unit; take it off that list too"));
      }
    }
    return problems;
  }
}

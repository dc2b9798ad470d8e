package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.IssuerLevel;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Issues a sub-directive: the directive a lead unit issues to split its task among its own units,
 * linked to that task (dt_directive.parent_task_id). Stored and started as any directive, in one
 * transaction, and checked by the same rules; who issues it and which extra rules hold (dates within
 * the parent's, leads among the unit's own) the caller (package cascade) decides and passes in.
 */
@Component
public class SubDirectives {

  private final DirectiveRepository repository;
  private final DirectiveValidator validator;
  private final DirectiveService directives;
  private final RuntimeService runtime;
  private final PrivilegedEngine engine;
  private final BusinessClock clock;
  private final UnitsAsWritten unitsAsWritten;

  SubDirectives(DirectiveRepository repository, DirectiveValidator validator, DirectiveService directives,
      RuntimeService runtime, PrivilegedEngine engine, BusinessClock clock, UnitsAsWritten unitsAsWritten) {
    this.unitsAsWritten = unitsAsWritten;
    this.repository = repository;
    this.validator = validator;
    this.directives = directives;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
  }

  /** One sub-task, as the lead unit writes it (the province is the issuer's own). */
  public record Row(String key, String title, String description, String domain, String leadUnit,
      List<String> coordinatingUnits, java.time.LocalDate deadline, Boolean keyTask, String expectedResult) {
  }

  /**
   * A sub-directive: issued today by {@code issuer} at {@code level}, splitting task {@code parentTaskId};
   * {@code written}, row by row, names the units as the lead unit wrote them (null where it gave codes).
   */
  public record Spec(String parentTaskId, Unit issuer, IssuerLevel level, String reference, String title,
      List<Row> tasks, List<UnitsAsWritten.Written> written) {
  }

  /**
   * Issues it and answers the directive as the caller sees it; 400 with every problem (the shared rules
   * and {@code extraProblems}), 409 for a reference the issuer already used.
   */
  @Transactional
  public DirectiveView issue(Spec spec, List<FieldProblem> extraProblems, Caller caller) {
    List<IssueDirectiveRequest.TaskRequest> rows = spec.tasks() == null ? null : spec.tasks().stream()
        .map(r -> r == null ? null : new IssueDirectiveRequest.TaskRequest(r.key(), r.title(), r.description(),
            r.domain(), null, r.leadUnit(), r.coordinatingUnits(),
            r.deadline() == null ? null : r.deadline().toString(), null, r.keyTask(),
            r.expectedResult(), null, null))
        .toList();
    IssueDirectiveRequest request = new IssueDirectiveRequest(spec.reference(), clock.today(), spec.issuer().code(),
        spec.title(), rows);
    List<FieldProblem> problems = new ArrayList<>(validator.validate(request, clock.today()).stream()
        // A ministry is no issuing body for the working group's notices, but may split its own task.
        .filter(p -> !p.field().equals("issuer")).toList());
    problems.addAll(extraProblems);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    Unit issuer = spec.issuer();
    if (repository.exists(issuer.code(), request.reference())) {
      throw ApiException.conflict("directive " + request.reference() + " of " + issuer.code() + " already exists");
    }
    String directiveId = UUID.randomUUID().toString();
    repository.insert(new DirectiveRepository.DirectiveRow(directiveId, issuer.code(), request.reference(),
        request.issuedOn(), request.title(), spec.level().name(), caller.userId(), clock.now(), false));
    repository.setParentTask(directiveId, spec.parentTaskId());
    List<DirectiveRepository.NewTask> tasks = new ArrayList<>();
    Map<String, UnitsAsWritten.Written> written = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      IssueDirectiveRequest.TaskRequest t = rows.get(i);
      String taskId = UUID.randomUUID().toString();
      tasks.add(new DirectiveRepository.NewTask(taskId, t.key(), i, t.title(),
          t.description(), t.domain(), issuer.province(), t.leadUnit(), t.coordinatingUnitsOrEmpty(),
          spec.tasks().get(i).deadline(),
          null, Boolean.TRUE.equals(t.keyTask()), t.expectedResult()));
      if (spec.written() != null && spec.written().get(i) != null) {
        written.put(taskId, spec.written().get(i));
      }
    }
    repository.insertTasks(directiveId, tasks);
    unitsAsWritten.save(written);
    String processInstanceId = engine.call(() -> runtime.createProcessInstanceByKey(DirectiveService.DIRECTIVE_PROCESS)
        .businessKey(issuer.code() + ":" + request.reference())
        .setVariables(Map.of("directiveId", directiveId, "issuer", issuer.code(), "reference", request.reference(),
            "parentTaskId", spec.parentTaskId()))
        .execute().getId());
    repository.setProcessInstance(directiveId, processInstanceId);
    List<FieldProblem> leadAlsoCoordinating = DirectiveService.leadAlsoCoordinating(repository.tasksOf(directiveId));
    if (!leadAlsoCoordinating.isEmpty()) {
      throw ApiException.badRequest(leadAlsoCoordinating);
    }
    return directives.view(directiveId, caller);
  }
}

package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.engine.PrivilegedEngine;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.security.CurrentUser.Caller;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ConclusionRollup;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TargetProgress;
import vn.directivetracker.shared.TaskRecord;
import vn.directivetracker.shared.TaskTarget;
import vn.directivetracker.shared.TaskTargets;
import vn.directivetracker.shared.UnitsAsWritten;
import vn.directivetracker.web.ApiException;
import vn.directivetracker.web.FieldProblem;

/**
 * Issues and withdraws directives. One transaction stores the notice and starts its process, so a
 * directive is either wholly live, every task in its unit's inbox, or not stored at all.
 */
@Service
class DirectiveService {

  static final String DIRECTIVE_PROCESS = "directive";
  static final String TASK_WITHDRAWN_MESSAGE = "TaskWithdrawn";

  private final DirectiveRepository repository;
  private final DirectiveValidator validator;
  private final UnitRegistry registry;
  private final RuntimeService runtime;
  private final PrivilegedEngine engine;
  private final BusinessClock clock;
  private final TaskDeadlines deadlines;
  private final LeadUnitDecision leadUnits;
  private final TaskTargets taskTargets;
  private final NoticeUnits noticeUnits;
  private final UnitsAsWritten unitsAsWritten;

  DirectiveService(DirectiveRepository repository, DirectiveValidator validator, UnitRegistry registry,
      RuntimeService runtime, PrivilegedEngine engine, BusinessClock clock, TaskDeadlines deadlines,
      LeadUnitDecision leadUnits, TaskTargets taskTargets, NoticeUnits noticeUnits, UnitsAsWritten unitsAsWritten) {
    this.taskTargets = taskTargets;
    this.noticeUnits = noticeUnits;
    this.unitsAsWritten = unitsAsWritten;
    this.repository = repository;
    this.validator = validator;
    this.registry = registry;
    this.runtime = runtime;
    this.engine = engine;
    this.clock = clock;
    this.deadlines = deadlines;
    this.leadUnits = leadUnits;
  }

  @Transactional
  DirectiveView issue(IssueDirectiveRequest request, Caller caller) {
    return issue(request, caller, List.of());
  }

  /**
   * Issues the notice as {@link #issue(IssueDirectiveRequest, Caller)} does, refusing it also for {@code
   * moreProblems} found before (cells of an imported sheet that did not convert), all reported together.
   */
  @Transactional
  DirectiveView issue(IssueDirectiveRequest request, Caller caller, List<FieldProblem> moreProblems) {
    String directiveId = store(request, caller, moreProblems);
    Unit issuer = registry.get(request.issuer());
    String processInstanceId = engine.call(() -> runtime.createProcessInstanceByKey(DIRECTIVE_PROCESS)
        .businessKey(businessKey(issuer.code(), request.reference()))
        .setVariables(Map.of("directiveId", directiveId, "issuer", issuer.code(), "reference", request.reference()))
        .execute().getId());
    repository.setProcessInstance(directiveId, processInstanceId);
    // Whom the lead-unit decision chose is known only now; refusing here rolls back the notice and its
    // processes with it.
    List<FieldProblem> leadAlsoCoordinating = leadAlsoCoordinating(repository.tasksOf(directiveId));
    if (!leadAlsoCoordinating.isEmpty()) {
      throw ApiException.badRequest(leadAlsoCoordinating);
    }
    return view(directiveId, caller);
  }

  /**
   * Stores a notice for a {@code directive} process already started without one (from the Tasklist
   * start form): the same checks and rows as {@link #issue}, but no new process. Its tasks' processes
   * start after this step, so whom the decision will choose as lead is asked of the decision here.
   *
   * @return the new directive's id
   */
  @Transactional
  String register(IssueDirectiveRequest request, Caller caller, List<FieldProblem> moreProblems,
      String processInstanceId) {
    String directiveId = store(request, caller, moreProblems);
    repository.setProcessInstance(directiveId, processInstanceId);
    List<TaskRecord> decided = repository.tasksOf(directiveId).stream()
        .map(t -> withLead(t, t.requestedLeadUnit() != null ? t.requestedLeadUnit()
            : leadUnits.decide(t.domain(), t.issuerLevel(), t.province())))
        .toList();
    List<FieldProblem> leadAlsoCoordinating = leadAlsoCoordinating(decided);
    if (!leadAlsoCoordinating.isEmpty()) {
      throw ApiException.badRequest(leadAlsoCoordinating);
    }
    return directiveId;
  }

  static String businessKey(String issuer, String reference) {
    return issuer + ":" + reference;
  }

  /** Refuses with 403 a caller who is not a member of the issuing body named (an unknown one is a 400 later). */
  void requireMayIssue(String issuerCode, Caller caller) {
    registry.find(issuerCode).filter(Unit::isIssuer).ifPresent(issuer -> requireIssuerMember(issuer, caller));
  }

  private String store(IssueDirectiveRequest sent, Caller caller, List<FieldProblem> moreProblems) {
    requireMayIssue(sent.issuer(), caller);
    // Units as the notice names them become codes, and a task with several leads one task per lead.
    NoticeUnits.Expanded expanded = noticeUnits.expand(sent);
    IssueDirectiveRequest request = expanded.request();
    List<FieldProblem> problems = new ArrayList<>(moreProblems);
    problems.addAll(expanded.problems());
    problems.addAll(expanded.asSent(validator.validate(request, clock.today())));
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    Unit issuer = registry.get(request.issuer());
    if (repository.exists(issuer.code(), request.reference())) {
      throw ApiException.conflict("directive " + request.reference() + " of " + issuer.code() + " already exists");
    }
    String directiveId = UUID.randomUUID().toString();
    repository.insert(new DirectiveRepository.DirectiveRow(directiveId, issuer.code(), request.reference(),
        request.issuedOn(), request.title(), issuer.issuerLevel().name(), caller.userId(), clock.now(), false));
    List<DirectiveRepository.NewTask> tasks = new ArrayList<>();
    Map<String, String> deadlinesWritten = new java.util.HashMap<>();
    Map<String, TaskTarget> targets = new java.util.HashMap<>();
    Map<String, UnitsAsWritten.Written> unitsWritten = new java.util.HashMap<>();
    for (int i = 0; i < request.tasks().size(); i++) {
      IssueDirectiveRequest.TaskRequest t = request.tasks().get(i);
      String taskId = UUID.randomUUID().toString();
      deadlines.asWritten(t, request.issuedOn()).ifPresent(d -> deadlinesWritten.put(taskId, d.asWritten()));
      if (t.target() != null) {
        targets.put(taskId, t.target());
      }
      String province = t.province() != null ? t.province() : issuer.province();
      unitsWritten.put(taskId, expanded.written().get(i));
      tasks.add(new DirectiveRepository.NewTask(taskId, t.key(), i, t.title(),
          t.description(), t.domain(), province, t.leadUnit(), t.coordinatingUnitsOrEmpty(),
          deadlines.deadlineOf(t, request.issuedOn()), t.deadlineWorkingDays(), Boolean.TRUE.equals(t.keyTask()),
          t.expectedResult()));
    }
    repository.insertTasks(directiveId, tasks);
    repository.keepDeadlinesAsWritten(deadlinesWritten);
    taskTargets.keep(targets);
    unitsAsWritten.save(unitsWritten);
    return directiveId;
  }

  private static TaskRecord withLead(TaskRecord t, String lead) {
    return new TaskRecord(t.id(), t.directiveId(), t.reference(), t.issuer(), t.issuerLevel(), t.issuedOn(), t.key(),
        t.title(), t.description(), t.domain(), t.province(), t.requestedLeadUnit(), lead, "DMN",
        t.coordinatingUnits(), t.deadline(), t.keyTask(), t.expectedResult(), t.state(), t.completedOn(),
        t.escalationLevel());
  }

  /** Tasks (in notice order) whose decided lead unit the issuer also listed as coordinating. */
  static List<FieldProblem> leadAlsoCoordinating(List<TaskRecord> tasks) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskRecord task = tasks.get(i);
      int c = task.leadUnit() == null ? -1 : task.coordinatingUnits().indexOf(task.leadUnit());
      if (c >= 0) {
        problems.add(new FieldProblem("tasks[" + i + "].coordinatingUnits[" + c + "]",
            "'" + task.leadUnit() + "' is the lead unit the lead-unit decision chose"));
      }
    }
    return problems;
  }

  java.time.LocalDate today() {
    return clock.today();
  }

  @Transactional(readOnly = true)
  DirectiveView get(String id, Caller caller) {
    return view(id, caller);
  }

  @Transactional(readOnly = true)
  List<DirectiveSummary> list(String issuer, String status, int limit, Caller caller) {
    return repository.summaries(issuer, status, seesEverything(caller) ? null : caller.groups(), limit);
  }

  @Transactional
  DirectiveView withdrawTask(String directiveId, String key, String reason, Caller caller) {
    DirectiveRepository.DirectiveRow directive = requireDirective(directiveId, caller);
    requireIssuerMember(registry.get(directive.issuer()), caller);
    TaskRecord task = repository.tasksOf(directiveId).stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> ApiException.notFound("task " + key));
    if (!TaskRecord.OPEN.equals(task.state())) {
      throw ApiException.conflict("task " + key + " is already " + task.status(clock.today()));
    }
    withdraw(task, reason, caller);
    return view(directiveId, caller);
  }

  @Transactional
  DirectiveView withdrawDirective(String directiveId, String reason, Caller caller) {
    DirectiveRepository.DirectiveRow directive = requireDirective(directiveId, caller);
    requireIssuerMember(registry.get(directive.issuer()), caller);
    if (directive.withdrawn()) {
      throw ApiException.conflict("directive " + directive.reference() + " is already withdrawn");
    }
    for (TaskRecord task : repository.tasksOf(directiveId)) {
      if (TaskRecord.OPEN.equals(task.state())) {
        withdraw(task, reason, caller);
      }
    }
    repository.markWithdrawn(directiveId, caller.userId(), reason, clock.now());
    return view(directiveId, caller);
  }

  private void withdraw(TaskRecord task, String reason, Caller caller) {
    String processInstanceId = repository.processInstanceOf(task.id());
    engine.run(() -> runtime.createMessageCorrelation(TASK_WITHDRAWN_MESSAGE)
        .processInstanceId(processInstanceId)
        .setVariable(ProcessVariables.WITHDRAWAL_REASON, reason)
        .setVariable(ProcessVariables.WITHDRAWN_BY, caller.userId())
        .correlate());
  }

  DirectiveView view(String id, Caller caller) {
    DirectiveRepository.DirectiveRow d = requireDirective(id, caller);
    List<TaskRecord> all = repository.tasksOf(id);
    List<TaskRecord> tasks = seesWhole(d, caller) ? all : all.stream().filter(t -> involves(t, caller)).toList();
    var today = clock.today();
    Map<String, Integer> workingDays = repository.workingDayDeadlines(id);
    Map<String, String> written = repository.deadlinesAsWritten(id);
    Map<String, TargetProgress> progress = targetProgress(id, tasks, today);
    String status = d.withdrawn() ? "WITHDRAWN"
        : all.stream().anyMatch(t -> TaskRecord.OPEN.equals(t.state())) ? "ACTIVE" : "COMPLETED";
    Map<String, DirectiveView.Subtasks> subtasks = repository.subtasksOf(id, today);
    Map<String, UnitsAsWritten.Written> units = unitsAsWritten.ofDirective(id);
    List<ConclusionRollup> conclusions = ConclusionRollup.of(unitsAsWritten.conclusionMembers(id, today),
        registry::pluralOf);
    return new DirectiveView(d.id(), d.reference(), d.issuer(), d.issuedOn(), d.title(), status,
        tasks.stream().map(t -> new DirectiveView.TaskView(t.id(), t.key(), t.title(), t.domain(), t.province(),
            t.leadUnit(), t.leadDecidedBy(), t.coordinatingUnits(), t.deadline(), workingDays.get(t.id()),
            t.keyTask(), t.expectedResult(), t.status(today), t.completedOn(), t.escalationLevel(),
            subtasks.get(t.id()), written.get(t.id()),
            progress.containsKey(t.id()) ? progress.get(t.id()).target() : null, progress.get(t.id()),
            units.get(t.id()).leadUnit(), emptyToNull(units.get(t.id()).coordinatingUnits()),
            units.get(t.id()).conclusionKey())).toList(), emptyToNull(conclusions));
  }

  /** Each targeted task's value against its target, as of today. */
  private Map<String, TargetProgress> targetProgress(String directiveId, List<TaskRecord> tasks, LocalDate today) {
    Map<String, TaskTarget> targets = taskTargets.ofDirective(directiveId);
    Map<String, List<java.math.BigDecimal>> values = taskTargets.valuesOf(targets.keySet(), null);
    Map<String, TargetProgress> progress = new java.util.HashMap<>();
    for (TaskRecord t : tasks) {
      TaskTarget target = targets.get(t.id());
      if (target != null) {
        progress.put(t.id(), TargetProgress.of(target, values.getOrDefault(t.id(), List.of()), t.issuedOn(),
            t.deadline(), today, TaskRecord.COMPLETED.equals(t.state())));
      }
    }
    return progress;
  }

  /**
   * The directive, for its issuer's members and secretariat alone: 404 for whoever may not read it, 403 for
   * those who read it from elsewhere (its units, auditors, administrators).
   */
  DirectiveRepository.DirectiveRow requireIssuerSide(String id, Caller caller) {
    DirectiveRepository.DirectiveRow d = requireDirective(id, caller);
    Unit issuer = registry.get(d.issuer());
    if (!caller.memberOf(issuer.code()) && !caller.memberOf(issuer.secretariat())) {
      throw ApiException.forbidden("only members of " + issuer.code() + " and " + issuer.secretariat()
          + " follow its directives here");
    }
    return d;
  }

  private static <T> List<T> emptyToNull(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  /** Finds the directive, or answers 404 also when it exists but the caller has no part in it. */
  private DirectiveRepository.DirectiveRow requireDirective(String id, Caller caller) {
    DirectiveRepository.DirectiveRow d = repository.find(id).orElseThrow(() -> ApiException.notFound("directive"));
    if (!seesWhole(d, caller) && repository.tasksOf(id).stream().noneMatch(t -> involves(t, caller))) {
      throw ApiException.notFound("directive");
    }
    return d;
  }

  private boolean seesWhole(DirectiveRepository.DirectiveRow d, Caller caller) {
    return caller.followsIssuer(d.issuer())
        // A sub-directive is the split of the parent task's lead unit, which follows it as a whole.
        || repository.parentLeadUnit(d.id()).map(caller::memberOf).orElse(false);
  }

  private static boolean seesEverything(Caller caller) {
    return caller.isAuditor() || caller.isAdmin();
  }

  private static boolean involves(TaskRecord t, Caller caller) {
    return caller.memberOf(t.leadUnit()) || t.coordinatingUnits().stream().anyMatch(caller::memberOf);
  }

  private static void requireIssuerMember(Unit issuer, Caller caller) {
    if (!caller.memberOf(issuer.code())) {
      throw ApiException.forbidden("only members of " + issuer.code() + " may issue or change its directives");
    }
  }
}

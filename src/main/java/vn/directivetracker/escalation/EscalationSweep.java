package vn.directivetracker.escalation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.reporting.ProgressReports;
import vn.directivetracker.shared.BusinessClock;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * One page of the escalation sweep, in the transaction of its job: a page of escalations ({@link #escalatePage}),
 * of reminders ({@link #remindPage}) or of monthly progress periods to open ({@link #openProgressPage}).
 *
 * <p>Escalations: the open tasks whose
 * dt_task.next_escalation_at has come ({@code directive.escalation.sweep-page-size} of them, the longest
 * waiting first), and for each the days overdue (working days when the issuer gave the deadline in working
 * days, DeadlinePlan#daysOverdue), the escalation-level decision (Camunda's DecisionService, so each
 * evaluation stays in Camunda's decision history), the record (dt_escalation with the decision's inputs and
 * outputs; dt_task's level, escalated-at and next look), and the notice queued in each recipient unit's
 * bundle. Writes go in JDBC batches: a fixed number of statements per page besides the decisions' history.
 *
 * <p>Nothing is escalated twice: the task's row is advanced only where it is still open and still due at
 * the moment this page read it (EscalationRepository#advance), and only the tasks advanced are recorded and
 * notified. A page that fails rolls back whole; its job is retried and the page redone.
 */
@Component
class EscalationSweep {

  static final String DECISION = "escalation-level";
  /** The message that opens a task's monthly progress period (SubProcess_MonthlyProgress). */
  static final String PROGRESS_PERIOD_OPENED = "ProgressPeriodOpened";

  private static final Logger LOG = LoggerFactory.getLogger(EscalationSweep.class);

  private final EscalationRepository escalations;
  private final EscalationNotices notices;
  private final Notifier notifier;
  private final TaskFacts facts;
  private final DeadlinePlan plan;
  private final UnitRegistry registry;
  private final BusinessClock clock;
  private final DecisionService decisions;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ProgressReports progress;
  private volatile int pageSize;
  private final Counter held;

  EscalationSweep(EscalationRepository escalations, EscalationNotices notices, Notifier notifier, TaskFacts facts,
      DeadlinePlan plan, UnitRegistry registry, BusinessClock clock, @Lazy DecisionService decisions,
      @Lazy RepositoryService repository, @Lazy RuntimeService runtime, ProgressReports progress,
      @Value("${directive.escalation.sweep-page-size:500}") int pageSize, MeterRegistry meters) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("directive.escalation.sweep-page-size must be at least 1, not " + pageSize);
    }
    this.escalations = escalations;
    this.notices = notices;
    this.notifier = notifier;
    this.facts = facts;
    this.plan = plan;
    this.registry = registry;
    this.clock = clock;
    this.decisions = decisions;
    this.repository = repository;
    this.runtime = runtime;
    this.progress = progress;
    this.pageSize = pageSize;
    this.held = Counter.builder("directive.escalations.held")
        .description("Due escalations held to the next morning because the task's data could not be decided on")
        .register(meters);
  }

  /** Changes the page size (tests page through a handful of tasks); the property sets it at start. */
  void pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a page holds at least one task, not " + size);
    }
    this.pageSize = size;
  }

  int pageSize() {
    return pageSize;
  }

  /**
   * What one page did: how many due tasks it read and how many it escalated or reminded; a full page means more
   * may be due.
   */
  record Page(int read, int done, boolean full) {
  }

  /** Escalates one page of due tasks; the delivery jobs of its bundles belong to {@code processDefinitionId}. */
  Page escalatePage(String processDefinitionId) {
    Instant now = clock.now();
    LocalDate today = clock.today();
    int size = pageSize;
    List<EscalationRepository.DueTask> due = escalations.due(now, size);
    if (due.isEmpty()) {
      return new Page(0, 0, false);
    }
    DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
        .latestVersion().singleResult();
    Map<String, EscalationRepository.Row> rows = new HashMap<>();
    Map<String, TaskRecord> tasks = new HashMap<>();
    List<EscalationRepository.Advance> advances = new ArrayList<>();
    List<EscalationRepository.Hold> holds = new ArrayList<>();
    for (EscalationRepository.DueTask d : due) {
      TaskRecord task = d.task();
      int daysOverdue = plan.daysOverdue(task.deadline(), d.deadlineInWorkingDays());
      Unit lead = registry.find(task.leadUnit()).orElse(null);
      if (lead == null) {
        holds.add(hold(d, "its lead unit " + task.leadUnit() + " is not in the organisation registry"));
        continue;
      }
      String leadUnitType = lead.type().name();
      DmnDecisionRuleResult result = decisions.evaluateDecisionTableById(decision.getId())
          .variables(Variables.createVariables().putValue(ProcessVariables.DAYS_OVERDUE, daysOverdue)
              .putValue(ProcessVariables.KEY_TASK, task.keyTask()).putValue(ProcessVariables.LEAD_UNIT_TYPE,
              leadUnitType))
          .evaluate().getSingleResult();
      if (result == null) {
        holds.add(hold(d, "no rule of escalation-level matches " + daysOverdue + " days overdue, key task "
            + task.keyTask() + ", " + leadUnitType));
        continue;
      }
      int level = ((Number) result.getEntry("level")).intValue();
      String audience = result.getEntry("notify");
      int nextCheckInDays = ((Number) result.getEntry("nextCheckInDays")).intValue();
      Instant lookAgain = plan.lookAgain(nextCheckInDays).toInstant();
      rows.put(task.id(), new EscalationRepository.Row(task.id(), level, daysOverdue, audience, now, task.keyTask(),
          leadUnitType, nextCheckInDays, lookAgain, decision.getId(), EscalationRepository.SWEEP));
      tasks.put(task.id(), task);
      advances.add(new EscalationRepository.Advance(task.id(), d.nextEscalationAt(), level, now, lookAgain));
    }
    escalations.hold(holds);
    Set<String> advanced = new HashSet<>(escalations.advance(advances));
    List<EscalationRepository.Row> records = new ArrayList<>();
    List<Notice> queued = new ArrayList<>();
    for (EscalationRepository.DueTask d : due) {
      String id = d.task().id();
      if (advanced.contains(id)) {
        EscalationRepository.Row row = rows.get(id);
        records.add(row);
        queued.add(notices.notice(tasks.get(id), row.level(), row.daysOverdue(), row.audience(), today));
      }
    }
    escalations.insertAll(records);
    notifier.notifyBundled(processDefinitionId, queued);
    if (advanced.size() < due.size()) {
      LOG.info("Escalation sweep: {} of {} due tasks changed while the page ran (escalated elsewhere, closed or"
          + " amended) and were left alone", due.size() - advanced.size(), due.size());
    }
    return new Page(due.size(), advanced.size(), due.size() == size);
  }

  /**
   * Reminds one page of tasks whose next reminder has come (dt_task.next_reminder_at): each task's next
   * reminder is moved to the one after (null when none is left before the deadline), and a reminder is queued in
   * the lead unit's bundle of reminders, so a unit with many tasks due gets one mail listing them. As for
   * escalations, only the tasks this page moved are reminded, so a page redone after a failure, or two sweeps at
   * once, remind each task once. A reminder whose moment passed while no sweep ran (the application was down) is
   * still sent if the deadline has not passed; after it the escalations speak, so the reminder is dropped.
   */
  Page remindPage(String processDefinitionId) {
    Instant now = clock.now();
    LocalDate today = clock.today();
    int size = pageSize;
    List<EscalationRepository.DueReminder> due = escalations.dueReminders(now, size);
    if (due.isEmpty()) {
      return new Page(0, 0, false);
    }
    List<EscalationRepository.NextReminder> moves = new ArrayList<>();
    for (EscalationRepository.DueReminder d : due) {
      TaskRecord task = d.task();
      java.util.Date next = plan.nextReminder(task);
      moves.add(new EscalationRepository.NextReminder(task.id(), d.nextReminderAt(),
          next == null ? null : next.toInstant()));
    }
    Set<String> moved = new HashSet<>(escalations.advanceReminders(moves));
    List<Notice> queued = new ArrayList<>();
    for (EscalationRepository.DueReminder d : due) {
      TaskRecord task = d.task();
      if (moved.contains(task.id()) && task.deadline() != null && !today.isAfter(task.deadline())) {
        Map<String, String> values = facts.of(task, null);
        values.put("daysLeft", String.valueOf(plan.daysLeft(task.deadline())));
        queued.add(new Notice(NotificationEvent.REMINDER, "REMINDER:" + task.id() + ":" + today, task.id(),
            List.of(task.leadUnit()), values));
      }
    }
    notifier.notifyBundled(processDefinitionId, queued);
    return new Page(due.size(), queued.size(), due.size() == size);
  }

  /**
   * Opens the monthly progress period of one page of open tasks whose period is due (dt_task.next_progress_at):
   * each task's next opening moves to next month's, and
   * ProgressPeriodOpened is correlated to its process instance, which starts SubProcess_MonthlyProgress there (the
   * report task, or nothing while the completion report awaits review). Only the tasks this page moved are opened,
   * so a page redone after a failure, or two sweeps at once, open each period once; a period missed while no sweep
   * ran opens late, once, and the next is next month's.
   */
  Page openProgressPage() {
    int size = pageSize;
    List<EscalationRepository.DueProgress> due = escalations.dueProgress(clock.now(), size);
    if (due.isEmpty()) {
      return new Page(0, 0, false);
    }
    Set<String> moved = new HashSet<>(escalations.advanceProgress(due, progress.nextOpening().toInstant()));
    int opened = 0;
    for (EscalationRepository.DueProgress d : due) {
      if (!moved.contains(d.taskId())) {
        continue;
      }
      try {
        runtime.createMessageCorrelation(PROGRESS_PERIOD_OPENED).processInstanceId(d.processInstanceId()).correlate();
        opened++;
      } catch (MismatchingMessageCorrelationException e) {
        // An open task whose instance cannot take the message (ended by hand in Cockpit, say): nothing to open.
        LOG.warn("Escalation sweep: task {} has no instance waiting for its progress period ({}): {}", d.taskId(),
            d.processInstanceId(), e.getMessage());
      }
    }
    return new Page(due.size(), opened, due.size() == size);
  }

  /**
   * A task whose escalation cannot be decided from its data is held until the next morning, said at ERROR
   * level and counted ({@code directive.escalations.held}), and the page goes on: one bad record must not
   * stop the escalations of every task due after it, which a failing page would (later pages read the same
   * oldest tasks first). Once the data is mended the task escalates at its next look.
   */
  private EscalationRepository.Hold hold(EscalationRepository.DueTask d, String why) {
    Instant until = plan.lookAgain(1).toInstant();
    LOG.error("Escalation sweep: task {} ({} {}) not escalated, looked at again at {}: {}", d.task().id(),
        d.task().reference(), d.task().key(), until, why);
    held.increment();
    return new EscalationRepository.Hold(d.task().id(), d.nextEscalationAt(), until);
  }
}

package vn.directivetracker.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.BusinessClock;
import vn.directivetracker.directive.DirectiveTasks;
import vn.directivetracker.directive.TaskRecord;
import vn.directivetracker.notification.Notice;
import vn.directivetracker.notification.NotificationEvent;
import vn.directivetracker.notification.Notifier;
import vn.directivetracker.notification.TaskFacts;
import vn.directivetracker.organization.UnitRegistry;

/**
 * Carries out what the escalation-level decision said: records the escalation (dt_escalation and the
 * task's level; the process variables keep it in Camunda's history too), tells the audience, and sets
 * when to look again.
 */
@Component("escalate")
class Escalate implements JavaDelegate {

  private final DirectiveTasks tasks;
  private final EscalationRepository escalations;
  private final Notifier notifier;
  private final TaskFacts facts;
  private final UnitRegistry registry;
  private final DeadlinePlan plan;
  private final BusinessClock clock;

  Escalate(DirectiveTasks tasks, EscalationRepository escalations, Notifier notifier, TaskFacts facts,
      UnitRegistry registry, DeadlinePlan plan, BusinessClock clock) {
    this.tasks = tasks;
    this.escalations = escalations;
    this.notifier = notifier;
    this.facts = facts;
    this.registry = registry;
    this.plan = plan;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskId = (String) execution.getVariable("directiveTaskId");
    int level = ((Number) execution.getVariable("escalationLevel")).intValue();
    String audience = (String) execution.getVariable("escalationAudience");
    int daysOverdue = ((Number) execution.getVariable("daysOverdue")).intValue();
    int nextCheckInDays = ((Number) execution.getVariable("nextCheckInDays")).intValue();
    TaskRecord task = tasks.load(taskId);

    escalations.insert(taskId, level, daysOverdue, audience, clock.now());
    tasks.recordEscalationLevel(taskId, level, clock.now());

    Map<String, String> values = facts.of(task, null);
    values.put("level", String.valueOf(level));
    values.put("levelName", levelName(level));
    values.put("daysOverdue", String.valueOf(daysOverdue));
    // Bundled: a unit gets one mail listing all its tasks escalated in the same window (the midnight sweep).
    notifier.notifyBundled(execution, new Notice(NotificationEvent.ESCALATION,
        "ESCALATION:" + taskId + ":" + clock.today() + ":" + level, taskId, audience(task, audience), values));
    execution.setVariable("nextEscalationAt", plan.lookAgain(nextCheckInDays));
  }

  /**
   * The groups told: the lead always; PARENT adds its parent unit; ISSUER adds the parent, the issuer and
   * its secretariat. A unit with no parent (VTV, VOV, VNA) has nobody above it but the issuer, so PARENT
   * goes to the issuer for it.
   */
  private List<String> audience(TaskRecord task, String audience) {
    List<String> groups = new ArrayList<>();
    groups.add(task.leadUnit());
    String parent = registry.find(task.leadUnit()).map(u -> u.parent()).orElse(null);
    if (("PARENT".equals(audience) || "ISSUER".equals(audience)) && parent != null) {
      groups.add(parent);
    }
    if ("ISSUER".equals(audience) || ("PARENT".equals(audience) && parent == null)) {
      groups.add(task.issuer());
      // A ministry that split its task reviews its sub-units itself: its "secretariat" is itself.
      groups.add(registry.find(task.issuer()).map(u -> u.secretariat()).orElse(task.issuer() + "SEC"));
    }
    return groups.stream().distinct().toList();
  }

  private static String levelName(int level) {
    return switch (level) {
      case 1 -> "Nhắc quá hạn / overdue reminder";
      case 2 -> "Cảnh báo / warning";
      default -> "Báo cáo Tổ công tác / reported to the working group";
    };
  }
}

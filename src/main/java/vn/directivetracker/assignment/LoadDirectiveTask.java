package vn.directivetracker.assignment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.directivetracker.escalation.DeadlinePlan;
import vn.directivetracker.escalation.EscalationSchedule;
import vn.directivetracker.organization.Unit;
import vn.directivetracker.organization.UnitRegistry;
import vn.directivetracker.shared.DirectiveTasks;
import vn.directivetracker.shared.ProcessVariables;
import vn.directivetracker.shared.TaskRecord;

/**
 * First step of a directive task: loads the stored task and puts into the process what the decision and the
 * gateways read, and plans the task's first escalation, reminder and progress period (dt_task.next_escalation_at,
 * next_reminder_at and next_progress_at, for the escalation sweep). The business key names the task as people
 * do: issuer, notice, task key.
 */
@Component("loadDirectiveTask")
record LoadDirectiveTask(DirectiveTasks tasks, DeadlinePlan deadlines, UnitRegistry registry,
    EscalationSchedule escalations) implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    TaskRecord task = tasks.load(ProcessVariables.directiveTaskId(execution));
    execution.setProcessBusinessKey(task.issuer() + ":" + task.reference() + ":" + task.key());
    tasks.linkProcessInstance(task.id(), execution.getProcessInstanceId());
    Map<String, Object> vars = new HashMap<>();
    // Only what the model reads (candidate groups, due date, priority, the user tasks' names, the
    // coordination loop; returnCount comes with the first return) and what Tasklist's task list shows on each
    // card (reference, taskKey, taskTitle: TasklistFilters, copied onto each user task by TasklistCard).
    // Every other fact of the task is dt_task's: the forms read it from GET
    // /camunda/forms-api/tasks/{taskId}/facts, the delegates from DirectiveTasks. Each variable is a runtime,
    // a history and a detail row written, read back by every later step and rewritten at the end.
    vars.put("reference", task.reference());
    vars.put("issuer", task.issuer());
    vars.put("secretariat", registry.find(task.issuer()).map(Unit::secretariat).orElse(task.issuer() + "SEC"));
    vars.put(ProcessVariables.TASK_KEY, task.key());
    vars.put(ProcessVariables.TASK_TITLE, task.title());
    vars.put(ProcessVariables.TASK_LABEL, TasklistCard.label(task.key(), task.title()));
    // Inputs of the lead-unit decision and of Gateway_LeadNamed, which run in this transaction: transient, so
    // they cost no rows. The decision's history keeps its inputs (ACT_HI_DEC_IN); dt_task keeps all four.
    vars.put("domain", Variables.stringValue(task.domain(), true));
    vars.put("province", Variables.stringValue(task.province(), true));
    vars.put("issuerLevel", Variables.stringValue(task.issuerLevel(), true));
    vars.put("requestedLeadUnit", Variables.stringValue(task.requestedLeadUnit(), true));
    vars.put("keyTask", task.keyTask());
    vars.put("coordinatingUnits", String.join(",", task.coordinatingUnits()));
    vars.put("dueAt", deadlines.dueAt(task.deadline()));
    escalations.planNew(task);
    execution.setVariables(vars);
  }
}

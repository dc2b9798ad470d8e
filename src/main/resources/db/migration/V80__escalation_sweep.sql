-- Escalation sweep (processes/escalation-sweep.bpmn, escalation.EscalationSweep): a task no longer waits on a
-- timer of its own to escalate; the sweep escalates, page by page, the open tasks whose next_escalation_at has
-- come. Set when the task is loaded (the first moment after its deadline day), moved by amendments and
-- extensions, set to the look-again morning after each escalation, cleared when the task closes.
-- Left null for tasks whose process instance runs directive-task version 1: those still escalate by their own
-- timers (Timer_Overdue / Timer_NextEscalation) and the sweep never sees them.
alter table dt_task add column next_escalation_at timestamp;
-- The sweep's query: open tasks with next_escalation_at <= now, oldest first. Closed tasks have it null.
create index ix_dt_task_next_escalation on dt_task (next_escalation_at, id);

-- The escalation-level decision's inputs and outputs, kept with each escalation for the audit timeline (the
-- sweep evaluates the decision outside any task's process instance). Null on rows written before V80.
alter table dt_escalation add column key_task boolean;
alter table dt_escalation add column lead_unit_type varchar(32);
alter table dt_escalation add column next_check_in_days integer;
alter table dt_escalation add column next_escalation_at timestamp;
alter table dt_escalation add column decision_definition_id varchar(64);
-- SWEEP (escalation-sweep) or TIMER (a directive-task version 1 instance's own timer).
alter table dt_escalation add column escalated_by varchar(16);

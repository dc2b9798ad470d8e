-- Reminders by the sweep (processes/escalation-sweep.bpmn version 2, escalation.ReminderSweep): a task of
-- directive-task version 4 has no reminder timer of its own; the sweep reminds, page by page and in one mail per
-- unit, the open tasks whose next_reminder_at has come. Set when the task is loaded (the first reminder still
-- ahead: halfway to the deadline and some days before it, at 08:00), moved by amendments and extensions, set to
-- the next reminder (or null) after each one, cleared when the task closes.
-- Left null for tasks whose process instance runs versions 1 to 3: those still remind by their own Timer_Reminder
-- and the sweep never sees them.
alter table dt_task add column next_reminder_at timestamp;
-- The sweep's query: open tasks with next_reminder_at <= now, oldest first. Closed tasks have it null.
create index ix_dt_task_next_reminder on dt_task (next_reminder_at, id);

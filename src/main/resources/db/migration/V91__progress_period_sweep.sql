-- The monthly progress report's period, the same way (escalation.EscalationSweep#openProgressPage): a task of
-- directive-task version 4 has no cycle timer of its own; the sweep opens the period of every open task whose
-- next_progress_at has come (by correlating ProgressPeriodOpened to its process instance), page by page, and moves
-- it to the next month's opening. Set when the task is loaded; cleared when the task closes. Left null for tasks
-- of versions 1 to 3, which open their periods by their own Timer_MonthlyProgress.
alter table dt_task add column next_progress_at timestamp;
create index ix_dt_task_next_progress on dt_task (next_progress_at, id);

-- The monthly report (reporting.MonthlyReportQueries) reads one issuer's tasks as they stood at a month
-- end: directives by issuer and business issue date, then each task's escalations up to a moment.
create index ix_dt_directive_issuer_issued on dt_directive (issuer, issued_on);
create index ix_dt_escalation_task_time on dt_escalation (task_id, escalated_at);
-- Progress reports of a period, looked up per task.
create index ix_dt_report_progress on dt_report (kind, period, task_id);

-- A task's notices, read by its audit timeline (audit.Timelines) and by retention: without this index every
-- timeline read scanned the whole outbox (35 ms a task at 30,000 open tasks, growing with the outbox).
create index ix_dt_notification_task on dt_notification (task_id, created_at);

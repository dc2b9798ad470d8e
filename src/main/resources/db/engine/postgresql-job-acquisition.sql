-- Indexes on Camunda's job table for the job executor's acquisition query (Job.xml, selectNextJobsToExecute),
-- applied by engine.EngineIndexes at every start on PostgreSQL, idempotently and without blocking writes.
-- Measured on a copy of the benchmark's ACT_RU_JOB at 46,637 jobs (docs/performance.md): the query's
-- "no other exclusive job of this process instance is running" check scanned the whole table at every
-- acquisition (26-66 ms, growing with the number of open tasks' timers); with the first index 0.13 ms.
-- The second lets an acquisition that finds nothing due read the due-date index instead of the table.
create index concurrently if not exists dt_idx_job_locked_exclusive on act_ru_job (process_instance_id_)
  where lock_owner_ is not null and exclusive_;
create index concurrently if not exists dt_idx_job_duedate on act_ru_job (duedate_);
-- The job table is a queue: every notice's delivery inserts a job and deletes it (null due date). Its dead rows
-- are found by the acquisition's bitmap scan of dt_idx_job_duedate until a vacuum removes them. In full run 8 of
-- the benchmark, on a server with autovacuum off: 208,435 dead rows at 100,000 open tasks, 121 ms an
-- acquisition, 26 ms on average over 31,132; after a VACUUM (1.4 s) 0.17 ms. With autovacuum on, the table is
-- vacuumed after every 2,000 dead rows, without the cost-based delay.
alter table act_ru_job set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
  autovacuum_vacuum_cost_delay = 0)

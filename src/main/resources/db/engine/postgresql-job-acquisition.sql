-- Indexes on Camunda's job table for the job executor's acquisition query (Job.xml, selectNextJobsToExecute),
-- applied by operations.EngineIndexes at every start on PostgreSQL, idempotently and without blocking writes.
-- Measured on a copy of the benchmark's ACT_RU_JOB at 46,637 jobs (docs/performance.md): the query's
-- "no other exclusive job of this process instance is running" check scanned the whole table at every
-- acquisition (26-66 ms, growing with the number of open tasks' timers); with the first index 0.13 ms.
-- The second lets an acquisition that finds nothing due read the due-date index instead of the table.
create index concurrently if not exists dt_idx_job_locked_exclusive on act_ru_job (process_instance_id_)
  where lock_owner_ is not null and exclusive_;
create index concurrently if not exists dt_idx_job_duedate on act_ru_job (duedate_);

-- Monthly progress reports (kind PROGRESS) belong to a reporting period, and say how far the task is.
alter table dt_report add column period varchar(7);
alter table dt_report add column progress_percent integer;
create index ix_dt_report_period on dt_report (kind, period);

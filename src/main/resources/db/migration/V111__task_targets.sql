-- A task's measurable target ("76/76 essential services", "over 90% of recipients paid without cash"):
-- what is measured, in which unit, from which baseline, to which value. Null measure: no target.
alter table dt_task add column target_measure varchar(200);
alter table dt_task add column target_unit varchar(64);
alter table dt_task add column target_baseline numeric(19, 4);
alter table dt_task add column target_value numeric(19, 4);
-- The value a progress or completion report says the task has reached, for a task with a target.
alter table dt_report add column value_reached numeric(19, 4);

-- A notice names units as it was written ("Bộ Thông tin và Truyền thông", "Vinh Phuc; Phu Tho"): the task keeps
-- the text beside the unit code it resolved to. A task fanned out from several leads keeps its conclusion's key.
alter table dt_task add column lead_unit_as_written varchar(4000);
alter table dt_task add column coordinating_units_as_written varchar(16000);
alter table dt_task add column conclusion_key varchar(64);
create index ix_dt_task_conclusion on dt_task (directive_id, conclusion_key);

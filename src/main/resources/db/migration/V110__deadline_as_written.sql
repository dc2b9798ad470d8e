-- The deadline as the notice wrote it ("quý I/2024", "trước Tết Nguyên đán 2025"): deadline holds the day
-- it means, this column the words, so readers see both where they differ. Null: no deadline was written
-- (none, or a number of working days).
alter table dt_task add column deadline_as_written varchar(200);

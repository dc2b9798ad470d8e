-- A deadline the issuer gave as "within N working days": deadline holds the computed day, this column
-- the N, so overdue days are counted in working days for such tasks. Null: the deadline was a date.
alter table dt_task add column deadline_working_days integer;

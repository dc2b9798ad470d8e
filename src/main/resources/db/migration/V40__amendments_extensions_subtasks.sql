-- Changes to a running task after it was issued. One row per changed field of one amendment (change_id
-- groups them): who, when, what, why, and the value before and after, as text. Extensions the issuer
-- approves are amendments too (source EXTENSION), so a task's deadline history is one query.
create table dt_amendment (
  id          varchar(36)   primary key,
  change_id   varchar(36)   not null,
  task_id     varchar(36)   not null references dt_task (id),
  field       varchar(32)   not null,
  old_value   varchar(2000),
  new_value   varchar(2000),
  reason      varchar(2000) not null,
  source      varchar(16)   not null,
  amended_by  varchar(64)   not null,
  amended_at  timestamp     not null
);
create index ix_dt_amendment_task on dt_amendment (task_id, amended_at);

-- A lead unit's request to extend its deadline and the issuer's decision. open_task_id holds the task id
-- while the request is PENDING and null afterwards: its unique constraint allows one open request per
-- task on H2 and PostgreSQL alike (both let any number of rows be null).
create table dt_extension (
  id                 varchar(36)   primary key,
  task_id            varchar(36)   not null references dt_task (id),
  open_task_id       varchar(36),
  unit               varchar(64)   not null,
  requested_by       varchar(64)   not null,
  requested_at       timestamp     not null,
  current_deadline   date          not null,
  requested_deadline date          not null,
  reason             varchar(2000) not null,
  state              varchar(16)   not null,
  decided_by         varchar(64),
  decided_at         timestamp,
  decision_comment   varchar(2000),
  constraint uq_dt_extension_open unique (open_task_id)
);
create index ix_dt_extension_task on dt_extension (task_id);

-- A directive a lead unit issued to split its task among its own sub-units: the task it splits.
alter table dt_directive add column parent_task_id varchar(36) references dt_task (id);
create index ix_dt_directive_parent on dt_directive (parent_task_id);

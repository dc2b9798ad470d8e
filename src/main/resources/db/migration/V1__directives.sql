-- Directive Tracker's own tables. Camunda keeps the process state (ACT_*); these keep the business
-- facts that reports and the API query by business dates, so they never load process variables.

create table dt_directive (
  id                  varchar(36)   primary key,
  issuer              varchar(64)   not null,
  reference           varchar(128)  not null,
  issued_on           date          not null,
  title               varchar(2000) not null,
  issuer_level        varchar(16)   not null,
  issued_by           varchar(64)   not null,
  issued_at           timestamp     not null,
  process_instance_id varchar(64),
  withdrawn_at        timestamp,
  withdrawn_by        varchar(64),
  withdrawn_reason    varchar(2000),
  constraint uq_dt_directive_reference unique (issuer, reference)
);

create table dt_task (
  id                  varchar(36)   primary key,
  directive_id        varchar(36)   not null references dt_directive (id),
  task_key            varchar(64)   not null,
  position            integer       not null,
  title               varchar(2000) not null,
  description         varchar(10000),
  domain              varchar(64)   not null,
  province            varchar(64),
  requested_lead_unit varchar(64),
  lead_unit           varchar(64),
  lead_decided_by     varchar(16),
  coordinating_units  varchar(2000) not null,
  deadline            date,
  key_task            boolean       not null,
  expected_result     varchar(4000),
  state               varchar(16)   not null,
  completed_on        date,
  closed_at           timestamp,
  escalation_level    integer       not null,
  last_escalated_at   timestamp,
  process_instance_id varchar(64),
  constraint uq_dt_task_key unique (directive_id, task_key)
);
create index ix_dt_task_lead_state on dt_task (lead_unit, state);
create index ix_dt_task_directive on dt_task (directive_id);

create table dt_report (
  id               varchar(36)    primary key,
  task_id          varchar(36)    not null references dt_task (id),
  kind             varchar(16)    not null,
  unit             varchar(64)    not null,
  submitted_by     varchar(64),
  submitted_at     timestamp      not null,
  result           varchar(10000),
  completion_date  date,
  outcome          varchar(16),
  review_comment   varchar(4000),
  reviewed_by      varchar(64),
  reviewed_at      timestamp
);
create index ix_dt_report_task on dt_report (task_id);

create table dt_escalation (
  id            varchar(36)  primary key,
  task_id       varchar(36)  not null references dt_task (id),
  level         integer      not null,
  days_overdue  integer      not null,
  audience      varchar(16)  not null,
  escalated_at  timestamp    not null
);
create index ix_dt_escalation_task on dt_escalation (task_id);
create index ix_dt_escalation_time on dt_escalation (escalated_at);

-- The outbox: a notification is written in the transaction of the step that causes it and delivered
-- by a Camunda job with retries. The idempotency key makes a repeated step notify only once.
create table dt_notification (
  id               varchar(36)    primary key,
  idempotency_key  varchar(200)   not null,
  event            varchar(32)    not null,
  task_id          varchar(36),
  recipient_groups varchar(4000)  not null,
  recipient_addresses varchar(8000),
  subject          varchar(1000)  not null,
  body             varchar(20000) not null,
  status           varchar(16)    not null,
  created_at       timestamp      not null,
  sent_at          timestamp,
  constraint uq_dt_notification_key unique (idempotency_key)
);
create index ix_dt_notification_status on dt_notification (status);

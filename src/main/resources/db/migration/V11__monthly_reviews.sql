-- The monthly review (process monthly-review): one run a month, one review per issuer and reviewed month.
create table dt_review_run (
  run_month           varchar(7)    primary key,
  reviewed_month      varchar(7)    not null,
  started_at          timestamp     not null,
  process_instance_id varchar(64)
);

create table dt_review (
  id                  varchar(36)   primary key,
  issuer              varchar(64)   not null,
  period              varchar(7)    not null,
  report_json         text          not null,
  created_at          timestamp     not null,
  process_instance_id varchar(64),
  conclusions         varchar(10000),
  issue_follow_up     boolean,
  held_by             varchar(64),
  held_at             timestamp,
  follow_up_json      text,
  constraint uq_dt_review_issuer_period unique (issuer, period)
);

-- Escalation notices are bundled: every escalation still writes its own outbox row (the record of what was
-- due to whom), but a unit gets one mail per window listing all its tasks escalated in it, delivered by one
-- job per bundle instead of one job and one mail per task. See notification.NoticeBundles.
create table dt_notice_bundle (
  id               varchar(36)   primary key,
  bundle_key       varchar(300)  not null,
  recipient_group  varchar(64)   not null,
  state            varchar(16)   not null,
  created_at       timestamp     not null,
  due_at           timestamp     not null,
  sent_at          timestamp,
  constraint uq_dt_notice_bundle_key unique (bundle_key)
);
alter table dt_notification add column bundle_id varchar(36);
alter table dt_notification add constraint fk_dt_notification_bundle foreign key (bundle_id) references dt_notice_bundle (id);
create index ix_dt_notification_bundle on dt_notification (bundle_id);

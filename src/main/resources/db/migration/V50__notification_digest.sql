-- Daily digest: an officer who chose it (Camunda user info notification.digest=true) gets no mail per event;
-- each notice meant for them is kept here and goes out in one mail a day (process notification-digest).
create table dt_digest_entry (
  notification_id  varchar(36)   not null references dt_notification (id),
  user_id          varchar(64)   not null,
  email            varchar(320)  not null,
  created_at       timestamp     not null,
  sent_at          timestamp,
  constraint pk_dt_digest_entry primary key (notification_id, user_id)
);
create index ix_dt_digest_pending on dt_digest_entry (user_id, sent_at);

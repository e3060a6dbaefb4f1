-- The audit log of the writes (and refused calls) this service served (issue: security and tenancy, item 7).
create table audit_event (
    id              bigserial primary key,
    at              timestamptz not null default clock_timestamp(),
    subject         text        not null,
    subscription_id text,
    operation       text,
    resource_id     text,
    method          text        not null,
    result          text        not null,
    request_id      text
);

create index audit_event_at_idx on audit_event (at desc, id desc);
create index audit_event_subscription_idx on audit_event (subscription_id, at desc);

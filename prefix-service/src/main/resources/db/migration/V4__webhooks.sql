-- Webhooks (ARM-API.md extensions): a subscription's endpoints, and the outbox / delivery log of their events.
create table webhook (
    id              bigserial primary key,
    subscription_id text        not null,
    name            text        not null,
    name_key        text        not null,
    url             text        not null,
    -- AES-256-GCM sealed (SecretBox), bound to the subscription and name; never returned
    secret_sealed   text        not null,
    -- empty: every event type / level
    event_types     text[]      not null default '{}',
    event_levels    text[]      not null default '{}',
    version         bigint      not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint webhook_name_uq unique (subscription_id, name_key)
);

-- One row per event and webhook, written in the transaction that stores the event (at least once): Pending until a
-- 2xx answer (Succeeded) or until the attempts run out (Failed).
create table webhook_delivery (
    id               bigserial primary key,
    webhook_id       bigint      not null references webhook (id) on delete cascade,
    event_id         uuid        not null,
    event_type       text        not null,
    event_level      text        not null,
    payload          text        not null,
    status           text        not null default 'Pending',
    attempts         integer     not null default 0,
    created_at       timestamptz not null default now(),
    next_attempt_at  timestamptz not null default now(),
    -- a dispatcher owns a claimed delivery until then (a crashed one's claims expire)
    claimed_until    timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    delivered_at     timestamptz,
    constraint webhook_delivery_status_ck check (status in ('Pending', 'Succeeded', 'Failed'))
);

create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where status = 'Pending';
create index webhook_delivery_log_ix on webhook_delivery (webhook_id, id desc);
create index webhook_delivery_finished_ix on webhook_delivery (created_at) where status <> 'Pending';

-- Watched prefixes (owned by their setter, e.g. prefix-service), the durable change log the stream serves from,
-- and anomalies with the updates that caused them (DOMAIN.md §4; ARCHITECTURE.md: persisted synchronously).
create table watched_prefix (
    owner     text  not null,
    prefix    cidr  not null,
    -- the WatchedPrefix message as JSON (origins, sessions, allowed downstream)
    spec      jsonb not null,
    primary key (owner, prefix)
);

create table route_change (
    sequence       bigint      primary key,
    at             timestamptz not null,
    watched_prefix cidr        not null,
    event_type     text        not null,
    event_level    text        not null,
    summary        text        not null,
    description    text        not null,
    route_prefix   cidr,
    router         text,
    peer_address   inet,
    as_path        text,
    origin_asn     bigint,
    anomaly_id     bigint,
    anomaly_type   text
);

create table anomaly (
    id             bigint      primary key,
    type           text        not null,
    level          text        not null,
    watched_prefix cidr        not null,
    route_prefix   cidr        not null,
    router         text        not null,
    peer_address   inet        not null,
    started_at     timestamptz not null,
    ended_at       timestamptz,
    description    text        not null,
    updates        jsonb       not null default '[]'::jsonb
);
create index anomaly_session_idx on anomaly (router, peer_address, started_at desc);
create index anomaly_active_idx on anomaly (ended_at) where ended_at is null;

-- Latency reporting (DOMAIN.md §6): mergeable HdrHistograms (microseconds, 2 significant digits, V2 encoding) per
-- (reported prefix, edge location) and minute, hour and day. A period may hold several partial rows (a flush, a
-- late sample): readers merge them. Minute rows are partitioned by day, hour rows by month (partitions are made
-- ahead and dropped past the retention by telemetry-service's maintenance); day rows are kept forever by default.
create table latency_minute (
    prefix    cidr        not null,
    location  text        not null,
    minute    timestamptz not null,
    samples   bigint      not null,
    losses    bigint      not null,
    histogram bytea       not null
) partition by range (minute);
create table latency_minute_default partition of latency_minute default;
create index latency_minute_prefix_ix on latency_minute (prefix, minute);

create table latency_hour (
    prefix    cidr        not null,
    location  text        not null,
    hour      timestamptz not null,
    samples   bigint      not null,
    losses    bigint      not null,
    histogram bytea       not null
) partition by range (hour);
create table latency_hour_default partition of latency_hour default;
create index latency_hour_prefix_ix on latency_hour (prefix, hour);

create table latency_day (
    prefix    cidr        not null,
    location  text        not null,
    day       timestamptz not null,
    samples   bigint      not null,
    losses    bigint      not null,
    histogram bytea       not null
);
create index latency_day_prefix_ix on latency_day (prefix, day);

-- how far minute rows have been rolled up into hours ('hour') and hours into days ('day'): periods before
-- "upto" are complete in the coarser table (late samples for them are written to it directly)
create table latency_rollup (
    kind text primary key check (kind in ('hour', 'day')),
    upto timestamptz not null
);

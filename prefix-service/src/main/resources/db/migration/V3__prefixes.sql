-- Prefix registration (DOMAIN.md §2), customer prefixes with their validation (§3) and events (§4).
-- Names are ARM names: stored as given, compared case-insensitively through the *_key columns.

create table registered_asn (
    id                 bigserial primary key,
    subscription_id    text        not null,
    resource_group     text        not null,
    resource_group_key text        not null,
    peering_name       text        not null,
    peering_key        text        not null,
    name               text        not null,
    name_key           text        not null,
    asn                bigint      not null check (asn between 1 and 4294967295),
    -- the partner (provider) the registration belongs to, as partner-service knew it at registration
    peer_asn           bigint      not null,
    peer_name          text,
    prefix_key         uuid        not null unique,
    version            bigint      not null,
    created_at         timestamptz not null default now(),
    constraint registered_asn_name_uq unique (subscription_id, resource_group_key, peering_key, name_key),
    -- an ASN can be registered once
    constraint registered_asn_asn_uq unique (asn)
);

create table registered_prefix (
    id                 bigserial primary key,
    subscription_id    text        not null,
    resource_group     text        not null,
    resource_group_key text        not null,
    peering_name       text        not null,
    peering_key        text        not null,
    name               text        not null,
    name_key           text        not null,
    prefix             cidr        not null,
    peer_asn           bigint      not null,
    peer_name          text,
    prefix_key         uuid        not null unique,
    validation_state   text        not null default 'Pending',
    error_message      text,
    validated_at       timestamptz,
    version            bigint      not null,
    created_at         timestamptz not null default now(),
    constraint registered_prefix_name_uq unique (subscription_id, resource_group_key, peering_key, name_key),
    -- a prefix can be registered under one peering only
    constraint registered_prefix_prefix_uq unique (prefix)
);

create index registered_prefix_cover_ix on registered_prefix using gist (prefix inet_ops);

alter table peering_service add column resource_group_key text;
update peering_service set resource_group_key = lower(resource_group);
alter table peering_service alter column resource_group_key set not null;
alter table peering_service add column name_key text;
update peering_service set name_key = lower(name);
alter table peering_service alter column name_key set not null;
alter table peering_service add constraint peering_service_key_uq unique (subscription_id, resource_group_key, name_key);

create table customer_prefix (
    id                 bigserial primary key,
    peering_service_id bigint      not null references peering_service (id),
    name               text        not null,
    name_key           text        not null,
    prefix             cidr        not null,
    prefix_key         uuid        not null,
    -- the allow-list of origins besides the registered ASN and the IRR route objects
    allowed_origins    bigint[]    not null default '{}',
    validation_state   text        not null default 'Pending',
    learned_type       text        not null default 'None',
    error_message      text,
    validated_at       timestamptz,
    version            bigint      not null,
    created_at         timestamptz not null default now(),
    constraint customer_prefix_name_uq unique (peering_service_id, name_key),
    -- activated customer prefixes never overlap (DOMAIN.md §2), across every subscription
    constraint customer_prefix_overlap_ex exclude using gist (prefix inet_ops with &&)
);

create index customer_prefix_key_ix on customer_prefix (prefix_key);

create table prefix_event (
    id                 bigserial primary key,
    customer_prefix_id bigint      not null references customer_prefix (id) on delete cascade,
    at                 timestamptz not null,
    event_type         text        not null,
    event_level        text        not null,
    summary            text        not null,
    description        text        not null default '',
    -- the sequence number of telemetry-service's change that caused it (null for validation state changes)
    change_sequence    bigint,
    constraint prefix_event_change_uq unique (customer_prefix_id, change_sequence)
);

create index prefix_event_prefix_ix on prefix_event (customer_prefix_id, at desc, id desc);

-- how far telemetry-service's change stream has been consumed
create table change_cursor (
    owner         text primary key,
    last_sequence bigint      not null,
    updated_at    timestamptz not null default now()
);

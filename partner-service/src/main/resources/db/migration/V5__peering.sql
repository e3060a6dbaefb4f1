-- Peerings (Direct and Exchange) and their connections with BGP session data (DOMAIN.md §1).
create table peering (
    id                  bigserial primary key,
    subscription_id     text        not null,
    resource_group      text        not null,
    -- lower(resource_group): ARM resource groups are case-insensitive
    resource_group_key  text        not null,
    name                text        not null,
    kind                text        not null check (kind in ('Direct', 'Exchange')),
    sku_name            text        not null,
    location            text        not null,
    peering_location    text        not null references peering_location (name) on update cascade,
    -- a peer ASN with peerings cannot be deleted
    peer_asn_id         bigint      not null references peer_asn (id),
    direct_peering_type text,
    tags                jsonb       not null default '{}'::jsonb,
    version             bigint      not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint peering_name_uq unique (subscription_id, resource_group_key, name)
);
create index peering_peer_asn_idx on peering (peer_asn_id);

create table peering_connection (
    peering_id                    bigint  not null references peering (id) on delete cascade,
    position                      int     not null,
    connection_identifier         text    not null unique,
    bandwidth_in_mbps             integer,
    provisioned_bandwidth_in_mbps integer not null default 0,
    session_address_provider      text,
    use_for_peering_service       boolean not null default false,
    microsoft_tracking_id         text    not null,
    peeringdb_facility_id         integer not null,
    connection_state              text    not null,
    error_message                 text,
    router_name                   text references router (name) on update cascade,
    session_prefix_v4             cidr,
    session_prefix_v6             cidr,
    microsoft_ipv4_address        inet,
    microsoft_ipv6_address        inet,
    peer_ipv4_address             inet,
    peer_ipv6_address             inet,
    session_state_v4              text,
    session_state_v6              text,
    max_prefixes_v4               integer check (max_prefixes_v4 >= 0),
    max_prefixes_v6               integer check (max_prefixes_v6 >= 0),
    -- AES-256-GCM ciphertext (SecretBox, "keyId:nonce+ciphertext"); never the plain key
    md5_key_encrypted             text,
    primary key (peering_id, position)
);
-- Addresses the operator allocated are never handed out twice.
create unique index peering_connection_alloc_v4 on peering_connection (session_prefix_v4)
    where session_address_provider = 'Microsoft';
create unique index peering_connection_alloc_v6 on peering_connection (session_prefix_v6)
    where session_address_provider = 'Microsoft';
create index peering_connection_peer_v4 on peering_connection (peer_ipv4_address);
create index peering_connection_peer_v6 on peering_connection (peer_ipv6_address);
create index peering_connection_router on peering_connection (router_name);

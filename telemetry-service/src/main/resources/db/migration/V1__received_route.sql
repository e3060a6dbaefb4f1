-- Routes received per session (pre-policy Adj-RIB-In), persisted in batches for warm restarts (ARCHITECTURE.md).
create table received_route (
    router        text        not null,
    peer_address  inet        not null,
    peer_asn      bigint      not null,
    prefix        cidr        not null,
    path_id       bigint      not null default 0,
    next_hop      inet,
    as_path       text        not null,
    origin_asn    bigint,
    communities   text[]      not null default '{}',
    received_at   timestamptz not null,
    primary key (router, peer_address, prefix, path_id)
);

create index received_route_prefix_gist on received_route using gist (prefix inet_ops);

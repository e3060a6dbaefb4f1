-- The catalogue (DOMAIN.md §1): the operator's peering locations with their facilities, bandwidth offers,
-- exchange facilities, routers and CDN prefixes, and the customer geography of Peering Service.
-- The seed data comes in the next migration; the operator manages all of it through /operator/v1/.

-- A metro where the operator peers. Names are unique ignoring case (ARM paths are case-insensitive).
create table peering_location (
    name          text primary key,
    country       text             not null,
    -- the operator's nearest cloud region, e.g. 'West Europe'
    azure_region  text             not null,
    latitude      double precision not null check (latitude between -90 and 90),
    longitude     double precision not null check (longitude between -180 and 180),
    version       bigint           not null default 1
);
create unique index peering_location_name_ci on peering_location (lower(name));

-- A building where Direct peerings are made. peeringdb_facility_id is null unless a public source names it.
create table direct_facility (
    id                    bigserial primary key,
    location_name         text not null references peering_location (name) on update cascade on delete cascade,
    peeringdb_facility_id integer check (peeringdb_facility_id > 0),
    name                  text not null,
    address               text not null,
    -- Edge, Transit, Cdn, Internal, Ix, IxRs, Voice, EdgeZoneForOperators, PeerProp
    direct_peering_type   text not null default 'Edge',
    -- where the id was found (URL or repository path); required with an id
    source                text,
    constraint direct_facility_sourced_ck check (peeringdb_facility_id is null or source is not null),
    constraint direct_facility_uq unique (location_name, peeringdb_facility_id, direct_peering_type)
);

-- The port speeds the operator offers for Direct peering at a location.
create table bandwidth_offer (
    location_name text    not null references peering_location (name) on update cascade on delete cascade,
    offer_name    text    not null,
    value_in_mbps integer not null check (value_in_mbps > 0),
    primary key (location_name, value_in_mbps)
);

-- An internet exchange at a location. peeringdb_facility_id is the exchange's PeeringDB id (null unless sourced).
create table exchange_facility (
    id                     bigserial primary key,
    location_name          text    not null references peering_location (name) on update cascade on delete cascade,
    peeringdb_facility_id  integer check (peeringdb_facility_id > 0),
    exchange_name          text    not null,
    bandwidth_in_mbps      integer not null check (bandwidth_in_mbps > 0),
    -- the operator's own addresses on the exchange LAN (operator data: null in the seed)
    microsoft_ipv4_address inet,
    microsoft_ipv6_address inet,
    -- the exchange's peering LAN
    facility_ipv4_prefix   cidr,
    facility_ipv6_prefix   cidr,
    source                 text,
    constraint exchange_facility_sourced_ck check (peeringdb_facility_id is null or source is not null),
    constraint exchange_facility_uq unique (location_name, exchange_name)
);

-- The operator's routers; connections are assigned to one, redundancy is judged by them, and telemetry
-- attributes BMP feeds to them by sys_name.
create table router (
    name                  text primary key,
    location_name         text    not null references peering_location (name) on update cascade,
    peeringdb_facility_id integer not null,
    bgp_identifier        inet    not null,
    sys_name              text    not null,
    version               bigint  not null default 1,
    constraint router_sys_name_uq unique (sys_name)
);
create unique index router_name_ci on router (lower(name));

-- Prefixes of the operator's CDN announced at a location (cdnPeeringPrefixes).
create table cdn_peering_prefix (
    location_name     text    not null references peering_location (name) on update cascade on delete cascade,
    prefix            cidr    not null,
    azure_region      text    not null,
    azure_service     text    not null,
    is_primary_region boolean not null default false,
    bgp_community     text    not null,
    primary key (location_name, prefix)
);

-- Customer geography of Peering Service: a state or province (unique name, ignoring case), its country,
-- nearest region and a representative point used for the 1000-mile availability rule.
create table service_location (
    state         text             not null,
    country       text             not null,
    azure_region  text             not null,
    latitude      double precision not null check (latitude between -90 and 90),
    longitude     double precision not null check (longitude between -180 and 180),
    primary key (country, state)
);
create unique index service_location_state_ci on service_location (lower(state));

-- Which version of the seed data set the catalogue started from.
create table catalogue_seed (
    version    text        primary key,
    loaded_at  timestamptz not null default now()
);

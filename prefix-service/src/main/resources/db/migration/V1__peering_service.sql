-- Customer peering services (DOMAIN.md §2). Prefixes, registered prefixes/ASNs and events follow with the prefix work.
create table peering_service (
    id                                bigserial primary key,
    subscription_id                   text        not null,
    resource_group                    text        not null,
    name                              text        not null,
    location                          text        not null,
    sku_name                          text,
    peering_service_location          text,
    peering_service_provider          text,
    provider_primary_peering_location text,
    provider_backup_peering_location  text,
    version                           bigint      not null,
    created_at                        timestamptz not null default now(),
    updated_at                        timestamptz not null default now(),
    constraint peering_service_name_uq unique (subscription_id, resource_group, name)
);

create table peering_service_tag (
    peering_service_id bigint not null references peering_service (id) on delete cascade,
    tag_key            text   not null,
    tag_value          text   not null,
    primary key (peering_service_id, tag_key)
);

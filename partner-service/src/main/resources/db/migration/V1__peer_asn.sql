-- Peer ASN registrations (DOMAIN.md §1). One subscription per ASN.
create table peer_asn (
    id               bigserial primary key,
    subscription_id  text        not null,
    name             text        not null,
    peer_asn         bigint      not null,
    peer_name        text        not null,
    validation_state text        not null,
    error_message    text,
    version          bigint      not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint peer_asn_name_uq unique (subscription_id, name),
    constraint peer_asn_asn_uq unique (peer_asn),
    constraint peer_asn_range_ck check (peer_asn between 1 and 4294967295),
    constraint peer_asn_state_ck check (validation_state in ('None', 'Pending', 'Approved', 'Failed'))
);

create table peer_asn_contact (
    peer_asn_id bigint not null references peer_asn (id) on delete cascade,
    position    int    not null,
    role        text   not null,
    email       text   not null,
    phone       text,
    primary key (peer_asn_id, position)
);

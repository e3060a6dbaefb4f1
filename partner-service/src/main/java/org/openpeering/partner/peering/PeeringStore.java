package org.openpeering.partner.peering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.Peering;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rows of {@code peering} and {@code peering_connection}, read and written inside the caller's transaction. */
final class PeeringStore {

    /** A stored peering with its row id and the sealed MD5 keys of its connections (by identifier). */
    record Stored(long id, Peering peering, Map<String, String> sealedKeys) {
    }

    private static final String PEERING_COLUMNS = "p.id, p.subscription_id, p.resource_group, p.name, p.kind,"
            + " p.sku_name, p.location, p.peering_location, p.direct_peering_type, p.tags, p.version,"
            + " a.name as peer_asn_name, a.peer_asn";
    private static final String CONNECTION_COLUMNS = "c.peering_id, c.connection_identifier, c.bandwidth_in_mbps,"
            + " c.provisioned_bandwidth_in_mbps, c.session_address_provider, c.use_for_peering_service,"
            + " c.microsoft_tracking_id, c.peeringdb_facility_id, c.connection_state, c.error_message, c.router_name,"
            + " c.session_prefix_v4::text as pfx4, c.session_prefix_v6::text as pfx6,"
            + " host(c.microsoft_ipv4_address) as ms4, host(c.microsoft_ipv6_address) as ms6,"
            + " host(c.peer_ipv4_address) as peer4, host(c.peer_ipv6_address) as peer6, c.session_state_v4,"
            + " c.session_state_v6, c.max_prefixes_v4, c.max_prefixes_v6, c.md5_key_encrypted";

    private PeeringStore() {
    }

    static Uni<Stored> find(SqlClient client, String subscriptionId, String resourceGroup, String name, boolean lock) {
        return client.preparedQuery("select " + PEERING_COLUMNS + " from peering p join peer_asn a on a.id = p.peer_asn_id"
                + " where p.subscription_id = $1 and p.resource_group_key = $2 and lower(p.name) = lower($3)"
                + (lock ? " for update of p" : "")).execute(Tuple.of(subscriptionId, key(resourceGroup), name))
                .chain(rows -> withConnections(client, rows))
                .map(list -> list.isEmpty() ? null : list.get(0));
    }

    /** A page in (resource group, name) order after the position, with optional legacy-view filters. */
    static Uni<List<Stored>> page(SqlClient client, String subscriptionId, String resourceGroup, String after, int limit,
            String peeringLocation, String kind, long asn, String directPeeringType) {
        String[] position = after == null ? new String[] { "", "" } : after.split("\n", 2);
        List<Object> args = new ArrayList<>(List.of(subscriptionId, position[0], position.length > 1 ? position[1] : ""));
        StringBuilder where = new StringBuilder("p.subscription_id = $1 and (p.resource_group_key, p.name) > ($2, $3)");
        if (resourceGroup != null && !resourceGroup.isEmpty()) {
            args.add(key(resourceGroup));
            where.append(" and p.resource_group_key = $").append(args.size());
        }
        if (peeringLocation != null && !peeringLocation.isEmpty()) {
            args.add(peeringLocation);
            where.append(" and lower(p.peering_location) = lower($").append(args.size()).append(')');
        }
        if (kind != null && !kind.isEmpty()) {
            args.add(kind);
            where.append(" and lower(p.kind) = lower($").append(args.size()).append(')');
        }
        if (asn > 0) {
            args.add(asn);
            where.append(" and a.peer_asn = $").append(args.size());
        }
        if (directPeeringType != null && !directPeeringType.isEmpty()) {
            args.add(directPeeringType);
            where.append(" and lower(p.direct_peering_type) = lower($").append(args.size()).append(')');
        }
        args.add(limit);
        return client.preparedQuery("select " + PEERING_COLUMNS + " from peering p join peer_asn a on a.id = p.peer_asn_id"
                + " where " + where + " order by p.resource_group_key, p.name limit $" + args.size())
                .execute(Tuple.from(args)).chain(rows -> withConnections(client, rows));
    }

    /** Every peering of the given peer ASN rows (for readiness and the provider directory). */
    static Uni<List<Stored>> ofPeerAsns(SqlClient client, Long[] peerAsnIds) {
        return client.preparedQuery("select " + PEERING_COLUMNS + " from peering p join peer_asn a on a.id = p.peer_asn_id"
                + " where p.peer_asn_id = any($1) order by p.peering_location, p.name").execute(Tuple.of((Object) peerAsnIds))
                .chain(rows -> withConnections(client, rows));
    }

    static String position(Peering p) {
        return key(p.getResourceGroup()) + "\n" + p.getName();
    }

    private static Uni<List<Stored>> withConnections(SqlClient client, RowSet<Row> rows) {
        Map<Long, Peering.Builder> byId = new LinkedHashMap<>();
        Map<Long, Map<String, String>> keys = new HashMap<>();
        for (Row r : rows) {
            Peering.Builder b = Peering.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                    .setResourceGroup(r.getString("resource_group")).setName(r.getString("name"))
                    .setKind(r.getString("kind")).setSkuName(r.getString("sku_name")).setLocation(r.getString("location"))
                    .setPeeringLocation(r.getString("peering_location"))
                    .setDirectPeeringType(nz(r.getString("direct_peering_type"))).setVersion(r.getLong("version"))
                    .setPeerAsnName(r.getString("peer_asn_name")).setPeerAsn(r.getLong("peer_asn"));
            JsonObject tags = (JsonObject) r.getValue("tags");
            if (tags != null) {
                tags.forEach(e -> b.putTags(e.getKey(), String.valueOf(e.getValue())));
            }
            byId.put(r.getLong("id"), b);
            keys.put(r.getLong("id"), new HashMap<>());
        }
        if (byId.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery("select " + CONNECTION_COLUMNS + " from peering_connection c"
                + " where c.peering_id = any($1) order by c.peering_id, c.position")
                .execute(Tuple.of((Object) byId.keySet().toArray(Long[]::new))).map(cs -> {
                    for (Row c : cs) {
                        long peeringId = c.getLong("peering_id");
                        Peering.Builder p = byId.get(peeringId);
                        p.addConnections(toConnection(c));
                        if (c.getString("md5_key_encrypted") != null) {
                            keys.get(peeringId).put(c.getString("connection_identifier"), c.getString("md5_key_encrypted"));
                        }
                    }
                    List<Stored> out = new ArrayList<>();
                    byId.forEach((id, p) -> {
                        p.setUseForPeeringService(p.getConnectionsList().stream().anyMatch(Connection::getUseForPeeringService));
                        out.add(new Stored(id, p.build(), keys.get(id)));
                    });
                    return out;
                });
    }

    private static Connection toConnection(Row c) {
        BgpSession.Builder s = BgpSession.newBuilder().setSessionPrefixV4(nz(c.getString("pfx4")))
                .setSessionPrefixV6(nz(c.getString("pfx6"))).setMicrosoftSessionIpv4Address(nz(c.getString("ms4")))
                .setMicrosoftSessionIpv6Address(nz(c.getString("ms6"))).setPeerSessionIpv4Address(nz(c.getString("peer4")))
                .setPeerSessionIpv6Address(nz(c.getString("peer6"))).setSessionStateV4(nz(c.getString("session_state_v4")))
                .setSessionStateV6(nz(c.getString("session_state_v6")));
        if (c.getInteger("max_prefixes_v4") != null) {
            s.setMaxPrefixesAdvertisedV4(c.getInteger("max_prefixes_v4"));
        }
        if (c.getInteger("max_prefixes_v6") != null) {
            s.setMaxPrefixesAdvertisedV6(c.getInteger("max_prefixes_v6"));
        }
        Connection.Builder b = Connection.newBuilder().setConnectionIdentifier(c.getString("connection_identifier"))
                .setProvisionedBandwidthInMbps(c.getInteger("provisioned_bandwidth_in_mbps"))
                .setSessionAddressProvider(nz(c.getString("session_address_provider")))
                .setUseForPeeringService(c.getBoolean("use_for_peering_service"))
                .setMicrosoftTrackingId(c.getString("microsoft_tracking_id"))
                .setPeeringDbFacilityId(c.getInteger("peeringdb_facility_id"))
                .setConnectionState(c.getString("connection_state")).setErrorMessage(nz(c.getString("error_message")))
                .setRouterName(nz(c.getString("router_name"))).setBgpSession(s).setHasBgpSession(true);
        if (c.getInteger("bandwidth_in_mbps") != null) {
            b.setBandwidthInMbps(c.getInteger("bandwidth_in_mbps"));
        }
        return b.build();
    }

    /** Inserts or updates the peering row; returns its id. */
    static Uni<Long> save(SqlClient tx, Stored existing, Peering p, long peerAsnId) {
        JsonObject tags = new JsonObject();
        p.getTagsMap().forEach(tags::put);
        if (existing == null) {
            return tx.preparedQuery("insert into peering (subscription_id, resource_group, resource_group_key, name, kind,"
                    + " sku_name, location, peering_location, peer_asn_id, direct_peering_type, tags, version)"
                    + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) returning id")
                    .execute(Tuple.from(new Object[] { p.getSubscriptionId(), p.getResourceGroup(),
                            key(p.getResourceGroup()), p.getName(), p.getKind(), p.getSkuName(), p.getLocation(),
                            p.getPeeringLocation(), peerAsnId, p.getDirectPeeringType().isEmpty() ? null
                                    : p.getDirectPeeringType(), tags }))
                    .map(rows -> rows.iterator().next().getLong("id"));
        }
        return tx.preparedQuery("update peering set sku_name = $2, tags = $3, version = version + 1, updated_at = now()"
                + " where id = $1").execute(Tuple.of(existing.id(), p.getSkuName(), tags)).replaceWith(existing.id());
    }

    /** Replaces the connection rows of a peering; {@code sealed} maps identifiers to their sealed MD5 key. */
    static Uni<Void> replaceConnections(SqlClient tx, long peeringId, Peering p, Map<String, String> sealed) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < p.getConnectionsCount(); i++) {
            Connection c = p.getConnections(i);
            BgpSession s = c.getBgpSession();
            rows.add(Tuple.from(new Object[] { peeringId, i, c.getConnectionIdentifier(),
                    c.hasBandwidthInMbps() ? c.getBandwidthInMbps() : null, c.getProvisionedBandwidthInMbps(),
                    ne(c.getSessionAddressProvider()), c.getUseForPeeringService(), c.getMicrosoftTrackingId(),
                    c.getPeeringDbFacilityId(), c.getConnectionState(), ne(c.getErrorMessage()), ne(c.getRouterName()),
                    ne(s.getSessionPrefixV4()), ne(s.getSessionPrefixV6()), ne(s.getMicrosoftSessionIpv4Address()),
                    ne(s.getMicrosoftSessionIpv6Address()), ne(s.getPeerSessionIpv4Address()),
                    ne(s.getPeerSessionIpv6Address()), ne(s.getSessionStateV4()), ne(s.getSessionStateV6()),
                    s.hasMaxPrefixesAdvertisedV4() ? s.getMaxPrefixesAdvertisedV4() : null,
                    s.hasMaxPrefixesAdvertisedV6() ? s.getMaxPrefixesAdvertisedV6() : null,
                    sealed.get(c.getConnectionIdentifier()) }));
        }
        return tx.preparedQuery("delete from peering_connection where peering_id = $1").execute(Tuple.of(peeringId))
                .chain(() -> tx.preparedQuery("insert into peering_connection (peering_id, position, connection_identifier,"
                        + " bandwidth_in_mbps, provisioned_bandwidth_in_mbps, session_address_provider,"
                        + " use_for_peering_service, microsoft_tracking_id, peeringdb_facility_id, connection_state,"
                        + " error_message, router_name, session_prefix_v4, session_prefix_v6, microsoft_ipv4_address,"
                        + " microsoft_ipv6_address, peer_ipv4_address, peer_ipv6_address, session_state_v4,"
                        + " session_state_v6, max_prefixes_v4, max_prefixes_v6, md5_key_encrypted) values ($1, $2, $3,"
                        + " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::cidr, $14::text::cidr, $15::text::inet,"
                        + " $16::text::inet, $17::text::inet, $18::text::inet, $19, $20, $21, $22, $23)")
                        .executeBatch(rows))
                .replaceWithVoid();
    }

    static String key(String resourceGroup) {
        return resourceGroup.toLowerCase(Locale.ROOT);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String ne(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

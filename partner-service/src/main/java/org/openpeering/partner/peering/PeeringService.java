package org.openpeering.partner.peering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.common.SecretBox;
import org.openpeering.partner.PartnerConfig;
import org.openpeering.partner.catalogue.Addresses;
import org.openpeering.partner.catalogue.CatalogueService;
import org.openpeering.partner.catalogue.Preconditions;
import org.openpeering.partner.catalogue.PutResult;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Peerings: every write runs in one transaction under one advisory lock, so that address allocation and the
 * "session IP of another ASN" rule cannot race between two partners.
 */
@ApplicationScoped
public class PeeringService {

    /** Serialises peering writes (allocation and cross-peering address checks). */
    private static final long WRITE_LOCK = 0x0b9e_7072_5045_4552L;

    /** A page and the position after which the next one starts (null on the last page). */
    public record Page(List<Peering> items, String nextAfter) {
    }

    private final Pool pool;
    private final PeeringConfig config;
    private final SecretBox secrets;
    private final AddressPool poolV4;
    private final AddressPool poolV6;

    public PeeringService(Pool pool, PeeringConfig config, PartnerConfig partner) {
        this.pool = pool;
        this.config = config;
        this.secrets = SecretBox.fromKeyRing(partner.secretKeys());
        this.poolV4 = new AddressPool(partner.sessionPoolV4());
        this.poolV6 = partner.sessionPoolV6().filter(s -> !s.isBlank()).map(AddressPool::new).orElse(null);
    }

    public Uni<PutResult<Peering>> put(Peering in, Precondition precondition, boolean peerAsnForeign) {
        return pool.withTransaction(tx -> lock(tx)
                .chain(() -> PeeringStore.find(tx, in.getSubscriptionId(), in.getResourceGroup(), in.getName(), true))
                .chain(existing -> {
                    Preconditions.check(precondition, existing == null ? null : existing.peering().getVersion());
                    return peerAsn(tx, in.getSubscriptionId(), peerAsnForeign ? null : in.getPeerAsnName())
                            .chain(asn -> CatalogueService.getLocation(tx, in.getPeeringLocation()).chain(location -> {
                                Peering.Builder named = in.toBuilder();
                                if (existing != null) {
                                    named.setName(existing.peering().getName())
                                            .setResourceGroup(existing.peering().getResourceGroup());
                                }
                                Peering checked = PeeringRules.apply(named.build(),
                                        existing == null ? null : existing.peering(), location,
                                        asn == null ? null : asn.ref());
                                return allocate(tx, checked)
                                        .call(p -> checkAddresses(tx, p, asn.ref().asn()))
                                        .call(p -> checkIdentifiers(tx, p, existing))
                                        .chain(p -> write(tx, existing, p, asn.id()));
                            }));
                })
                .chain(created -> PeeringStore.find(tx, in.getSubscriptionId(), in.getResourceGroup(), in.getName(), false)
                        .map(s -> new PutResult<>(s.peering(), created))));
    }

    public Uni<Peering> get(String subscriptionId, String resourceGroup, String name) {
        return PeeringStore.find(pool, subscriptionId, resourceGroup, name, false).map(s -> s == null ? null : s.peering());
    }

    /** Null when the peering does not exist. */
    public Uni<Peering> updateTags(String subscriptionId, String resourceGroup, String name, Map<String, String> tags,
            Precondition precondition) {
        PeeringRules.checkTags(tags);
        return pool.withTransaction(tx -> PeeringStore.find(tx, subscriptionId, resourceGroup, name, true)
                .chain(existing -> {
                    Preconditions.check(precondition, existing == null ? null : existing.peering().getVersion());
                    if (existing == null) {
                        return Uni.createFrom().nullItem();
                    }
                    Peering p = existing.peering().toBuilder().clearTags().putAllTags(tags).build();
                    return PeeringStore.save(tx, existing, p, 0)
                            .chain(() -> PeeringStore.find(tx, subscriptionId, resourceGroup, name, false))
                            .map(PeeringStore.Stored::peering);
                }));
    }

    public Uni<Boolean> delete(String subscriptionId, String resourceGroup, String name, Precondition precondition) {
        return pool.withTransaction(tx -> PeeringStore.find(tx, subscriptionId, resourceGroup, name, true)
                .chain(existing -> {
                    Preconditions.check(precondition, existing == null ? null : existing.peering().getVersion());
                    if (existing == null) {
                        return Uni.createFrom().item(false);
                    }
                    return tx.preparedQuery("delete from peering where id = $1").execute(Tuple.of(existing.id()))
                            .replaceWith(true);
                }));
    }

    public Uni<Page> list(String subscriptionId, String resourceGroup, String after, int requestedSize,
            String peeringLocation, String kind, long asn, String directPeeringType) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        return PeeringStore.page(pool, subscriptionId, resourceGroup, after, size + 1, peeringLocation, kind, asn,
                directPeeringType).map(rows -> {
                    List<Peering> items = rows.stream().map(PeeringStore.Stored::peering).toList();
                    return items.size() > size
                            ? new Page(items.subList(0, size), PeeringStore.position(items.get(size - 1)))
                            : new Page(items, null);
                });
    }

    /** The operator's step on one connection; null when the peering does not exist. */
    public Uni<Peering> setConnectionState(String subscriptionId, String resourceGroup, String name, String identifier,
            String state, String routerName, String errorMessage) {
        return pool.withTransaction(tx -> PeeringStore.find(tx, subscriptionId, resourceGroup, name, true)
                .chain(existing -> {
                    if (existing == null) {
                        return Uni.createFrom().nullItem();
                    }
                    Peering p = existing.peering();
                    int index = -1;
                    for (int i = 0; i < p.getConnectionsCount(); i++) {
                        if (p.getConnections(i).getConnectionIdentifier().equalsIgnoreCase(identifier)) {
                            index = i;
                        }
                    }
                    if (index < 0) {
                        return Uni.createFrom().failure(DomainException.notFound("Connection '" + identifier
                                + "' was not found on peering " + p.getName() + "."));
                    }
                    Connection c = p.getConnections(index);
                    int at = index;
                    return router(tx, routerName, p, c).chain(router -> {
                        Connection moved = ConnectionWorkflow.move(c, state, router, errorMessage);
                        Peering next = p.toBuilder().setConnections(at, moved).build();
                        return PeeringStore.save(tx, existing, next, 0)
                                .chain(id -> PeeringStore.replaceConnections(tx, id, next, existing.sealedKeys()))
                                .chain(() -> PeeringStore.find(tx, subscriptionId, resourceGroup, name, false))
                                .map(PeeringStore.Stored::peering);
                    });
                }));
    }

    /** The router's stored name after checking it stands in the connection's facility; "" when none was given. */
    private Uni<String> router(SqlClient tx, String routerName, Peering p, Connection c) {
        if (routerName == null || routerName.isEmpty()) {
            return Uni.createFrom().item("");
        }
        return tx.preparedQuery("select name, location_name, peeringdb_facility_id from router where lower(name) = lower($1)")
                .execute(Tuple.of(routerName)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw DomainException.badArgument("routerName", "Router '" + routerName + "' is not in the catalogue.");
                    }
                    Row r = rows.iterator().next();
                    PeeringRules.require(r.getString("location_name").equals(p.getPeeringLocation()), "routerName",
                            "Router " + r.getString("name") + " is in " + r.getString("location_name") + ", not in "
                                    + p.getPeeringLocation() + ".");
                    // an exchange connection's facility is the exchange; its routers are those of the metro
                    PeeringRules.require(!p.getKind().equals("Direct")
                            || r.getInteger("peeringdb_facility_id") == c.getPeeringDbFacilityId(), "routerName",
                            "Router " + r.getString("name") + " is in facility " + r.getInteger("peeringdb_facility_id")
                                    + ", the connection in facility " + c.getPeeringDbFacilityId() + ".");
                    return r.getString("name");
                });
    }

    private record PeerAsnRow(long id, PeeringRules.PeerAsnRef ref) {
    }

    private Uni<PeerAsnRow> peerAsn(SqlClient tx, String subscriptionId, String name) {
        if (name == null || name.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return tx.preparedQuery("select id, name, peer_asn, validation_state from peer_asn where subscription_id = $1"
                + " and lower(name) = lower($2) for share").execute(Tuple.of(subscriptionId, name))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new PeerAsnRow(r.getLong("id"), new PeeringRules.PeerAsnRef(r.getLong("id"),
                            r.getString("name"), r.getLong("peer_asn"), r.getString("validation_state")));
                });
    }

    private static Uni<Void> lock(SqlClient tx) {
        return tx.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK)).replaceWithVoid();
    }

    /** Gives connections with sessionAddressProvider Microsoft their session prefixes from the pools. */
    private Uni<Peering> allocate(SqlClient tx, Peering p) {
        boolean needs = p.getConnectionsList().stream().anyMatch(c -> c.getSessionAddressProvider().equals("Microsoft")
                && (c.getBgpSession().getSessionPrefixV4().isEmpty()
                        || poolV6 != null && c.getBgpSession().getSessionPrefixV6().isEmpty()));
        if (!needs) {
            return Uni.createFrom().item(finish(p));
        }
        return tx.preparedQuery("select session_prefix_v4::text as p from peering_connection where"
                + " session_address_provider = 'Microsoft' and session_prefix_v4 is not null union all"
                + " select session_prefix_v6::text from peering_connection where session_address_provider = 'Microsoft'"
                + " and session_prefix_v6 is not null").execute().map(rows -> {
                    Set<String> taken = new HashSet<>();
                    rows.forEach(r -> taken.add(Addresses.prefix(r.getString("p")).text()));
                    Peering.Builder b = p.toBuilder();
                    String base = p.getKind().equals("Direct") ? "properties.direct" : "properties.exchange";
                    for (int i = 0; i < b.getConnectionsCount(); i++) {
                        Connection c = b.getConnections(i);
                        if (!c.getSessionAddressProvider().equals("Microsoft")) {
                            continue;
                        }
                        BgpSession.Builder s = c.getBgpSession().toBuilder();
                        String at = base + ".connections[" + i + "].bgpSession";
                        if (s.getSessionPrefixV4().isEmpty()) {
                            Addresses.Prefix v4 = poolV4.allocate(taken, at + ".sessionPrefixV4");
                            taken.add(v4.text());
                            s.setSessionPrefixV4(v4.text()).setMicrosoftSessionIpv4Address(v4.network().text())
                                    .setPeerSessionIpv4Address(v4.at(java.math.BigInteger.ONE).text());
                        }
                        if (poolV6 != null && s.getSessionPrefixV6().isEmpty()
                                && (c.getConnectionState().equals("PendingApproval") || c.getConnectionState().equals("Active"))) {
                            Addresses.Prefix v6 = poolV6.allocate(taken, at + ".sessionPrefixV6");
                            taken.add(v6.text());
                            s.setSessionPrefixV6(v6.text()).setMicrosoftSessionIpv6Address(v6.network().text())
                                    .setPeerSessionIpv6Address(v6.at(java.math.BigInteger.ONE).text());
                        }
                        b.setConnections(i, c.toBuilder().setBgpSession(s));
                    }
                    return finish(b.build());
                });
    }

    private static Peering finish(Peering p) {
        Peering.Builder b = p.toBuilder();
        for (int i = 0; i < b.getConnectionsCount(); i++) {
            Connection c = b.getConnections(i);
            BgpSession.Builder s = c.getBgpSession().toBuilder();
            PeeringRules.pendingStates(s, c.getConnectionState());
            b.setConnections(i, c.toBuilder().setBgpSession(s));
        }
        return b.build();
    }

    /** DOMAIN.md §1: a session address in use for a different ASN fails the connection (400, target = the field). */
    private Uni<Void> checkAddresses(SqlClient tx, Peering p, long asn) {
        List<String> all = new ArrayList<>();
        for (Connection c : p.getConnectionsList()) {
            PeeringRules.addresses(c, p.getKind()).forEach(a -> all.add(a[1]));
        }
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select c.connection_identifier, a.peer_asn, host(c.peer_ipv4_address) as peer4,"
                + " host(c.peer_ipv6_address) as peer6, host(c.microsoft_ipv4_address) as ms4,"
                + " host(c.microsoft_ipv6_address) as ms6, p.kind from peering_connection c"
                + " join peering p on p.id = c.peering_id join peer_asn a on a.id = p.peer_asn_id"
                + " where a.peer_asn <> $2 and (c.peer_ipv4_address = any($1::text[]::inet[])"
                + " or c.peer_ipv6_address = any($1::text[]::inet[]) or (p.kind = 'Direct'"
                + " and (c.microsoft_ipv4_address = any($1::text[]::inet[])"
                + " or c.microsoft_ipv6_address = any($1::text[]::inet[]))))")
                .execute(Tuple.of(all.toArray(String[]::new), asn)).map(rows -> {
                    Map<java.math.BigInteger, Boolean> used = new HashMap<>();
                    for (Row r : rows) {
                        for (String col : List.of("peer4", "peer6", "ms4", "ms6")) {
                            String text = r.getString(col);
                            if (text != null && (col.startsWith("peer") || r.getString("kind").equals("Direct"))) {
                                used.put(Addresses.address(text).value(), true);
                            }
                        }
                    }
                    String base = p.getKind().equals("Direct") ? "properties.direct" : "properties.exchange";
                    for (int i = 0; i < p.getConnectionsCount(); i++) {
                        for (String[] a : PeeringRules.addresses(p.getConnections(i), p.getKind())) {
                            Addresses.Address address = Addresses.address(a[1]);
                            if (used.containsKey(address.value())) {
                                throw DomainException.badArgument(base + ".connections[" + i + "].bgpSession." + a[0],
                                        (address.v6() ? "IPv6" : "IPv4")
                                                + " address is already configured with a different ASN");
                            }
                        }
                    }
                    return null;
                });
    }

    private Uni<Void> checkIdentifiers(SqlClient tx, Peering p, PeeringStore.Stored existing) {
        String[] ids = p.getConnectionsList().stream().map(Connection::getConnectionIdentifier).toArray(String[]::new);
        return tx.preparedQuery("select connection_identifier from peering_connection where connection_identifier = any($1)"
                + " and peering_id <> $2").execute(Tuple.of(ids, existing == null ? -1L : existing.id())).map(rows -> {
                    if (rows.iterator().hasNext()) {
                        String id = rows.iterator().next().getString("connection_identifier");
                        String base = p.getKind().equals("Direct") ? "properties.direct" : "properties.exchange";
                        int i = List.of(ids).indexOf(id);
                        throw DomainException.badArgument(base + ".connections[" + i + "].connectionIdentifier",
                                "Connection " + id + " belongs to another peering.");
                    }
                    return null;
                });
    }

    /** Stores the peering; true when it was created. MD5 keys: absent keeps, "" clears, a value is sealed. */
    private Uni<Boolean> write(SqlClient tx, PeeringStore.Stored existing, Peering p, long peerAsnId) {
        Map<String, String> sealed = new HashMap<>(existing == null ? Map.of() : existing.sealedKeys());
        Peering.Builder clean = p.toBuilder();
        for (int i = 0; i < clean.getConnectionsCount(); i++) {
            Connection c = clean.getConnections(i);
            if (c.getBgpSession().hasMd5AuthenticationKey()) {
                String key = c.getBgpSession().getMd5AuthenticationKey();
                if (key.isEmpty()) {
                    sealed.remove(c.getConnectionIdentifier());
                } else {
                    sealed.put(c.getConnectionIdentifier(), secrets.encrypt(key, md5Context(c.getConnectionIdentifier())));
                }
                clean.setConnections(i, c.toBuilder().setBgpSession(c.getBgpSession().toBuilder().clearMd5AuthenticationKey()));
            }
        }
        Peering stored = clean.build();
        return PeeringStore.save(tx, existing, stored, peerAsnId)
                .chain(id -> PeeringStore.replaceConnections(tx, id, stored, sealed))
                .replaceWith(existing == null);
    }

    /** What a sealed MD5 key is bound to: it cannot be moved to another connection's row. */
    static String md5Context(String connectionIdentifier) {
        return "peering-connection/" + connectionIdentifier + "/md5AuthenticationKey";
    }

    /** Every peering of the given peer ASNs (by row id), for readiness and the provider directory. */
    public Uni<Map<Long, List<Peering>>> ofPeerAsns(Long[] peerAsnIds) {
        if (peerAsnIds.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select p.id, p.peer_asn_id from peering p where p.peer_asn_id = any($1)")
                .execute(Tuple.of((Object) peerAsnIds)).chain(owners -> {
                    Map<Long, Long> ownerOf = new HashMap<>();
                    owners.forEach(r -> ownerOf.put(r.getLong("id"), r.getLong("peer_asn_id")));
                    return PeeringStore.ofPeerAsns(pool, peerAsnIds).map(stored -> {
                        Map<Long, List<Peering>> out = new HashMap<>();
                        for (PeeringStore.Stored s : stored) {
                            out.computeIfAbsent(ownerOf.get(s.id()), k -> new ArrayList<>()).add(s.peering());
                        }
                        return out;
                    });
                });
    }

    /** Connections on a router (Approved onwards), one entry per session address, for the collector. */
    public Uni<List<org.openpeering.proto.partner.v1.CollectorSession>> collectorSessions() {
        return pool.query("select c.router_name, host(c.peer_ipv4_address) as v4, host(c.peer_ipv6_address) as v6,"
                + " c.max_prefixes_v4, c.max_prefixes_v6, c.connection_identifier, c.connection_state,"
                + " p.subscription_id, p.resource_group, p.name, a.peer_asn from peering_connection c join peering p on p.id = c.peering_id"
                + " join peer_asn a on a.id = p.peer_asn_id where c.router_name is not null"
                + " and c.connection_state in ('Approved', 'ProvisioningStarted', 'ProvisioningCompleted', 'Validating',"
                + " 'Active') order by c.router_name, c.connection_identifier").execute().map(rows -> {
                    List<org.openpeering.proto.partner.v1.CollectorSession> out = new ArrayList<>();
                    for (Row r : rows) {
                        for (String family : List.of("v4", "v6")) {
                            String address = r.getString(family);
                            if (address == null) {
                                continue;
                            }
                            Integer max = r.getInteger(family.equals("v4") ? "max_prefixes_v4" : "max_prefixes_v6");
                            out.add(org.openpeering.proto.partner.v1.CollectorSession.newBuilder()
                                    .setRouterName(r.getString("router_name")).setPeerAddress(address)
                                    .setPeerAsn(r.getLong("peer_asn")).setMaxPrefixes(max == null ? 0 : max)
                                    .setConnectionIdentifier(r.getString("connection_identifier"))
                                    .setConnectionState(r.getString("connection_state"))
                                    .setSubscriptionId(r.getString("subscription_id")).setPeeringName(r.getString("name"))
                                    .setResourceGroup(r.getString("resource_group")).build());
                        }
                    }
                    return out;
                });
    }
}

package org.openpeering.partner.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.partner.catalogue.CatalogueService;
import org.openpeering.partner.peering.PeeringService;
import org.openpeering.proto.partner.v1.CheckAvailabilityResponse;
import org.openpeering.proto.partner.v1.LocationReadiness;
import org.openpeering.proto.partner.v1.PeeringSessions;
import org.openpeering.proto.partner.v1.Provider;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.Readiness;
import org.openpeering.proto.partner.v1.ServiceSession;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Readiness reports, the provider directory and the 1000-mile availability rule (DOMAIN.md §1). */
@ApplicationScoped
public class ProviderDirectory {

    private final Pool pool;
    private final PeeringService peerings;
    private final CatalogueService catalogue;

    public ProviderDirectory(Pool pool, PeeringService peerings, CatalogueService catalogue) {
        this.pool = pool;
        this.peerings = peerings;
        this.catalogue = catalogue;
    }

    /** The report of one of the subscription's peer ASNs; null when it does not exist. */
    public Uni<Readiness> readiness(String subscriptionId, String peerAsnName) {
        return pool.preparedQuery("select id, name, peer_asn, validation_state from peer_asn where subscription_id = $1"
                + " and lower(name) = lower($2)").execute(Tuple.of(subscriptionId, peerAsnName)).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    Row r = rows.iterator().next();
                    return peerings.ofPeerAsns(new Long[] { r.getLong("id") })
                            .map(byAsn -> ReadinessRules.evaluate(subscriptionId, r.getString("name"), r.getLong("peer_asn"),
                                    r.getString("validation_state"), byAsn.getOrDefault(r.getLong("id"), List.of())));
                });
    }

    /** Approved partners with at least one primary-capable location, by provider name (their peerName). */
    public Uni<List<Provider>> providers() {
        return pool.query("select id, subscription_id, name, peer_asn, peer_name, validation_state from peer_asn"
                + " where validation_state = 'Approved' order by peer_name, id").execute().chain(rows -> {
                    List<Row> partners = new ArrayList<>();
                    rows.forEach(partners::add);
                    Long[] ids = partners.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
                    return peerings.ofPeerAsns(ids).map(byAsn -> {
                        Map<String, Provider.Builder> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        for (Row r : partners) {
                            Readiness report = ReadinessRules.evaluate(r.getString("subscription_id"), r.getString("name"),
                                    r.getLong("peer_asn"), r.getString("validation_state"),
                                    byAsn.getOrDefault(r.getLong("id"), List.of()));
                            if (!report.getProvider()) {
                                continue;
                            }
                            Provider.Builder p = byName.computeIfAbsent(r.getString("peer_name"),
                                    n -> Provider.newBuilder().setName(n).setPeerAsn(r.getLong("peer_asn")));
                            for (LocationReadiness l : report.getLocationsList()) {
                                if (l.getPrimaryCapable() && !p.getPrimaryLocationsList().contains(l.getPeeringLocation())) {
                                    p.addPrimaryLocations(l.getPeeringLocation());
                                } else if (l.getBackupCapable() && !l.getPrimaryCapable()
                                        && !p.getBackupLocationsList().contains(l.getPeeringLocation())) {
                                    p.addBackupLocations(l.getPeeringLocation());
                                }
                            }
                        }
                        return byName.values().stream().map(Provider.Builder::build).toList();
                    });
                });
    }

    /** Available when a primary-capable location of the provider lies within 1000 statute miles (inclusive). */
    public Uni<CheckAvailabilityResponse> check(String serviceLocation, String providerName) {
        if (serviceLocation == null || serviceLocation.isBlank()) {
            throw DomainException.badArgument("peeringServiceLocation", "The peeringServiceLocation is required.");
        }
        if (providerName == null || providerName.isBlank()) {
            throw DomainException.badArgument("peeringServiceProvider", "The peeringServiceProvider is required.");
        }
        return catalogue.serviceLocation(serviceLocation).chain(customer -> {
            if (customer == null) {
                throw DomainException.badArgument("peeringServiceLocation", "Peering service location '"
                        + serviceLocation + "' is unknown; see peeringServiceLocations.");
            }
            return providers().chain(all -> {
                Provider provider = all.stream().filter(p -> p.getName().equalsIgnoreCase(providerName)).findFirst()
                        .orElse(null);
                if (provider == null) {
                    return knownPartner(providerName).map(known -> {
                        if (!known) {
                            throw DomainException.badArgument("peeringServiceProvider", "Peering service provider '"
                                    + providerName + "' is unknown; see peeringServiceProviders.");
                        }
                        return CheckAvailabilityResponse.newBuilder().setAvailable(false).build();
                    });
                }
                return pool.preparedQuery("select name, latitude, longitude from peering_location where name = any($1)")
                        .execute(Tuple.of((Object) provider.getPrimaryLocationsList().toArray(String[]::new)))
                        .map(locations -> {
                            String nearest = "";
                            double best = Double.MAX_VALUE;
                            for (Row l : locations) {
                                double d = GreatCircle.miles(customer.getLatitude(), customer.getLongitude(),
                                        l.getDouble("latitude"), l.getDouble("longitude"));
                                if (d < best) {
                                    best = d;
                                    nearest = l.getString("name");
                                }
                            }
                            return CheckAvailabilityResponse.newBuilder().setAvailable(best <= GreatCircle.AVAILABILITY_MILES)
                                    .setNearestLocation(nearest).setDistanceMiles(nearest.isEmpty() ? 0 : best).build();
                        });
            });
        });
    }

    /** A registered partner that is not (yet) a provider is "Unavailable", not unknown. */
    private Uni<Boolean> knownPartner(String name) {
        return pool.preparedQuery("select 1 from peer_asn where lower(peer_name) = lower($1) limit 1")
                .execute(Tuple.of(name)).map(rows -> rows.iterator().hasNext());
    }

    /** Every Active Peering Service connection placed on a router, one entry per session address. */
    private static final String SESSIONS = "select p.peering_location, p.name as peering_name, c.router_name,"
            + " host(c.peer_ipv4_address) as v4, host(c.peer_ipv6_address) as v6, c.connection_identifier, a.peer_asn"
            + " from peering_connection c join peering p on p.id = c.peering_id join peer_asn a on a.id = p.peer_asn_id"
            + " where c.use_for_peering_service and c.connection_state = 'Active' and c.router_name is not null";

    private static void addSessions(Iterable<Row> rows, java.util.function.Consumer<ServiceSession> out) {
        for (Row r : rows) {
            for (String family : List.of("v4", "v6")) {
                String address = r.getString(family);
                if (address != null) {
                    out.accept(ServiceSession.newBuilder().setPeeringLocation(r.getString("peering_location"))
                            .setRouterName(r.getString("router_name")).setPeerAddress(address)
                            .setConnectionIdentifier(r.getString("connection_identifier"))
                            .setPeerAsn(r.getLong("peer_asn")).setPeeringName(r.getString("peering_name")).build());
                }
            }
        }
    }

    /** A provider by name (case-insensitive) with its ASNs, capable locations and Peering Service sessions. */
    public Uni<ProviderSessions> providerSessions(String name) {
        return providers().chain(all -> {
            Provider provider = all.stream().filter(p -> p.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (provider == null) {
                return knownPartner(name).map(known -> ProviderSessions.newBuilder().setKnown(known).build());
            }
            return pool.preparedQuery(SESSIONS + " and a.validation_state = 'Approved' and lower(a.peer_name) = lower($1)"
                    + " order by p.peering_location, c.router_name, c.connection_identifier").execute(Tuple.of(name))
                    .map(rows -> {
                        ProviderSessions.Builder b = ProviderSessions.newBuilder().setProvider(true).setKnown(true)
                                .setName(provider.getName()).addAllPrimaryLocations(provider.getPrimaryLocationsList())
                                .addAllBackupLocations(provider.getBackupLocationsList());
                        java.util.Set<Long> asns = new java.util.TreeSet<>();
                        rows.forEach(r -> asns.add(r.getLong("peer_asn")));
                        asns.add(provider.getPeerAsn());
                        b.addAllPeerAsns(asns);
                        addSessions(rows, b::addSessions);
                        return b.build();
                    });
        });
    }

    /** One peering's Peering Service sessions and the Peering Service connections that are not Active yet. */
    public Uni<PeeringSessions> peeringSessions(String subscriptionId, String resourceGroup, String peeringName) {
        return peerings.get(subscriptionId, resourceGroup, peeringName).chain(peering -> {
            if (peering == null) {
                return Uni.createFrom().item(PeeringSessions.getDefaultInstance());
            }
            PeeringSessions.Builder b = PeeringSessions.newBuilder().setFound(true).setPeerAsn(peering.getPeerAsn())
                    .setUseForPeeringService(peering.getUseForPeeringService())
                    .setPeeringLocation(peering.getPeeringLocation());
            for (var c : peering.getConnectionsList()) {
                if (c.getUseForPeeringService() && !"Active".equals(c.getConnectionState())) {
                    b.addInactiveConnections(c.getConnectionIdentifier());
                }
            }
            return pool.preparedQuery("select peer_name from peer_asn where peer_asn = $1 and subscription_id = $2")
                    .execute(Tuple.of(peering.getPeerAsn(), subscriptionId)).chain(names -> {
                        names.forEach(r -> b.setPeerName(r.getString("peer_name")));
                        return pool.preparedQuery(SESSIONS + " and p.subscription_id = $1 and p.resource_group_key = $2"
                                + " and p.name = $3 order by c.router_name, c.connection_identifier")
                                .execute(Tuple.of(subscriptionId, resourceGroup.toLowerCase(java.util.Locale.ROOT),
                                        peering.getName()));
                    }).map(rows -> {
                        addSessions(rows, b::addSessions);
                        return b.build();
                    });
        });
    }
}

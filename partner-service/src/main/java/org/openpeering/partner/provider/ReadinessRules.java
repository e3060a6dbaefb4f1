package org.openpeering.partner.provider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.LocationReadiness;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.ReadinessConnection;

/** Peering Service readiness of a partner (DOMAIN.md §1), evaluated across all its peerings. */
public final class ReadinessRules {

    /** The smallest connection that counts for Peering Service. */
    public static final int MIN_BANDWIDTH_MBPS = 10_000;

    private ReadinessRules() {
    }

    /** The report of one peer ASN's peerings. */
    public static org.openpeering.proto.partner.v1.Readiness evaluate(String subscriptionId, String peerAsnName,
            long asn, String validationState, List<Peering> peerings) {
        Map<String, List<ReadinessConnection>> byLocation = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Peering p : peerings) {
            for (Connection c : p.getConnectionsList()) {
                boolean qualifies = c.getConnectionState().equals("Active") && c.getUseForPeeringService()
                        && c.getBandwidthInMbps() >= MIN_BANDWIDTH_MBPS;
                byLocation.computeIfAbsent(p.getPeeringLocation(), k -> new ArrayList<>())
                        .add(ReadinessConnection.newBuilder().setPeeringName(p.getName())
                                .setConnectionIdentifier(c.getConnectionIdentifier())
                                .setConnectionState(c.getConnectionState()).setBandwidthInMbps(c.getBandwidthInMbps())
                                .setRouterName(c.getRouterName()).setUseForPeeringService(c.getUseForPeeringService())
                                .setQualifies(qualifies).build());
            }
        }
        var report = org.openpeering.proto.partner.v1.Readiness.newBuilder().setSubscriptionId(subscriptionId)
                .setPeerAsnName(peerAsnName).setPeerAsn(asn).setValidationState(validationState);
        int primaries = 0;
        int capable = 0;
        for (Map.Entry<String, List<ReadinessConnection>> e : byLocation.entrySet()) {
            LocationReadiness l = location(e.getKey(), e.getValue());
            primaries += l.getPrimaryCapable() ? 1 : 0;
            capable += l.getBackupCapable() ? 1 : 0;
            report.addLocations(l);
        }
        boolean approved = validationState.equals("Approved");
        if (!approved) {
            report.addUnmet("AS" + asn + " is " + validationState + ": the operator must approve the peer ASN"
                    + " before the partner can be a Peering Service provider.");
        }
        if (primaries == 0) {
            report.addUnmet("No location can serve as a customer's primary: one needs 2 Active connections used for"
                    + " Peering Service, on 2 different operator routers, of equal bandwidth, each at least 10 Gbps.");
        }
        if (capable < 2) {
            report.addUnmet("Geo-redundancy is recommended: add a second location that can serve as primary or backup"
                    + " (" + capable + " now).");
        }
        return report.setProvider(approved && primaries > 0).setGeoRedundant(capable >= 2).build();
    }

    static LocationReadiness location(String name, List<ReadinessConnection> connections) {
        LocationReadiness.Builder b = LocationReadiness.newBuilder().setPeeringLocation(name).addAllConnections(connections);
        Set<String> routers = new TreeSet<>();
        Set<Integer> bandwidths = new TreeSet<>();
        Map<Integer, Set<String>> qualifyingRoutersBySpeed = new HashMap<>();
        int qualifying = 0;
        for (ReadinessConnection c : connections) {
            if (!c.getRouterName().isEmpty()) {
                routers.add(c.getRouterName());
            }
            bandwidths.add(c.getBandwidthInMbps());
            if (c.getQualifies()) {
                qualifying++;
                if (!c.getRouterName().isEmpty()) {
                    qualifyingRoutersBySpeed.computeIfAbsent(c.getBandwidthInMbps(), k -> new TreeSet<>())
                            .add(c.getRouterName());
                }
            }
        }
        boolean primary = qualifyingRoutersBySpeed.values().stream().anyMatch(r -> r.size() >= 2);
        b.addAllRouters(routers).addAllBandwidthsInMbps(bandwidths).setPrimaryCapable(primary).setBackupCapable(qualifying > 0);
        if (!primary) {
            b.addUnmet(sentence(name, connections, qualifying, qualifyingRoutersBySpeed));
        }
        if (qualifying == 0) {
            b.addUnmet(name + ": no connection counts yet; a backup location needs 1 Active connection used for"
                    + " Peering Service of at least 10 Gbps (" + why(connections) + ").");
        }
        return b.build();
    }

    /** Why a location cannot serve as primary, in the words a partner can act on. */
    private static String sentence(String name, List<ReadinessConnection> connections, int qualifying,
            Map<Integer, Set<String>> routersBySpeed) {
        Set<String> allQualifyingRouters = new TreeSet<>();
        routersBySpeed.values().forEach(allQualifyingRouters::addAll);
        if (qualifying >= 2 && allQualifyingRouters.size() >= 2) {
            return name + ": " + qualifying + " connections on routers " + String.join(", ", allQualifyingRouters)
                    + " but of different bandwidths (" + routersBySpeed.keySet() + " Mbps); a primary location needs 2"
                    + " of equal bandwidth on different routers.";
        }
        if (qualifying >= 2) {
            return name + ": " + qualifying + " connections all on router " + String.join(", ", allQualifyingRouters)
                    + "; a primary location needs 2 on different routers.";
        }
        if (qualifying == 1) {
            return name + ": 1 connection on router " + (allQualifyingRouters.isEmpty() ? "(none assigned)"
                    : allQualifyingRouters.iterator().next()) + "; a primary location needs 2 on different routers.";
        }
        return name + ": 0 qualifying connections; a primary location needs 2 Active connections used for Peering"
                + " Service, of equal bandwidth of at least 10 Gbps, on different routers.";
    }

    private static String why(List<ReadinessConnection> connections) {
        List<String> reasons = new ArrayList<>();
        for (ReadinessConnection c : connections) {
            List<String> r = new ArrayList<>();
            if (!c.getConnectionState().equals("Active")) {
                r.add("is " + c.getConnectionState());
            }
            if (!c.getUseForPeeringService()) {
                r.add("is not used for Peering Service");
            }
            if (c.getBandwidthInMbps() < MIN_BANDWIDTH_MBPS) {
                r.add("has " + c.getBandwidthInMbps() + " Mbps");
            }
            reasons.add("connection " + c.getConnectionIdentifier() + " " + String.join(" and ", r));
        }
        return String.join("; ", reasons);
    }
}

package org.openpeering.partner.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.LocationReadiness;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.Readiness;

class ReadinessRulesTest {

    static Connection c(String state, boolean ps, int mbps, String router) {
        return Connection.newBuilder().setConnectionIdentifier(router + "-" + mbps + "-" + state).setConnectionState(state)
                .setUseForPeeringService(ps).setBandwidthInMbps(mbps).setRouterName(router).build();
    }

    static Peering at(String location, Connection... connections) {
        return Peering.newBuilder().setName("p-" + location).setPeeringLocation(location)
                .addAllConnections(List.of(connections)).build();
    }

    static Readiness evaluate(String state, Peering... peerings) {
        return ReadinessRules.evaluate("s", "asn", 64500, state, List.of(peerings));
    }

    static LocationReadiness location(Readiness r, String name) {
        return r.getLocationsList().stream().filter(l -> l.getPeeringLocation().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void twoActiveTenGigConnectionsOnTwoRoutersMakeAPrimaryLocation() {
        Readiness r = evaluate("Approved", at("Amsterdam", c("Active", true, 10000, "r1"), c("Active", true, 10000, "r2")),
                at("Frankfurt", c("Active", true, 100000, "f1")));
        assertTrue(location(r, "Amsterdam").getPrimaryCapable());
        assertTrue(location(r, "Amsterdam").getUnmetList().isEmpty());
        assertFalse(location(r, "Frankfurt").getPrimaryCapable());
        assertTrue(location(r, "Frankfurt").getBackupCapable());
        assertEquals(List.of("Frankfurt: 1 connection on router f1; a primary location needs 2 on different routers."),
                location(r, "Frankfurt").getUnmetList());
        assertTrue(r.getProvider());
        assertTrue(r.getGeoRedundant());
    }

    @Test
    void everyPrimaryConditionIsNeeded() {
        // same router
        assertFalse(location(evaluate("Approved", at("A", c("Active", true, 10000, "r1"), c("Active", true, 10000, "r1"))),
                "A").getPrimaryCapable());
        // unequal bandwidth
        LocationReadiness unequal = location(evaluate("Approved", at("A", c("Active", true, 10000, "r1"),
                c("Active", true, 100000, "r2"))), "A");
        assertFalse(unequal.getPrimaryCapable());
        assertTrue(unequal.getUnmet(0).contains("different bandwidths"), unequal.getUnmet(0));
        // below 10 Gbps
        assertFalse(location(evaluate("Approved", at("A", c("Active", true, 1000, "r1"), c("Active", true, 1000, "r2"))),
                "A").getBackupCapable());
        // not Active
        assertFalse(location(evaluate("Approved", at("A", c("Validating", true, 10000, "r1"),
                c("Active", true, 10000, "r2"))), "A").getPrimaryCapable());
        // not used for Peering Service
        assertFalse(location(evaluate("Approved", at("A", c("Active", false, 10000, "r1"),
                c("Active", true, 10000, "r2"))), "A").getPrimaryCapable());
        // counted across peerings at the same location
        assertTrue(location(evaluate("Approved", at("A", c("Active", true, 10000, "r1")),
                at("A", c("Active", true, 10000, "r2"))), "A").getPrimaryCapable());
    }

    @Test
    void anUnapprovedAsnIsNoProviderWhateverItsLocations() {
        Readiness r = evaluate("Pending", at("A", c("Active", true, 10000, "r1"), c("Active", true, 10000, "r2")));
        assertTrue(location(r, "A").getPrimaryCapable());
        assertFalse(r.getProvider());
        assertTrue(r.getUnmet(0).contains("Pending"), r.getUnmet(0));
        assertFalse(r.getGeoRedundant());
    }
}

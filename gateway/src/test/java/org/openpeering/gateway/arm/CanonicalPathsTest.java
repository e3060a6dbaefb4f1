package org.openpeering.gateway.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanonicalPathsTest {

    @Test
    void rewritesKeywordsButNeverNames() {
        assertEquals("/subscriptions/Peerings/resourceGroups/RG/providers/Microsoft.Peering/peerings/Peerings",
                CanonicalPaths.canonicalize(
                        "/SUBSCRIPTIONS/Peerings/resourcegroups/RG/PROVIDERS/microsoft.peering/PEERINGS/Peerings"));
        assertEquals("/subscriptions/s/providers/Microsoft.Peering/checkServiceProviderAvailability",
                CanonicalPaths.canonicalize("/subscriptions/s/providers/Microsoft.Peering/CheckServiceProviderAvailability"));
        assertEquals("/subscriptions/s/providers/Microsoft.Peering/peerAsns/PeerAsns/peeringServiceReadiness",
                CanonicalPaths.canonicalize("/subscriptions/s/providers/microsoft.peering/peerasns/PeerAsns/PEERINGSERVICEREADINESS"));
    }

    @Test
    void leavesCanonicalPathsAsTheyAre() {
        String p = "/subscriptions/s/providers/Microsoft.Peering/peerAsns/a";
        assertEquals(p, CanonicalPaths.canonicalize(p));
        assertEquals("/subscriptions/s/providers/Microsoft.Peering/peeringLocations",
                CanonicalPaths.canonicalize("/subscriptions/s/providers/Microsoft.Peering/PeeringLocations"));
    }
}

package org.openpeering.telemetry.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 7908 leak types on documentation ASNs, with relationships in CAIDA's as-rel format. */
class AsRelationshipsTest {

    // 64500 (the partner) is a provider of 64501 and 64502; 64501 is a provider of 64510; 64503 peers with 64501;
    // 64504 is a provider of 64501 (64501 is multihomed)
    static final String AS_REL = """
            # source:documentation example
            # format: <provider-as>|<customer-as>|-1 or <peer-as>|<peer-as>|0
            64500|64501|-1
            64500|64502|-1
            64501|64510|-1
            64501|64503|0
            64504|64501|-1|bgp
            garbage line
            """;

    static AsRelationships rel() throws Exception {
        return AsRelationships.read(new BufferedReader(new StringReader(AS_REL)));
    }

    @Test
    void readsTheFormatAndCountsWhatItCannot() throws Exception {
        AsRelationships r = rel();
        assertEquals(5, r.pairs());
        assertEquals(1, r.rejected());
        assertEquals(AsRelationships.Hop.UP, r.hop(64501, 64500));
        assertEquals(AsRelationships.Hop.DOWN, r.hop(64500, 64501));
        assertEquals(AsRelationships.Hop.FLAT, r.hop(64503, 64501));
        assertNull(r.hop(64510, 64503));
    }

    @Test
    void customerRoutesUpwardsAreValleyFree() throws Exception {
        // 64510 -> 64501 -> 64500 -> the operator (64496, a peer of the partner)
        assertNull(rel().leak(List.of(64500L, 64501L, 64510L), 64496));
        // unknown relationships are not judged
        assertNull(rel().leak(List.of(64500L, 64509L, 64510L), 64496));
    }

    @Test
    void hairpinLateralAndPeerLeaks() throws Exception {
        // 64504 (provider) -> 64501 -> 64500 (another provider): type 1
        String hairpin = rel().leak(List.of(64500L, 64501L, 64504L), 64496);
        assertTrue(hairpin.contains("type 1") && hairpin.contains("AS64501") && hairpin.contains("AS64504"), hairpin);
        // 64503 (peer) -> 64501 -> 64500 (provider): type 4
        assertTrue(rel().leak(List.of(64500L, 64501L, 64503L), 64496).contains("type 4"));
        // 64500 (provider) -> 64502 -> the operator, a peer of 64502's session: type 3
        assertTrue(rel().leak(List.of(64502L, 64500L), 64496).contains("type 3"));
        // prepending is not a hop
        assertNull(rel().leak(List.of(64500L, 64500L, 64501L, 64510L), 64496));
    }
}

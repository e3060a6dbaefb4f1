package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

/** Real UPDATEs written by GoBGP 3.10 as MRT BGP4MP_MESSAGE_AS4 records. */
class GobgpMrtUpdatesTest {

    private static final Path CAPTURE = Path.of(System.getProperty("bgp.mrt.capture",
            "src/test/resources/org/openpeering/telemetry/protocol/bgp/gobgp-3.10-updates.mrt"));

    @Test
    void decodesEveryUpdateOfTheGobgpCapture() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(CAPTURE), "capture not present: " + CAPTURE);
        List<MrtReader.Record> records = MrtReader.read(Files.readAllBytes(CAPTURE));
        int updates = 0;
        int v6 = 0;
        Set<Prefix> prefixes = new HashSet<>();
        for (MrtReader.Record r : records) {
            BgpSessionContext ctx = new BgpSessionContext(r.fourOctetAs(),
                    r.addPath() ? Set.of(AfiSafi.values()) : Set.of(), false);
            BgpMessage m = BgpDecoder.decode(r.bgpMessage(), ctx);
            Update u = assertInstanceOf(Update.class, m);
            updates++;
            assertTrue(u.errors().isEmpty(), u.errors().toString());
            assertFalse(u.treatAsWithdraw());
            assertFalse(u.announced().isEmpty());
            PathAttributes a = u.attributes();
            assertFalse(a.asPath().isEmpty(), "every announcement has an AS path");
            assertEquals(r.peerAs(), a.asPath().get(0).asns()[0], "an eBGP path starts with the peer AS");
            assertEquals(3, a.asPathLength());
            assertEquals(64500L, a.asPath().get(0).asns()[1]);
            assertTrue(a.originAs() != null && a.originAs() > 0xFFFF, "4-octet origin " + a.asPathText());
            assertEquals(PathAttributes.ORIGIN_IGP, a.origin());
            for (Nlri n : u.announced()) {
                prefixes.add(n.prefix());
            }
            if (u.announced().get(0).prefix().isV6()) {
                v6++;
                assertEquals("2001:db8:ffff::5", u.mpNextHop());
                // IPv6: we put MP_REACH_NLRI first (RFC 7606 §5.1), GoBGP puts it last: compare decoded forms
                byte[] again = BgpEncoder.update(u.withdrawn(), u.announced(), a, u.mpNextHop(), ctx);
                assertEquals(u, BgpDecoder.decode(again, ctx));
            } else {
                assertEquals("192.0.2.5", a.nextHop());
                // IPv4: same attribute order as GoBGP, so the encoder must give back the very octets
                assertArrayEquals(r.bgpMessage(), BgpEncoder.update(u.withdrawn(), u.announced(), a, null, ctx));
            }
        }
        assertEquals(220, updates);
        assertEquals(20, v6);
        assertEquals(220, prefixes.size(), "each record announces a distinct prefix");
    }
}

package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raw BMP stream gobgpd 3.10 sent to a collector (gobgp-3.10-bmp-capture.bmp), framed and decoded
 * whole. Expected values come from the capture's summary (gobgp-3.10-bmp-capture.summary.json); they are
 * written out here so the test states them and the collector's tests can rely on the same facts.
 *
 * <p>The capture is looked up as a test resource, then via {@code -Dbmp.capture=...}, then in
 * /work/shared/data; the test is skipped (not passed) when none exists.
 */
class GobgpCaptureTest {

    private static final String NAME = "gobgp-3.10-bmp-capture.bmp";
    private static final Path SHARED = Path.of("/work/shared/data", NAME);

    private static final String LOC_RIB_PEER = "0.0.0.0 AS4200000001 type=loc-rib";
    private static final String GLOBAL_PEER = "127.0.0.5 AS4200000005 type=global";

    private static byte[] capture;
    private static List<BmpMessage> messages;
    private static List<byte[]> frames;

    @BeforeAll
    static void frameAndDecodeTheWholeCapture() throws Exception {
        capture = load();
        Assumptions.assumeTrue(capture != null, "capture " + NAME + " not found (resource, -Dbmp.capture, " + SHARED
                + ")");
        BmpFramer framer = new BmpFramer(1 << 20);
        frames = new ArrayList<>();
        messages = new ArrayList<>();
        // 1448-byte chunks: what one TCP segment typically carries, so messages straddle reads.
        for (int off = 0; off < capture.length; off += 1448) {
            framer.feed(capture, off, Math.min(1448, capture.length - off));
            for (byte[] m = framer.next(); m != null; m = framer.next()) {
                frames.add(m);
                messages.add(BmpDecoder.decode(m));
            }
        }
        assertEquals(0, framer.buffered(), "the capture ends on a message boundary");
    }

    private static byte[] load() throws IOException {
        try (InputStream in = GobgpCaptureTest.class.getResourceAsStream(NAME)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        String property = System.getProperty("bmp.capture");
        if (property != null && Files.isReadable(Path.of(property))) {
            return Files.readAllBytes(Path.of(property));
        }
        return Files.isReadable(SHARED) ? Files.readAllBytes(SHARED) : null;
    }

    private static String peerKey(PeerHeader p) {
        String type = switch (p.peerType()) {
            case 0 -> "global";
            case 1 -> "rd";
            case 2 -> "local";
            default -> "loc-rib";
        };
        return p.peerAddress() + " AS" + p.peerAs() + " type=" + type;
    }

    private static PeerHeader peerOf(BmpMessage m) {
        if (m instanceof RouteMonitoring r) {
            return r.peer();
        } else if (m instanceof PeerUp u) {
            return u.peer();
        } else if (m instanceof PeerDown d) {
            return d.peer();
        } else if (m instanceof StatisticsReport s) {
            return s.peer();
        } else if (m instanceof RouteMirroring r) {
            return r.peer();
        }
        return null;
    }

    private static <T> List<T> all(Class<T> type) {
        return messages.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void holdsTheSummarisedNumberOfEachMessageType() {
        Map<String, Integer> counts = new TreeMap<>();
        messages.forEach(m -> counts.merge(m.getClass().getSimpleName(), 1, Integer::sum));

        assertEquals(103_466, capture.length);
        assertEquals(Map.of("Initiation", 1, "RouteMonitoring", 1101, "PeerUp", 1, "StatisticsReport", 4,
                "PeerDown", 1), counts);
        assertEquals(1108, messages.size());
        assertInstanceOf(Initiation.class, messages.get(0), "Initiation comes first");
        assertInstanceOf(PeerDown.class, messages.get(messages.size() - 1), "the session ends with a Peer Down");
    }

    @Test
    void initiationNamesGobgp() {
        Initiation init = all(Initiation.class).get(0);

        assertEquals("GoBGP", init.sysName());
        assertEquals("3.10.0", init.sysDescr());
        assertEquals(List.of(Tlv.ofText(2, "GoBGP"), Tlv.ofText(1, "3.10.0")), init.tlvs());
    }

    @Test
    void peersAndPeerTypesMatchTheSummary() {
        Map<String, Integer> peers = new TreeMap<>();
        Map<Integer, Integer> peerTypes = new TreeMap<>();
        for (BmpMessage m : messages) {
            PeerHeader p = peerOf(m);
            if (p != null) {
                peers.merge(peerKey(p), 1, Integer::sum);
                peerTypes.merge(p.peerType(), 1, Integer::sum);
            }
        }

        assertEquals(Map.of(LOC_RIB_PEER, 441, GLOBAL_PEER, 666), peers);
        assertEquals(Map.of(PeerHeader.TYPE_GLOBAL, 666, PeerHeader.TYPE_LOC_RIB, 441), peerTypes);
    }

    @Test
    void perPeerFlagsMatchTheSummary() {
        Map<String, Integer> flags = new TreeMap<>();
        for (BmpMessage m : messages) {
            PeerHeader p = peerOf(m);
            if (p != null) {
                String f = p.flags() == 0 ? "none" : p.postPolicy() && p.flags() == 0x40 ? "L(post-policy)" : "0x"
                        + Integer.toHexString(p.flags());
                flags.merge(m.getClass().getSimpleName() + ":" + f, 1, Integer::sum);
            }
        }

        assertEquals(Map.of("RouteMonitoring:none", 661, "RouteMonitoring:L(post-policy)", 440, "PeerUp:none", 1,
                "StatisticsReport:none", 4, "PeerDown:none", 1), flags);
    }

    @Test
    void locRibAndGlobalPeerHeadersCarryTheirIdentities() {
        for (RouteMonitoring m : all(RouteMonitoring.class)) {
            PeerHeader p = m.peer();
            if (p.isLocRib()) {
                assertEquals(new PeerHeader(3, false, false, false, false, false, 0, "0.0.0.0", 4_200_000_001L,
                        0x7f000004L, p.timestampSeconds(), 0), p);
                assertEquals("127.0.0.4", p.peerBgpIdText());
            } else {
                assertEquals("127.0.0.5", p.peerAddress());
                assertEquals("127.0.0.5", p.peerBgpIdText());
                assertEquals(4_200_000_005L, p.peerAs());
            }
        }
    }

    @Test
    void everyRouteMonitoringCarriesOneUpdateSplitByViewAsSummarised() {
        Map<String, int[]> byView = new LinkedHashMap<>(); // msgs, announced, withdrawn, end-of-RIB
        for (RouteMonitoring m : all(RouteMonitoring.class)) {
            byte[] u = m.bgpUpdate();
            assertEquals(2, u[18], "embedded BGP message type is UPDATE");
            assertEquals(u.length, ((u[16] & 0xFF) << 8) | (u[17] & 0xFF), "BGP length is the whole PDU");
            String view = m.peer().isLocRib() ? "loc-rib" : m.peer().postPolicy() ? "global/post-policy"
                    : "global/pre-policy";
            int[] c = byView.computeIfAbsent(view, k -> new int[4]);
            UpdateShape s = UpdateShape.of(u);
            c[0]++;
            c[1] += s.announces ? 1 : 0;
            c[2] += s.withdraws ? 1 : 0;
            c[3] += s.endOfRib ? 1 : 0;
        }

        assertArrayEquals(new int[] {441, 221, 220, 0}, byView.get("loc-rib"));
        assertArrayEquals(new int[] {220, 220, 0, 0}, byView.get("global/pre-policy"));
        assertArrayEquals(new int[] {440, 220, 220, 0}, byView.get("global/post-policy"));
        assertEquals(661, byView.values().stream().mapToInt(c -> c[1]).sum(), "route_monitoring_nlri");
        assertEquals(440, byView.values().stream().mapToInt(c -> c[2]).sum(), "route_monitoring_withdrawn");
    }

    @Test
    void peerUpCarriesPortsAndBothOpens() {
        PeerUp up = all(PeerUp.class).get(0);

        assertEquals(GLOBAL_PEER, peerKey(up.peer()));
        assertEquals("127.0.0.4", up.localAddress());
        assertEquals(11179, up.localPort());
        assertEquals(41435, up.remotePort());
        assertEquals(1, up.sentOpen()[18]);
        assertEquals(1, up.receivedOpen()[18]);
        assertEquals(65, up.sentOpen().length);
        assertEquals(57, up.receivedOpen().length);
        assertEquals(4_200_000_001L, OpenShape.fourOctetAs(up.sentOpen()));
        assertEquals(4_200_000_005L, OpenShape.fourOctetAs(up.receivedOpen()));
        assertEquals(new TreeSet<>(List.of(1, 6, 65)), OpenShape.capabilityCodes(up.receivedOpen()));
        assertEquals(List.of(), up.info());
    }

    @Test
    void statisticsReportsCountTheGlobalPeersRoutes() {
        List<StatisticsReport> stats = all(StatisticsReport.class);

        assertEquals(4, stats.size());
        for (StatisticsReport s : stats) {
            assertEquals(GLOBAL_PEER, peerKey(s.peer()));
            assertEquals(List.of(7, 8, 11, 12), List.copyOf(s.counters().keySet()));
            assertEquals(Map.of(7, 220L, 8, 220L, 11, 0L, 12, 0L), s.counters());
        }
    }

    @Test
    void peerDownIsARemoteCloseWithoutNotification() {
        PeerDown down = all(PeerDown.class).get(0);

        assertEquals(GLOBAL_PEER, peerKey(down.peer()));
        assertEquals(PeerDown.REASON_REMOTE_NO_NOTIFICATION, down.reason());
        assertNull(down.notification());
        assertNull(down.fsmEventCode());
    }

    @Test
    void reEncodingEveryMessageReproducesTheCaptureByteForByte() {
        for (int i = 0; i < messages.size(); i++) {
            assertArrayEquals(frames.get(i), BmpEncoder.encode(messages.get(i)), "message " + i);
        }
    }

    @Test
    void framingIsTheSameWhateverTheChunkSize() throws Exception {
        for (int chunk : new int[] {1, 7, 6, 65_536, capture.length}) {
            BmpFramer framer = new BmpFramer(1 << 16);
            int n = 0;
            for (int off = 0; off < capture.length; off += chunk) {
                framer.feed(capture, off, Math.min(chunk, capture.length - off));
                for (byte[] m = framer.next(); m != null; m = framer.next()) {
                    assertArrayEquals(frames.get(n++), m);
                }
            }
            assertEquals(frames.size(), n, "chunk " + chunk);
        }
    }

    /**
     * Just enough of RFC 4271 4.3 (and RFC 4760 attribute codes 14/15) to classify an UPDATE the way the
     * summary does; the real decoding belongs to the BGP codec.
     */
    private record UpdateShape(boolean announces, boolean withdraws, boolean endOfRib) {

        static UpdateShape of(byte[] u) {
            int withdrawnLength = ((u[19] & 0xFF) << 8) | (u[20] & 0xFF);
            int attrsAt = 21 + withdrawnLength + 2;
            int attrsLength = ((u[attrsAt - 2] & 0xFF) << 8) | (u[attrsAt - 1] & 0xFF);
            int nlriLength = u.length - attrsAt - attrsLength;
            boolean mpReach = false;
            boolean mpUnreach = false;
            for (int p = attrsAt; p < attrsAt + attrsLength; ) {
                int flags = u[p] & 0xFF;
                int code = u[p + 1] & 0xFF;
                boolean extended = (flags & 0x10) != 0;
                int len = extended ? ((u[p + 2] & 0xFF) << 8) | (u[p + 3] & 0xFF) : u[p + 2] & 0xFF;
                mpReach |= code == 14;
                mpUnreach |= code == 15;
                p += (extended ? 4 : 3) + len;
            }
            assertTrue(nlriLength >= 0, "UPDATE lengths are consistent");
            boolean announces = nlriLength > 0 || mpReach;
            boolean withdraws = withdrawnLength > 0 || mpUnreach;
            return new UpdateShape(announces, withdraws, u.length == 23);
        }
    }

    /** The 4-octet AS capability (RFC 6793) and capability codes of an OPEN (RFC 5492), for the summary's facts. */
    private static final class OpenShape {

        static long fourOctetAs(byte[] open) {
            for (int[] cap : capabilities(open)) {
                if (cap[0] == 65) {
                    return BmpReader.u32At(open, cap[1]);
                }
            }
            return -1;
        }

        static TreeSet<Integer> capabilityCodes(byte[] open) {
            TreeSet<Integer> codes = new TreeSet<>();
            capabilities(open).forEach(c -> codes.add(c[0]));
            return codes;
        }

        /** {code, offset of value} for each capability in each optional parameter of type 2. */
        private static List<int[]> capabilities(byte[] open) {
            List<int[]> out = new ArrayList<>();
            int end = 29 + (open[28] & 0xFF);
            for (int p = 29; p < end; ) {
                int paramType = open[p] & 0xFF;
                int paramLength = open[p + 1] & 0xFF;
                if (paramType == 2) {
                    for (int q = p + 2; q < p + 2 + paramLength; q += 2 + (open[q + 1] & 0xFF)) {
                        out.add(new int[] {open[q] & 0xFF, q + 2});
                    }
                }
                p += 2 + paramLength;
            }
            return out;
        }
    }
}

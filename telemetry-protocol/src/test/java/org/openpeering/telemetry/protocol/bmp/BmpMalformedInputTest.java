package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.append;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.concat;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.endOfRibUpdate;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.fixLength;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.hex;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.notification;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.open;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.patch;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.truncate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of inconsistency must surface as a BmpException naming the problem, never as a runtime exception. */
class BmpMalformedInputTest {

    private static final PeerHeader PEER = PeerHeader.global("192.0.2.1", false, false, 64496, 0xc0000201L);
    /** Offset of the first byte after the common and per-peer headers. */
    private static final int BODY = 48;

    private static final byte[] ROUTE_MONITORING = BmpEncoder.routeMonitoring(PEER, endOfRibUpdate());
    private static final byte[] PEER_UP = BmpEncoder.peerUp(PEER, "192.0.2.2", 179, 40000, open(64497, 90,
            "c0000202"), open(64496, 90, "c0000201"));
    private static final byte[] STATS = BmpEncoder.statisticsReport(PEER, Map.of(7, 10L));
    private static final byte[] INITIATION = BmpEncoder.initiation("r1", "x");

    /**
     * name, bytes, expected fragment of the message, and whether the bytes still frame correctly (so the
     * framer must hand them out and go on to the next message).
     */
    static Stream<Arguments> malformed() {
        return Stream.of(
                bad("version 2", patch(INITIATION, 0, 2), "version 2", false),
                bad("shorter than the common header", hex("03000000"), "shorter than the 6-byte", false),
                bad("header length below 6", patch(INITIATION, 1, 0, 0, 0, 5), "says 5 bytes", false),
                bad("header length disagrees with the bytes", patch(INITIATION, 1, 0, 0, 0, 99), "says 99 bytes",
                        false),
                bad("unknown message type", patch(INITIATION, 5, 7), "unknown BMP message type 7", true),
                bad("per-peer header truncated", truncate(ROUTE_MONITORING, 6 + 30), "per-peer header", true),
                bad("unknown peer type", patch(ROUTE_MONITORING, 6, 4), "unknown peer type 4", true),
                bad("route monitoring without an UPDATE", truncate(ROUTE_MONITORING, BODY), "UPDATE header", true),
                bad("route monitoring BGP marker broken", patch(ROUTE_MONITORING, BODY + 3, 0), "marker", true),
                bad("route monitoring BGP length 0", patch(ROUTE_MONITORING, BODY + 16, 0, 0), "below the minimum",
                        true),
                bad("route monitoring BGP length overruns", patch(ROUTE_MONITORING, BODY + 16, 0, 24), "needs 24",
                        true),
                bad("route monitoring carrying a NOTIFICATION", fixLength(concat(Arrays.copyOf(ROUTE_MONITORING,
                        BODY), notification(6, 2))), "type 3, expected 2", true),
                bad("route monitoring with trailing bytes", append(ROUTE_MONITORING, "00"), "1 trailing bytes", true),
                bad("peer up truncated before the ports", truncate(PEER_UP, BODY + 17), "local address and ports",
                        true),
                bad("peer up sent OPEN length overruns", patch(PEER_UP, BODY + 20 + 16, 0, 200), "needs 200", true),
                bad("peer up received OPEN length overruns", patch(PEER_UP, BODY + 20 + 29 + 16, 0, 30), "needs 30",
                        true),
                bad("peer up received OPEN missing", truncate(PEER_UP, BODY + 20 + 29), "received OPEN header", true),
                bad("peer up OPEN is an UPDATE", patch(PEER_UP, BODY + 20 + 18, 2), "type 2, expected 1", true),
                bad("peer up information TLV overruns", append(PEER_UP, "0000 0010 6869"), "needs 16", true),
                bad("peer down reason 1 without a NOTIFICATION", peerDown(1, ""), "NOTIFICATION header", true),
                bad("peer down reason 3 NOTIFICATION truncated", peerDown(3, BmpFixtures.MARKER + "0015 03 06"),
                        "needs 21", true),
                bad("peer down reason 1 with an OPEN", peerDown(1, hex(open(1, 90, "01020304"))), "expected 3", true),
                bad("peer down reason 2 with one byte", peerDown(2, "07"), "FSM event code", true),
                bad("peer down reason 4 with data", peerDown(4, "00"), "trailing", true),
                bad("peer down reason 5 with data", peerDown(5, "0000"), "trailing", true),
                bad("peer down reason 0", peerDown(0, ""), "unknown peer down reason 0", true),
                bad("peer down reason 7", peerDown(7, ""), "unknown peer down reason 7", true),
                bad("peer down without a reason", truncate(peerDown(4, ""), BODY), "peer down reason", true),
                bad("peer down reason 6 TLV overruns", peerDown(6, "0003 0009 61"), "needs 9", true),
                bad("statistics count larger than the data", patch(STATS, BODY, 0, 0, 0, 2), "count 2", true),
                bad("statistics count of 4 billion", patch(STATS, BODY, 0xff, 0xff, 0xff, 0xff), "count 4294967295",
                        true),
                bad("statistics TLV length overruns", patch(STATS, BODY + 4 + 2, 0, 9), "needs 9", true),
                bad("statistics gauge with a counter's width", fixLength(concat(Arrays.copyOf(STATS, BODY + 4),
                        hex("0007 0004 00000001"))), "must be 8 bytes", true),
                bad("statistics per-AFI gauge too short", fixLength(concat(Arrays.copyOf(STATS, BODY + 4),
                        hex("0009 0008 0000000000000001"))), "must be 11 bytes", true),
                bad("statistics bytes after the counted TLVs", append(STATS, "0000 0004 00000001"), "after the 1 stats",
                        true),
                bad("statistics count missing", truncate(STATS, BODY + 2), "statistics count", true),
                bad("initiation TLV length overruns", append(INITIATION, "0000 0005 6869"), "needs 5", true),
                bad("initiation TLV header truncated", append(INITIATION, "0000 00"), "TLV length", true),
                bad("termination reason of one byte", fixLength(hex("03 00000000 05 0001 0001 01")), "must be 2 bytes",
                        true),
                bad("route mirroring information of three bytes", patch(fixLength(concat(Arrays.copyOf(
                        ROUTE_MONITORING, BODY), hex("0001 0003 000100"))), 5, BmpMessage.TYPE_ROUTE_MIRRORING),
                        "must be 2 bytes", true));
    }

    private static Arguments bad(String name, byte[] bytes, String expected, boolean framesCleanly) {
        return Arguments.of(name, bytes, expected, framesCleanly);
    }

    private static byte[] peerDown(int reason, String dataHex) {
        byte[] head = Arrays.copyOf(ROUTE_MONITORING, BODY);
        head[5] = BmpMessage.TYPE_PEER_DOWN;
        return fixLength(concat(head, new byte[] {(byte) reason}, hex(dataHex)));
    }

    private static byte[] peerDown(int reason, byte[] data) {
        return peerDown(reason, hex(data));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void decoderRejectsWithAClearMessage(String name, byte[] bytes, String expected, boolean framesCleanly) {
        BmpException e = assertThrows(BmpException.class, () -> BmpDecoder.decode(bytes));

        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aBadMessageThatFramesDoesNotStopTheNextOne(String name, byte[] bytes, String expected, boolean framesCleanly)
            throws Exception {
        BmpFramer framer = new BmpFramer(1 << 20);
        framer.feed(concat(bytes, ROUTE_MONITORING));

        if (!framesCleanly) {
            // Framing is lost: the framer must refuse, or wait for the bytes a too-large length promises,
            // but never hand out the following message as if nothing had happened.
            byte[] first;
            try {
                first = framer.next();
            } catch (BmpException refused) {
                assertThrows(BmpException.class, framer::next, "a framing error is sticky");
                return;
            }
            assertNull(first, "framer must wait for the promised bytes");
            return;
        }
        byte[] first = framer.next();
        assertArrayEquals(bytes, first);
        assertThrows(BmpException.class, () -> BmpDecoder.decode(first));
        RouteMonitoring next = assertInstanceOf(RouteMonitoring.class, BmpDecoder.decode(framer.next()));
        assertEquals(PEER, next.peer());
        assertNull(framer.next());
    }

    @Test
    void everyTruncationAndEveryByteFlipEndsInAResultOrABmpException() {
        List<byte[]> valid = new ArrayList<>(List.of(ROUTE_MONITORING, PEER_UP, STATS, INITIATION,
                BmpEncoder.termination(0),
                BmpEncoder.peerDown(PEER, 3, notification(6, 2)),
                BmpEncoder.peerDown(PeerHeader.locRib(0, true, 1, 1), 6, hex("0003 0001 61")),
                BmpEncoder.routeMirroring(PEER, List.of(new Tlv(0, endOfRibUpdate())))));
        Random random = new Random(7854);
        int rejected = 0;
        int attempts = 0;
        for (byte[] m : valid) {
            List<byte[]> variants = new ArrayList<>();
            for (int n = 0; n < m.length; n++) {
                variants.add(truncate(m, Math.max(n, 6)));
            }
            for (int i = 0; i < 2000; i++) {
                byte[] c = m.clone();
                int flips = 1 + random.nextInt(3);
                for (int f = 0; f < flips; f++) {
                    c[1 + random.nextInt(c.length - 1)] = (byte) random.nextInt(256);
                }
                variants.add(c);
            }
            for (byte[] v : variants) {
                attempts++;
                try {
                    BmpDecoder.decode(v);
                } catch (BmpException e) {
                    rejected++;
                    assertNotNull(e.getMessage());
                } catch (RuntimeException e) {
                    fail("runtime exception escaped for " + hex(v), e);
                }
            }
        }
        // Free-form fields (addresses, AS numbers, UPDATE bodies) legitimately accept any value, so only a
        // share of the mutations is invalid; the point is that none escaped as a runtime exception.
        assertTrue(rejected > attempts / 4, "mutations caught: " + rejected + "/" + attempts);
    }

    @Test
    void unknownStatisticTypesAreKeptWhenPlainAndSkippedOtherwise() throws Exception {
        byte[] m = fixLength(concat(Arrays.copyOf(STATS, BODY), hex("00000003 | 0007 0008 000000000000000a"
                + " | 7000 0004 00000009 | 7001 0003 010203")));

        StatisticsReport s = (StatisticsReport) BmpDecoder.decode(m);

        assertEquals(Map.of(7, 10L, 0x7000, 9L), s.counters());
        assertFalse(s.counters().containsKey(0x7001));
    }
}

package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.endOfRibUpdate;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.notification;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.open;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.withdrawUpdate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BmpRoundTripTest {

    private static final long U32_MAX = 0xFFFF_FFFFL;

    static Stream<PeerHeader> peerHeaders() {
        return Stream.of(
                PeerHeader.global("192.0.2.1", false, false, 64496, 0xc0000201L),
                PeerHeader.global("2001:db8::1", true, true, 4_200_000_000L, 1),
                new PeerHeader(PeerHeader.TYPE_RD, false, true, true, false, false, 0x0001_c000_0201_0064L,
                        "203.0.113.9", U32_MAX, U32_MAX, U32_MAX, 999_999),
                new PeerHeader(PeerHeader.TYPE_LOCAL, true, false, false, true, false, -1L, "fe80::1:2",
                        0, 0, 1_700_000_000L, 0),
                PeerHeader.locRib(0, false, 4_200_000_001L, 0x7f000004L),
                PeerHeader.locRib(0x0000fde800000064L, true, 65000, 0x0a000001L));
    }

    static Stream<BmpMessage> messages() {
        Map<Integer, Long> stats = new LinkedHashMap<>();
        stats.put(StatisticsReport.ADJ_RIB_IN_ROUTES, Long.MAX_VALUE);
        stats.put(StatisticsReport.REJECTED_PREFIXES, U32_MAX);
        stats.put(StatisticsReport.ADJ_RIB_IN_ROUTES_PER_AFI_SAFI, 7L);
        stats.put(StatisticsReport.ADJ_RIB_OUT_POST_POLICY_ROUTES, 3L);
        stats.put(60000, 12L); // unknown type: carried as a 64-bit value
        Stream<BmpMessage> perPeer = peerHeaders().flatMap(p -> Stream.<BmpMessage>of(
                new RouteMonitoring(p, withdrawUpdate()),
                new StatisticsReport(p, stats),
                new StatisticsReport(p, Map.of()),
                new PeerUp(p, p.ipv6() ? "2001:db8::ffff" : "198.51.100.7", 179, 65535, open(23456, 90, "0a000001"),
                        open(64496, 180, "0a000002"), List.of(Tlv.ofText(PeerUp.TLV_VRF_TABLE_NAME, "gl\u00f6bal"))),
                new PeerDown(p, 1, notification(6, 2), null, List.of()),
                new PeerDown(p, 2, null, 0xFFFF, List.of()),
                new PeerDown(p, 3, notification(4, 0), null, List.of()),
                new PeerDown(p, 4, null, null, List.of()),
                new PeerDown(p, 5, null, null, List.of()),
                new PeerDown(p, 6, null, null, List.of(Tlv.ofText(3, "vrf-a"))),
                new PeerDown(p, 6, null, null, List.of()),
                new RouteMirroring(p, List.of(new Tlv(0, endOfRibUpdate()), Tlv.ofShort(1, 0)))));
        Stream<BmpMessage> connectionLevel = Stream.of(
                new Initiation(List.of(Tlv.ofText(2, "edge-1"), Tlv.ofText(1, "GoBGP 3.10"), Tlv.ofText(0, ""))),
                new Initiation(List.of()),
                new Termination(List.of(Tlv.ofText(0, "maintenance"), Tlv.ofShort(1, 4))));
        return Stream.concat(perPeer, connectionLevel);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageSurvivesEncodeThenDecode(BmpMessage original) throws Exception {
        byte[] wire = BmpEncoder.encode(original);

        BmpMessage decoded = BmpDecoder.decode(wire);

        assertEquals(original, decoded);
        assertEquals(original.type(), wire[5]);
        assertArrayEquals(wire, BmpEncoder.encode(decoded), "re-encoding is byte-identical");
    }

    @ParameterizedTest
    @MethodSource("peerHeaders")
    void convenienceEncodersMatchTheRecordEncoder(PeerHeader p) {
        byte[] o1 = open(23456, 90, "0a000001");
        byte[] o2 = open(64496, 180, "0a000002");
        String local = p.ipv6() ? "::1" : "127.0.0.1";
        assertArrayEquals(BmpEncoder.encode(new PeerUp(p, local, 1, 2, o1, o2, List.of())),
                BmpEncoder.peerUp(p, local, 1, 2, o1, o2));
        assertArrayEquals(BmpEncoder.encode(new RouteMonitoring(p, endOfRibUpdate())),
                BmpEncoder.routeMonitoring(p, endOfRibUpdate()));
        assertArrayEquals(BmpEncoder.encode(new PeerDown(p, 3, notification(6, 4), null, List.of())),
                BmpEncoder.peerDown(p, 3, notification(6, 4)));
        assertArrayEquals(BmpEncoder.encode(new PeerDown(p, 4, null, null, List.of())),
                BmpEncoder.peerDown(p, 4, null));
    }

    @Test
    void perAfiSafiGaugesOfSeveralFamiliesComeBackAsTheirSum() throws Exception {
        PeerHeader p = PeerHeader.global("192.0.2.1", false, false, 64496, 1);
        byte[] two = BmpFixtures.fixLength(BmpFixtures.concat(BmpEncoder.statisticsReport(p, Map.of(10, 5L)),
                BmpFixtures.hex("000a 000b 0002 01 0000000000000006")));
        two[51] = 2; // count: the appended TLV is the second one

        StatisticsReport m = (StatisticsReport) BmpDecoder.decode(two);

        assertEquals(Map.of(10, 11L), m.counters());
    }

    @Test
    void encoderRefusesWhatTheDecoderWouldReject() {
        PeerHeader p = PeerHeader.global("192.0.2.1", false, false, 64496, 1);
        assertThrows(IllegalArgumentException.class, () -> BmpEncoder.peerDown(p, 1, null));
        assertThrows(IllegalArgumentException.class, () -> BmpEncoder.peerDown(p, 4, new byte[] {1}));
        assertThrows(IllegalArgumentException.class, () -> BmpEncoder.peerDown(p, 9, null));
        assertThrows(IllegalArgumentException.class, () -> BmpEncoder.routeMonitoring(p, notification(6, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> BmpEncoder.peerUp(p, "192.0.2.2", 1, 2, endOfRibUpdate(), open(1, 90, "01020304")));
        assertThrows(IllegalArgumentException.class,
                () -> BmpEncoder.peerUp(p, "2001:db8::1", 1, 2, open(1, 90, "01020304"), open(1, 90, "01020304")));
        assertThrows(IllegalArgumentException.class, () -> BmpEncoder.statisticsReport(p, Map.of(0, 1L << 32)));
        assertThrows(IllegalArgumentException.class,
                () -> BmpEncoder.routeMonitoring(PeerHeader.global("example.com", false, false, 1, 1), endOfRibUpdate()));
        assertThrows(IllegalArgumentException.class,
                () -> BmpEncoder.routeMirroring(p, List.of(new Tlv(1, new byte[3]))));
    }

    @Test
    void peerHeaderRefusesFlagsOfTheOtherPeerTypeFamily() {
        assertThrows(IllegalArgumentException.class,
                () -> new PeerHeader(3, true, false, false, false, false, 0, "0.0.0.0", 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PeerHeader(0, false, false, false, false, true, 0, "192.0.2.1", 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PeerHeader(4, false, false, false, false, false, 0, "192.0.2.1", 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PeerHeader(0, false, false, false, false, false, 0, "192.0.2.1", 1L << 32, 1, 0, 0));
    }
}

package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.MARKER;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.hex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each message type written out byte by byte from RFC 7854 / RFC 9069, then decoded field by field and
 * compared with what the encoder produces. The hex is the specification here, not encoder output.
 */
class BmpGoldenBytesTest {

    // global peer 192.0.2.1, L flag, AS 65000, BGP ID 192.0.2.1, ts 1600000000.001000
    private static final String PEER_V4_POST =
            "00 40 0000000000000000 000000000000000000000000c0000201 0000fde8 c0000201 5f5e1000 000003e8";

    private static final PeerHeader PEER_V4_POST_HEADER = new PeerHeader(0, false, true, false, false, false, 0,
            "192.0.2.1", 65000, 0xc0000201L, 1_600_000_000L, 1000);

    @Test
    void initiationCarriesSysNameAndSysDescrTlvs() throws Exception {
        byte[] wire = hex("03 00000011 04 | 0002 0002 7231 | 0001 0001 78");

        Initiation m = assertInstanceOf(Initiation.class, BmpDecoder.decode(wire));

        assertEquals("r1", m.sysName());
        assertEquals("x", m.sysDescr());
        assertEquals(List.of(Tlv.ofText(2, "r1"), Tlv.ofText(1, "x")), m.tlvs());
        assertArrayEquals(wire, BmpEncoder.initiation("r1", "x"));
    }

    @Test
    void terminationCarriesATwoByteReason() throws Exception {
        byte[] wire = hex("03 0000000c 05 | 0001 0002 0001");

        Termination m = assertInstanceOf(Termination.class, BmpDecoder.decode(wire));

        assertEquals(Termination.REASON_UNSPECIFIED, m.reason());
        assertArrayEquals(wire, BmpEncoder.termination(1));
    }

    @Test
    void terminationWithOnlyAStringHasNoReason() throws Exception {
        Termination m = (Termination) BmpDecoder.decode(hex("03 0000000d 05 | 0000 0003 627965"));

        assertNull(m.reason());
        assertEquals("bye", m.tlvs().get(0).text());
    }

    @Test
    void routeMonitoringDecodesThePerPeerHeaderAndKeepsTheUpdateRaw() throws Exception {
        String update = MARKER + "0017 02 0000 0000";
        byte[] wire = hex("03 00000047 00 | " + PEER_V4_POST + " | " + update);
        assertEquals(42, hex(PEER_V4_POST).length, "fixture per-peer header");

        RouteMonitoring m = assertInstanceOf(RouteMonitoring.class, BmpDecoder.decode(wire));

        PeerHeader p = m.peer();
        assertEquals(PEER_V4_POST_HEADER, p);
        assertEquals("192.0.2.1", p.peerAddress());
        assertEquals("192.0.2.1", p.peerBgpIdText());
        assertTrue(p.postPolicy());
        assertFalse(p.ipv6());
        assertEquals(0x40, p.flags());
        assertArrayEquals(hex(update), m.bgpUpdate());
        assertArrayEquals(wire, BmpEncoder.routeMonitoring(PEER_V4_POST_HEADER, hex(update)));
    }

    @Test
    void peerUpOverIpv6SplitsTheTwoOpensByTheirBgpLength() throws Exception {
        String peer = "00 80 0000000000000000 20010db8000000000000000000000001 fa56ea00 0a000001 00000000 00000000";
        String sentOpen = MARKER + "001d 01 04 5ba0 005a 0a000002 00";
        String receivedOpen = MARKER + "001d 01 04 5ba0 00b4 0a000001 00";
        byte[] wire = hex("03 00000084 03 | " + peer + " | 20010db8000000000000000000000002 00b3 c350 | "
                + sentOpen + " | " + receivedOpen + " | 0000 0002 6869");

        PeerUp m = assertInstanceOf(PeerUp.class, BmpDecoder.decode(wire));

        assertTrue(m.peer().ipv6());
        assertEquals("2001:db8::1", m.peer().peerAddress());
        assertEquals(4_200_000_000L, m.peer().peerAs());
        assertEquals("2001:db8::2", m.localAddress());
        assertEquals(179, m.localPort());
        assertEquals(50000, m.remotePort());
        assertArrayEquals(hex(sentOpen), m.sentOpen());
        assertArrayEquals(hex(receivedOpen), m.receivedOpen());
        assertEquals(List.of(Tlv.ofText(PeerUp.TLV_STRING, "hi")), m.info());
        assertArrayEquals(wire, BmpEncoder.peerUp(m.peer(), "2001:db8::2", 179, 50000, hex(sentOpen),
                hex(receivedOpen), List.of(Tlv.ofText(0, "hi"))));
    }

    @Test
    void peerDownReasonOneCarriesTheLocalNotificationOfAnRdPeer() throws Exception {
        // RD instance, RD type 0 65000:100
        String peer = "01 00 0000fde800000064 000000000000000000000000 c6336401 0000fde9 c6336401 00000000 00000000";
        String notification = MARKER + "0015 03 06 02";
        byte[] wire = hex("03 00000046 02 | " + peer + " | 01 | " + notification);

        PeerDown m = assertInstanceOf(PeerDown.class, BmpDecoder.decode(wire));

        assertEquals(PeerHeader.TYPE_RD, m.peer().peerType());
        assertEquals(0x0000fde800000064L, m.peer().distinguisher());
        assertEquals("198.51.100.1", m.peer().peerAddress());
        assertEquals(1, m.reason());
        assertArrayEquals(hex(notification), m.notification());
        assertNull(m.fsmEventCode());
        assertArrayEquals(wire, BmpEncoder.peerDown(m.peer(), 1, hex(notification)));
    }

    @Test
    void peerDownReasonTwoCarriesTheFsmEventCode() throws Exception {
        byte[] wire = hex("03 00000033 02 | " + PEER_V4_POST + " | 02 | 0007");

        PeerDown m = (PeerDown) BmpDecoder.decode(wire);

        assertEquals(2, m.reason());
        assertEquals(7, m.fsmEventCode());
        assertNull(m.notification());
        assertArrayEquals(wire, BmpEncoder.peerDown(PEER_V4_POST_HEADER, 2, hex("0007")));
    }

    @Test
    void locRibPeerDownReasonSixCarriesTheTableNameTlvAndTheFilteredFlag() throws Exception {
        // RFC 9069: peer type 3, F flag in the first bit, zero address, the local AS and BGP ID
        String peer = "03 80 0000000000000000 00000000000000000000000000000000 fa56ea01 7f000004 00000000 00000000";
        byte[] wire = hex("03 0000003b 02 | " + peer + " | 06 | 0003 0006 676c6f62616c");

        PeerDown m = (PeerDown) BmpDecoder.decode(wire);

        assertTrue(m.peer().isLocRib());
        assertTrue(m.peer().filtered());
        assertFalse(m.peer().ipv6(), "on a Loc-RIB peer the first flag bit is F, not V");
        assertEquals("0.0.0.0", m.peer().peerAddress());
        assertEquals(6, m.reason());
        assertEquals("global", m.tlvs().get(0).text());
        assertEquals(PeerUp.TLV_VRF_TABLE_NAME, m.tlvs().get(0).type());
        assertArrayEquals(wire, BmpEncoder.peerDown(PeerHeader.locRib(0, true, 4_200_000_001L, 0x7f000004L), 6,
                hex("0003 0006 676c6f62616c")));
    }

    @Test
    void statisticsMixCountersGaugesAndSumPerAfiSafiGauges() throws Exception {
        byte[] wire = hex("03 00000066 01 | " + PEER_V4_POST + " | 00000004"
                + " | 0007 0008 00000000000003e8" // Adj-RIB-In routes: 1000 (64-bit gauge)
                + " | 0000 0004 00000005" // rejected prefixes: 5 (32-bit counter)
                + " | 0009 000b 0001 01 0000000000000258" // IPv4 unicast Adj-RIB-In: 600
                + " | 0009 000b 0002 01 0000000000000190"); // IPv6 unicast Adj-RIB-In: 400

        StatisticsReport m = assertInstanceOf(StatisticsReport.class, BmpDecoder.decode(wire));

        Map<Integer, Long> expected = new LinkedHashMap<>();
        expected.put(7, 1000L);
        expected.put(0, 5L);
        expected.put(9, 1000L);
        assertEquals(expected, m.counters());
        assertEquals(List.of(7, 0, 9), List.copyOf(m.counters().keySet()), "wire order is kept");
    }

    @Test
    void statisticsEncoderUsesTheRfcWidthOfEachType() {
        Map<Integer, Long> counters = new LinkedHashMap<>();
        counters.put(7, 1000L);
        counters.put(0, 5L);
        counters.put(10, 42L);

        byte[] wire = BmpEncoder.statisticsReport(PEER_V4_POST_HEADER, counters);

        // compared as hex strings for a readable diff
        assertEquals(hex(hex("03 00000057 01 | " + PEER_V4_POST + " | 00000003 | 0007 0008 00000000000003e8"
                + " | 0000 0004 00000005 | 000a 000b 0001 01 000000000000002a")), hex(wire));
    }

    @Test
    void routeMirroringKeepsItsTlvs() throws Exception {
        byte[] wire = hex("03 00000036 06 | " + PEER_V4_POST + " | 0001 0002 0001");

        RouteMirroring m = assertInstanceOf(RouteMirroring.class, BmpDecoder.decode(wire));

        assertEquals(List.of(Tlv.ofShort(RouteMirroring.TLV_INFORMATION, RouteMirroring.INFO_MESSAGES_LOST)),
                m.tlvs());
        assertArrayEquals(wire, BmpEncoder.routeMirroring(PEER_V4_POST_HEADER, m.tlvs()));
    }

    @Test
    void reservedFlagBitsAreIgnoredOnReceipt() throws Exception {
        String peer = PEER_V4_POST.replaceFirst("^00 40", "00 4f");
        RouteMonitoring m = (RouteMonitoring) BmpDecoder.decode(hex("03 00000047 00 | " + peer + " | " + MARKER
                + "0017 02 0000 0000"));

        assertEquals(PEER_V4_POST_HEADER, m.peer());
    }
}

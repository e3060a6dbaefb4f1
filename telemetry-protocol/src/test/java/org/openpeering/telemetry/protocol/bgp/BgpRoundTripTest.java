package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Encoder then decoder gives back what went in, on every session flavour. */
class BgpRoundTripTest {

    private static final BgpSessionContext FOUR = BgpSessionContext.DEFAULT;
    private static final BgpSessionContext TWO = new BgpSessionContext(false, Set.of(), false);

    private static Update roundTrip(List<Nlri> withdrawn, List<Nlri> announced, PathAttributes attrs, String mpNextHop,
            BgpSessionContext ctx) throws BgpException {
        return (Update) BgpDecoder.decode(BgpEncoder.update(withdrawn, announced, attrs, mpNextHop, ctx), ctx);
    }

    private static PathAttributes everything() {
        return new PathAttributes(PathAttributes.ORIGIN_INCOMPLETE,
                List.of(new AsPathSegment(false, new long[] { 65001, 65002 }, true),
                        AsPathSegment.sequence(64500, 4200000005L), AsPathSegment.asSet(64511, 64512)),
                "192.0.2.1", 0L, 4294967295L, true, 4200000001L, "198.51.100.7",
                new int[] { PathAttributes.community(64496, 8007), 0xFFFFFF01 },
                new long[] { 4200000005L, 1, 2, 64496, 8007, 0 }, 64500L,
                List.of(hex("e0 10 08 0002fbf000001f47"), hex("e0 fe 02 abcd")));
    }

    @Test
    void updateWithEveryAttributeRoundTripsOnFourOctetSession() throws Exception {
        PathAttributes attrs = everything();
        Update u = roundTrip(List.of(Nlri.of("198.51.100.0/24")), List.of(Nlri.of("203.0.113.0/24"),
                Nlri.of("10.0.0.0/8")), attrs, null, FOUR);
        assertEquals(attrs, u.attributes());
        assertEquals(List.of(Nlri.of("198.51.100.0/24")), u.withdrawn());
        assertEquals(List.of(Nlri.of("203.0.113.0/24"), Nlri.of("10.0.0.0/8")), u.announced());
        assertTrue(u.errors().isEmpty(), u.errors().toString());
        assertEquals("(65001 65002) 64500 4200000005 {64511,64512}", u.attributes().asPathText());
        assertEquals(3, u.attributes().asPathLength());
    }

    @Test
    void unknownTransitiveAttributeGetsThePartialBitWhenPassedOn() throws Exception {
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500)), "192.0.2.1")
                .withUnknownTransitive(List.of(hex("c0 10 08 0002fbf000001f47")));
        Update u = roundTrip(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null, FOUR);
        assertEquals("e010080002fbf000001f47", hex(u.attributes().unknownTransitive().get(0)));
    }

    @Test
    void twoOctetSessionUsesAsTransAndAs4PathAndGetsTheRealPathBack() throws Exception {
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500, 65536, 4200000005L)),
                "192.0.2.1").withAggregator(true, 4200000001L, "198.51.100.7");
        byte[] bytes = BgpEncoder.update(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null, TWO);
        String wire = hex(bytes);
        assertTrue(wire.contains("400208020" + "3fbf45ba05ba0"), "AS_PATH 64500 AS_TRANS AS_TRANS: " + wire);
        assertTrue(wire.contains("c0110e020300" + "00fbf400010000fa56ea05"), "AS4_PATH: " + wire);
        assertTrue(wire.contains("c007065ba0c6336407"), "AGGREGATOR AS_TRANS: " + wire);
        assertTrue(wire.contains("c01208fa56ea01c6336407"), "AS4_AGGREGATOR: " + wire);
        Update u = (Update) BgpDecoder.decode(bytes, TWO);
        assertEquals(attrs, u.attributes());
        assertTrue(u.errors().isEmpty(), u.errors().toString());
    }

    @Test
    void twoOctetSessionWithOnlySmallAsesSendsNoAs4Path() throws Exception {
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500, 64510)), "192.0.2.1");
        byte[] bytes = BgpEncoder.update(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null, TWO);
        assertFalse(hex(bytes).contains("c011"));
        assertEquals(attrs, ((Update) BgpDecoder.decode(bytes, TWO)).attributes());
    }

    @Test
    void addPathRoundTripsBothFamilies() throws Exception {
        BgpSessionContext ctx = new BgpSessionContext(true, Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST),
                false);
        List<Nlri> announced = List.of(Nlri.of("203.0.113.0/24", 1), Nlri.of("203.0.113.0/24", 4294967295L),
                Nlri.of("2001:db8:1::/48", 9));
        List<Nlri> withdrawn = List.of(Nlri.of("198.51.100.0/24", 3), Nlri.of("2001:db8:2::/48", 5));
        Update u = roundTrip(withdrawn, announced, PathAttributes.of(0, List.of(AsPathSegment.sequence(64500)),
                "192.0.2.1"), "2001:db8::1", ctx);
        assertEquals(announced, u.announced());
        assertEquals(withdrawn, u.withdrawn());
        assertEquals("2001:db8::1", u.mpNextHop());
    }

    @Test
    void withdrawOnlyUpdateCarriesNoAttributes() throws Exception {
        // IPv4 withdrawn routes come back first, then the MP_UNREACH_NLRI ones
        List<Nlri> withdrawn = List.of(Nlri.of("198.51.100.0/24"), Nlri.of("0.0.0.0/0"), Nlri.of("2001:db8::/32"));
        Update u = roundTrip(withdrawn, List.of(), null, null, FOUR);
        assertEquals(withdrawn, u.withdrawn());
        assertNull(u.attributes());
        assertNull(u.endOfRib());
        assertFalse(u.treatAsWithdraw());
    }

    @Test
    void longPathIsSplitIntoSegmentsOf255() throws Exception {
        long[] asns = new long[300];
        Arrays.setAll(asns, i -> 64512 + i);
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(asns)), "192.0.2.1");
        Update u = roundTrip(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null, FOUR);
        assertEquals(2, u.attributes().asPath().size());
        assertEquals(255, u.attributes().asPath().get(0).asns().length);
        assertEquals(300, u.attributes().asPathLength());
        assertEquals(attrs.asPathText(), u.attributes().asPathText());
        assertEquals(64512L + 299, u.attributes().originAs());
    }

    @Test
    void attributeOver255OctetsUsesExtendedLength() throws Exception {
        int[] communities = new int[100];
        Arrays.setAll(communities, i -> PathAttributes.community(64496, i));
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500)), "192.0.2.1")
                .withCommunities(communities);
        byte[] bytes = BgpEncoder.update(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null, FOUR);
        assertTrue(hex(bytes).contains("d0080190"), "flags 0xd0, type 8, length 400");
        assertEquals(attrs, ((Update) BgpDecoder.decode(bytes, FOUR)).attributes());
    }

    @Test
    void largeUpdateNeedsExtendedMessages() throws Exception {
        List<Nlri> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(Nlri.of("10." + (i >> 8) + "." + (i & 0xFF) + ".0/24"));
        }
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500)), "192.0.2.1");
        assertThrows(IllegalArgumentException.class, () -> BgpEncoder.update(List.of(), many, attrs, null, FOUR));
        BgpSessionContext extended = new BgpSessionContext(true, Set.of(), true);
        byte[] bytes = BgpEncoder.update(List.of(), many, attrs, null, extended);
        assertTrue(bytes.length > 4096);
        assertEquals(many, ((Update) BgpDecoder.decode(bytes, extended)).announced());
        BgpException e = assertThrows(BgpException.class, () -> BgpDecoder.decode(bytes, FOUR));
        assertEquals(1, e.code());
        assertEquals(2, e.subcode());
    }

    @Test
    void openRoundTripsWithUnknownCapabilitiesAndNoOptionalCapabilities() throws Exception {
        Capabilities caps = new Capabilities(4200000001L, Set.of(AfiSafi.IPV6_UNICAST), false, false,
                new GracefulRestart(true, 4095, Map.of()), Map.of(AfiSafi.IPV6_UNICAST, AddPathMode.BOTH),
                List.of(hex("490402766d00"), hex("010400010080")));
        Open open = Open.of(4200000001L, 0, 0xC0000201L, caps);
        assertEquals(open, BgpDecoder.decode(BgpEncoder.open(open), FOUR));
        Open bare = new Open(4, 64500, 180, 1, null);
        assertEquals(bare, BgpDecoder.decode(BgpEncoder.open(bare), FOUR));
        assertEquals(64500, bare.asn());
    }

    @Test
    void openWithManyCapabilitiesUsesExtendedOptionalParameters() throws Exception {
        List<byte[]> unknown = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            unknown.add(hex("80 08 0102030405060708")); // 10 octets each: 300 octets of capabilities
        }
        Open open = Open.of(64500, 90, 1, new Capabilities(64500L, Set.of(), true, false, null, Map.of(), unknown));
        byte[] bytes = BgpEncoder.open(open);
        assertEquals("ffff", hex(bytes).substring(56, 60), "RFC 9072 marker: length 255, type 255");
        assertEquals(open, BgpDecoder.decode(bytes, FOUR));
    }

    @Test
    void smallMessagesRoundTripThroughTheGenericEncoder() throws Exception {
        List<BgpMessage> messages = List.of(Keepalive.INSTANCE, new Notification(6, 2, hex("03616263")),
                new RouteRefresh(AfiSafi.IPV6_UNICAST, 1),
                new Update(List.of(), List.of(), null, null, false, AfiSafi.IPV6_UNICAST, List.of()),
                Open.of(65536, 90, 7, Capabilities.NONE));
        for (BgpMessage m : messages) {
            assertEquals(m, BgpDecoder.decode(BgpEncoder.encode(m, FOUR), FOUR));
        }
    }

    @Test
    void negotiatedContextIsDirectional() {
        Capabilities local = new Capabilities(64500L, Set.of(AfiSafi.IPV4_UNICAST), true, true, null,
                Map.of(AfiSafi.IPV4_UNICAST, AddPathMode.RECEIVE, AfiSafi.IPV6_UNICAST, AddPathMode.BOTH), List.of());
        Capabilities peer = new Capabilities(65536L, Set.of(AfiSafi.IPV4_UNICAST), true, true, null,
                Map.of(AfiSafi.IPV4_UNICAST, AddPathMode.SEND, AfiSafi.IPV6_UNICAST, AddPathMode.RECEIVE), List.of());
        BgpSessionContext inbound = BgpSessionContext.negotiated(peer, local);
        BgpSessionContext outbound = BgpSessionContext.negotiated(local, peer);
        assertEquals(Set.of(AfiSafi.IPV4_UNICAST), inbound.addPathReceive());
        assertEquals(Set.of(AfiSafi.IPV6_UNICAST), outbound.addPathReceive());
        assertTrue(inbound.fourOctetAs() && inbound.extendedMessages());
        assertEquals(65535, inbound.maxMessageLength());
        Capabilities old = new Capabilities(null, Set.of(), false, false, null, Map.of(), List.of());
        assertFalse(BgpSessionContext.negotiated(old, local).fourOctetAs());
        assertEquals(4096, BgpSessionContext.negotiated(old, local).maxMessageLength());
    }

    @Test
    void encoderRefusesWhatItCannotRepresent() {
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64500)), "192.0.2.1");
        List<Nlri> v6 = List.of(Nlri.of("2001:db8::/32"));
        assertThrows(IllegalArgumentException.class, () -> BgpEncoder.update(List.of(), v6, attrs, null, FOUR));
        assertThrows(IllegalArgumentException.class,
                () -> BgpEncoder.update(List.of(), v6, attrs, "192.0.2.1", FOUR));
        assertThrows(IllegalArgumentException.class,
                () -> BgpEncoder.update(List.of(), List.of(Nlri.of("10.0.0.0/8")), null, null, FOUR));
        PathAttributes rawOrigin = attrs.withUnknownTransitive(List.of(hex("c0 01 01 00")));
        assertThrows(IllegalArgumentException.class,
                () -> BgpEncoder.update(List.of(), List.of(Nlri.of("10.0.0.0/8")), rawOrigin, null, FOUR));
    }
}

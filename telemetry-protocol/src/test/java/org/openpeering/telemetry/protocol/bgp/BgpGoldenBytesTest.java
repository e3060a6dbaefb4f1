package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.BASE_ATTRIBUTES;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.MARKER;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.NEXT_HOP_192_0_2_1;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.NLRI_203_0_113_0_24;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.hex;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.reset;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.update;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

/** Byte-exact encodings written by hand from the RFC layouts, checked both ways. */
class BgpGoldenBytesTest {

    private static final BgpSessionContext TWO_OCTET = new BgpSessionContext(false, Set.of(), false);

    private static final String OPEN_ALL_CAPABILITIES = MARKER + "0047 01"
            + "04 5ba0 005a 0a000001"          // version 4, AS_TRANS, hold 90, id 10.0.0.1
            + "2a 02 28"                        // 42 octets of parameters: one Capabilities parameter of 40
            + "01 04 0001 00 01"                // MP IPv4 unicast
            + "01 04 0002 00 01"                // MP IPv6 unicast
            + "02 00"                           // route refresh
            + "06 00"                           // extended message
            + "40 0a 0078 0001 01 80 0002 01 00" // GR: time 120, IPv4 F=1, IPv6 F=0
            + "41 04 00010000"                  // 4-octet AS 65536
            + "45 04 0001 01 01";               // ADD-PATH IPv4 receive

    private static Open openWithAllCapabilities() {
        Capabilities caps = new Capabilities(65536L, Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST), true, true,
                new GracefulRestart(false, 120, Map.of(AfiSafi.IPV4_UNICAST, true, AfiSafi.IPV6_UNICAST, false)),
                Map.of(AfiSafi.IPV4_UNICAST, AddPathMode.RECEIVE), List.of());
        return Open.of(65536, 90, 0x0A000001L, caps);
    }

    @Test
    void encodesOpenWithEveryCapabilityByteForByte() {
        assertEquals(OPEN_ALL_CAPABILITIES.replace(" ", ""), hex(BgpEncoder.open(openWithAllCapabilities())));
    }

    @Test
    void decodesOpenWithEveryCapability() throws Exception {
        Open o = (Open) BgpDecoder.decode(hex(OPEN_ALL_CAPABILITIES), BgpSessionContext.DEFAULT);
        assertEquals(openWithAllCapabilities(), o);
        assertEquals(23456, o.myAs2());
        assertEquals(65536, o.asn());
        assertEquals("10.0.0.1", o.bgpIdentifierText());
        assertEquals(120, o.capabilities().gracefulRestart().restartTimeSeconds());
        assertEquals(Boolean.TRUE, o.capabilities().gracefulRestart().forwardingPreserved().get(AfiSafi.IPV4_UNICAST));
        assertEquals(AddPathMode.RECEIVE, o.capabilities().addPath(AfiSafi.IPV4_UNICAST));
        o.validate();
    }

    @Test
    void decodesGobgpOpenKeepingUnknownCapabilitiesRaw() throws Exception {
        // GoBGP 3.10 sent OPEN (from the BMP capture): FQDN (73) and extended next hop (5) are unknown to us
        Open o = (Open) BgpDecoder.decode(hex(MARKER + "004101045ba0005a7f0000042402220200490402766d00010400010001"
                + "0104000200014104fa56ea010506000100010002"), BgpSessionContext.DEFAULT);
        assertEquals(4200000001L, o.asn());
        assertEquals(Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST), o.capabilities().multiprotocol());
        assertTrue(o.capabilities().routeRefresh());
        assertEquals(2, o.capabilities().unknown().size());
        assertEquals("490402766d00", hex(o.capabilities().unknown().get(0)));
        assertEquals("0506000100010002", hex(o.capabilities().unknown().get(1)));
        // and the received OPEN, one capability per optional parameter
        Open peer = (Open) BgpDecoder.decode(hex(MARKER + "003901045ba000b47f0000051c02060104000100010206010400020001"
                + "02064104fa56ea0502020600"), BgpSessionContext.DEFAULT);
        assertEquals(4200000005L, peer.asn());
        assertEquals(180, peer.holdTimeSeconds());
        assertTrue(peer.capabilities().extendedMessage());
        assertFalse(peer.capabilities().routeRefresh());
    }

    @Test
    void encodesAndDecodesKeepalive() throws Exception {
        assertEquals(MARKER + "001304", hex(BgpEncoder.keepalive()));
        assertInstanceOf(Keepalive.class, BgpDecoder.decode(BgpEncoder.keepalive(), BgpSessionContext.DEFAULT));
    }

    @Test
    void encodesCeaseMaximumPrefixesWithAfiSafiAndLimit() throws Exception {
        byte[] bytes = BgpEncoder.notification(6, 1, Notification.maxPrefixesData(AfiSafi.IPV4_UNICAST, 1000));
        assertEquals(MARKER + "001c03" + "0601" + "0001 01 000003e8".replace(" ", ""), hex(bytes));
        Notification n = (Notification) BgpDecoder.decode(bytes, BgpSessionContext.DEFAULT);
        assertEquals("Cease/Maximum Number of Prefixes Reached", n.describe());
        assertArrayEquals(hex("000101000003e8"), n.data());
    }

    @Test
    void describesNotificationsAndShutdownCommunication() {
        assertEquals("Hold Timer Expired", new Notification(4, 0, null).describe());
        assertEquals("UPDATE Message Error/Optional Attribute Error", new Notification(3, 9, null).describe());
        assertEquals("OPEN Message Error/Role Mismatch", new Notification(2, 11, null).describe());
        assertEquals("Cease/Subcode 77", new Notification(6, 77, null).describe());
        assertEquals("Code 42/Subcode 1", new Notification(42, 1, null).describe());
        Notification shutdown = new Notification(6, 2, hex("0b 6d61696e74656e616e6365"));
        assertEquals("maintenance", shutdown.shutdownCommunication());
        assertNull(new Notification(6, 1, hex("0b")).shutdownCommunication());
    }

    @Test
    void encodesIpv4UpdateWithCommunityAndLargeCommunity() throws Exception {
        String golden = MARKER + "0049 02" + "0000" + "002e"
                + "40 01 01 00"
                + "40 02 0a 02 02 0000fbf0 00010000"
                + "40 03 04 c0000201"
                + "c0 08 04 fbf01f47"                       // 64496:8007
                + "c0 20 0c 0000fbf0 00001f47 00000000"     // 64496:8007:0
                + "18 cb0071";
        PathAttributes attrs = PathAttributes.of(0, List.of(AsPathSegment.sequence(64496, 65536)), "192.0.2.1")
                .withCommunities(PathAttributes.community(64496, 8007)).withLargeCommunities(64496, 8007, 0);
        byte[] bytes = BgpEncoder.update(List.of(), List.of(Nlri.of("203.0.113.0/24")), attrs, null,
                BgpSessionContext.DEFAULT);
        assertEquals(golden.replace(" ", ""), hex(bytes));

        Update u = (Update) BgpDecoder.decode(hex(golden), BgpSessionContext.DEFAULT);
        assertEquals(List.of(Nlri.of("203.0.113.0/24")), u.announced());
        assertEquals(attrs, u.attributes());
        assertEquals("64496:8007", PathAttributes.communityText(u.attributes().communities()[0]));
        assertEquals("64496 65536", u.attributes().asPathText());
        assertEquals(65536L, u.attributes().originAs());
        assertFalse(u.treatAsWithdraw());
        assertTrue(u.errors().isEmpty());
        assertNull(u.endOfRib());
    }

    private static final String IPV6_UPDATE_32_OCTET_NEXT_HOP = MARKER + "0051 02" + "0000" + "003a"
            + "80 0e 2a 0002 01 20"
            + "20010db8000000000000000000000001"   // global 2001:db8::1
            + "fe800000000000000000000000000001"   // link-local fe80::1
            + "00 20 20010db8"                     // reserved, 2001:db8::/32
            + "40 01 01 00"
            + "40 02 06 02 01 0000fbf0";

    @Test
    void decodesIpv6ReachWithGlobalAndLinkLocalNextHopAsTheGlobal() throws Exception {
        Update u = (Update) BgpDecoder.decode(hex(IPV6_UPDATE_32_OCTET_NEXT_HOP), BgpSessionContext.DEFAULT);
        assertEquals(List.of(Nlri.of("2001:db8::/32")), u.announced());
        assertEquals("2001:db8::1", u.mpNextHop());
        assertNull(u.attributes().nextHop());
        assertEquals(64496L, u.attributes().originAs());
        assertFalse(u.treatAsWithdraw(), u.errors().toString());
    }

    @Test
    void encodesIpv6ReachFirstWithLinkLocalNextHop() {
        byte[] bytes = BgpEncoder.update(List.of(), List.of(Nlri.of("2001:db8::/32")),
                PathAttributes.of(0, List.of(AsPathSegment.sequence(64496)), null), "2001:db8::1", "fe80::1",
                BgpSessionContext.DEFAULT);
        assertEquals(IPV6_UPDATE_32_OCTET_NEXT_HOP.replace(" ", ""), hex(bytes));
    }

    private static final String ADD_PATH_UPDATE = MARKER + "0043 02"
            + "0008 00000007 18 c63364"                       // withdraw path 7 of 198.51.100.0/24
            + "0014 40010100 40020602010000fbf4 400304c0000201"
            + "00000001 18 cb0071 00000002 18 cb0071";        // two paths of 203.0.113.0/24

    @Test
    void decodesAddPathIdentifiersWhenNegotiated() throws Exception {
        BgpSessionContext ctx = new BgpSessionContext(true, Set.of(AfiSafi.IPV4_UNICAST), false);
        Update u = (Update) BgpDecoder.decode(hex(ADD_PATH_UPDATE), ctx);
        assertEquals(List.of(Nlri.of("198.51.100.0/24", 7)), u.withdrawn());
        assertEquals(List.of(Nlri.of("203.0.113.0/24", 1), Nlri.of("203.0.113.0/24", 2)), u.announced());
        assertEquals(ADD_PATH_UPDATE.replace(" ", ""),
                hex(BgpEncoder.update(u.withdrawn(), u.announced(), u.attributes(), null, ctx)));
        // the same octets read without ADD-PATH are garbage: prefix length 198 is an invalid network field
        BgpException e = reset(() -> BgpDecoder.decode(hex(ADD_PATH_UPDATE), BgpSessionContext.DEFAULT));
        assertEquals(3, e.code());
        assertEquals(10, e.subcode());
    }

    @Test
    void encodesAndDecodesEndOfRibForBothFamilies() throws Exception {
        String v4 = MARKER + "0017 02 0000 0000";
        String v6 = MARKER + "001d 02 0000 0006 800f03 000201";
        assertEquals(v4.replace(" ", ""), hex(BgpEncoder.endOfRib(AfiSafi.IPV4_UNICAST)));
        assertEquals(v6.replace(" ", ""), hex(BgpEncoder.endOfRib(AfiSafi.IPV6_UNICAST)));
        Update u4 = (Update) BgpDecoder.decode(hex(v4), BgpSessionContext.DEFAULT);
        Update u6 = (Update) BgpDecoder.decode(hex(v6), BgpSessionContext.DEFAULT);
        assertEquals(AfiSafi.IPV4_UNICAST, u4.endOfRib());
        assertEquals(AfiSafi.IPV6_UNICAST, u6.endOfRib());
        assertNull(u6.attributes());
        assertTrue(u6.withdrawn().isEmpty() && u6.announced().isEmpty());
    }

    @Test
    void doesNotMistakeOtherEmptyLookingUpdatesForEndOfRib() throws Exception {
        // MP_UNREACH that withdraws something
        Update withdraw = (Update) BgpDecoder.decode(update("", "800f08 000201 20 20010db8", ""),
                BgpSessionContext.DEFAULT);
        assertNull(withdraw.endOfRib());
        assertEquals(List.of(Nlri.of("2001:db8::/32")), withdraw.withdrawn());
        // empty MP_UNREACH plus another attribute
        Update extra = (Update) BgpDecoder.decode(update("", "800f03 000201" + "40010100", ""),
                BgpSessionContext.DEFAULT);
        assertNull(extra.endOfRib());
        // empty MP_UNREACH of a family we do not carry (VPNv4, SAFI 128)
        Update vpn = (Update) BgpDecoder.decode(update("", "800f03 000180", ""), BgpSessionContext.DEFAULT);
        assertNull(vpn.endOfRib());
    }

    @Test
    void encodesAndDecodesRouteRefresh() throws Exception {
        assertEquals((MARKER + "0017 05 0002 00 01").replace(" ", ""),
                hex(BgpEncoder.routeRefresh(AfiSafi.IPV6_UNICAST)));
        assertEquals(new RouteRefresh(AfiSafi.IPV4_UNICAST, 2),
                BgpDecoder.decode(BgpEncoder.routeRefresh(AfiSafi.IPV4_UNICAST, 2), BgpSessionContext.DEFAULT));
        // a family we do not carry: decoded with a null family, for the caller to ignore (RFC 2918 §4)
        assertEquals(new RouteRefresh(null, 0),
                BgpDecoder.decode(hex(MARKER + "0017 05 0001 00 80"), BgpSessionContext.DEFAULT));
    }

    @Test
    void decodesFourOctetAsPathWithAsSet() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100" + "40 02 14 02 02 0000fbf4 0000fbfe"
                + "01 02 0000fbff 0000fc00" + NEXT_HOP_192_0_2_1, NLRI_203_0_113_0_24),
                BgpSessionContext.DEFAULT);
        PathAttributes a = u.attributes();
        assertEquals("64500 64510 {64511,64512}", a.asPathText());
        assertNull(a.originAs(), "a path ending in an AS_SET has no origin AS (RFC 6811)");
        assertEquals(3, a.asPathLength());
        assertEquals(List.of(AsPathSegment.sequence(64500, 64510), AsPathSegment.asSet(64511, 64512)), a.asPath());
    }

    @Test
    void decodesConfederationSegmentsFlagged() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100" + "40 02 0c 03 01 0000fde8 02 01 0000fbf4"
                + NEXT_HOP_192_0_2_1, NLRI_203_0_113_0_24), BgpSessionContext.DEFAULT);
        assertFalse(u.treatAsWithdraw(), u.errors().toString());
        AsPathSegment confed = u.attributes().asPath().get(0);
        assertTrue(confed.confed());
        assertFalse(confed.set());
        assertEquals("(65000) 64500", u.attributes().asPathText());
        assertEquals(1, u.attributes().asPathLength());
        assertEquals(64500L, u.attributes().originAs());
    }

    @Test
    void rebuildsFourOctetPathFromAs4PathOnTwoOctetSession() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100"
                + "40 02 08 02 03 fbf4 5ba0 5ba0"             // 64500 AS_TRANS AS_TRANS
                + NEXT_HOP_192_0_2_1
                + "c0 07 06 5ba0 c6336401"                    // AGGREGATOR AS_TRANS 198.51.100.1
                + "c0 11 0a 02 02 00010000 00010001"          // AS4_PATH 65536 65537
                + "c0 12 08 00010001 c6336401",               // AS4_AGGREGATOR 65537
                NLRI_203_0_113_0_24), TWO_OCTET);
        assertEquals("64500 65536 65537", u.attributes().asPathText());
        assertEquals(List.of(AsPathSegment.sequence(64500, 65536, 65537)), u.attributes().asPath());
        assertEquals(65537L, u.attributes().aggregatorAs());
        assertEquals("198.51.100.1", u.attributes().aggregatorAddress());
        assertTrue(u.errors().isEmpty(), u.errors().toString());
    }

    @Test
    void keepsConfederationPrefixWhenMergingAs4Path() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100"
                + "40 02 0a 03 01 fde8 02 02 fbf4 5ba0" + NEXT_HOP_192_0_2_1
                + "c0 11 06 02 01 00010000", NLRI_203_0_113_0_24), TWO_OCTET);
        assertEquals("(65000) 64500 65536", u.attributes().asPathText());
    }

    @Test
    void ignoresAs4PathWhenAggregatorIsNotAsTrans() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100"
                + "40 02 06 02 02 fbf4 5ba0" + NEXT_HOP_192_0_2_1
                + "c0 07 06 fbf4 c6336401" + "c0 11 06 02 01 00010000", NLRI_203_0_113_0_24), TWO_OCTET);
        assertEquals("64500 23456", u.attributes().asPathText());
        assertEquals(64500L, u.attributes().aggregatorAs());
        assertFalse(u.treatAsWithdraw());
        assertTrue(u.errors().contains("attribute discard: AS4_PATH ignored, AGGREGATOR is not AS_TRANS"));
    }

    @Test
    void ignoresAs4PathLongerThanAsPath() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40010100"
                + "40 02 04 02 01 5ba0" + NEXT_HOP_192_0_2_1
                + "c0 11 0a 02 02 00010000 00010001", NLRI_203_0_113_0_24), TWO_OCTET);
        assertEquals("23456", u.attributes().asPathText());
        assertTrue(u.errors().contains("attribute discard: AS4_PATH ignored, longer than AS_PATH"));
    }

    @Test
    void keepsUnknownOptionalTransitiveRawAndDropsUnknownNonTransitive() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", BASE_ATTRIBUTES
                + "80 09 04 c0000209"                        // ORIGINATOR_ID: optional non-transitive
                + "c0 10 08 0002fbf000001f47",               // extended community route target 64496:8007
                NLRI_203_0_113_0_24), BgpSessionContext.DEFAULT);
        assertEquals(1, u.attributes().unknownTransitive().size());
        assertEquals("c010080002fbf000001f47", hex(u.attributes().unknownTransitive().get(0)));
        assertTrue(u.errors().isEmpty());
    }

    @Test
    void clearsTrailingBitsPastThePrefixLength() throws Exception {
        // RFC 4271 §4.3: "the value of trailing bits is irrelevant"
        Update u = (Update) BgpDecoder.decode(update("", BASE_ATTRIBUTES, "17 cb0071"), BgpSessionContext.DEFAULT);
        assertEquals(Prefix.parse("203.0.112.0/23"), u.announced().get(0).prefix());
    }

    @Test
    void sharesOnePathAttributesObjectAcrossTheUpdate() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", BASE_ATTRIBUTES, "18 cb0071 18 c63364 10 0a00"),
                BgpSessionContext.DEFAULT);
        assertEquals(3, u.announced().size());
        assertEquals("192.0.2.1", u.attributes().nextHop());
        assertEquals(Prefix.parse("10.0.0.0/16"), u.announced().get(2).prefix());
    }
}

package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.AS_PATH_64500;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.BASE_ATTRIBUTES;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.MARKER;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.NEXT_HOP_192_0_2_1;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.NLRI_203_0_113_0_24;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.ORIGIN_IGP;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.hex;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.message;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.reset;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.update;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 7606 outcome the decoder chooses, one row per malformed input: session reset with the exact
 * NOTIFICATION code/subcode, treat-as-withdraw, or attribute discard, each with the log line it must leave.
 */
class BgpMalformedInputTest {

    private static final BgpSessionContext FOUR = BgpSessionContext.DEFAULT;
    private static final BgpSessionContext TWO = new BgpSessionContext(false, Set.of(), false);
    private static final BgpSessionContext ADD_PATH = new BgpSessionContext(true, Set.of(AfiSafi.IPV4_UNICAST), false);

    /** What must happen. */
    sealed interface Outcome permits Reset, Withdraw, Discard {
    }

    record Reset(int code, int subcode) implements Outcome {
        @Override
        public String toString() {
            return "reset " + code + "/" + subcode;
        }
    }

    /** treat-as-withdraw, with a log line containing {@code log}. */
    record Withdraw(String log) implements Outcome {
    }

    /** attribute discard, with a log line containing {@code log}; the route itself stays announced. */
    record Discard(String log) implements Outcome {
    }

    private static Arguments row(String name, byte[] bytes, BgpSessionContext ctx, Outcome outcome) {
        return Arguments.of(name, bytes, ctx, outcome);
    }

    /** An IPv4 announcement of 203.0.113.0/24 with the given attributes. */
    private static byte[] v4(String attributes) {
        return update("", attributes, NLRI_203_0_113_0_24);
    }

    private static final String MP_REACH_V6 = "80 0e 1a 0002 01 10 20010db8000000000000000000000001 00 20 20010db8";

    static Stream<Arguments> cases() {
        byte[] badMarker = BgpEncoder.keepalive();
        badMarker[3] = 0;
        byte[] tooLong = new byte[4097];
        System.arraycopy(hex(MARKER + "1001 02"), 0, tooLong, 0, 19);
        return Stream.of(
                // message header (RFC 4271 §6.1)
                row("bad marker", badMarker, FOUR, new Reset(1, 1)),
                row("message of 18 octets", hex(MARKER + "0012"), FOUR, new Reset(1, 2)),
                row("4097 octets without extended messages", tooLong, FOUR, new Reset(1, 2)),
                row("message type 7", message(7, ""), FOUR, new Reset(1, 3)),
                row("KEEPALIVE with a body", message(4, "00"), FOUR, new Reset(1, 2)),
                row("UPDATE shorter than 23 octets", message(2, "0000"), FOUR, new Reset(1, 2)),
                row("ROUTE-REFRESH BoRR of 24 octets", message(5, "0001 01 01 00"), FOUR, new Reset(7, 1)),
                // OPEN (RFC 4271 §6.2)
                row("OPEN version 3", message(1, "03 fbf4 005a c0000201 00"), FOUR, new Reset(2, 1)),
                row("OPEN parameters overrun", message(1, "04 fbf4 005a c0000201 09 02 06 41 04 0000fbf4"), FOUR,
                        new Reset(2, 4)),
                row("OPEN capability overruns its parameter",
                        message(1, "04 fbf4 005a c0000201 06 02 04 41 04 0000"), FOUR, new Reset(2, 4)),
                row("OPEN 4-octet AS capability of 3 octets",
                        message(1, "04 fbf4 005a c0000201 07 02 05 41 03 000000"), FOUR, new Reset(2, 4)),
                // UPDATE lengths (RFC 4271 §6.3, RFC 7606 §4)
                row("withdrawn length overruns the message", message(2, "0010 0000"), FOUR, new Reset(3, 1)),
                row("total attribute length overruns the message", message(2, "0000 00ff 40010100"), FOUR,
                        new Reset(3, 1)),
                row("attribute overruns the attribute list", v4(ORIGIN_IGP + AS_PATH_64500 + "40 03 09 c0000201"),
                        FOUR, new Withdraw("NEXT_HOP length 9 overruns the path attributes")),
                row("two stray octets after the attributes", v4(BASE_ATTRIBUTES + "4001"), FOUR,
                        new Withdraw("2 trailing octets")),
                // flags (RFC 7606 §3 c)
                row("ORIGIN marked optional", v4("c0 01 01 00" + AS_PATH_64500 + NEXT_HOP_192_0_2_1), FOUR,
                        new Withdraw("ORIGIN flags 0xc0")),
                row("COMMUNITIES marked well-known", v4(BASE_ATTRIBUTES + "40 08 04 fbf01f47"), FOUR,
                        new Withdraw("COMMUNITIES flags 0x40")),
                // well-known attributes (RFC 7606 §7.1-7.5)
                row("ORIGIN value 3", v4("40 01 01 03" + AS_PATH_64500 + NEXT_HOP_192_0_2_1), FOUR,
                        new Withdraw("ORIGIN value 3")),
                row("ORIGIN length 2", v4("40 01 02 0000" + AS_PATH_64500 + NEXT_HOP_192_0_2_1), FOUR,
                        new Withdraw("ORIGIN length 2")),
                row("AS_PATH segment overruns", v4(ORIGIN_IGP + "40 02 06 02 02 0000fbf4" + NEXT_HOP_192_0_2_1),
                        FOUR, new Withdraw("AS_PATH segment overruns the attribute")),
                row("AS_PATH segment type 5", v4(ORIGIN_IGP + "40 02 06 05 01 0000fbf4" + NEXT_HOP_192_0_2_1),
                        FOUR, new Withdraw("AS_PATH segment type 5")),
                row("AS_PATH empty segment", v4(ORIGIN_IGP + "40 02 02 02 00" + NEXT_HOP_192_0_2_1), FOUR,
                        new Withdraw("AS_PATH has an empty segment")),
                row("AS_PATH lone trailing octet", v4(ORIGIN_IGP + "40 02 07 02 01 0000fbf4 02"
                        + NEXT_HOP_192_0_2_1), FOUR, new Withdraw("AS_PATH ends in a lone octet")),
                row("AS_PATH with AS 0", v4(ORIGIN_IGP + "40 02 06 02 01 00000000" + NEXT_HOP_192_0_2_1), FOUR,
                        new Withdraw("AS_PATH contains AS 0")),
                row("2-octet AS_PATH read on a 4-octet session", v4(ORIGIN_IGP + "40 02 04 02 01 fbf4"
                        + NEXT_HOP_192_0_2_1), FOUR, new Withdraw("AS_PATH segment overruns")),
                row("NEXT_HOP length 5", v4(ORIGIN_IGP + AS_PATH_64500 + "40 03 05 c000020100"), FOUR,
                        new Withdraw("NEXT_HOP length 5")),
                row("MULTI_EXIT_DISC length 3", v4(BASE_ATTRIBUTES + "80 04 03 000000"), FOUR,
                        new Withdraw("MULTI_EXIT_DISC length 3")),
                row("LOCAL_PREF length 2", v4(BASE_ATTRIBUTES + "40 05 02 0064"), FOUR,
                        new Withdraw("LOCAL_PREF length 2")),
                row("unrecognized well-known attribute 99", v4(BASE_ATTRIBUTES + "40 63 01 00"), FOUR,
                        new Withdraw("unrecognized well-known attribute 99")),
                // optional attributes
                row("COMMUNITIES length 5", v4(BASE_ATTRIBUTES + "c0 08 05 fbf01f4700"), FOUR,
                        new Withdraw("COMMUNITIES length 5")),
                row("COMMUNITIES length 0", v4(BASE_ATTRIBUTES + "c0 08 00"), FOUR,
                        new Withdraw("COMMUNITIES length 0")),
                row("LARGE_COMMUNITIES length 8", v4(BASE_ATTRIBUTES + "c0 20 08 0000fbf000001f47"), FOUR,
                        new Withdraw("LARGE_COMMUNITIES length 8")),
                row("OTC length 3", v4(BASE_ATTRIBUTES + "c0 23 03 00fbf4"), FOUR, new Withdraw("OTC length 3")),
                row("ATOMIC_AGGREGATE length 1", v4(BASE_ATTRIBUTES + "40 06 01 00"), FOUR,
                        new Discard("ATOMIC_AGGREGATE length 1")),
                row("AGGREGATOR length 5", v4(BASE_ATTRIBUTES + "c0 07 05 0000fbf4 c0"), FOUR,
                        new Discard("AGGREGATOR length 5")),
                row("AGGREGATOR of 8 octets on a 2-octet session", update("", ORIGIN_IGP + "40 02 04 02 01 fbf4"
                        + NEXT_HOP_192_0_2_1 + "c0 07 08 0000fbf4 c0000201", NLRI_203_0_113_0_24), TWO,
                        new Discard("AGGREGATOR length 8")),
                row("AGGREGATOR AS 0", v4(BASE_ATTRIBUTES + "c0 07 08 00000000 c0000201"), FOUR,
                        new Discard("AGGREGATOR AS 0")),
                row("AS4_AGGREGATOR length 7", update("", ORIGIN_IGP + "40 02 04 02 01 5ba0" + NEXT_HOP_192_0_2_1
                        + "c0 07 06 5ba0 c0000201 c0 12 07 00010000 c00002", NLRI_203_0_113_0_24), TWO,
                        new Discard("AS4_AGGREGATOR length 7")),
                row("AS4_PATH with a confederation segment", update("", ORIGIN_IGP + "40 02 04 02 01 5ba0"
                        + NEXT_HOP_192_0_2_1 + "c0 11 06 03 01 00010000", NLRI_203_0_113_0_24), TWO,
                        new Discard("AS4_PATH carries a confederation segment")),
                row("AS4_PATH segment overruns", update("", ORIGIN_IGP + "40 02 04 02 01 5ba0"
                        + NEXT_HOP_192_0_2_1 + "c0 11 06 02 02 00010000", NLRI_203_0_113_0_24), TWO,
                        new Discard("AS4_PATH segment overruns")),
                row("AS4_PATH on a 4-octet session", v4(BASE_ATTRIBUTES + "c0 11 06 02 01 00010000"), FOUR,
                        new Discard("AS4_PATH on a 4-octet AS session")),
                row("duplicate COMMUNITIES", v4(BASE_ATTRIBUTES + "c0 08 04 fbf01f47 c0 08 04 fbf01f48"), FOUR,
                        new Discard("duplicate COMMUNITIES")),
                // MP-BGP (RFC 7606 §3 g, §7.11)
                row("duplicate MP_REACH_NLRI", update("", MP_REACH_V6 + MP_REACH_V6 + ORIGIN_IGP + AS_PATH_64500,
                        ""), FOUR, new Reset(3, 1)),
                row("duplicate MP_UNREACH_NLRI", update("", "800f03000201 800f03000201", ""), FOUR,
                        new Reset(3, 1)),
                row("MP_REACH_NLRI next hop length 7", update("", "80 0e 0e 0002 01 07 20010db8000000 00 20 20010db8"
                        + ORIGIN_IGP + AS_PATH_64500, ""), FOUR, new Reset(3, 9)),
                row("MP_REACH_NLRI next hop overruns", update("", "80 0e 06 0002 01 10 2001"
                        + ORIGIN_IGP + AS_PATH_64500, ""), FOUR, new Reset(3, 9)),
                row("MP_REACH_NLRI prefix /129", update("", "80 0e 1a 0002 01 10 20010db8000000000000000000000001"
                        + " 00 81 20010db8" + ORIGIN_IGP + AS_PATH_64500, ""), FOUR, new Reset(3, 9)),
                row("MP_UNREACH_NLRI prefix truncated", update("", "80 0f 06 0002 01 30 2001", ""), FOUR,
                        new Reset(3, 9)),
                row("MP_REACH_NLRI overruns the attribute list", update("", "80 0e 40 0002 01 10 2001", ""), FOUR,
                        new Reset(3, 9)),
                row("MP_REACH_NLRI marked well-known", update("", "40" + MP_REACH_V6.substring(2) + ORIGIN_IGP
                        + AS_PATH_64500, ""), FOUR, new Withdraw("MP_REACH_NLRI flags 0x40")),
                // NLRI fields (RFC 7606 §5.3)
                row("NLRI prefix /33", update("", BASE_ATTRIBUTES, "21 cb007100 00"), FOUR, new Reset(3, 10)),
                row("NLRI prefix truncated", update("", BASE_ATTRIBUTES, "18 cb00"), FOUR, new Reset(3, 10)),
                row("withdrawn prefix /40", update("28 0a00000000", "", ""), FOUR, new Reset(3, 10)),
                row("ADD-PATH NLRI without its prefix", update("", BASE_ATTRIBUTES, "00000001"), ADD_PATH,
                        new Reset(3, 10)),
                // missing well-known attributes (RFC 7606 §3 d)
                row("missing ORIGIN", v4(AS_PATH_64500 + NEXT_HOP_192_0_2_1), FOUR, new Withdraw("missing ORIGIN")),
                row("missing AS_PATH", v4(ORIGIN_IGP + NEXT_HOP_192_0_2_1), FOUR, new Withdraw("missing AS_PATH")),
                row("missing NEXT_HOP with IPv4 NLRI", v4(ORIGIN_IGP + AS_PATH_64500), FOUR,
                        new Withdraw("missing NEXT_HOP")),
                row("missing AS_PATH with MP_REACH_NLRI", update("", MP_REACH_V6 + ORIGIN_IGP, ""), FOUR,
                        new Withdraw("missing AS_PATH")),
                row("NLRI without any attribute", update("", "", NLRI_203_0_113_0_24), FOUR,
                        new Withdraw("missing ORIGIN")));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("cases")
    void handlesMalformedInputAsRfc7606Says(String name, byte[] bytes, BgpSessionContext ctx, Outcome expected) {
        assertNotNull(bytes, name);
        BgpMessage decoded;
        try {
            decoded = BgpDecoder.decode(bytes, ctx);
        } catch (BgpException e) {
            if (expected instanceof Reset r) {
                assertEquals(r.code() + "/" + r.subcode(), e.code() + "/" + e.subcode(), e.getMessage());
                return;
            }
            fail(name + ": expected " + expected + " but the session was reset: " + e.getMessage());
            return;
        }
        if (expected instanceof Reset r) {
            fail(name + ": expected " + r + " but decoded " + decoded);
        }
        Update u = (Update) decoded;
        if (expected instanceof Withdraw w) {
            assertTrue(u.treatAsWithdraw(), name + ": " + u.errors());
            assertTrue(u.errors().stream().anyMatch(l -> l.startsWith("treat-as-withdraw: ") && l.contains(w.log())),
                    name + ": " + u.errors());
            assertFalse(u.announced().isEmpty(), "the routes to withdraw must still be listed");
        } else if (expected instanceof Discard d) {
            assertFalse(u.treatAsWithdraw(), name + ": " + u.errors());
            assertTrue(u.errors().stream().anyMatch(l -> l.startsWith("attribute discard: ") && l.contains(d.log())),
                    name + ": " + u.errors());
            assertEquals(1, u.announced().size());
        }
    }

    @Test
    void discardedAttributesAreReallyGone() throws Exception {
        Update u = (Update) BgpDecoder.decode(v4(BASE_ATTRIBUTES + "40 06 01 00" + "c0 07 05 0000fbf4 c0"), FOUR);
        assertFalse(u.attributes().atomicAggregate());
        assertNull(u.attributes().aggregatorAs());
        assertNull(u.attributes().aggregatorAddress());
        assertEquals(List.of("attribute discard: ATOMIC_AGGREGATE length 1", "attribute discard: AGGREGATOR length 5"),
                u.errors());
    }

    @Test
    void duplicateAttributeKeepsTheFirstOccurrence() throws Exception {
        Update u = (Update) BgpDecoder.decode(v4(BASE_ATTRIBUTES + "c0 08 04 fbf01f47 c0 08 04 fbf01f48"), FOUR);
        assertArrayEquals(new int[] { PathAttributes.community(64496, 8007) }, u.attributes().communities());
    }

    @Test
    void overrunningAttributeStillLetsTheNlriBeFound() throws Exception {
        Update u = (Update) BgpDecoder.decode(v4(ORIGIN_IGP + AS_PATH_64500 + "40 03 09 c0000201"), FOUR);
        assertEquals(List.of(Nlri.of("203.0.113.0/24")), u.announced());
        assertTrue(u.treatAsWithdraw());
    }

    @Test
    void wronglyFlaggedMpReachStillListsItsRoutesForWithdrawal() throws Exception {
        Update u = (Update) BgpDecoder.decode(update("", "40" + MP_REACH_V6.substring(2) + ORIGIN_IGP + AS_PATH_64500,
                ""), FOUR);
        assertEquals(List.of(Nlri.of("2001:db8::/32")), u.announced());
    }

    @Test
    void resetCarriesTheRfcDataField() {
        BgpException version = reset(() -> BgpDecoder.decode(message(1, "03 fbf4 005a c0000201 00"), FOUR));
        assertArrayEquals(hex("0004"), version.data(), "largest supported version");
        BgpException length = reset(() -> BgpDecoder.decode(message(4, "00"), FOUR));
        assertArrayEquals(hex("0014"), length.data(), "the erroneous Length field");
        BgpException type = reset(() -> BgpDecoder.decode(message(9, ""), FOUR));
        assertArrayEquals(hex("09"), type.data(), "the erroneous Type field");
        BgpException mp = reset(() -> BgpDecoder.decode(update("", "80 0e 06 0002 01 10 2001", ""), FOUR));
        assertArrayEquals(hex("800e06000201102001"), mp.data(), "the erroneous attribute");
        assertEquals("UPDATE Message Error/Optional Attribute Error", mp.notification().describe());
    }

    @Test
    void openSemanticChecksAreSeparateFromDecoding() throws Exception {
        Open holdTwo = (Open) BgpDecoder.decode(message(1, "04 fbf4 0002 c0000201 00"), FOUR);
        assertEquals(6, reset(holdTwo::validate).subcode());
        Open idZero = (Open) BgpDecoder.decode(message(1, "04 fbf4 005a 00000000 00"), FOUR);
        assertEquals(3, reset(idZero::validate).subcode());
        Open asZero = (Open) BgpDecoder.decode(message(1, "04 0000 005a c0000201 00"), FOUR);
        assertEquals(2, reset(asZero::validate).subcode());
    }

    @Test
    void unsupportedFamilyInMpReachIsSkippedNotRejected() throws Exception {
        // VPNv4 (SAFI 128), as a BMP-monitored router may send: no routes for us, no error
        Update u = (Update) BgpDecoder.decode(update("", "80 0e 05 0001 80 00 00" + ORIGIN_IGP + AS_PATH_64500, ""),
                FOUR);
        assertTrue(u.announced().isEmpty());
        assertFalse(u.treatAsWithdraw());
        assertTrue(u.errors().isEmpty());
    }
}

package org.openpeering.telemetry.collector;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;
import org.openpeering.proto.telemetry.v1.ReceivedRoutesService;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SessionState;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.BgpDecoder;
import org.openpeering.telemetry.protocol.bgp.BgpEncoder;
import org.openpeering.telemetry.protocol.bgp.BgpMessage;
import org.openpeering.telemetry.protocol.bgp.BgpSessionContext;
import org.openpeering.telemetry.protocol.bgp.Capabilities;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.Notification;
import org.openpeering.telemetry.protocol.bgp.Open;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A malformed-message corpus against the live passive BGP listener (127.0.0.1:17179, AS 64496). The test plays
 * raw-socket peers: r-raw from 127.0.0.8 (AS 64503), which sends one malformed message per case, and a bystander
 * r-raw-bystander from 127.0.0.9 (AS 64504) that stays up with its own route the whole time.
 *
 * <p>Each case asserts the exact outcome RFC 4271 / RFC 7606 (and RFC 6608 for FSM errors) prescribe:
 * <ul>
 * <li>session reset: the NOTIFICATION's code and subcode (and Data where the RFC defines it) are read from the
 * socket, which then ends; the session's routes are flushed; a fresh connection establishes again;</li>
 * <li>treat-as-withdraw: the route the UPDATE carries, announced validly first, is removed; no NOTIFICATION, the
 * session stays Established and keeps working;</li>
 * <li>attribute discard: the UPDATE is applied without the bad attribute; the session stays up;</li>
 * <li>the connection closing mid-message: the session goes down and its routes are flushed.</li>
 * </ul>
 * After every case the bystander must still be Established, with its route, and must have received nothing but
 * KEEPALIVEs. Malformed bytes are built from {@link BgpEncoder} output patched by the helpers at the end.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MalformedPeerTest {

    static final String COLLECTOR = "127.0.0.1";
    static final int PORT = 17179;
    static final long COLLECTOR_AS = 64496;
    static final Duration T = Duration.ofSeconds(30);
    /** How long a peer listens for a NOTIFICATION that must not come. */
    static final Duration QUIET = Duration.ofMillis(500);
    /** Our OPEN's hold time: the collector then expects a message at least every 30 s. */
    static final int HOLD_TIME = 30;

    static final String PEER = "127.0.0.8";
    static final String ROUTER = "r-raw";
    static final long PEER_AS = 64503;
    static final String BYSTANDER = "127.0.0.9";
    static final String BYSTANDER_ROUTER = "r-raw-bystander";
    static final long BYSTANDER_AS = 64504;

    static final String ROUTE = "203.0.113.0/24";
    static final String V6_ROUTE = "2001:db8:1::/48";
    static final String BYSTANDER_ROUTE = "198.51.100.0/24";
    static final String PATH = "64503 64510";
    static final String OTHER_PATH = "64503 64511";

    /** Both OPENs carry the 4-octet AS capability, neither peer ADD-PATH send, we no extended messages. */
    static final BgpSessionContext CTX = BgpSessionContext.DEFAULT;

    // path attribute type codes and flags (RFC 4271 §4.3)
    static final int WELL_KNOWN = 0x40;
    static final int OPTIONAL = 0x80;
    static final int OPTIONAL_TRANSITIVE = 0xC0;
    static final int ORIGIN = 1;
    static final int AS_PATH = 2;
    static final int NEXT_HOP = 3;
    static final int MED = 4;
    static final int ATOMIC_AGGREGATE = 6;
    static final int AGGREGATOR = 7;
    static final int COMMUNITIES = 8;
    static final int MP_REACH_NLRI = 14;
    static final int LARGE_COMMUNITIES = 32;

    static RawPeer peer;
    static RawPeer bystander;
    /** Why a session could not be established, after which the remaining cases fail at once instead of waiting. */
    static String broken;

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    ReceivedRoutesService telemetry;

    enum Outcome {
        SESSION_RESET, TREAT_AS_WITHDRAW, ATTRIBUTE_DISCARD, SESSION_DOWN
    }

    /**
     * The corpus: what is wrong, the outcome, and for a reset the NOTIFICATION's code and subcode. The bytes are
     * built by {@link #malformed(Case)}.
     */
    enum Case {
        BAD_MARKER("KEEPALIVE whose marker has a zero octet", Outcome.SESSION_RESET, 1, 1),
        LENGTH_BELOW_HEADER("KEEPALIVE with Length 18", Outcome.SESSION_RESET, 1, 2),
        KEEPALIVE_LENGTH_20("KEEPALIVE of 20 octets", Outcome.SESSION_RESET, 1, 2),
        LENGTH_ABOVE_4096("UPDATE of 4097 octets, extended messages not negotiated", Outcome.SESSION_RESET, 1, 2),
        OVERSIZED_65535("65535 octets with Length 65535, extended messages not negotiated", Outcome.SESSION_RESET, 1,
                2),
        UNKNOWN_TYPE("message type 7", Outcome.SESSION_RESET, 1, 3),
        WITHDRAWN_LENGTH_OVERRUN("Withdrawn Routes Length past the message", Outcome.SESSION_RESET, 3, 1),
        ATTRIBUTE_LIST_OVERRUN("Total Path Attribute Length past the message", Outcome.SESSION_RESET, 3, 1),
        DUPLICATE_MP_REACH("MP_REACH_NLRI twice", Outcome.SESSION_RESET, 3, 1),
        MP_REACH_NEXT_HOP_LENGTH("MP_REACH_NLRI IPv6 next hop of length 5", Outcome.SESSION_RESET, 3, 9),
        NLRI_PREFIX_LENGTH_33("NLRI prefix length 33", Outcome.SESSION_RESET, 3, 10),
        OPEN_IN_ESTABLISHED("a second OPEN on an established session", Outcome.SESSION_RESET, 5, 3),

        ORIGIN_VALUE_7("ORIGIN 7", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        ORIGIN_FLAGS("ORIGIN flagged optional transitive", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        MISSING_ORIGIN("no ORIGIN", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        AS_PATH_SEGMENT_OVERRUN("AS_PATH segment of 3 ASes carrying 2", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        AS_PATH_SEGMENT_TYPE_7("AS_PATH segment type 7", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        AS_PATH_AS_0("AS 0 in AS_PATH (RFC 7607)", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        NEXT_HOP_LENGTH_5("NEXT_HOP of 5 octets", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        MED_LENGTH_3("MULTI_EXIT_DISC of 3 octets", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        UNKNOWN_WELL_KNOWN("unrecognized well-known attribute 200", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        COMMUNITIES_LENGTH_5("COMMUNITIES of 5 octets", Outcome.TREAT_AS_WITHDRAW, 0, 0),
        LARGE_COMMUNITIES_LENGTH_13("LARGE_COMMUNITIES of 13 octets (RFC 8092)", Outcome.TREAT_AS_WITHDRAW, 0, 0),

        AGGREGATOR_LENGTH_5("AGGREGATOR of 5 octets on a 4-octet AS session", Outcome.ATTRIBUTE_DISCARD, 0, 0),
        ATOMIC_AGGREGATE_LENGTH_1("ATOMIC_AGGREGATE of 1 octet", Outcome.ATTRIBUTE_DISCARD, 0, 0),
        DUPLICATE_COMMUNITIES("COMMUNITIES twice: the second is discarded", Outcome.ATTRIBUTE_DISCARD, 0, 0),

        TRUNCATED_UPDATE("the connection closes halfway through an UPDATE", Outcome.SESSION_DOWN, 0, 0),
        TRUNCATED_HEADER("the connection closes after 10 marker octets", Outcome.SESSION_DOWN, 0, 0);

        final String what;
        final Outcome outcome;
        final int code;
        final int subcode;

        Case(String what, Outcome outcome, int code, int subcode) {
            this.what = what;
            this.outcome = outcome;
            this.code = code;
            this.subcode = subcode;
        }

        String expected() {
            return outcome == Outcome.SESSION_RESET ? "NOTIFICATION " + code + "/" + subcode + " ("
                    + new Notification(code, subcode, null).describe() + ")" : outcome.toString();
        }
    }

    @AfterAll
    static void closePeers() {
        for (RawPeer p : new RawPeer[] { peer, bystander }) {
            if (p != null) {
                p.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- tests

    @Test
    @Order(1)
    void bystanderAndRawPeerEstablishAndDeliverTheirRoutes() throws Exception {
        bystander = establish(BYSTANDER, BYSTANDER_AS, BYSTANDER_ROUTER, 0xC6336409L);
        bystander.send(announce(BYSTANDER_ROUTE, BYSTANDER_AS, 64511));
        await().atMost(T).untilAsserted(() -> {
            ReceivedRoute r = route(BYSTANDER_ROUTER, BYSTANDER, BYSTANDER_ROUTE);
            assertNotNull(r, "bystander route; session " + session(BYSTANDER_ROUTER));
            assertEquals("64504 64511", r.getAsPath());
            assertEquals(64511, r.getOriginAsn());
        });

        peer = establish(PEER, PEER_AS, ROUTER, 0xC0000208L);
        announceBaseline();
        ReceivedRoute r = route(ROUTER, PEER, ROUTE);
        assertEquals("192.0.2.8", r.getNextHop());
        assertEquals(64510, r.getOriginAsn());
        assertEquals("2001:db8::8", route(ROUTER, PEER, V6_ROUTE).getNextHop());
        assertBystanderUntouched();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Case.class)
    @Order(2)
    void malformedMessage(Case c) throws Exception {
        if (broken != null) {
            fail("no session to test with: " + broken);
        }
        if (peer == null || !peer.alive() || !"Established".equals(session(ROUTER).getState())) {
            reconnect();
        }
        announceBaseline();
        byte[] bad = malformed(c);
        switch (c.outcome) {
            case SESSION_RESET -> {
                peer.sendMayBeCutShort(bad);
                Notification n = peer.expectNotificationThenEnd();
                assertEquals(c.code + "/" + c.subcode, n.code() + "/" + n.subcode(),
                        c + ": " + n.describe() + " data " + HexFormat.of().formatHex(n.data()));
                byte[] data = expectedData(c, bad);
                if (data != null) {
                    assertEquals(HexFormat.of().formatHex(data), HexFormat.of().formatHex(n.data()), c + " Data");
                }
                awaitFlushed();
                // a fresh connection from the same address establishes again and its routes arrive
                reconnect();
                announceBaseline();
            }
            case TREAT_AS_WITHDRAW -> {
                peer.send(bad);
                await().atMost(T).untilAsserted(() -> assertNull(route(ROUTER, PEER, ROUTE),
                        c + ": the route should be withdrawn; session " + session(ROUTER)));
                assertStillUp(c);
                assertNotNull(route(ROUTER, PEER, V6_ROUTE), "routes the UPDATE did not carry stay");
                // the session keeps working
                announceBaseline();
            }
            case ATTRIBUTE_DISCARD -> {
                peer.send(bad);
                await().atMost(T).untilAsserted(() -> {
                    ReceivedRoute r = route(ROUTER, PEER, ROUTE);
                    assertNotNull(r, c + ": the route should stay; session " + session(ROUTER));
                    assertEquals(OTHER_PATH, r.getAsPath(), c + ": the UPDATE is applied");
                    if (c == Case.DUPLICATE_COMMUNITIES) {
                        assertEquals(List.of("64503:1"), r.getCommunitiesList(), "the first COMMUNITIES counts");
                    }
                });
                assertStillUp(c);
                announceBaseline();
            }
            case SESSION_DOWN -> {
                peer.stopKeepalives(); // nothing may follow the partial message
                peer.sendMayBeCutShort(bad);
                peer.close();
                awaitFlushed();
                assertTrue(!session(ROUTER).getLastError().isEmpty(), "the session says why it went down");
                reconnect();
                announceBaseline();
            }
            default -> fail(c.outcome.toString());
        }
        assertBystanderUntouched();
        System.out.printf("malformed-peer case %-28s %-62s -> %s: as expected%n", c, c.what, c.expected());
    }

    @Test
    @Order(3)
    void theBystanderSawNothingOfItAll() throws Exception {
        assertBystanderUntouched();
        peer.close();
        awaitFlushed();
        assertBystanderUntouched();
    }

    // --------------------------------------------------------------------------------------- the corpus bytes

    /** The malformed bytes of a case: BgpEncoder output, patched where the case says. */
    static byte[] malformed(Case c) {
        byte[] update = announce(ROUTE, PEER_AS, 64510);
        byte[] otherPath = announce(ROUTE, PEER_AS, 64511);
        return switch (c) {
            case BAD_MARKER -> patched(BgpEncoder.keepalive(), 5, 0x00);
            case LENGTH_BELOW_HEADER -> patched(BgpEncoder.keepalive(), 16, 0, 18);
            case KEEPALIVE_LENGTH_20 -> withLength(Arrays.copyOf(BgpEncoder.keepalive(), 20));
            case LENGTH_ABOVE_4096 -> withLength(Arrays.copyOf(update, 4097));
            case OVERSIZED_65535 -> withLength(Arrays.copyOf(update, 65535));
            case UNKNOWN_TYPE -> patched(BgpEncoder.keepalive(), 18, 7);
            case WITHDRAWN_LENGTH_OVERRUN -> patched(update, 19, 0x01, 0x00);
            case ATTRIBUTE_LIST_OVERRUN -> {
                int at = attributesLengthAt(update);
                yield patched(update, at, 0, u16(update, at) + 50);
            }
            case DUPLICATE_MP_REACH -> {
                byte[] v6 = announce6(V6_ROUTE, PEER_AS, 64510);
                yield addAttribute(v6, attribute(v6, MP_REACH_NLRI));
            }
            case MP_REACH_NEXT_HOP_LENGTH -> {
                byte[] v6 = announce6(V6_ROUTE, PEER_AS, 64510);
                int[] span = span(v6, MP_REACH_NLRI);
                // value: AFI (2), SAFI (1), next hop length (1)
                yield patched(v6, valueAt(v6, span[0]) + 3, 5);
            }
            case NLRI_PREFIX_LENGTH_33 -> withNlri(update, 33, 203, 0, 113, 0, 0);
            case OPEN_IN_ESTABLISHED -> BgpEncoder.open(peerOpen(PEER_AS, 0xC0000208L));
            case ORIGIN_VALUE_7 -> replaceAttribute(update, ORIGIN, attr(WELL_KNOWN, ORIGIN, 7));
            case ORIGIN_FLAGS -> replaceAttribute(update, ORIGIN, attr(OPTIONAL_TRANSITIVE, ORIGIN, 0));
            case MISSING_ORIGIN -> replaceAttribute(update, ORIGIN, new byte[0]);
            case AS_PATH_SEGMENT_OVERRUN -> replaceAttribute(update, AS_PATH,
                    attr(WELL_KNOWN, AS_PATH, concat(new byte[] { 2, 3 }, asn(PEER_AS), asn(64510))));
            case AS_PATH_SEGMENT_TYPE_7 -> replaceAttribute(update, AS_PATH,
                    attr(WELL_KNOWN, AS_PATH, concat(new byte[] { 7, 2 }, asn(PEER_AS), asn(64510))));
            case AS_PATH_AS_0 -> replaceAttribute(update, AS_PATH,
                    attr(WELL_KNOWN, AS_PATH, concat(new byte[] { 2, 2 }, asn(PEER_AS), asn(0))));
            case NEXT_HOP_LENGTH_5 -> replaceAttribute(update, NEXT_HOP, attr(WELL_KNOWN, NEXT_HOP, 192, 0, 2, 8, 0));
            case MED_LENGTH_3 -> addAttribute(update, attr(OPTIONAL, MED, 0, 0, 1));
            case UNKNOWN_WELL_KNOWN -> addAttribute(update, attr(WELL_KNOWN, 200, 1, 2, 3, 4));
            case COMMUNITIES_LENGTH_5 -> addAttribute(update, attr(OPTIONAL_TRANSITIVE, COMMUNITIES, 0xFB, 0xF7, 0,
                    1, 0));
            case LARGE_COMMUNITIES_LENGTH_13 -> addAttribute(update, attr(OPTIONAL_TRANSITIVE, LARGE_COMMUNITIES,
                    concat(asn(PEER_AS), asn(1), asn(2), new byte[] { 3 })));
            case AGGREGATOR_LENGTH_5 -> addAttribute(otherPath, attr(OPTIONAL_TRANSITIVE, AGGREGATOR, 0, 0, 0xFB, 0xF7,
                    192));
            case ATOMIC_AGGREGATE_LENGTH_1 -> addAttribute(otherPath, attr(WELL_KNOWN, ATOMIC_AGGREGATE, 0));
            case DUPLICATE_COMMUNITIES -> addAttribute(
                    addAttribute(otherPath, attr(OPTIONAL_TRANSITIVE, COMMUNITIES, 0xFB, 0xF7, 0, 1)),
                    attr(OPTIONAL_TRANSITIVE, COMMUNITIES, 0xFB, 0xF7, 0, 2));
            case TRUNCATED_UPDATE -> Arrays.copyOf(update, update.length / 2);
            case TRUNCATED_HEADER -> Arrays.copyOf(BgpEncoder.keepalive(), 10);
        };
    }

    /**
     * The Data the RFCs define for a reset, or {@code null} where they define none: the Length field for Bad
     * Message Length and the Type field for Bad Message Type (RFC 4271 §6.1), the erroneous attribute for an
     * Optional Attribute Error (§6.3).
     */
    static byte[] expectedData(Case c, byte[] sent) {
        if (c.code == 1 && c.subcode == 2) {
            return Arrays.copyOfRange(sent, 16, 18);
        }
        if (c.code == 1 && c.subcode == 3) {
            return new byte[] { sent[18] };
        }
        if (c.code == 3 && c.subcode == 9) {
            return attribute(sent, MP_REACH_NLRI);
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ session steps

    /** Connects from {@code address}, exchanges OPENs, and waits for the collector to call the session Established. */
    RawPeer establish(String address, long asn, String router, long bgpId) throws IOException {
        RawPeer p = RawPeer.connect(address);
        try {
            Open theirs = assertInstanceOf(Open.class, BgpDecoder.decode(p.next(T, false), CTX),
                    "the collector's OPEN");
            assertEquals(COLLECTOR_AS, theirs.asn(), "the collector's AS");
            assertNotNull(theirs.capabilities().fourOctetAsn(), "the collector speaks 4-octet AS");
            p.send(BgpEncoder.open(peerOpen(asn, bgpId)));
            p.send(BgpEncoder.keepalive());
            byte[] reply = p.next(T, false);
            assertEquals(BgpMessage.TYPE_KEEPALIVE, reply[18], "the collector confirms our OPEN with a KEEPALIVE");
        } catch (Exception | AssertionError e) {
            p.close();
            broken = "session from " + address + " did not open; collector says " + session(router);
            throw new AssertionError(broken, e);
        }
        p.startKeepalives(HOLD_TIME / 3);
        await().atMost(T).untilAsserted(() -> assertEquals("Established", session(router).getState()));
        return p;
    }

    static Open peerOpen(long asn, long bgpId) {
        Capabilities caps = new Capabilities(asn, EnumSet.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST), false,
                false, null, Map.of(), List.of());
        return Open.of(asn, HOLD_TIME, bgpId, caps);
    }

    void reconnect() throws IOException {
        if (peer != null) {
            peer.close();
        }
        awaitFlushed();
        peer = establish(PEER, PEER_AS, ROUTER, 0xC0000208L);
    }

    /** 203.0.113.0/24 with path 64503 64510 and 2001:db8:1::/48, as the cases start from. */
    void announceBaseline() throws IOException {
        peer.send(announce(ROUTE, PEER_AS, 64510));
        peer.send(announce6(V6_ROUTE, PEER_AS, 64510));
        await().atMost(T).untilAsserted(() -> {
            ReceivedRoute r = route(ROUTER, PEER, ROUTE);
            assertNotNull(r, "baseline route; session " + session(ROUTER));
            assertEquals(PATH, r.getAsPath());
            assertEquals(List.of(), r.getCommunitiesList());
            assertNotNull(route(ROUTER, PEER, V6_ROUTE), "baseline IPv6 route");
        });
    }

    /** The raw peer's session is down and its Adj-RIB-In empty. */
    void awaitFlushed() {
        await().atMost(T).untilAsserted(() -> {
            SessionState s = session(ROUTER);
            assertNotEquals("Established", s.getState());
            assertEquals(List.of(), routes(ROUTER, PEER), "routes flushed");
            assertEquals(0, s.getPrefixesV4() + s.getPrefixesV6());
        });
    }

    /** No NOTIFICATION, and the session is still Established. */
    void assertStillUp(Case c) {
        assertNull(peer.nextOrNull(QUIET), c + ": the collector must not answer");
        assertTrue(peer.alive(), c + ": the connection stays open");
        assertEquals("Established", session(ROUTER).getState(), c + ": " + session(ROUTER).getLastError());
    }

    void assertBystanderUntouched() {
        SessionState s = session(BYSTANDER_ROUTER);
        assertEquals("Established", s.getState(), "bystander: " + s.getLastError());
        ReceivedRoute r = route(BYSTANDER_ROUTER, BYSTANDER, BYSTANDER_ROUTE);
        assertNotNull(r, "the bystander's route");
        assertEquals("64504 64511", r.getAsPath());
        assertEquals(1, s.getPrefixesV4());
        assertNull(bystander.nextOrNull(Duration.ZERO), "the bystander received nothing but KEEPALIVEs");
    }

    SessionState session(String router) {
        return telemetry.listSessions(ListSessionsRequest.getDefaultInstance()).await().atMost(T).getSessionsList()
                .stream().filter(s -> s.getRouter().equals(router)).findFirst()
                .orElse(SessionState.newBuilder().setState("absent").build());
    }

    List<ReceivedRoute> routes(String router, String address) {
        return telemetry.listReceivedRoutes(ListReceivedRoutesRequest.newBuilder()
                .addSessions(SessionRef.newBuilder().setRouter(router).setPeerAddress(address)).setPageSize(1000)
                .build()).await().atMost(T).getRoutesList();
    }

    ReceivedRoute route(String router, String address, String prefix) {
        return routes(router, address).stream().filter(r -> r.getPrefix().equals(prefix)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------------------------------- byte helpers

    static byte[] announce(String prefix, long... path) {
        PathAttributes a = PathAttributes.of(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(path)),
                "192.0.2.8");
        return BgpEncoder.update(List.of(), List.of(Nlri.of(prefix)), a, null, CTX);
    }

    static byte[] announce6(String prefix, long... path) {
        PathAttributes a = PathAttributes.of(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(path)), null);
        return BgpEncoder.update(List.of(), List.of(Nlri.of(prefix)), a, "2001:db8::8", CTX);
    }

    /** A copy with octets from {@code at} set to {@code values}. */
    static byte[] patched(byte[] m, int at, int... values) {
        byte[] out = m.clone();
        for (int i = 0; i < values.length; i++) {
            out[at + i] = (byte) values[i];
        }
        return out;
    }

    /** The message with its Length field set to its size. */
    static byte[] withLength(byte[] m) {
        return patched(m, 16, m.length >>> 8, m.length);
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    static byte[] asn(long as) {
        return new byte[] { (byte) (as >>> 24), (byte) (as >>> 16), (byte) (as >>> 8), (byte) as };
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** A path attribute: flags, type, one-octet length, value. */
    static byte[] attr(int flags, int type, byte[] value) {
        return concat(new byte[] { (byte) flags, (byte) type, (byte) value.length }, value);
    }

    static byte[] attr(int flags, int type, int... value) {
        byte[] v = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            v[i] = (byte) value[i];
        }
        return attr(flags, type, v);
    }

    /** Offset of an UPDATE's Total Path Attribute Length field. */
    static int attributesLengthAt(byte[] update) {
        return 21 + u16(update, 19);
    }

    static int valueAt(byte[] update, int attributeStart) {
        return attributeStart + ((update[attributeStart] & 0x10) != 0 ? 4 : 3);
    }

    /** [start, end) of the first attribute of {@code type}. */
    static int[] span(byte[] update, int type) {
        int at = attributesLengthAt(update);
        int end = at + 2 + u16(update, at);
        for (int p = at + 2; p < end;) {
            int v = valueAt(update, p);
            int len = (update[p] & 0x10) != 0 ? u16(update, p + 2) : update[p + 2] & 0xff;
            if ((update[p + 1] & 0xff) == type) {
                return new int[] { p, v + len };
            }
            p = v + len;
        }
        throw new IllegalArgumentException("no attribute " + type);
    }

    static byte[] attribute(byte[] update, int type) {
        int[] s = span(update, type);
        return Arrays.copyOfRange(update, s[0], s[1]);
    }

    /** Octets [from, to) of an UPDATE's attribute list replaced, both length fields adjusted. */
    static byte[] splice(byte[] update, int from, int to, byte[] with) {
        byte[] out = concat(Arrays.copyOfRange(update, 0, from), with, Arrays.copyOfRange(update, to, update.length));
        int at = attributesLengthAt(update);
        int total = u16(update, at) + with.length - (to - from);
        return withLength(patched(out, at, total >>> 8, total));
    }

    static byte[] replaceAttribute(byte[] update, int type, byte[] with) {
        int[] s = span(update, type);
        return splice(update, s[0], s[1], with);
    }

    /** Appended at the end of the attribute list. */
    static byte[] addAttribute(byte[] update, byte[] attribute) {
        int at = attributesLengthAt(update);
        int end = at + 2 + u16(update, at);
        return splice(update, end, end, attribute);
    }

    /** The UPDATE with its NLRI field replaced. */
    static byte[] withNlri(byte[] update, int... nlri) {
        int at = attributesLengthAt(update);
        int end = at + 2 + u16(update, at);
        byte[] tail = new byte[nlri.length];
        for (int i = 0; i < nlri.length; i++) {
            tail[i] = (byte) nlri[i];
        }
        return withLength(concat(Arrays.copyOf(update, end), tail));
    }

    // ---------------------------------------------------------------------------------------------- raw peer

    /**
     * A BGP speaker on a plain socket bound to a loopback address: a reader thread queues whole messages (and the
     * end of the stream), a scheduler sends KEEPALIVEs so that the collector's hold timer never fires while a test
     * waits.
     */
    static final class RawPeer implements AutoCloseable {

        /** The stream ended (EOF, or the error that ended it). */
        record End(String why) {
        }

        private final Socket socket;
        private final OutputStream out;
        private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final Thread reader;
        private ScheduledExecutorService keepalives;
        private volatile boolean ended;

        private RawPeer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            this.reader = new Thread(() -> read(in), "raw-bgp-peer-" + socket.getLocalAddress().getHostAddress());
            reader.setDaemon(true);
            reader.start();
        }

        static RawPeer connect(String address) throws IOException {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(address, 0));
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(COLLECTOR, PORT), (int) T.toMillis());
            return new RawPeer(s);
        }

        private void read(DataInputStream in) {
            try {
                while (true) {
                    byte[] header = new byte[19];
                    in.readFully(header);
                    int length = u16(header, 16);
                    if (length < 19) {
                        received.add(new End("collector sent a message of length " + length));
                        return;
                    }
                    byte[] m = Arrays.copyOf(header, length);
                    in.readFully(m, 19, length - 19);
                    received.add(m);
                }
            } catch (EOFException e) {
                received.add(new End("EOF"));
            } catch (IOException e) {
                received.add(new End(e.toString()));
            } finally {
                ended = true;
            }
        }

        boolean alive() {
            return !ended && !socket.isClosed();
        }

        synchronized void send(byte[] m) throws IOException {
            out.write(m);
            out.flush();
        }

        /** For messages the collector may stop reading halfway: it resets the session and closes. */
        void sendMayBeCutShort(byte[] m) {
            try {
                send(m);
            } catch (IOException e) {
                // the collector closed first; what it sent before closing is still in our receive queue
            }
        }

        void startKeepalives(int periodSeconds) {
            keepalives = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "raw-bgp-keepalive");
                t.setDaemon(true);
                return t;
            });
            keepalives.scheduleAtFixedRate(() -> {
                try {
                    send(BgpEncoder.keepalive());
                } catch (IOException e) {
                    // the session is gone; the test notices through the reader
                }
            }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        }

        void stopKeepalives() {
            if (keepalives != null) {
                keepalives.shutdownNow();
                try {
                    keepalives.awaitTermination(T.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The next message (KEEPALIVEs skipped unless asked for), failing when none comes in time. */
        byte[] next(Duration within, boolean skipKeepalives) {
            Object m = poll(within, skipKeepalives);
            if (m == null) {
                fail("nothing from the collector within " + within);
            }
            if (m instanceof End end) {
                fail("the collector's stream ended: " + end.why());
            }
            return (byte[]) m;
        }

        /** The next message other than a KEEPALIVE or the end of the stream, or {@code null} if none within. */
        Object nextOrNull(Duration within) {
            return poll(within, true);
        }

        private Object poll(Duration within, boolean skipKeepalives) {
            long deadline = System.nanoTime() + within.toNanos();
            try {
                while (true) {
                    Object m = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (m == null) {
                        return null;
                    }
                    if (skipKeepalives && m instanceof byte[] b && b[18] == BgpMessage.TYPE_KEEPALIVE) {
                        continue;
                    }
                    return m;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** A NOTIFICATION (KEEPALIVEs before it allowed), then the end of the stream. */
        Notification expectNotificationThenEnd() throws Exception {
            Object m = poll(T, true);
            assertNotNull(m, "no NOTIFICATION within " + T);
            if (m instanceof End end) {
                fail("the stream ended without a NOTIFICATION: " + end.why());
            }
            byte[] b = (byte[]) m;
            assertEquals(BgpMessage.TYPE_NOTIFICATION, b[18],
                    "expected a NOTIFICATION: " + HexFormat.of().formatHex(b));
            Notification n = (Notification) BgpDecoder.decode(b, CTX);
            Object after = poll(T, true);
            assertInstanceOf(End.class, after, "the collector closes after its NOTIFICATION");
            return n;
        }

        @Override
        public void close() {
            stopKeepalives();
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

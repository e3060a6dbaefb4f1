package org.openpeering.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.bgp.AddPathMode;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.BgpDecoder;
import org.openpeering.telemetry.protocol.bgp.BgpEncoder;
import org.openpeering.telemetry.protocol.bgp.BgpException;
import org.openpeering.telemetry.protocol.bgp.BgpFramer;
import org.openpeering.telemetry.protocol.bgp.BgpMessage;
import org.openpeering.telemetry.protocol.bgp.BgpSessionContext;
import org.openpeering.telemetry.protocol.bgp.Capabilities;
import org.openpeering.telemetry.protocol.bgp.GracefulRestart;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.Open;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.protocol.bmp.BmpDecoder;
import org.openpeering.telemetry.protocol.bmp.BmpEncoder;
import org.openpeering.telemetry.protocol.bmp.BmpException;
import org.openpeering.telemetry.protocol.bmp.BmpFramer;
import org.openpeering.telemetry.protocol.bmp.BmpMessage;
import org.openpeering.telemetry.protocol.bmp.PeerDown;
import org.openpeering.telemetry.protocol.bmp.PeerHeader;
import org.openpeering.telemetry.protocol.bmp.PeerUp;
import org.openpeering.telemetry.protocol.bmp.RouteMonitoring;
import org.openpeering.telemetry.protocol.bmp.Tlv;
import org.openpeering.telemetry.protocol.rpki.CacheReset;
import org.openpeering.telemetry.protocol.rpki.CacheResponse;
import org.openpeering.telemetry.protocol.rpki.EndOfData;
import org.openpeering.telemetry.protocol.rpki.ErrorReport;
import org.openpeering.telemetry.protocol.rpki.Ipv4Prefix;
import org.openpeering.telemetry.protocol.rpki.Ipv6Prefix;
import org.openpeering.telemetry.protocol.rpki.ResetQuery;
import org.openpeering.telemetry.protocol.rpki.RouterKey;
import org.openpeering.telemetry.protocol.rpki.RtrCodec;
import org.openpeering.telemetry.protocol.rpki.RtrException;
import org.openpeering.telemetry.protocol.rpki.RtrPdu;
import org.openpeering.telemetry.protocol.rpki.SerialNotify;
import org.openpeering.telemetry.protocol.rpki.SerialQuery;

/**
 * Seeded mutation fuzzing of the three wire decoders and their stream framers.
 *
 * <p>The corpus is valid messages: BGP messages written with {@link BgpEncoder} plus every message of the GoBGP MRT
 * capture, the BMP messages of the GoBGP BMP capture (framed with {@link BmpFramer}) plus a few written with
 * {@link BmpEncoder}, and one RTR PDU of each type from {@link RtrCodec#encode} in both versions. Each iteration
 * takes one of them and stacks one to four mutations (bit flip, byte set to 0x00 / 0xff / random, truncation,
 * extension, length-field tampering, chunk duplication and deletion, splicing with another message, boundary
 * values written at random offsets); most of the time the outer length field is then fixed up so that the input
 * reaches the body parsers instead of failing the header check.
 *
 * <p>The property: a decoder returns a message or throws its own checked exception ({@link BgpException},
 * {@link BmpException} — or BgpException for the BGP PDUs inside BMP, as the station decodes them —,
 * {@link RtrException}); anything else (a RuntimeException, StackOverflowError, OutOfMemoryError...) is a bug. The
 * framers ({@link BgpFramer}, {@link BmpFramer}, {@link RtrCodec.Framer} reading through socket timeouts) are fed
 * random chunkings of message streams and must cut exactly what a single feed of the same stream cuts, and give back
 * valid streams' messages unchanged; a failed BmpFramer must stay failed.
 *
 * <p>{@code -Dfuzz.seed} (default 1) and {@code -Dfuzz.iterations} (default 20000 per decoder) steer the run; each
 * iteration draws from its own {@code Random(seed, decoder, iteration)}, so a failure report (seed, iteration,
 * input hex) reproduces with the same seed and at least that many iterations. The {@code fuzz} Maven profile runs
 * 2,000,000 iterations per decoder.
 */
class DecoderFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 1L);
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 20_000);
    /** Framer runs are streams of several messages each: a tenth of the decoder iterations. */
    private static final int STREAMS = Math.max(200, ITERATIONS / 10);
    private static final int MAX_REPORTED = 5;
    private static final HexFormat HEX = HexFormat.of();

    private static final String RESOURCES = "/org/openpeering/telemetry/protocol/";

    private static final List<BgpSample> BGP = new ArrayList<>();
    private static final List<byte[]> BMP = new ArrayList<>();
    /** The BMP messages other than the capture's 1101 Route Monitorings: every type, picked half the time. */
    private static final List<byte[]> BMP_VARIETY = new ArrayList<>();
    private static final List<byte[]> RTR = new ArrayList<>();
    /** An IPv6 UPDATE of the BGP corpus, for a BMP Route Monitoring. */
    private static final byte[][] V6_UPDATE = new byte[1][];
    /** How many of the BGP corpus come from the encoder (they come first, the MRT capture's after). */
    private static final int[] BUILT_BGP = new int[1];

    /** A BGP message with the session context it was written for. */
    private record BgpSample(byte[] bytes, BgpSessionContext ctx) {
    }

    // ------------------------------------------------------------------------------------------------- corpus

    @BeforeAll
    static void buildCorpus() throws Exception {
        bgpCorpus();
        bmpCorpus();
        rtrCorpus();
        System.out.printf("fuzz corpus: %d BGP, %d BMP, %d RTR messages; seed %d, %d iterations per decoder%n",
                BGP.size(), BMP.size(), RTR.size(), SEED, ITERATIONS);
    }

    private static void bgpCorpus() throws Exception {
        BgpSessionContext four = BgpSessionContext.DEFAULT;
        BgpSessionContext two = new BgpSessionContext(false, Set.of(), false);
        BgpSessionContext addPath = new BgpSessionContext(true, EnumSet.allOf(AfiSafi.class), true);
        Capabilities rich = new Capabilities(65551L, EnumSet.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST), true,
                true, new GracefulRestart(false, 120, Map.of(AfiSafi.IPV4_UNICAST, true, AfiSafi.IPV6_UNICAST, false)),
                Map.of(AfiSafi.IPV4_UNICAST, AddPathMode.BOTH, AfiSafi.IPV6_UNICAST, AddPathMode.RECEIVE),
                List.of(new byte[] { (byte) 73, 4, 'r', '-', 'x', '1' }));
        BGP.add(new BgpSample(BgpEncoder.open(Open.of(65551, 90, 0xC0000201L, rich)), four));
        BGP.add(new BgpSample(BgpEncoder.open(Open.of(64496, 30, 0xC0000202L, Capabilities.NONE)), four));
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new byte[] { (byte) (200 + i % 50), 6, 1, 2, 3, 4, 5, (byte) i });
        }
        // over 255 octets of capabilities: the RFC 9072 extended optional parameters form
        BGP.add(new BgpSample(BgpEncoder.open(Open.of(64500, 180, 0xC6336401L, new Capabilities(64500L,
                EnumSet.of(AfiSafi.IPV4_UNICAST), false, false, null, Map.of(), many))), four));
        BGP.add(new BgpSample(BgpEncoder.keepalive(), four));
        BGP.add(new BgpSample(BgpEncoder.notification(6, 2, "shutdown".getBytes()), four));
        BGP.add(new BgpSample(BgpEncoder.notification(1, 2, new byte[] { 0x10, 0x01 }), four));
        BGP.add(new BgpSample(BgpEncoder.routeRefresh(AfiSafi.IPV4_UNICAST), four));
        BGP.add(new BgpSample(BgpEncoder.routeRefresh(AfiSafi.IPV6_UNICAST, 1), four));
        BGP.add(new BgpSample(BgpEncoder.endOfRib(AfiSafi.IPV4_UNICAST), four));
        BGP.add(new BgpSample(BgpEncoder.endOfRib(AfiSafi.IPV6_UNICAST), four));

        PathAttributes full = new PathAttributes(PathAttributes.ORIGIN_IGP,
                List.of(AsPathSegment.sequence(64496, 65551, 64510), AsPathSegment.asSet(64500, 64501)),
                "192.0.2.1", 50L, 100L, true, 65551L, "192.0.2.9",
                new int[] { PathAttributes.community(64496, 8007), PathAttributes.community(65535, 1) },
                new long[] { 65551, 1, 2 }, 64496L,
                List.of(new byte[] { (byte) 0xC0, 99, 3, 1, 2, 3 }));
        List<Nlri> v4 = List.of(Nlri.of("203.0.113.0/24"), Nlri.of("192.0.2.0/25"), Nlri.of("198.51.100.128/26"));
        BGP.add(new BgpSample(BgpEncoder.update(List.of(Nlri.of("192.0.2.128/25")), v4, full, null, four), four));
        // 2-octet session: AS_TRANS in AS_PATH / AGGREGATOR, with AS4_PATH and AS4_AGGREGATOR
        BGP.add(new BgpSample(BgpEncoder.update(List.of(), v4, full, null, two), two));
        PathAttributes v6attrs = PathAttributes.of(PathAttributes.ORIGIN_INCOMPLETE,
                List.of(AsPathSegment.sequence(64503, 65540)), null).withLargeCommunities(64503, 7, 8);
        byte[] v6update = BgpEncoder.update(List.of(Nlri.of("2001:db8:2::/48")),
                List.of(Nlri.of("2001:db8:1::/48"), Nlri.of("2001:db8:ffff::/64")), v6attrs, "2001:db8::1", "fe80::1",
                four);
        BGP.add(new BgpSample(v6update, four));
        V6_UPDATE[0] = v6update;
        BGP.add(new BgpSample(BgpEncoder.update(List.of(Nlri.of("203.0.113.0/24"), Nlri.of("2001:db8:1::/48")),
                List.of(), null, null, four), four));
        BGP.add(new BgpSample(BgpEncoder.update(List.of(Nlri.of("198.51.100.0/24", 7)),
                List.of(Nlri.of("203.0.113.0/24", 1), Nlri.of("203.0.113.0/24", 2), Nlri.of("2001:db8:5::/48", 3)),
                PathAttributes.of(PathAttributes.ORIGIN_EGP, List.of(AsPathSegment.sequence(64504)), "198.51.100.1"),
                "2001:db8::5", addPath), addPath));
        for (BgpSample s : BGP) {
            BgpDecoder.decode(s.bytes(), s.ctx()); // the corpus itself must be valid
        }

        BUILT_BGP[0] = BGP.size();
        byte[] mrt = resource(RESOURCES + "bgp/gobgp-3.10-updates.mrt");
        for (BgpSample s : mrtMessages(mrt)) {
            BgpDecoder.decode(s.bytes(), s.ctx());
            BGP.add(s);
        }
    }

    /** BGP4MP message records of an MRT file (RFC 6396 §4.4, RFC 8050), as the bgp package's MrtReader reads them. */
    private static List<BgpSample> mrtMessages(byte[] file) {
        List<BgpSample> out = new ArrayList<>();
        int p = 0;
        while (p + 12 <= file.length) {
            int type = u16(file, p + 4);
            int subtype = u16(file, p + 6);
            int body = p + 12;
            int end = (int) (body + u32(file, p + 8));
            p = end;
            if (type != 16 && type != 17) {
                continue;
            }
            boolean as4 = subtype == 4 || subtype == 7 || subtype == 9 || subtype == 11;
            boolean message = as4 || subtype == 1 || subtype == 6 || subtype == 8 || subtype == 10;
            if (!message) {
                continue;
            }
            int q = type == 17 ? body + 4 : body;
            q += as4 ? 8 : 4; // peer and local AS
            q += 2; // interface index
            int afi = u16(file, q);
            q += 2 + 2 * (afi == 2 ? 16 : 4);
            boolean addPath = subtype >= 8 && subtype <= 11;
            out.add(new BgpSample(Arrays.copyOfRange(file, q, end),
                    new BgpSessionContext(as4, addPath ? EnumSet.allOf(AfiSafi.class) : Set.of(), false)));
        }
        return out;
    }

    private static void bmpCorpus() throws Exception {
        BmpFramer framer = new BmpFramer(1 << 20);
        byte[] capture = resource(RESOURCES + "bmp/gobgp-3.10-bmp-capture.bmp");
        framer.feed(capture);
        for (byte[] m; (m = framer.next()) != null;) {
            BMP.add(m);
        }
        assertEquals(0, framer.buffered(), "the capture ends on a message boundary");
        PeerHeader v6 = PeerHeader.global("2001:db8::7", true, false, 65540, 0xC0000207L);
        PeerHeader v4 = PeerHeader.global("192.0.2.7", false, true, 64507, 0xC0000207L);
        byte[] open = BgpEncoder.open(Open.of(64507, 90, 0xC0000207L, Capabilities.NONE));
        BMP.add(BmpEncoder.initiation("r-fuzz", "fuzzing corpus"));
        BMP.add(BmpEncoder.peerUp(v6, "2001:db8::1", 179, 40000, open, open,
                List.of(Tlv.ofText(PeerUp.TLV_VRF_TABLE_NAME, "global"))));
        BMP.add(BmpEncoder.peerDown(v4, PeerDown.REASON_LOCAL_NOTIFICATION, BgpEncoder.notification(6, 2, null)));
        BMP.add(BmpEncoder.peerDown(v4, PeerDown.REASON_LOCAL_NO_NOTIFICATION, new byte[] { 0, 1 }));
        BMP.add(BmpEncoder.routeMonitoring(v6, V6_UPDATE[0]));
        BMP.add(BmpEncoder.statisticsReport(v4, new TreeMap<>(Map.of(0, 1L, 7, 2L, 9, 3L, 65000, 4L))));
        BMP.add(BmpEncoder.routeMirroring(v4, List.of(Tlv.ofShort(1, 0), new Tlv(0, BgpEncoder.keepalive()))));
        BMP.add(BmpEncoder.termination(0));
        for (byte[] m : BMP) {
            decodeBmp(m); // the corpus itself must be valid
            if (m[5] != BmpMessage.TYPE_ROUTE_MONITORING || BMP_VARIETY.size() < 12) {
                BMP_VARIETY.add(m);
            }
        }
    }

    private static void rtrCorpus() {
        Prefix v4 = Prefix.parse("192.0.2.0/24");
        Prefix v6 = Prefix.parse("2001:db8::/32");
        byte[] ski = new byte[20];
        Arrays.fill(ski, (byte) 0x5a);
        for (int version = 0; version <= 1; version++) {
            List<RtrPdu> pdus = new ArrayList<>(List.of(new SerialNotify(7, 42), new SerialQuery(7, 41),
                    new ResetQuery(), new CacheResponse(7), new Ipv4Prefix(true, v4, 24, 64496),
                    new Ipv4Prefix(false, Prefix.parse("203.0.113.128/25"), 32, 65551),
                    new Ipv6Prefix(true, v6, 48, 64511), new CacheReset(),
                    version == 0 ? EndOfData.v0(7, 42) : new EndOfData(7, 42, 3600, 600, 7200),
                    new ErrorReport(RtrException.CORRUPT_DATA, RtrCodec.encode(new SerialQuery(7, 1), version),
                            "bad PDU")));
            if (version == 1) {
                pdus.add(new RouterKey(true, ski, 64496, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 }));
            }
            for (RtrPdu pdu : pdus) {
                RTR.add(RtrCodec.encode(pdu, version));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DecoderFuzzTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------------------------------------- decoders

    @Test
    void bgpDecoderReturnsAMessageOrABgpException() {
        Stats stats = new Stats("BGP decoder");
        for (int i = 0; i < ITERATIONS; i++) {
            Random r = iterationRandom(1, i);
            // half the time one of the hand-built messages (every type), else any, the capture's UPDATEs included
            BgpSample sample = BGP.get(r.nextInt(r.nextBoolean() ? BUILT_BGP[0] : BGP.size()));
            BgpSessionContext ctx = r.nextInt(8) == 0 ? randomContext(r) : sample.ctx();
            byte[] input = mutate(sample.bytes(), r, BGP_FORMAT, () -> BGP.get(r.nextInt(BGP.size())).bytes());
            try {
                BgpMessage m = BgpDecoder.decode(input, ctx);
                stats.accepted(m instanceof Update u && u.treatAsWithdraw() ? "UPDATE treat-as-withdraw"
                        : m instanceof Update u && !u.errors().isEmpty() ? "UPDATE attribute discard"
                        : m.getClass().getSimpleName());
            } catch (BgpException e) {
                stats.rejected(e.code() + "/" + e.subcode());
            } catch (Throwable t) {
                stats.failure(i, input, "context " + ctx, t);
            }
        }
        stats.report();
    }

    @Test
    void bmpDecoderReturnsAMessageOrABmpException() {
        Stats stats = new Stats("BMP decoder");
        for (int i = 0; i < ITERATIONS; i++) {
            Random r = iterationRandom(2, i);
            List<byte[]> from = r.nextBoolean() ? BMP_VARIETY : BMP;
            byte[] input = mutate(from.get(r.nextInt(from.size())), r, BMP_FORMAT,
                    () -> BMP.get(r.nextInt(BMP.size())));
            try {
                stats.accepted(decodeBmp(input));
            } catch (BmpException e) {
                stats.rejected("BmpException");
            } catch (BgpException e) {
                stats.rejected("BgpException " + e.code() + "/" + e.subcode() + " inside BMP");
            } catch (Throwable t) {
                stats.failure(i, input, "", t);
            }
        }
        stats.report();
    }

    @Test
    void rtrDecoderReturnsAPduOrAnRtrException() {
        Stats stats = new Stats("RTR decoder");
        for (int i = 0; i < ITERATIONS; i++) {
            Random r = iterationRandom(3, i);
            byte[] input = mutate(RTR.get(r.nextInt(RTR.size())), r, RTR_FORMAT, () -> RTR.get(r.nextInt(RTR.size())));
            // also at an offset inside a larger buffer, as a stream reader would call it
            int before = r.nextInt(4) == 0 ? r.nextInt(16) : 0;
            byte[] buf = new byte[before + input.length + (before > 0 ? r.nextInt(16) : 0)];
            r.nextBytes(buf);
            System.arraycopy(input, 0, buf, before, input.length);
            try {
                stats.accepted(RtrCodec.decode(buf, before, input.length).getClass().getSimpleName());
            } catch (RtrException e) {
                stats.rejected(RtrException.codeName(e.errorCode()));
            } catch (Throwable t) {
                stats.failure(i, input, "at offset " + before + " of " + buf.length, t);
            }
        }
        stats.report();
    }

    /** As the BMP station does it: the BMP message, then the BGP PDUs it carries. */
    private static String decodeBmp(byte[] input) throws BmpException, BgpException {
        BmpMessage m = BmpDecoder.decode(input);
        BgpSessionContext ctx = new BgpSessionContext(true, Set.of(), true);
        if (m instanceof RouteMonitoring rm) {
            ctx = new BgpSessionContext(!rm.peer().legacyAsPath(), Set.of(), true);
            BgpDecoder.decode(rm.bgpUpdate(), ctx);
        } else if (m instanceof PeerUp up) {
            BgpDecoder.decode(up.sentOpen(), BgpSessionContext.DEFAULT);
            BgpDecoder.decode(up.receivedOpen(), BgpSessionContext.DEFAULT);
        } else if (m instanceof PeerDown down && down.notification() != null) {
            BgpDecoder.decode(down.notification(), ctx);
        }
        return m.getClass().getSimpleName();
    }

    private static BgpSessionContext randomContext(Random r) {
        Set<AfiSafi> addPath = EnumSet.noneOf(AfiSafi.class);
        for (AfiSafi f : AfiSafi.values()) {
            if (r.nextBoolean()) {
                addPath.add(f);
            }
        }
        return new BgpSessionContext(r.nextBoolean(), addPath, r.nextBoolean());
    }

    // ----------------------------------------------------------------------------------------------- framers

    @Test
    void bgpFramerCutsAnyChunkingLikeOneFeed() {
        Stats stats = new Stats("BGP framer");
        for (int i = 0; i < STREAMS; i++) {
            Random r = iterationRandom(4, i);
            boolean clean = r.nextInt(4) == 0;
            List<byte[]> messages = stream(r, clean, () -> BGP.get(r.nextInt(BGP.size())).bytes(), BGP_FORMAT);
            byte[] bytes = concat(messages);
            int max = r.nextBoolean() ? 4096 : 65535;
            try {
                Cut whole = cutBgp(bytes, max, new int[] { bytes.length });
                Cut chunked = cutBgp(bytes, max, chunks(r, bytes.length));
                assertEquals(whole.toString(), chunked.toString(), "chunking changed what the framer cut");
                for (byte[] f : chunked.frames) {
                    assertTrue(f.length >= 19 && f.length <= max && u16(f, 16) == f.length,
                            "frame " + HEX.formatHex(f));
                }
                if (clean && messages.stream().allMatch(m -> m.length <= max)) {
                    assertFrames(messages, chunked);
                }
                stats.accepted(chunked.error == null ? "stream framed"
                        : "stream ends in " + chunked.error.substring(0, 3));
            } catch (Throwable t) {
                stats.failure(i, bytes, "BgpFramer(" + max + ")", t);
            }
        }
        stats.report();
    }

    private static Cut cutBgp(byte[] bytes, int max, int[] chunks) {
        BgpFramer framer = new BgpFramer(max);
        Cut cut = new Cut();
        int at = 0;
        try {
            for (int n : chunks) {
                framer.feed(bytes, at, n);
                at += n;
                for (byte[] f; (f = framer.next()) != null;) {
                    cut.frames.add(f);
                }
            }
            cut.buffered = framer.buffered();
        } catch (BgpException e) {
            cut.error = e.code() + "/" + e.subcode() + " " + HEX.formatHex(e.data());
        }
        return cut;
    }

    @Test
    void bmpFramerCutsAnyChunkingLikeOneFeedAndFailuresStick() {
        Stats stats = new Stats("BMP framer");
        for (int i = 0; i < STREAMS; i++) {
            Random r = iterationRandom(5, i);
            boolean clean = r.nextInt(4) == 0;
            List<byte[]> messages = stream(r, clean, () -> BMP.get(r.nextInt(BMP.size())), BMP_FORMAT);
            byte[] bytes = concat(messages);
            int max = r.nextBoolean() ? 1 << 16 : 1 << 20;
            try {
                Cut whole = cutBmp(bytes, max, new int[] { bytes.length });
                Cut chunked = cutBmp(bytes, max, chunks(r, bytes.length));
                assertEquals(whole.toString(), chunked.toString(), "chunking changed what the framer cut");
                if (clean && messages.stream().allMatch(m -> m.length <= max)) {
                    assertFrames(messages, chunked);
                }
                stats.accepted(chunked.error == null ? "stream framed" : "stream ends in a framing error");
            } catch (Throwable t) {
                stats.failure(i, bytes, "BmpFramer(" + max + ")", t);
            }
        }
        stats.report();
    }

    private static Cut cutBmp(byte[] bytes, int max, int[] chunks) {
        BmpFramer framer = new BmpFramer(max);
        Cut cut = new Cut();
        int at = 0;
        try {
            for (int n : chunks) {
                framer.feed(bytes, at, n);
                at += n;
                for (byte[] f; (f = framer.next()) != null;) {
                    assertEquals(f.length, u32(f, 1), "frame length field");
                    cut.frames.add(f);
                }
            }
            cut.buffered = framer.buffered();
        } catch (BmpException e) {
            cut.error = e.getMessage();
            // sticky: the same failure again, whatever is fed afterwards
            framer.feed(new byte[] { 3, 0, 0, 0, 6, 4 });
            try {
                framer.next();
                fail("a failed BMP framer framed again");
            } catch (BmpException again) {
                assertSame(e, again, "the failure is sticky");
            }
        }
        return cut;
    }

    @Test
    void rtrFramerCutsAnyChunkingAndResumesAfterTimeouts() {
        Stats stats = new Stats("RTR framer");
        for (int i = 0; i < STREAMS; i++) {
            Random r = iterationRandom(6, i);
            boolean clean = r.nextInt(4) == 0;
            List<byte[]> messages = stream(r, clean, () -> RTR.get(r.nextInt(RTR.size())), RTR_FORMAT);
            byte[] bytes = concat(messages);
            try {
                Cut whole = cutRtr(new ChunkedStream(bytes, new int[] { bytes.length }, null));
                Cut chunked = cutRtr(new ChunkedStream(bytes, chunks(r, bytes.length), r));
                assertEquals(whole.toString(), chunked.toString(), "chunking changed what the framer cut");
                if (clean) {
                    assertFrames(messages, chunked);
                }
                stats.accepted(chunked.error == null ? "stream framed" : "stream ends in " + chunked.error
                        .replaceAll("[0-9]+", "N"));
            } catch (Throwable t) {
                stats.failure(i, bytes, "RtrCodec.Framer", t);
            }
        }
        stats.report();
    }

    private static Cut cutRtr(ChunkedStream in) {
        RtrCodec.Framer framer = new RtrCodec.Framer(in);
        Cut cut = new Cut();
        try {
            while (true) {
                byte[] f;
                try {
                    f = framer.next();
                } catch (SocketTimeoutException timeout) {
                    continue; // resumable: the partial PDU stays buffered
                }
                if (f == null) {
                    break;
                }
                assertEquals(f.length, u32(f, 4), "PDU length field");
                cut.frames.add(f);
            }
        } catch (RtrException e) {
            cut.error = RtrException.codeName(e.errorCode()) + ": " + e.getMessage();
        } catch (EOFException e) {
            cut.error = "EOF: " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cut;
    }

    /** What a framer made of a stream. */
    private static final class Cut {
        final List<byte[]> frames = new ArrayList<>();
        int buffered;
        String error;

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            frames.forEach(f -> b.append(HEX.formatHex(f)).append('\n'));
            return b.append("buffered ").append(buffered).append(", error ").append(error).toString();
        }
    }

    private static void assertFrames(List<byte[]> messages, Cut cut) {
        assertEquals(null, cut.error, "a valid stream framed without error");
        assertEquals(messages.size(), cut.frames.size(), "every message of a valid stream");
        for (int k = 0; k < messages.size(); k++) {
            assertArrayEquals(messages.get(k), cut.frames.get(k), "message " + k);
        }
        assertEquals(0, cut.buffered);
    }

    /** Two to eight messages, each mutated unless the stream is to stay clean. */
    private static List<byte[]> stream(Random r, boolean clean, Pick pick, Format format) {
        int n = 2 + r.nextInt(7);
        List<byte[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            byte[] m = pick.next();
            out.add(clean || r.nextInt(3) != 0 ? m : mutate(m, r, format, pick));
        }
        return out;
    }

    /** Random chunk sizes summing to {@code total}: single octets, empty chunks, small and large pieces. */
    private static int[] chunks(Random r, int total) {
        List<Integer> out = new ArrayList<>();
        int left = total;
        while (left > 0) {
            int n = switch (r.nextInt(4)) {
                case 0 -> 1;
                case 1 -> r.nextInt(20);
                case 2 -> 1 + r.nextInt(200);
                default -> 1 + r.nextInt(Math.max(1, left));
            };
            n = Math.min(n, left);
            out.add(n);
            left -= n;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * An InputStream that returns the given chunks one read at a time (never more than asked), and, when given a
     * Random, sometimes throws SocketTimeoutException between reads as a socket with SO_TIMEOUT does.
     */
    private static final class ChunkedStream extends InputStream {
        private final byte[] bytes;
        private final int[] chunks;
        private final Random timeouts;
        private int chunk;
        private int inChunk;
        private int at;

        ChunkedStream(byte[] bytes, int[] chunks, Random timeouts) {
            this.bytes = bytes;
            this.chunks = chunks;
            this.timeouts = timeouts;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (timeouts != null && timeouts.nextInt(8) == 0) {
                throw new SocketTimeoutException("fuzz timeout");
            }
            while (chunk < chunks.length && inChunk == chunks[chunk]) {
                chunk++;
                inChunk = 0;
            }
            if (chunk == chunks.length) {
                return -1;
            }
            int n = Math.min(len, chunks[chunk] - inChunk);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            inChunk += n;
            return n;
        }
    }

    // --------------------------------------------------------------------------------------------- mutations

    /**
     * What the fix-up restores after mutating: the outer length field (offset, width) set to the real size, the
     * constant leading octets (BGP marker, BMP version), and for a BMP Route Monitoring the length of the BGP PDU it
     * carries, so that mutated inputs get past the first checks into the body parsers.
     */
    private record Format(int lengthOffset, int lengthWidth, byte[] lead, boolean bmp) {
    }

    private static final byte[] MARKER = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };
    private static final Format BGP_FORMAT = new Format(16, 2, MARKER, false);
    private static final Format BMP_FORMAT = new Format(1, 4, new byte[] { 3 }, true);
    private static final Format RTR_FORMAT = new Format(4, 4, new byte[0], false);

    /** Boundary values for length and count fields. */
    private static final int[] INTERESTING = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 18, 19, 20, 23, 29, 32, 33, 63, 64,
        127, 128, 129, 254, 255, 256, 4095, 4096, 4097, 32767, 32768, 65534, 65535 };

    @FunctionalInterface
    private interface Pick {
        byte[] next();
    }

    /** One to four stacked mutations, then (three times in four) the outer length field set to the real size. */
    private static byte[] mutate(byte[] original, Random r, Format format, Pick other) {
        byte[] b = original.clone();
        int rounds = 1 + (r.nextInt(4) == 0 ? r.nextInt(4) : 0);
        for (int k = 0; k < rounds; k++) {
            b = mutateOnce(b, r, format, other);
        }
        if (r.nextInt(4) != 0) {
            fixUp(b, format);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random r, Format format, Pick other) {
        int n = b.length;
        if (format == BGP_FORMAT && r.nextInt(4) == 0) {
            byte[] structured = injectBgp(b, r);
            if (structured != null) {
                return structured;
            }
        }
        switch (r.nextInt(11)) {
            case 0 -> { // bit flip
                if (n > 0) {
                    b[r.nextInt(n)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> { // byte set to 0x00, 0xff or random
                if (n > 0) {
                    int v = switch (r.nextInt(3)) {
                        case 0 -> 0;
                        case 1 -> 0xff;
                        default -> r.nextInt(256);
                    };
                    b[r.nextInt(n)] = (byte) v;
                }
            }
            case 2 -> b = Arrays.copyOf(b, n == 0 ? 0 : r.nextInt(n)); // truncation
            case 3 -> { // extension with random or repeated octets
                int extra = 1 + r.nextInt(r.nextInt(10) == 0 ? 4096 : 64);
                byte[] longer = Arrays.copyOf(b, n + extra);
                if (r.nextBoolean()) {
                    Arrays.fill(longer, n, n + extra, (byte) r.nextInt(256));
                } else {
                    byte[] tail = new byte[extra];
                    r.nextBytes(tail);
                    System.arraycopy(tail, 0, longer, n, extra);
                }
                b = longer;
            }
            case 4 -> { // the outer length field tampered with
                int width = format.lengthWidth();
                if (n >= format.lengthOffset() + width) {
                    long v = switch (r.nextInt(4)) {
                        case 0 -> n + r.nextInt(9) - 4;
                        case 1 -> INTERESTING[r.nextInt(INTERESTING.length)];
                        case 2 -> r.nextLong() & ((1L << (8 * width)) - 1);
                        default -> width == 4 ? 0xFFFF_FFFFL - r.nextInt(3) : 0xFFFF;
                    };
                    put(b, format.lengthOffset(), width, v);
                }
            }
            case 5, 6 -> { // an inner length / count / type field: a boundary value at a random offset
                if (n > 0) {
                    int width = 1 + r.nextInt(Math.min(2, n));
                    int at = r.nextInt(n - width + 1);
                    int v = r.nextInt(3) == 0 ? r.nextInt(1 << (8 * width))
                            : INTERESTING[r.nextInt(INTERESTING.length)] + (r.nextInt(3) - 1);
                    put(b, at, width, v & ((1 << (8 * width)) - 1));
                }
            }
            case 7 -> { // chunk duplication
                if (n > 0) {
                    int from = r.nextInt(n);
                    int len = 1 + r.nextInt(Math.min(n - from, 64));
                    int to = r.nextInt(n + 1);
                    byte[] out = new byte[n + len];
                    System.arraycopy(b, 0, out, 0, to);
                    System.arraycopy(b, from, out, to, len);
                    System.arraycopy(b, to, out, to + len, n - to);
                    b = out;
                }
            }
            case 8 -> { // chunk deletion
                if (n > 0) {
                    int from = r.nextInt(n);
                    int len = 1 + r.nextInt(Math.min(n - from, 64));
                    byte[] out = new byte[n - len];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, from + len, out, from, n - from - len);
                    b = out;
                }
            }
            case 9 -> { // splice: the head of this message and the tail of another
                byte[] o = other.next();
                int head = r.nextInt(n + 1);
                int tail = r.nextInt(o.length + 1);
                byte[] out = Arrays.copyOf(b, head + o.length - tail);
                System.arraycopy(o, tail, out, head, o.length - tail);
                b = out;
            }
            default -> { // random octets inserted
                int at = r.nextInt(n + 1);
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                byte[] out = new byte[n + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, n - at);
                b = out;
            }
        }
        return b;
    }

    /** Path attribute type codes worth aiming at: every one the decoder models, and some it does not. */
    private static final int[] ATTRIBUTE_TYPES = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 22, 32, 35, 128,
        255 };
    private static final int[] ATTRIBUTE_FLAGS = { 0x40, 0x80, 0xC0, 0x50, 0x90, 0xD0, 0xE0, 0x00, 0x10 };
    private static final int[] CAPABILITY_CODES = { 1, 2, 5, 6, 9, 64, 65, 69, 70, 71, 73, 128 };

    /**
     * Structure-aware: into an UPDATE, a path attribute (chosen flags and type, random value of a boundary length)
     * inserted at a random attribute boundary, with the Total Path Attribute Length and the message length adjusted;
     * into an OPEN, a capability the same way. {@code null} when the message is neither or its lengths are already
     * inconsistent.
     */
    private static byte[] injectBgp(byte[] b, Random r) {
        if (b.length < 19) {
            return null;
        }
        int type = b[18] & 0xff;
        if (type == BgpMessage.TYPE_UPDATE && b.length >= 23) {
            int withdrawn = u16(b, 19);
            int at = 21 + withdrawn;
            if (at + 2 > b.length) {
                return null;
            }
            int total = u16(b, at);
            int attrs = at + 2;
            if (attrs + total > b.length) {
                return null;
            }
            // attribute boundaries, walked with the attributes' own lengths
            List<Integer> boundaries = new ArrayList<>(List.of(attrs));
            for (int p = attrs; p + 3 <= attrs + total;) {
                boolean ext = (b[p] & 0x10) != 0;
                int len = ext ? (p + 4 <= attrs + total ? u16(b, p + 2) : 0) : b[p + 2] & 0xff;
                p += (ext ? 4 : 3) + len;
                if (p > attrs + total) {
                    break;
                }
                boundaries.add(p);
            }
            int flags = r.nextInt(5) == 0 ? r.nextInt(256) : ATTRIBUTE_FLAGS[r.nextInt(ATTRIBUTE_FLAGS.length)];
            int attrType = r.nextInt(8) == 0 ? r.nextInt(256) : ATTRIBUTE_TYPES[r.nextInt(ATTRIBUTE_TYPES.length)];
            int valueLength = r.nextInt(3) == 0 ? INTERESTING[r.nextInt(12)] : r.nextInt(48);
            boolean ext = (flags & 0x10) != 0;
            if (!ext) {
                valueLength = Math.min(valueLength, 255);
            }
            byte[] value = new byte[valueLength];
            r.nextBytes(value);
            if (valueLength > 0 && r.nextBoolean()) {
                value[0] = (byte) (r.nextBoolean() ? 2 : 1); // AS_PATH segment type / small ORIGIN / AFI high octet
            }
            byte[] attr = new byte[(ext ? 4 : 3) + valueLength];
            attr[0] = (byte) flags;
            attr[1] = (byte) attrType;
            put(attr, 2, ext ? 2 : 1, valueLength);
            System.arraycopy(value, 0, attr, attr.length - valueLength, valueLength);
            int insertAt = boundaries.get(r.nextInt(boundaries.size()));
            byte[] out = insert(b, insertAt, attr);
            if (total + attr.length > 0xFFFF || out.length > 0xFFFF) {
                return null;
            }
            put(out, at, 2, total + attr.length);
            put(out, 16, 2, out.length);
            return out;
        }
        if (type == BgpMessage.TYPE_OPEN && b.length >= 29 && (b[28] & 0xff) != 255) {
            // a second Capabilities parameter appended: code, length, value
            int code = r.nextInt(6) == 0 ? r.nextInt(256) : CAPABILITY_CODES[r.nextInt(CAPABILITY_CODES.length)];
            int valueLength = r.nextInt(3) == 0 ? INTERESTING[r.nextInt(10)] : r.nextInt(16);
            byte[] param = new byte[4 + valueLength];
            param[0] = 2;
            param[1] = (byte) (2 + valueLength);
            param[2] = (byte) code;
            param[3] = (byte) valueLength;
            byte[] value = new byte[valueLength];
            r.nextBytes(value);
            System.arraycopy(value, 0, param, 4, valueLength);
            int optLen = (b[28] & 0xff) + param.length;
            if (optLen > 254) {
                return null;
            }
            byte[] out = insert(b, b.length, param);
            out[28] = (byte) optLen;
            put(out, 16, 2, out.length);
            return out;
        }
        return null;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static void fixUp(byte[] b, Format format) {
        System.arraycopy(format.lead(), 0, b, 0, Math.min(b.length, format.lead().length));
        long max = (1L << (8 * format.lengthWidth())) - 1;
        if (b.length >= format.lengthOffset() + format.lengthWidth() && b.length <= max) {
            put(b, format.lengthOffset(), format.lengthWidth(), b.length);
        }
        // BMP Route Monitoring: common header 6, per-peer header 42, then the BGP PDU's marker and length
        int bgp = 6 + 42;
        if (format.bmp() && b.length >= bgp + 19 && b[5] == BmpMessage.TYPE_ROUTE_MONITORING
                && b.length - bgp <= 0xFFFF) {
            System.arraycopy(MARKER, 0, b, bgp, 16);
            put(b, bgp + 16, 2, b.length - bgp);
        }
    }

    private static void put(byte[] b, int at, int width, long v) {
        for (int k = width - 1; k >= 0; k--) {
            b[at + k] = (byte) v;
            v >>>= 8;
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** Each iteration its own generator, so that one failing iteration reproduces alone. */
    private static Random iterationRandom(int decoder, int iteration) {
        long mixed = SEED * 0x9E3779B97F4A7C15L + decoder * 0xBF58476D1CE4E5B9L + iteration * 0x94D049BB133111EBL;
        return new Random(mixed);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Counts outcomes, keeps the first failures with what it takes to reproduce them, and fails at the end. */
    private static final class Stats {
        private final String name;
        private final long started = System.nanoTime();
        private final Map<String, Integer> accepted = new TreeMap<>();
        private final Map<String, Integer> rejected = new TreeMap<>();
        private final Map<String, String> failures = new LinkedHashMap<>();
        private int failureCount;
        private int runs;

        Stats(String name) {
            this.name = name;
        }

        void accepted(String what) {
            runs++;
            accepted.merge(what, 1, Integer::sum);
        }

        void rejected(String why) {
            runs++;
            rejected.merge(why, 1, Integer::sum);
        }

        void failure(int iteration, byte[] input, String context, Throwable t) {
            runs++;
            failureCount++;
            StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
            String key = t.getClass().getName() + " at " + top;
            if (failures.size() < MAX_REPORTED && !failures.containsKey(key)) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                failures.put(key, String.format("%s: seed %d, iteration %d (reproduce with -Dfuzz.seed=%d"
                        + " -Dfuzz.iterations=%d) %s%n  input (%d octets): %s%n  %s", name, SEED, iteration, SEED,
                        iteration + 1, context, input.length, HEX.formatHex(input), trace));
            }
        }

        void report() {
            long ms = (System.nanoTime() - started) / 1_000_000;
            int ok = accepted.values().stream().mapToInt(Integer::intValue).sum();
            int no = rejected.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("%s: %d runs in %d ms (seed %d): %d accepted %s, %d rejected %s, %d failures%n", name,
                    runs, ms, SEED, ok, accepted, no, rejected, failureCount);
            if (failureCount > 0) {
                fail(failureCount + " inputs made the " + name + " fail with something other than its own checked"
                        + " exception; the first distinct ones:\n" + String.join("\n", failures.values()));
            }
        }
    }
}

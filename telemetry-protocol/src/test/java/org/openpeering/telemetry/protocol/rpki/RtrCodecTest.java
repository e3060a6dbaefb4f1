package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

class RtrCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SKI = HEX.parseHex("0102030405060708090a0b0c0d0e0f1011121314");

    /** A PDU with its version 1 bytes; version 0 bytes are the same with a 0 first byte unless stated. */
    private record Golden(RtrPdu pdu, String v1) {
    }

    // Prefix, Cache Response and End of Data bytes were captured from StayRTR 0.5.1 answering a Reset Query.
    private static final List<Golden> GOLDEN = List.of(
            new Golden(new SerialNotify(0x05da, 1), "010005da0000000c00000001"),
            new Golden(new SerialQuery(0x05da, 0xfffffffeL), "010105da0000000cfffffffe"),
            new Golden(new ResetQuery(), "0102000000000008"),
            new Golden(new CacheResponse(0x05da), "010305da00000008"),
            new Golden(new Ipv4Prefix(true, Prefix.parse("203.0.113.0/24"), 24, 64510),
                    "010400000000001401181800cb0071000000fbfe"),
            new Golden(new Ipv4Prefix(false, Prefix.parse("10.0.0.0/8"), 16, 4200000000L),
                    "0104000000000014000810000a000000fa56ea00"),
            new Golden(new Ipv6Prefix(true, Prefix.parse("2001:db8::/32"), 48, 64511),
                    "01060000000000200120300020010db80000000000000000000000000000fbff"),
            new Golden(new Ipv6Prefix(true, Prefix.parse("2001:db8::1/128"), 128, 64511),
                    "01060000000000200180800020010db80000000000000000000000010000fbff"),
            new Golden(new EndOfData(0x05da, 0, 3600, 600, 7200), "010705da000000180000000000000e100000025800001c20"),
            new Golden(new CacheReset(), "0108000000000008"),
            new Golden(new RouterKey(true, SKI, 64510, new byte[] { 'a', 'b', 'c' }),
                    "0109010000000023" + "0102030405060708090a0b0c0d0e0f1011121314" + "0000fbfe" + "616263"),
            new Golden(new ErrorReport(RtrException.DUPLICATE_ANNOUNCEMENT_RECEIVED, HEX.parseHex("0102000000000008"),
                    "dup"), "010a00070000001b" + "00000008" + "0102000000000008" + "00000003" + "647570"));

    private static String v0(String v1Hex) {
        return "00" + v1Hex.substring(2);
    }

    @Test
    void encodesEveryPduToTheVersion1WireFormat() {
        for (Golden g : GOLDEN) {
            assertEquals(g.v1(), HEX.formatHex(RtrCodec.encode(g.pdu(), 1)), g.pdu().toString());
        }
    }

    @Test
    void encodesVersion0LikeVersion1ButWithAShortEndOfDataAndNoRouterKey() {
        for (Golden g : GOLDEN) {
            if (g.pdu() instanceof EndOfData) {
                assertEquals("000705da0000000c00000000", HEX.formatHex(RtrCodec.encode(g.pdu(), 0)));
            } else if (g.pdu() instanceof RouterKey) {
                assertThrows(IllegalArgumentException.class, () -> RtrCodec.encode(g.pdu(), 0));
            } else {
                assertEquals(v0(g.v1()), HEX.formatHex(RtrCodec.encode(g.pdu(), 0)), g.pdu().toString());
            }
        }
    }

    @Test
    void decodesTheGoldenBytesOfBothVersions() throws Exception {
        for (Golden g : GOLDEN) {
            byte[] b1 = HEX.parseHex(g.v1());
            assertEquals(g.pdu(), RtrCodec.decode(b1, 0, b1.length));
            if (!(g.pdu() instanceof RouterKey) && !(g.pdu() instanceof EndOfData)) {
                byte[] b0 = HEX.parseHex(v0(g.v1()));
                assertEquals(g.pdu(), RtrCodec.decode(b0, 0, b0.length));
                assertEquals(0, RtrCodec.version(b0, 0));
            }
        }
        byte[] eod0 = HEX.parseHex("000705da0000000c00000007");
        EndOfData e = (EndOfData) RtrCodec.decode(eod0, 0, eod0.length);
        assertEquals(EndOfData.v0(0x05da, 7), e);
        assertFalse(e.hasIntervals());
    }

    @Test
    void decodesStayRtrsErrorReportForAnUnsupportedVersion() throws Exception {
        // what StayRTR 0.5.1 sent back to a version 2 Serial Query: no PDU copy, NUL-terminated text
        byte[] b = HEX.parseHex("010a00040000002500000000000000154261642070726f746f636f6c2076657273696f6e00");
        ErrorReport r = (ErrorReport) RtrCodec.decode(b, 0, b.length);
        assertEquals(RtrException.UNSUPPORTED_PROTOCOL_VERSION, r.errorCode());
        assertEquals(0, r.erroneousPdu().length);
        assertEquals("Bad protocol version\0", r.errorText());
    }

    @Test
    void roundTripsEveryPduInBothVersionsFromAnOffset() throws Exception {
        for (Golden g : GOLDEN) {
            for (int version = 0; version <= 1; version++) {
                if (version == 0 && g.pdu() instanceof RouterKey) {
                    continue;
                }
                byte[] enc = RtrCodec.encode(g.pdu(), version);
                byte[] padded = new byte[enc.length + 5];
                System.arraycopy(enc, 0, padded, 3, enc.length);
                RtrPdu back = RtrCodec.decode(padded, 3, enc.length);
                RtrPdu expected = version == 0 && g.pdu() instanceof EndOfData e ? EndOfData.v0(e.sessionId(), e.serial())
                        : g.pdu();
                assertEquals(expected, back, "version " + version);
                assertEquals(version, RtrCodec.version(padded, 3));
            }
        }
    }

    @Test
    void aVersion1EndOfDataWithoutTimersCarriesTheRfcDefaults() throws Exception {
        byte[] b = RtrCodec.encode(EndOfData.v0(1, 2), 1);
        assertEquals(new EndOfData(1, 2, 3600, 600, 7200), RtrCodec.decode(b, 0, b.length));
    }

    private static RtrException refused(String hex) {
        byte[] b = HEX.parseHex(hex);
        return assertThrows(RtrException.class, () -> RtrCodec.decode(b, 0, b.length));
    }

    @Test
    void anUnknownVersionAsksForUnsupportedProtocolVersion() {
        RtrException e = refused("0202000000000008");
        assertEquals(RtrException.UNSUPPORTED_PROTOCOL_VERSION, e.errorCode());
        assertArrayEquals(HEX.parseHex("0202000000000008"), e.pdu());
    }

    @Test
    void anUnknownTypeOrARouterKeyInVersion0AsksForUnsupportedPduType() {
        assertEquals(RtrException.UNSUPPORTED_PDU_TYPE, refused("0105000000000008").errorCode());
        assertEquals(RtrException.UNSUPPORTED_PDU_TYPE, refused("010b000000000008").errorCode());
        assertEquals(RtrException.UNSUPPORTED_PDU_TYPE, refused(
                "0009010000000023" + "0102030405060708090a0b0c0d0e0f1011121314" + "0000fbfe" + "616263").errorCode());
    }

    @Test
    void lengthsThatDoNotAddUpAreCorruptData() {
        // a Reset Query claiming and having 12 bytes: wrong for its type
        assertEquals(RtrException.CORRUPT_DATA, refused("010200000000000c00000000").errorCode());
        // length field larger than the bytes present: truncated
        RtrException truncated = refused("0104000000000014011818");
        assertEquals(RtrException.CORRUPT_DATA, truncated.errorCode());
        assertEquals(RtrException.CORRUPT_DATA, refused("010400000000001401181800cb007100").errorCode());
        // length field smaller than the bytes given
        assertEquals(RtrException.CORRUPT_DATA, refused("010200000000000800").errorCode());
        // shorter than a header
        assertEquals(RtrException.CORRUPT_DATA, refused("01020000").errorCode());
        // a version 1 End of Data of the version 0 size
        assertEquals(RtrException.CORRUPT_DATA, refused("010705da0000000c00000000").errorCode());
        // an Error Report whose inner lengths overrun it
        assertEquals(RtrException.CORRUPT_DATA, refused("010a000000000010000000ff00000000").errorCode());
        assertEquals(RtrException.CORRUPT_DATA, refused("010a00000000001100000000000000027a").errorCode());
    }

    @Test
    void impossiblePrefixesAreCorruptData() {
        // prefix length 33
        assertEquals(RtrException.CORRUPT_DATA, refused("010400000000001401212100cb0071000000fbfe").errorCode());
        // max length 23 below prefix length 24
        assertEquals(RtrException.CORRUPT_DATA, refused("010400000000001401181700cb0071000000fbfe").errorCode());
        // host bits set in the last prefix byte, and in a byte past the prefix
        assertEquals(RtrException.CORRUPT_DATA, refused("010400000000001401161800cb0071000000fbfe").errorCode());
        assertEquals(RtrException.CORRUPT_DATA, refused("010400000000001401181800cb0071010000fbfe").errorCode());
        // a version 1 End of Data with a zero refresh interval
        assertEquals(RtrException.CORRUPT_DATA,
                refused("010705da000000180000000000000000000002580001c200").errorCode());
    }

    /** Returns at most {@code chunk} bytes per read, and every other read times out, as a socket with SO_TIMEOUT. */
    private static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;
        private boolean timeoutNext = true;

        TrickleStream(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            timeoutNext = !timeoutNext;
            if (timeoutNext) {
                throw new SocketTimeoutException("tick");
            }
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void theFramerSplitsAStreamByTheLengthFieldAndResumesAfterReadTimeouts() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<RtrPdu> sent = new ArrayList<>();
        for (Golden g : GOLDEN) {
            stream.writeBytes(RtrCodec.encode(g.pdu(), 1));
            sent.add(g.pdu());
        }
        RtrCodec.Framer framer = new RtrCodec.Framer(new TrickleStream(stream.toByteArray(), 3));
        List<RtrPdu> got = new ArrayList<>();
        int timeouts = 0;
        while (true) {
            byte[] frame;
            try {
                frame = framer.next();
            } catch (SocketTimeoutException e) {
                timeouts++;
                continue;
            }
            if (frame == null) {
                break;
            }
            got.add(RtrCodec.decode(frame, 0, frame.length));
        }
        assertEquals(sent, got);
        assertTrue(timeouts > 10);
    }

    @Test
    void theFramerRefusesUnframableLengthsAndTruncatedStreams() throws Exception {
        RtrException tooShort = assertThrows(RtrException.class,
                () -> new RtrCodec.Framer(new ByteArrayInputStream(HEX.parseHex("0102000000000004"))).next());
        assertEquals(RtrException.CORRUPT_DATA, tooShort.errorCode());
        RtrException tooLong = assertThrows(RtrException.class,
                () -> new RtrCodec.Framer(new ByteArrayInputStream(HEX.parseHex("0102000001000000"))).next());
        assertEquals(RtrException.CORRUPT_DATA, tooLong.errorCode());
        assertThrows(EOFException.class,
                () -> new RtrCodec.Framer(new ByteArrayInputStream(HEX.parseHex("010400000000001401"))).next());
        assertThrows(EOFException.class,
                () -> new RtrCodec.Framer(new ByteArrayInputStream(HEX.parseHex("010400"))).next());
        assertNull(new RtrCodec.Framer(new ByteArrayInputStream(new byte[0])).next());
    }

    @Test
    void completeFrameSaysHowMuchToReadBeforeDecoding() throws Exception {
        byte[] two = HEX.parseHex("0102000000000008" + "010305da00000008");
        assertEquals(0, RtrCodec.completeFrame(two, 0, 7));
        assertEquals(8, RtrCodec.completeFrame(two, 0, 8));
        assertEquals(8, RtrCodec.completeFrame(two, 8, 8));
        byte[] partial = HEX.parseHex("010400000000001401181800");
        assertEquals(0, RtrCodec.completeFrame(partial, 0, partial.length));
        byte[] bogus = HEX.parseHex("0102000000000002");
        assertEquals(RtrException.CORRUPT_DATA,
                assertThrows(RtrException.class, () -> RtrCodec.completeFrame(bogus, 0, 8)).errorCode());
    }
}

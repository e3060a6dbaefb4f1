package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.concat;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.endOfRibUpdate;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.hex;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.open;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BmpFramerTest {

    private static final PeerHeader PEER = PeerHeader.global("192.0.2.1", false, true, 64496, 1);

    private static List<byte[]> someMessages() {
        return List.of(
                BmpEncoder.initiation("r1", "test"),
                BmpEncoder.peerUp(PEER, "192.0.2.2", 179, 40000, open(64497, 90, "c0000202"),
                        open(64496, 90, "c0000201")),
                BmpEncoder.routeMonitoring(PEER, endOfRibUpdate()),
                BmpEncoder.statisticsReport(PEER, Map.of(7, 3L)),
                BmpEncoder.peerDown(PEER, 4, null),
                BmpEncoder.termination(0));
    }

    private static List<byte[]> drain(BmpFramer framer) throws BmpException {
        List<byte[]> out = new ArrayList<>();
        for (byte[] m = framer.next(); m != null; m = framer.next()) {
            out.add(m);
        }
        return out;
    }

    private static void assertSameMessages(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "message " + i);
        }
    }

    @Test
    void reassemblesMessagesFedOneByteAtATime() throws Exception {
        List<byte[]> messages = someMessages();
        byte[] stream = concat(messages.toArray(byte[][]::new));
        BmpFramer framer = new BmpFramer(1 << 20);
        List<byte[]> out = new ArrayList<>();

        int nullsBeforeFirst = 0;
        for (int i = 0; i < stream.length; i++) {
            framer.feed(stream, i, 1);
            List<byte[]> got = drain(framer);
            if (out.isEmpty() && got.isEmpty()) {
                nullsBeforeFirst++;
            }
            out.addAll(got);
        }

        assertSameMessages(messages, out);
        assertEquals(messages.get(0).length - 1, nullsBeforeFirst, "nothing is returned before the last byte");
        assertEquals(0, framer.buffered());
    }

    @Test
    void splitsManyMessagesDeliveredInOneChunk() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.addAll(someMessages());
        }
        BmpFramer framer = new BmpFramer(1 << 20);

        framer.feed(concat(messages.toArray(byte[][]::new)));

        assertSameMessages(messages, drain(framer));
        assertNull(framer.next());
        for (byte[] m : messages) {
            BmpDecoder.decode(m);
        }
    }

    @Test
    void honoursOffsetAndLengthOfTheFedChunk() throws Exception {
        byte[] m = BmpEncoder.termination(1);
        byte[] padded = concat(hex("aabbcc"), m, hex("dd"));
        BmpFramer framer = new BmpFramer(64);

        framer.feed(padded, 3, m.length);

        assertArrayEquals(m, framer.next());
    }

    @Test
    void keepsAPartialMessageUntilItsLastByteArrives() throws Exception {
        byte[] m = BmpEncoder.routeMonitoring(PEER, endOfRibUpdate());
        BmpFramer framer = new BmpFramer(1 << 20);

        framer.feed(m, 0, m.length - 1);
        assertNull(framer.next());
        assertEquals(m.length - 1, framer.buffered());

        framer.feed(m, m.length - 1, 1);
        assertArrayEquals(m, framer.next());
        assertEquals(0, framer.buffered());
    }

    @Test
    void growsForMessagesLargerThanItsInitialBufferAndCompactsBetweenThem() throws Exception {
        // Route mirroring with a 60000-byte TLV, twice, fed in odd 997-byte chunks straddling the boundary.
        byte[] big = BmpEncoder.routeMirroring(PEER, List.of(new Tlv(0, new byte[60_000])));
        byte[] stream = concat(big, big, BmpEncoder.termination(0));
        BmpFramer framer = new BmpFramer(1 << 20);
        List<byte[]> out = new ArrayList<>();

        for (int off = 0; off < stream.length; off += 997) {
            framer.feed(stream, off, Math.min(997, stream.length - off));
            out.addAll(drain(framer));
        }

        assertSameMessages(List.of(big, big, BmpEncoder.termination(0)), out);
    }

    @Test
    void rejectsAWrongVersionOnTheFirstByte() {
        BmpFramer framer = new BmpFramer(1 << 20);
        framer.feed(new byte[] {'G'}); // an HTTP client, say

        BmpException e = assertThrows(BmpException.class, framer::next);
        assertTrue(e.getMessage().contains("version 71"), e.getMessage());
    }

    @Test
    void rejectsALengthBelowTheCommonHeader() {
        BmpFramer framer = new BmpFramer(1 << 20);
        framer.feed(hex("03 00000005 04"));

        BmpException e = assertThrows(BmpException.class, framer::next);
        assertTrue(e.getMessage().contains("below the 6-byte"), e.getMessage());
    }

    @Test
    void rejectsALengthBeyondTheMaximumBeforeBufferingTheBody() {
        BmpFramer framer = new BmpFramer(1000);
        framer.feed(hex("03 000003e9")); // 1001, only the length is known so far

        BmpException e = assertThrows(BmpException.class, framer::next);
        assertTrue(e.getMessage().contains("exceeds the maximum of 1000"), e.getMessage());
    }

    @Test
    void acceptsAMessageOfExactlyTheMaximum() throws Exception {
        byte[] m = BmpEncoder.initiation("r1", "x");
        BmpFramer framer = new BmpFramer(m.length);
        framer.feed(m);

        assertArrayEquals(m, framer.next());
    }

    @Test
    void staysFailedAfterAFramingErrorAndIgnoresFurtherInput() {
        BmpFramer framer = new BmpFramer(1 << 20);
        framer.feed(hex("02 0000000c 05 0001 0002 0001"));
        BmpException first = assertThrows(BmpException.class, framer::next);

        framer.feed(BmpEncoder.termination(0));

        assertSame(first, assertThrows(BmpException.class, framer::next));
        assertEquals(0, framer.buffered());
    }

    @Test
    void refusesAMaximumSmallerThanTheCommonHeader() {
        assertThrows(IllegalArgumentException.class, () -> new BmpFramer(5));
    }

    @Test
    void refusesAnOutOfRangeSlice() {
        BmpFramer framer = new BmpFramer(100);
        assertThrows(IndexOutOfBoundsException.class, () -> framer.feed(new byte[4], 2, 3));
    }
}

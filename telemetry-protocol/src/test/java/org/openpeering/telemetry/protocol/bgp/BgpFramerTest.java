package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.MARKER;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.hex;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.reset;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BgpFramerTest {

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final byte[] OPEN = BgpEncoder.open(Open.of(65536, 90, 1,
            new Capabilities(65536L, Set.of(AfiSafi.IPV4_UNICAST), true, false, null, Map.of(), List.of())));
    private static final byte[] KEEPALIVE = BgpEncoder.keepalive();
    private static final byte[] EOR = BgpEncoder.endOfRib(AfiSafi.IPV6_UNICAST);

    @Test
    void reassemblesMessagesSplitAcrossChunks() throws Exception {
        byte[] stream = concat(OPEN, KEEPALIVE, EOR);
        BgpFramer framer = new BgpFramer(4096);
        List<byte[]> out = new ArrayList<>();
        for (byte b : stream) {
            framer.feed(new byte[] { b }, 0, 1);
            byte[] m = framer.next();
            if (m != null) {
                out.add(m);
            }
        }
        assertEquals(3, out.size());
        assertArrayEquals(OPEN, out.get(0));
        assertArrayEquals(KEEPALIVE, out.get(1));
        assertArrayEquals(EOR, out.get(2));
        assertEquals(0, framer.buffered());
    }

    @Test
    void returnsSeveralMessagesFromOneChunkThenWaits() throws Exception {
        byte[] stream = concat(KEEPALIVE, OPEN, KEEPALIVE, new byte[] { -1, -1, -1 });
        BgpFramer framer = new BgpFramer(4096);
        framer.feed(stream, 0, stream.length);
        assertArrayEquals(KEEPALIVE, framer.next());
        assertArrayEquals(OPEN, framer.next());
        assertArrayEquals(KEEPALIVE, framer.next());
        assertNull(framer.next(), "three octets of the next header");
        assertEquals(3, framer.buffered());
        framer.feed(KEEPALIVE, 3, KEEPALIVE.length - 3);
        assertArrayEquals(KEEPALIVE, framer.next());
    }

    @Test
    void honoursOffsetAndLengthOfTheChunk() throws Exception {
        byte[] padded = concat(new byte[] { 7, 7 }, KEEPALIVE, new byte[] { 9 });
        BgpFramer framer = new BgpFramer(4096);
        framer.feed(padded, 2, KEEPALIVE.length);
        assertArrayEquals(KEEPALIVE, framer.next());
        assertNull(framer.next());
    }

    @Test
    void rejectsBadMarkerAsSoonAsItArrives() {
        BgpFramer framer = new BgpFramer(4096);
        framer.feed(hex("ffff00"), 0, 3);
        BgpException e = reset(framer::next);
        assertEquals(1, e.code());
        assertEquals(1, e.subcode());
    }

    @Test
    void rejectsLength18WithTheLengthFieldAsData() {
        BgpFramer framer = new BgpFramer(4096);
        byte[] bad = hex(MARKER + "0012 04");
        framer.feed(bad, 0, bad.length);
        BgpException e = reset(framer::next);
        assertEquals("1/2", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("0012"), e.data());
    }

    @Test
    void rejectsLengthAboveTheMaximumUntilExtendedMessagesAreNegotiated() throws Exception {
        byte[] big = new byte[5000];
        System.arraycopy(hex(MARKER + "1388 02"), 0, big, 0, 19);
        BgpFramer framer = new BgpFramer(4096);
        framer.feed(big, 0, 19);
        BgpException e = reset(framer::next);
        assertEquals("1/2", e.code() + "/" + e.subcode());
        assertArrayEquals(hex("1388"), e.data());

        BgpFramer extended = new BgpFramer(4096);
        extended.setMaxMessageLength(65535);
        for (int off = 0; off < big.length; off += 1000) {
            assertNull(extended.next());
            extended.feed(big, off, 1000);
        }
        assertArrayEquals(big, extended.next());
    }

    @Test
    void growsForTheLargestMessage() throws Exception {
        byte[] max = new byte[65535];
        System.arraycopy(hex(MARKER + "ffff 02"), 0, max, 0, 19);
        byte[] stream = concat(KEEPALIVE, max, KEEPALIVE);
        BgpFramer framer = new BgpFramer(65535);
        framer.feed(stream, 0, stream.length);
        assertArrayEquals(KEEPALIVE, framer.next());
        assertArrayEquals(max, framer.next());
        assertArrayEquals(KEEPALIVE, framer.next());
    }
}

package org.openpeering.telemetry.protocol.bgp;

import org.openpeering.telemetry.protocol.ByteWriter;

/** The BGP encoder's writer: the shared big-endian writer plus path attribute framing. */
final class ByteSink extends ByteWriter<ByteSink> {

    ByteSink(int capacity) {
        super(capacity);
    }

    /** Writes flags, type and a one-octet length placeholder; returns where the attribute starts. */
    int beginAttr(int flags, int type) {
        int start = size;
        u8(flags & ~AttrType.EXTENDED_LENGTH).u8(type).u8(0);
        return start;
    }

    /**
     * Fills in the length; a value over 255 octets needs the two-octet form (Extended Length bit), so the value is
     * moved one octet right. Shorter values keep the one-octet form, as most implementations send.
     */
    void endAttr(int start) {
        int len = size - start - 3;
        if (len <= 255) {
            buf[start + 2] = (byte) len;
            return;
        }
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("path attribute of " + len + " octets");
        }
        ensure(1);
        System.arraycopy(buf, start + 3, buf, start + 4, len);
        size++;
        buf[start] |= AttrType.EXTENDED_LENGTH;
        put16(start + 2, len);
    }
}

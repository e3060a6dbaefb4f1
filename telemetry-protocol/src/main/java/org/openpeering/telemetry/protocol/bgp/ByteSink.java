package org.openpeering.telemetry.protocol.bgp;

import java.util.Arrays;

/** A growable big-endian writer for the encoder, with back-patched lengths. */
final class ByteSink {

    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    int size() {
        return size;
    }

    ByteSink u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    ByteSink bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    ByteSink bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    void put16(int pos, int v) {
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
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

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}

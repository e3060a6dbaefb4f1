package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;

/** Growable big-endian byte sink for the encoder; the BMP length is patched in once the body is known. */
final class BmpWriter {

    private byte[] buf = new byte[256];
    private int size;

    BmpWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    BmpWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BmpWriter u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BmpWriter u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    BmpWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Common header with a placeholder length, fixed up by {@link #finish()}. */
    static BmpWriter message(int type) {
        return new BmpWriter().u8(BmpMessage.VERSION).u32(0).u8(type);
    }

    byte[] finish() {
        byte[] out = Arrays.copyOf(buf, size);
        out[1] = (byte) (size >>> 24);
        out[2] = (byte) (size >>> 16);
        out[3] = (byte) (size >>> 8);
        out[4] = (byte) size;
        return out;
    }

    private void ensure(int n) {
        if (buf.length - size < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}

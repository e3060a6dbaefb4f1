package org.openpeering.telemetry.protocol.bmp;

/**
 * Bounds-checked big-endian cursor over one message. Every read states what it is reading so that a
 * short or inconsistent message yields a BmpException naming the field, never an index exception.
 */
final class BmpReader {

    private final byte[] buf;
    private final int end;
    private int pos;

    BmpReader(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    byte[] array() {
        return buf;
    }

    void need(int n, String what) throws BmpException {
        if (n < 0 || end - pos < n) {
            throw new BmpException(what + ": needs " + n + " bytes at offset " + pos + " but only " + (end - pos)
                    + " remain");
        }
    }

    int u8(String what) throws BmpException {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    int u16(String what) throws BmpException {
        need(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    long u32(String what) throws BmpException {
        need(4, what);
        long v = u32At(buf, pos);
        pos += 4;
        return v;
    }

    long u64(String what) throws BmpException {
        need(8, what);
        long v = (u32At(buf, pos) << 32) | u32At(buf, pos + 4);
        pos += 8;
        return v;
    }

    byte[] bytes(int n, String what) throws BmpException {
        need(n, what);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    void skip(int n, String what) throws BmpException {
        need(n, what);
        pos += n;
    }

    static long u32At(byte[] b, int off) {
        return ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }
}

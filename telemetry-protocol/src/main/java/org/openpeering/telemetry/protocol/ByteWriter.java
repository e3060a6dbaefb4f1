package org.openpeering.telemetry.protocol;

import java.util.Arrays;

/**
 * A growable big-endian writer with back-patched fields, shared by the BGP and BMP encoders; {@code T} is the
 * concrete writer, so that chained calls keep its own methods in reach.
 */
public abstract class ByteWriter<T extends ByteWriter<T>> {

    protected byte[] buf;
    protected int size;

    protected ByteWriter(int capacity) {
        buf = new byte[capacity];
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    protected void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public int size() {
        return size;
    }

    public T u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return self();
    }

    public T u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return self();
    }

    public T u32(long v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return self();
    }

    public T u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFF_FFFFL);
    }

    public T bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public T bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return self();
    }

    /** Overwrites two octets already written (a length known only afterwards). */
    public void put16(int pos, int v) {
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
    }

    /** Overwrites four octets already written. */
    public void put32(int pos, long v) {
        put16(pos, (int) (v >>> 16));
        put16(pos + 2, (int) v);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}

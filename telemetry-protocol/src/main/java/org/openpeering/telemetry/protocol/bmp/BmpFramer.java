package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a router's TCP byte stream into complete BMP messages. Not thread-safe: one per connection.
 *
 * <p>Usage: {@link #feed} each chunk read from the socket, then call {@link #next()} until it returns
 * null. Draining after every feed keeps the buffer at most one message plus one chunk.
 *
 * <p>A framing error (version other than 3, length below 6 or above the configured maximum) is fatal
 * and sticky: BMP has no resynchronisation marker, so after a bad header nothing that follows can be
 * trusted. Every later {@code next()} rethrows the same exception and further input is discarded.
 * Errors inside a well-framed message are the decoder's business and do not disturb the framer.
 */
public final class BmpFramer {

    private static final int INITIAL_CAPACITY = 8192;

    private final int maxMessageLength;
    private byte[] buf = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private BmpException failure;

    /** @param maxMessageLength largest accepted message including the common header, e.g. {@code 1 << 20} */
    public BmpFramer(int maxMessageLength) {
        if (maxMessageLength < BmpMessage.COMMON_HEADER_LENGTH) {
            throw new IllegalArgumentException("maxMessageLength must be at least 6, got " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    public void feed(byte[] chunk) {
        feed(chunk, 0, chunk.length);
    }

    /** Appends {@code len} bytes of {@code chunk} from {@code off}; the chunk is copied, so it may be reused. */
    public void feed(byte[] chunk, int off, int len) {
        Objects.checkFromIndexSize(off, len, chunk.length);
        if (failure != null || len == 0) {
            return;
        }
        if (buf.length - end < len) {
            makeRoom(len);
        }
        System.arraycopy(chunk, off, buf, end, len);
        end += len;
    }

    /**
     * The next complete message, including its 6-byte common header, or null if more bytes are needed.
     *
     * @throws BmpException on a framing error; the framer is then unusable (see class comment)
     */
    public byte[] next() throws BmpException {
        if (failure != null) {
            throw failure;
        }
        int available = end - start;
        if (available < 1) {
            return null;
        }
        // Checked on the first byte so that a non-BMP peer (say, an HTTP probe) fails immediately
        // instead of being buffered until six bytes arrive.
        int version = buf[start] & 0xFF;
        if (version != BmpMessage.VERSION) {
            throw fail("unsupported BMP version " + version + " (only 3 is supported)");
        }
        if (available < 5) {
            return null;
        }
        long length = BmpReader.u32At(buf, start + 1);
        if (length < BmpMessage.COMMON_HEADER_LENGTH) {
            throw fail("message length " + length + " is below the 6-byte common header");
        }
        if (length > maxMessageLength) {
            throw fail("message length " + length + " exceeds the maximum of " + maxMessageLength);
        }
        if (available < length) {
            return null;
        }
        int n = (int) length;
        byte[] message = Arrays.copyOfRange(buf, start, start + n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return message;
    }

    /** Bytes received but not yet returned; non-zero at end of stream means a truncated last message. */
    public int buffered() {
        return end - start;
    }

    private BmpException fail(String message) {
        failure = new BmpException(message);
        // Nothing buffered can be framed any more; release it.
        buf = new byte[0];
        start = 0;
        end = 0;
        return failure;
    }

    private void makeRoom(int len) {
        int pending = end - start;
        long needed = (long) pending + len;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("framer buffer would exceed 2 GiB; drain with next() after each feed");
        }
        byte[] target = buf;
        if (needed > buf.length) {
            target = new byte[(int) Math.max(needed, Math.min((long) buf.length * 2, Integer.MAX_VALUE - 8))];
        }
        // Compact: shift the partial message to the front so the array does not creep forward forever.
        System.arraycopy(buf, start, target, 0, pending);
        buf = target;
        start = 0;
        end = pending;
    }
}

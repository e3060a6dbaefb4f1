package org.openpeering.telemetry.protocol.bgp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Cuts a TCP byte stream into BGP messages. Feed whatever the socket returned, then call {@link #next()} until it
 * answers {@code null}. After a {@link BgpException} the stream cannot be resynchronised (there is no way to find
 * the next marker reliably): send the NOTIFICATION and close, as RFC 4271 §6.1 requires.
 */
public final class BgpFramer {

    private int maxMessageLength;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;

    /** 4096, or 65535 once both sides advertised extended messages (RFC 8654). */
    public BgpFramer(int maxMessageLength) {
        setMaxMessageLength(maxMessageLength);
    }

    /** Changes the limit mid-stream, right after the OPENs are exchanged. */
    public void setMaxMessageLength(int maxMessageLength) {
        if (maxMessageLength < BgpMessage.HEADER_LENGTH || maxMessageLength > BgpMessage.MAX_EXTENDED_LENGTH) {
            throw new IllegalArgumentException("maximum message length " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    public void feed(byte[] chunk, int off, int len) {
        Objects.checkFromIndexSize(off, len, chunk.length);
        if (end + len > buf.length) {
            int pending = end - start;
            if (pending + len <= buf.length) {
                System.arraycopy(buf, start, buf, 0, pending);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, pending + len)];
                System.arraycopy(buf, start, bigger, 0, pending);
                buf = bigger;
            }
            start = 0;
            end = pending;
        }
        System.arraycopy(chunk, off, buf, end, len);
        end += len;
    }

    /** Octets received but not yet returned as a message. */
    public int buffered() {
        return end - start;
    }

    /**
     * The next complete message, header included, or {@code null} when more octets are needed. A bad marker is
     * 1/1 and is detected as soon as the offending octet arrives; a length below 19 or above the maximum is 1/2
     * with the Length field as data (RFC 4271 §6.1).
     */
    public byte[] next() throws BgpException {
        int available = end - start;
        int marker = Math.min(available, 16);
        for (int i = 0; i < marker; i++) {
            if (buf[start + i] != (byte) 0xFF) {
                throw new BgpException(1, 1, Wire.EMPTY, "marker is not all ones");
            }
        }
        if (available < BgpMessage.HEADER_LENGTH) {
            return null;
        }
        int length = Wire.u16(buf, start + 16);
        if (length < BgpMessage.HEADER_LENGTH || length > maxMessageLength) {
            throw new BgpException(1, 2, Wire.copy(buf, start + 16, start + 18),
                    "length " + length + " outside 19.." + maxMessageLength);
        }
        if (available < length) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(buf, start, start + length);
        start += length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return message;
    }
}

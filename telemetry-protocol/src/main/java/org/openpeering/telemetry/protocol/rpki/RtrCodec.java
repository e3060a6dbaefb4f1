package org.openpeering.telemetry.protocol.rpki;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * Wire format of RTR PDUs, RFC 8210 §5 (version 1) and RFC 6810 §5 (version 0). Every PDU starts with the same
 * 8-byte header: version (1), type (1), a 16-bit field (session id, error code, flags or zero) and the total length
 * (4, big-endian). Version 0 and 1 differ in End of Data (v1 adds three timers) and in Router Key (v1 only).
 */
public final class RtrCodec {

    /** No PDU of ours comes close; caps what a peer can make us allocate. */
    public static final int MAX_PDU_LENGTH = 64 * 1024;

    private RtrCodec() {
    }

    public static byte[] encode(RtrPdu pdu, int version) {
        if (version != 0 && version != 1) {
            throw new IllegalArgumentException("RTR version " + version + " not supported (0 or 1)");
        }
        if (pdu instanceof SerialNotify p) {
            return header(version, RtrPdu.SERIAL_NOTIFY, p.sessionId(), 12).putInt((int) p.serial()).array();
        }
        if (pdu instanceof SerialQuery p) {
            return header(version, RtrPdu.SERIAL_QUERY, p.sessionId(), 12).putInt((int) p.serial()).array();
        }
        if (pdu instanceof ResetQuery) {
            return header(version, RtrPdu.RESET_QUERY, 0, 8).array();
        }
        if (pdu instanceof CacheResponse p) {
            return header(version, RtrPdu.CACHE_RESPONSE, p.sessionId(), 8).array();
        }
        if (pdu instanceof Ipv4Prefix p) {
            return prefix(version, RtrPdu.IPV4_PREFIX, 20, p.announce(), p.prefix(), p.maxLength(), p.asn());
        }
        if (pdu instanceof Ipv6Prefix p) {
            return prefix(version, RtrPdu.IPV6_PREFIX, 32, p.announce(), p.prefix(), p.maxLength(), p.asn());
        }
        if (pdu instanceof EndOfData p) {
            if (version == 0) {
                return header(0, RtrPdu.END_OF_DATA, p.sessionId(), 12).putInt((int) p.serial()).array();
            }
            // a version 1 End of Data must carry timers: a cache with none configured sends the RFC defaults
            boolean has = p.hasIntervals();
            return header(1, RtrPdu.END_OF_DATA, p.sessionId(), 24)
                    .putInt((int) p.serial())
                    .putInt((int) (has ? p.refreshInterval() : EndOfData.DEFAULT_REFRESH))
                    .putInt((int) (has ? p.retryInterval() : EndOfData.DEFAULT_RETRY))
                    .putInt((int) (has ? p.expireInterval() : EndOfData.DEFAULT_EXPIRE))
                    .array();
        }
        if (pdu instanceof CacheReset) {
            return header(version, RtrPdu.CACHE_RESET, 0, 8).array();
        }
        if (pdu instanceof RouterKey p) {
            if (version == 0) {
                throw new IllegalArgumentException("Router Key PDUs do not exist in RTR version 0");
            }
            byte[] spki = p.subjectPublicKeyInfo();
            // 16-bit field: flags in the high byte, zero in the low one
            return header(1, RtrPdu.ROUTER_KEY, (p.announce() ? 1 : 0) << 8, 8 + 20 + 4 + spki.length)
                    .put(p.subjectKeyIdentifier())
                    .putInt((int) p.asn())
                    .put(spki)
                    .array();
        }
        if (pdu instanceof ErrorReport p) {
            byte[] inner = p.erroneousPdu();
            byte[] text = p.errorText().getBytes(StandardCharsets.UTF_8);
            return header(version, RtrPdu.ERROR_REPORT, p.errorCode(), 16 + inner.length + text.length)
                    .putInt(inner.length)
                    .put(inner)
                    .putInt(text.length)
                    .put(text)
                    .array();
        }
        throw new IllegalArgumentException("unknown PDU " + pdu);
    }

    private static ByteBuffer header(int version, int type, int field, int length) {
        return ByteBuffer.allocate(length)
                .put((byte) version)
                .put((byte) type)
                .putShort((short) field)
                .putInt(length);
    }

    private static byte[] prefix(int version, int type, int length, boolean announce, Prefix prefix, int maxLength,
            long asn) {
        return header(version, type, 0, length)
                .put((byte) (announce ? 1 : 0))
                .put((byte) Vrp.prefixLength(prefix))
                .put((byte) maxLength)
                .put((byte) 0)
                .put(prefix.address())
                .putInt((int) asn)
                .array();
    }

    /** The protocol version of the PDU starting at {@code off}. */
    public static int version(byte[] buf, int off) {
        return buf[off] & 0xff;
    }

    /**
     * Decodes the one PDU in {@code buf[off, off + len)}. Failures carry the RFC 8210 error code to report:
     * Unsupported Protocol Version for a version other than 0 or 1, Unsupported PDU Type for an unknown type (or a
     * Router Key in version 0), Corrupt Data for lengths that do not add up and impossible field values.
     */
    public static RtrPdu decode(byte[] buf, int off, int len) throws RtrException {
        if (len < 8) {
            throw new RtrException(RtrException.CORRUPT_DATA,
                    "PDU of " + len + " bytes is shorter than the 8-byte header", slice(buf, off, len));
        }
        int version = buf[off] & 0xff;
        int type = buf[off + 1] & 0xff;
        int field = ((buf[off + 2] & 0xff) << 8) | (buf[off + 3] & 0xff);
        long length = readUint32(buf, off + 4);
        if (version > 1) {
            throw new RtrException(RtrException.UNSUPPORTED_PROTOCOL_VERSION,
                    "RTR version " + version + " not supported (0 or 1)", slice(buf, off, len));
        }
        if (length > len) {
            throw new RtrException(RtrException.CORRUPT_DATA,
                    "truncated PDU: length field says " + length + " bytes, " + len + " present", slice(buf, off, len));
        }
        if (length < len) {
            throw new RtrException(RtrException.CORRUPT_DATA,
                    "length field says " + length + " bytes but the PDU has " + len, slice(buf, off, len));
        }
        byte[] raw = slice(buf, off, len);
        int body = off + 8;
        try {
            switch (type) {
                case RtrPdu.SERIAL_NOTIFY:
                    expectLength(raw, type, len, 12);
                    return new SerialNotify(field, readUint32(buf, body));
                case RtrPdu.SERIAL_QUERY:
                    expectLength(raw, type, len, 12);
                    return new SerialQuery(field, readUint32(buf, body));
                case RtrPdu.RESET_QUERY:
                    expectLength(raw, type, len, 8);
                    return new ResetQuery();
                case RtrPdu.CACHE_RESPONSE:
                    expectLength(raw, type, len, 8);
                    return new CacheResponse(field);
                case RtrPdu.IPV4_PREFIX:
                case RtrPdu.IPV6_PREFIX: {
                    boolean v6 = type == RtrPdu.IPV6_PREFIX;
                    expectLength(raw, type, len, v6 ? 32 : 20);
                    boolean announce = (buf[body] & 1) != 0;
                    int prefixLength = buf[body + 1] & 0xff;
                    int maxLength = buf[body + 2] & 0xff;
                    int width = v6 ? 128 : 32;
                    if (prefixLength > width || maxLength < prefixLength || maxLength > width) {
                        throw new RtrException(RtrException.CORRUPT_DATA, "impossible prefix length " + prefixLength
                                + " / max length " + maxLength + " in an IPv" + (v6 ? 6 : 4) + " Prefix PDU", raw);
                    }
                    int addrBytes = v6 ? 16 : 4;
                    // Prefix.of checks host bits inside the last prefix byte; the whole bytes past it must be zero too
                    for (int i = (prefixLength + 7) / 8; i < addrBytes; i++) {
                        if (buf[body + 4 + i] != 0) {
                            throw new RtrException(RtrException.CORRUPT_DATA,
                                    "host bits set past /" + prefixLength + " in a Prefix PDU", raw);
                        }
                    }
                    Prefix prefix = Prefix.of(v6, prefixLength, buf, body + 4);
                    long asn = readUint32(buf, body + 4 + addrBytes);
                    return v6 ? new Ipv6Prefix(announce, prefix, maxLength, asn)
                            : new Ipv4Prefix(announce, prefix, maxLength, asn);
                }
                case RtrPdu.END_OF_DATA:
                    if (version == 0) {
                        expectLength(raw, type, len, 12);
                        return EndOfData.v0(field, readUint32(buf, body));
                    }
                    expectLength(raw, type, len, 24);
                    long refresh = readUint32(buf, body + 4);
                    long retry = readUint32(buf, body + 8);
                    long expire = readUint32(buf, body + 12);
                    if (refresh == 0 || retry == 0 || expire == 0) {
                        throw new RtrException(RtrException.CORRUPT_DATA,
                                "End of Data with a zero interval (" + refresh + "/" + retry + "/" + expire + ")", raw);
                    }
                    return new EndOfData(field, readUint32(buf, body), refresh, retry, expire);
                case RtrPdu.CACHE_RESET:
                    expectLength(raw, type, len, 8);
                    return new CacheReset();
                case RtrPdu.ROUTER_KEY:
                    if (version == 0) {
                        throw new RtrException(RtrException.UNSUPPORTED_PDU_TYPE,
                                "Router Key PDU in RTR version 0", raw);
                    }
                    if (len < 32) {
                        throw new RtrException(RtrException.CORRUPT_DATA,
                                "Router Key PDU of " + len + " bytes, at least 32 needed", raw);
                    }
                    return new RouterKey((buf[off + 2] & 1) != 0, Arrays.copyOfRange(buf, body, body + 20),
                            readUint32(buf, body + 20), Arrays.copyOfRange(buf, body + 24, off + len));
                case RtrPdu.ERROR_REPORT: {
                    if (len < 16) {
                        throw new RtrException(RtrException.CORRUPT_DATA,
                                "Error Report PDU of " + len + " bytes, at least 16 needed", raw);
                    }
                    long innerLength = readUint32(buf, body);
                    if (innerLength > len - 16) {
                        throw new RtrException(RtrException.CORRUPT_DATA, "Error Report encapsulates " + innerLength
                                + " PDU bytes but has room for " + (len - 16), raw);
                    }
                    int textAt = body + 4 + (int) innerLength;
                    long textLength = readUint32(buf, textAt);
                    if (textLength != len - 16 - innerLength) {
                        throw new RtrException(RtrException.CORRUPT_DATA, "Error Report text length " + textLength
                                + " does not match the " + (len - 16 - innerLength) + " bytes left", raw);
                    }
                    return new ErrorReport(field, Arrays.copyOfRange(buf, body + 4, textAt),
                            new String(buf, textAt + 4, (int) textLength, StandardCharsets.UTF_8));
                }
                default:
                    throw new RtrException(RtrException.UNSUPPORTED_PDU_TYPE, "unknown PDU type " + type, raw);
            }
        } catch (IllegalArgumentException e) {
            // host bits set past the prefix length and the like: the data is corrupt
            throw new RtrException(RtrException.CORRUPT_DATA, e.getMessage(), raw);
        }
    }

    private static void expectLength(byte[] raw, int type, int len, int expected) throws RtrException {
        if (len != expected) {
            throw new RtrException(RtrException.CORRUPT_DATA,
                    "PDU type " + type + " must be " + expected + " bytes, not " + len, raw);
        }
    }

    private static long readUint32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    private static byte[] slice(byte[] buf, int off, int len) {
        return Arrays.copyOfRange(buf, off, off + Math.min(len, MAX_PDU_LENGTH));
    }

    /**
     * For push-style readers: the length of the complete PDU at {@code buf[off]} if all of it is within
     * {@code available} bytes, else 0 (read more). A length field below 8 or above {@link #MAX_PDU_LENGTH} cannot be
     * framed: Corrupt Data.
     */
    public static int completeFrame(byte[] buf, int off, int available) throws RtrException {
        if (available < 8) {
            return 0;
        }
        long length = readUint32(buf, off + 4);
        if (length < 8 || length > MAX_PDU_LENGTH) {
            throw new RtrException(RtrException.CORRUPT_DATA, "PDU length field " + length + " cannot be framed",
                    slice(buf, off, 8));
        }
        return length <= available ? (int) length : 0;
    }

    /**
     * Splits a byte stream into PDUs by the length field at offset 4. Resumable: a {@code SocketTimeoutException}
     * from the underlying stream (used by a reader that must also keep timers) leaves the partial PDU buffered and the
     * next call continues it.
     */
    public static final class Framer {
        private final InputStream in;
        private final byte[] header = new byte[8];
        private int headerHave;
        private byte[] frame;
        private int frameHave;

        public Framer(InputStream in) {
            this.in = in;
        }

        /** The next whole PDU, or null when the stream ends cleanly between PDUs. */
        public byte[] next() throws IOException, RtrException {
            while (headerHave < 8) {
                int n = in.read(header, headerHave, 8 - headerHave);
                if (n < 0) {
                    if (headerHave == 0) {
                        return null;
                    }
                    throw new EOFException("stream ended inside a PDU header");
                }
                headerHave += n;
            }
            if (frame == null) {
                long length = readUint32(header, 4);
                if (length < 8 || length > MAX_PDU_LENGTH) {
                    throw new RtrException(RtrException.CORRUPT_DATA,
                            "PDU length field " + length + " cannot be framed", header.clone());
                }
                frame = new byte[(int) length];
                System.arraycopy(header, 0, frame, 0, 8);
                frameHave = 8;
            }
            while (frameHave < frame.length) {
                int n = in.read(frame, frameHave, frame.length - frameHave);
                if (n < 0) {
                    throw new EOFException("stream ended inside a PDU (" + frameHave + " of " + frame.length + " bytes)");
                }
                frameHave += n;
            }
            byte[] done = frame;
            frame = null;
            headerHave = 0;
            return done;
        }
    }
}

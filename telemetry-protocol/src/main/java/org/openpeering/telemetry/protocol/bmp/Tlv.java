package org.openpeering.telemetry.protocol.bmp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A BMP information TLV (type 2 bytes, length 2 bytes, value). The value array is owned by the record:
 * it is not copied, to keep decoding of busy streams cheap, so callers must not mutate it.
 */
public record Tlv(int type, byte[] value) {

    public Tlv {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("TLV type out of range 0..65535: " + type);
        }
        Objects.requireNonNull(value, "value");
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("TLV value longer than 65535 bytes: " + value.length);
        }
    }

    /** A TLV whose value is UTF-8 text (RFC 7854 information strings are "free-form UTF-8"). */
    public static Tlv ofText(int type, String text) {
        return new Tlv(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A TLV with a 2-byte value, e.g. a termination reason or a route mirroring information code. */
    public static Tlv ofShort(int type, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("2-byte TLV value out of range: " + value);
        }
        return new Tlv(type, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** The value read as UTF-8; malformed sequences become U+FFFD rather than failing the message. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        // Records compare arrays by identity; value semantics are what tests and callers expect.
        return o instanceof Tlv t && t.type == type && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Tlv[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}

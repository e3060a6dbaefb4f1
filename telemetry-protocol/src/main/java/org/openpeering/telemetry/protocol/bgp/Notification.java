package org.openpeering.telemetry.protocol.bgp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * NOTIFICATION (RFC 4271 §4.5). Subcode names come from RFC 4271, RFC 5492, RFC 6608, RFC 4486 with RFC 8538 and
 * RFC 9384 (Cease), RFC 7313 (ROUTE-REFRESH) and RFC 9234 (Role Mismatch).
 *
 * @param data the Data field, never {@code null}
 */
public record Notification(int code, int subcode, byte[] data) implements BgpMessage {

    public static final int MESSAGE_HEADER_ERROR = 1;
    public static final int OPEN_MESSAGE_ERROR = 2;
    public static final int UPDATE_MESSAGE_ERROR = 3;
    public static final int HOLD_TIMER_EXPIRED = 4;
    public static final int FSM_ERROR = 5;
    public static final int CEASE = 6;
    public static final int ROUTE_REFRESH_MESSAGE_ERROR = 7;

    private static final String[] CODES = { null, "Message Header Error", "OPEN Message Error",
        "UPDATE Message Error", "Hold Timer Expired", "Finite State Machine Error", "Cease",
        "ROUTE-REFRESH Message Error" };

    private static final String[][] SUBCODES = {
        {},
        { null, "Connection Not Synchronized", "Bad Message Length", "Bad Message Type" },
        { null, "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier", "Unsupported Optional Parameter",
            "Authentication Failure (deprecated)", "Unacceptable Hold Time", "Unsupported Capability", null, null,
            null, "Role Mismatch" },
        { null, "Malformed Attribute List", "Unrecognized Well-known Attribute", "Missing Well-known Attribute",
            "Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute",
            "AS Routing Loop (deprecated)", "Invalid NEXT_HOP Attribute", "Optional Attribute Error",
            "Invalid Network Field", "Malformed AS_PATH" },
        {},
        { null, "Receive Unexpected Message in OpenSent State", "Receive Unexpected Message in OpenConfirm State",
            "Receive Unexpected Message in Established State" },
        { null, "Maximum Number of Prefixes Reached", "Administrative Shutdown", "Peer De-configured",
            "Administrative Reset", "Connection Rejected", "Other Configuration Change",
            "Connection Collision Resolution", "Out of Resources", "Hard Reset", "BFD Down" },
        { null, "Invalid Message Length" },
    };

    public Notification {
        if (code < 0 || code > 255 || subcode < 0 || subcode > 255) {
            throw new IllegalArgumentException("code and subcode are one octet each");
        }
        data = data == null ? Wire.EMPTY : data;
    }

    /** "Cease/Maximum Number of Prefixes Reached", "Hold Timer Expired", "UPDATE Message Error/Unspecific". */
    public String describe() {
        if (code <= 0 || code >= CODES.length) {
            return "Code " + code + "/Subcode " + subcode;
        }
        String[] names = SUBCODES[code];
        if (subcode == 0) {
            return names.length == 0 ? CODES[code] : CODES[code] + "/Unspecific";
        }
        String sub = subcode < names.length ? names[subcode] : null;
        return CODES[code] + "/" + (sub != null ? sub : "Subcode " + subcode);
    }

    /**
     * The RFC 8203/9003 Shutdown Communication of a Cease/Administrative Shutdown or Reset (length octet then
     * UTF-8), or {@code null} when there is none.
     */
    public String shutdownCommunication() {
        if (code != CEASE || (subcode != 2 && subcode != 4) || data.length < 2) {
            return null;
        }
        int n = data[0] & 0xFF;
        if (n == 0 || n + 1 > data.length) {
            return null;
        }
        return new String(data, 1, n, StandardCharsets.UTF_8);
    }

    /** RFC 4486 §4 data of Cease/Maximum Number of Prefixes Reached: AFI (2), SAFI (1), upper bound (4). */
    public static byte[] maxPrefixesData(AfiSafi family, long limit) {
        if (limit < 0 || limit > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("prefix limit is unsigned 32 bits: " + limit);
        }
        return new byte[] { (byte) (family.afi() >>> 8), (byte) family.afi(), (byte) family.safi(),
            (byte) (limit >>> 24), (byte) (limit >>> 16), (byte) (limit >>> 8), (byte) limit };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notification n && n.code == code && n.subcode == subcode && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return (code * 256 + subcode) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Notification[" + code + "/" + subcode + " " + describe() + ", data=" + HexFormat.of().formatHex(data)
                + "]";
    }
}

package org.openpeering.telemetry.protocol.bmp;

import java.util.Objects;

/**
 * The 42-byte per-peer header (RFC 7854 4.2) that precedes every peer-scoped message.
 *
 * <p>Flag meanings depend on the peer type: for types 0-2 the flags are V (IPv6), L (post-policy),
 * A (legacy 2-octet AS_PATH) and O (Adj-RIB-Out, RFC 8671); for type 3, Loc-RIB (RFC 9069), the
 * only flag is F (filtered) in the bit V occupies otherwise. The constructor refuses a header that
 * mixes the two sets so that encoding is unambiguous.
 *
 * @param peerType         0 global, 1 RD, 2 local, 3 Loc-RIB (RFC 9069)
 * @param ipv6             V flag: the peer address (and a Peer Up's local address) is IPv6
 * @param postPolicy       L flag
 * @param legacyAsPath     A flag: AS_PATH in the embedded PDUs uses 2-octet AS numbers
 * @param adjRibOut        O flag (RFC 8671): the messages describe Adj-RIB-Out rather than Adj-RIB-In
 * @param filtered         F flag of a Loc-RIB peer (RFC 9069)
 * @param distinguisher    peer distinguisher (route distinguisher for type 1), the 8 bytes as a long
 * @param peerAddress      text form; for IPv4 the last 4 bytes of the 16-byte field
 * @param peerAs           unsigned 32-bit AS number
 * @param peerBgpId        unsigned 32-bit BGP identifier
 * @param timestampSeconds unsigned 32-bit seconds since the epoch (0 when the router does not set it)
 * @param timestampMicros  unsigned 32-bit microseconds
 */
public record PeerHeader(int peerType, boolean ipv6, boolean postPolicy, boolean legacyAsPath, boolean adjRibOut,
        boolean filtered, long distinguisher, String peerAddress, long peerAs, long peerBgpId,
        long timestampSeconds, long timestampMicros) {

    public static final int TYPE_GLOBAL = 0;
    public static final int TYPE_RD = 1;
    public static final int TYPE_LOCAL = 2;
    public static final int TYPE_LOC_RIB = 3;

    static final int FLAG_V = 0x80;
    static final int FLAG_L = 0x40;
    static final int FLAG_A = 0x20;
    static final int FLAG_O = 0x10;
    /** RFC 9069 reuses the first bit for Loc-RIB peers. */
    static final int FLAG_F = 0x80;

    private static final long U32 = 0xFFFF_FFFFL;

    public PeerHeader {
        if (peerType < TYPE_GLOBAL || peerType > TYPE_LOC_RIB) {
            throw new IllegalArgumentException("peer type must be 0..3, got " + peerType);
        }
        if (peerType == TYPE_LOC_RIB && (ipv6 || postPolicy || legacyAsPath || adjRibOut)) {
            throw new IllegalArgumentException("a Loc-RIB peer header has only the F flag");
        }
        if (peerType != TYPE_LOC_RIB && filtered) {
            throw new IllegalArgumentException("the F flag exists only for Loc-RIB peers");
        }
        Objects.requireNonNull(peerAddress, "peerAddress");
        checkU32("peerAs", peerAs);
        checkU32("peerBgpId", peerBgpId);
        checkU32("timestampSeconds", timestampSeconds);
        checkU32("timestampMicros", timestampMicros);
    }

    /** A global-instance peer with no timestamp: the common case in tests. */
    public static PeerHeader global(String address, boolean ipv6, boolean postPolicy, long peerAs, long peerBgpId) {
        return new PeerHeader(TYPE_GLOBAL, ipv6, postPolicy, false, false, false, 0, address, peerAs, peerBgpId, 0, 0);
    }

    /** An RFC 9069 Loc-RIB instance; its address is zero on the wire. */
    public static PeerHeader locRib(long distinguisher, boolean filtered, long localAs, long localBgpId) {
        return new PeerHeader(TYPE_LOC_RIB, false, false, false, false, filtered, distinguisher, "0.0.0.0",
                localAs, localBgpId, 0, 0);
    }

    public boolean isLocRib() {
        return peerType == TYPE_LOC_RIB;
    }

    /** The flags octet as it goes on the wire (reserved bits zero). */
    public int flags() {
        if (peerType == TYPE_LOC_RIB) {
            return filtered ? FLAG_F : 0;
        }
        return (ipv6 ? FLAG_V : 0) | (postPolicy ? FLAG_L : 0) | (legacyAsPath ? FLAG_A : 0) | (adjRibOut ? FLAG_O : 0);
    }

    /** The BGP identifier in dotted-quad form, as routers display it. */
    public String peerBgpIdText() {
        return ((peerBgpId >>> 24) & 0xFF) + "." + ((peerBgpId >>> 16) & 0xFF) + "." + ((peerBgpId >>> 8) & 0xFF)
                + "." + (peerBgpId & 0xFF);
    }

    private static void checkU32(String name, long v) {
        if (v < 0 || v > U32) {
            throw new IllegalArgumentException(name + " is not an unsigned 32-bit value: " + v);
        }
    }
}

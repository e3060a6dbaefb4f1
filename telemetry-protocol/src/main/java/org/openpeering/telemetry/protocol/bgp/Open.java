package org.openpeering.telemetry.protocol.bgp;

/**
 * OPEN (RFC 4271 §4.2).
 *
 * @param version         always 4 once decoded (anything else is refused with 2/1)
 * @param myAs2           the 2-octet My Autonomous System field: AS_TRANS (23456) when the AS needs 4 octets
 * @param holdTimeSeconds 0 or at least 3, see {@link #validate()}
 * @param bgpIdentifier   unsigned 32 bits
 */
public record Open(int version, int myAs2, int holdTimeSeconds, long bgpIdentifier, Capabilities capabilities)
        implements BgpMessage {

    /** RFC 6793 §9: stands for a 4-octet AS wherever only 2 octets fit. */
    public static final int AS_TRANS = 23456;

    public Open {
        if (version < 0 || version > 255 || myAs2 < 0 || myAs2 > 0xFFFF || holdTimeSeconds < 0
                || holdTimeSeconds > 0xFFFF || bgpIdentifier < 0 || bgpIdentifier > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("OPEN field out of range");
        }
        capabilities = capabilities == null ? Capabilities.NONE : capabilities;
    }

    /** A version 4 OPEN with the 2-octet field derived from the AS (AS_TRANS when it does not fit). */
    public static Open of(long asn, int holdTimeSeconds, long bgpIdentifier, Capabilities capabilities) {
        return new Open(4, asn > 0xFFFF ? AS_TRANS : (int) asn, holdTimeSeconds, bgpIdentifier, capabilities);
    }

    /** The 4-octet ASN from the capability when present (RFC 6793 §4.1), else {@link #myAs2()}. */
    public long asn() {
        Long four = capabilities.fourOctetAsn();
        return four != null ? four : myAs2;
    }

    public String bgpIdentifierText() {
        return IpText.v4(bgpIdentifier);
    }

    /**
     * The context-free semantic checks, kept out of {@link BgpDecoder#decode} so that OPENs merely observed (BMP
     * Peer Up, MRT) are never refused: hold time 1 or 2 (RFC 4271 §6.2, 2/6), BGP Identifier 0 (RFC 6286 §2.2,
     * 2/3), AS 0 (RFC 7607 §2, 2/2). Whether the peer AS is the configured one (2/2) is the session's business.
     */
    public void validate() throws BgpException {
        if (holdTimeSeconds == 1 || holdTimeSeconds == 2) {
            throw new BgpException(2, 6, Wire.EMPTY, "hold time " + holdTimeSeconds + " s");
        }
        if (bgpIdentifier == 0) {
            throw new BgpException(2, 3, Wire.EMPTY, "BGP Identifier 0");
        }
        if (myAs2 == 0 || asn() == 0) {
            throw new BgpException(2, 2, new byte[] { (byte) (myAs2 >>> 8), (byte) myAs2 }, "AS 0 (RFC 7607)");
        }
    }
}

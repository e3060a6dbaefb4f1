package org.openpeering.telemetry.protocol.rpki;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A BGPsec router key (RFC 8210 §5.10, version 1 only). Not used for origin validation; decoded so that a cache
 * serving keys does not break the session.
 */
public record RouterKey(boolean announce, byte[] subjectKeyIdentifier, long asn, byte[] subjectPublicKeyInfo)
        implements RtrPdu {

    public RouterKey {
        Objects.requireNonNull(subjectKeyIdentifier, "subjectKeyIdentifier");
        Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo");
        if (subjectKeyIdentifier.length != 20) {
            throw new IllegalArgumentException("SKI must be 20 bytes, not " + subjectKeyIdentifier.length);
        }
        if (asn < 0 || asn > Vrp.MAX_ASN) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
        subjectKeyIdentifier = subjectKeyIdentifier.clone();
        subjectPublicKeyInfo = subjectPublicKeyInfo.clone();
    }

    @Override
    public byte[] subjectKeyIdentifier() {
        return subjectKeyIdentifier.clone();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    @Override
    public int type() {
        return ROUTER_KEY;
    }

    // arrays compare by content: records would compare them by reference
    @Override
    public boolean equals(Object o) {
        return o instanceof RouterKey k && k.announce == announce && k.asn == asn
                && Arrays.equals(k.subjectKeyIdentifier, subjectKeyIdentifier)
                && Arrays.equals(k.subjectPublicKeyInfo, subjectPublicKeyInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(announce, asn, Arrays.hashCode(subjectKeyIdentifier), Arrays.hashCode(subjectPublicKeyInfo));
    }

    @Override
    public String toString() {
        return "RouterKey[announce=" + announce + ", ski=" + HexFormat.of().formatHex(subjectKeyIdentifier) + ", asn="
                + asn + ", spki=" + subjectPublicKeyInfo.length + " bytes]";
    }
}

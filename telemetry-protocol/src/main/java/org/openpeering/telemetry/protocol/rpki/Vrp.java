package org.openpeering.telemetry.protocol.rpki;

import java.util.Objects;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * A Validated ROA Payload (RFC 6811 §2): the prefix, the longest announcement it authorises and the AS allowed to
 * originate it. {@code trustAnchor} is where it came from ("apnic", "ripe", ...) when the source says so; VRPs
 * learnt over RTR carry none ({@code null}), since RTR does not transport it.
 *
 * <p>Equality includes the trust anchor; code that needs RFC 8210's identity of a record (prefix, maxLength, asn)
 * uses {@link #withoutTrustAnchor()} or {@link #sameTuple(Vrp)}.
 */
public record Vrp(Prefix prefix, int maxLength, long asn, String trustAnchor) {

    /** The largest 4-octet AS number (RFC 6793). */
    public static final long MAX_ASN = 0xFFFF_FFFFL;

    public Vrp {
        Objects.requireNonNull(prefix, "prefix");
        int width = prefix.isV6() ? 128 : 32;
        int length = prefixLength(prefix);
        if (maxLength < length || maxLength > width) {
            throw new IllegalArgumentException("maxLength " + maxLength + " outside " + length + ".." + width
                    + " for " + prefix);
        }
        if (asn < 0 || asn > MAX_ASN) {
            throw new IllegalArgumentException("AS number out of range: " + asn);
        }
    }

    /**
     * The prefix length as 0..128. Prefix keeps its length in a byte, and a /128 reads back as -128 from
     * {@link Prefix#length()}; masking is right both with and without that quirk.
     */
    static int prefixLength(Prefix prefix) {
        return prefix.length() & 0xFF;
    }

    /** A VRP without a trust anchor, as learnt over RTR. */
    public static Vrp of(String prefix, int maxLength, long asn) {
        return new Vrp(Prefix.parse(prefix), maxLength, asn, null);
    }

    /** Same prefix, maxLength and AS: the record identity RTR and file de-duplication use. */
    public boolean sameTuple(Vrp other) {
        return maxLength == other.maxLength && asn == other.asn && prefix.equals(other.prefix);
    }

    /** This VRP keyed by its tuple only, so that sets of them de-duplicate as RFC 8210 records do. */
    public Vrp withoutTrustAnchor() {
        return trustAnchor == null ? this : new Vrp(prefix, maxLength, asn, null);
    }

    @Override
    public String toString() {
        return prefix + "-" + maxLength + " AS" + asn + (trustAnchor == null ? "" : " (" + trustAnchor + ")");
    }
}

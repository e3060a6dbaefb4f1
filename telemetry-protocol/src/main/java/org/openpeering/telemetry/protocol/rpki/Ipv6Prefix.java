package org.openpeering.telemetry.protocol.rpki;

import java.util.Objects;
import org.openpeering.telemetry.protocol.Prefix;

/** One IPv6 VRP announced ({@code announce}) or withdrawn (RFC 8210 §5.7). */
public record Ipv6Prefix(boolean announce, Prefix prefix, int maxLength, long asn) implements RtrPdu {

    public Ipv6Prefix {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isV6()) {
            throw new IllegalArgumentException("IPv4 prefix in an IPv6 Prefix PDU: " + prefix);
        }
        // the Vrp constructor carries the range checks for maxLength and AS
        new Vrp(prefix, maxLength, asn, null);
    }

    public static Ipv6Prefix of(boolean announce, Vrp vrp) {
        return new Ipv6Prefix(announce, vrp.prefix(), vrp.maxLength(), vrp.asn());
    }

    /** The VRP this record carries (RTR has no trust anchor). */
    public Vrp toVrp() {
        return new Vrp(prefix, maxLength, asn, null);
    }

    @Override
    public int type() {
        return IPV6_PREFIX;
    }
}

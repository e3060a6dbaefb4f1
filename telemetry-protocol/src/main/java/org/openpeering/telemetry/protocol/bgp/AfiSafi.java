package org.openpeering.telemetry.protocol.bgp;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * The address families this codec carries. Anything else met in MP_REACH_NLRI / MP_UNREACH_NLRI (VPN, EVPN,
 * flowspec... which a BMP-monitored router may well carry) is skipped rather than treated as an error, because
 * {@link #of(int, int)} answers {@code null} for it.
 */
public enum AfiSafi {
    IPV4_UNICAST(1, 1),
    IPV6_UNICAST(2, 1);

    private final int afi;
    private final int safi;

    AfiSafi(int afi, int safi) {
        this.afi = afi;
        this.safi = safi;
    }

    public int afi() {
        return afi;
    }

    public int safi() {
        return safi;
    }

    public boolean isV6() {
        return afi == 2;
    }

    /** 32 or 128: a longer NLRI prefix length is an invalid network field. */
    public int maxPrefixLength() {
        return afi == 2 ? 128 : 32;
    }

    /** The family, or {@code null} when this codec does not support it. */
    public static AfiSafi of(int afi, int safi) {
        if (safi != 1) {
            return null;
        }
        return afi == 1 ? IPV4_UNICAST : afi == 2 ? IPV6_UNICAST : null;
    }

    /** The unicast family a prefix belongs to. */
    public static AfiSafi of(Prefix prefix) {
        return prefix.isV6() ? IPV6_UNICAST : IPV4_UNICAST;
    }
}

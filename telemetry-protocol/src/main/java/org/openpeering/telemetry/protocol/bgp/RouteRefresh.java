package org.openpeering.telemetry.protocol.bgp;

/**
 * ROUTE-REFRESH (RFC 2918; subtypes from RFC 7313).
 *
 * @param afiSafi the family asked for; {@code null} when it is one this codec does not support (RFC 2918 §4: a
 *                refresh for a family not advertised is ignored, so the caller just drops it)
 * @param subtype 0 normal request, 1 Beginning-of-RIB-Refresh, 2 End-of-RIB-Refresh; RFC 7313 says any other
 *                value is ignored, which is again the caller's decision
 */
public record RouteRefresh(AfiSafi afiSafi, int subtype) implements BgpMessage {

    public static final int NORMAL = 0;
    public static final int BEGINNING_OF_RIB_REFRESH = 1;
    public static final int END_OF_RIB_REFRESH = 2;

    public RouteRefresh {
        if (subtype < 0 || subtype > 255) {
            throw new IllegalArgumentException("subtype is one octet: " + subtype);
        }
    }
}

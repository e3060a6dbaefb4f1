package org.openpeering.telemetry.protocol.bgp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The capabilities (RFC 5492) of one OPEN. Collections are copied into unmodifiable ones.
 *
 * @param fourOctetAsn     RFC 6793 capability value; {@code null} when the capability is absent
 * @param multiprotocol    RFC 4760 families this codec supports; other families' capabilities land in
 *                         {@code unknown} so that they survive a decode/encode round trip
 * @param routeRefresh     RFC 2918 (code 2; the pre-standard code 128 is kept in {@code unknown})
 * @param extendedMessage  RFC 8654
 * @param gracefulRestart  RFC 4724, {@code null} when absent
 * @param addPath          RFC 7911, per supported family
 * @param unknown          every other capability raw: code, length, value
 */
public record Capabilities(Long fourOctetAsn, Set<AfiSafi> multiprotocol, boolean routeRefresh,
        boolean extendedMessage, GracefulRestart gracefulRestart, Map<AfiSafi, AddPathMode> addPath,
        List<byte[]> unknown) {

    public static final Capabilities NONE = new Capabilities(null, Set.of(), false, false, null, Map.of(), List.of());

    public Capabilities {
        if (fourOctetAsn != null && (fourOctetAsn < 0 || fourOctetAsn > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("ASN out of range: " + fourOctetAsn);
        }
        multiprotocol = Wire.enumSet(AfiSafi.class, multiprotocol);
        addPath = Wire.enumMap(AfiSafi.class, addPath);
        List<byte[]> raw = new ArrayList<>();
        if (unknown != null) {
            for (byte[] cap : unknown) {
                if (cap == null || cap.length < 2 || (cap[1] & 0xFF) != cap.length - 2) {
                    throw new IllegalArgumentException("an unknown capability is code, length, value");
                }
                raw.add(cap.clone());
            }
        }
        unknown = List.copyOf(raw);
    }

    /** The ADD-PATH mode advertised for a family, or {@code null}. */
    public AddPathMode addPath(AfiSafi family) {
        return addPath.get(family);
    }

    // Records compare arrays by identity; capabilities are compared by content (tests, change detection).
    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities c && Objects.equals(c.fourOctetAsn, fourOctetAsn)
                && c.multiprotocol.equals(multiprotocol) && c.routeRefresh == routeRefresh
                && c.extendedMessage == extendedMessage && Objects.equals(c.gracefulRestart, gracefulRestart)
                && c.addPath.equals(addPath) && Wire.equalBytes(c.unknown, unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fourOctetAsn, multiprotocol, routeRefresh, extendedMessage, gracefulRestart, addPath)
                * 31 + Wire.hashBytes(unknown);
    }

    @Override
    public String toString() {
        StringBuilder u = new StringBuilder();
        for (byte[] cap : unknown) {
            u.append(u.length() == 0 ? "" : " ").append(HexFormat.of().formatHex(cap));
        }
        return "Capabilities[fourOctetAsn=" + fourOctetAsn + ", multiprotocol=" + multiprotocol + ", routeRefresh="
                + routeRefresh + ", extendedMessage=" + extendedMessage + ", gracefulRestart=" + gracefulRestart
                + ", addPath=" + addPath + ", unknown=[" + u + "]]";
    }
}

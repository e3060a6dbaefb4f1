package org.openpeering.telemetry.protocol.bgp;

import java.util.Objects;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * One route of an UPDATE: a prefix and its RFC 7911 path identifier.
 *
 * @param pathId unsigned 32 bits; 0 when ADD-PATH is not in use for the family
 */
public record Nlri(Prefix prefix, long pathId) {

    public Nlri {
        Objects.requireNonNull(prefix, "prefix");
        if (pathId < 0 || pathId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("path id is unsigned 32 bits: " + pathId);
        }
    }

    public static Nlri of(String prefix) {
        return new Nlri(Prefix.parse(prefix), 0);
    }

    public static Nlri of(String prefix, long pathId) {
        return new Nlri(Prefix.parse(prefix), pathId);
    }

    public AfiSafi family() {
        return AfiSafi.of(prefix);
    }
}

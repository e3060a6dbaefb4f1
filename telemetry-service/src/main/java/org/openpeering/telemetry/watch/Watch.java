package org.openpeering.telemetry.watch;

import java.util.Set;

import org.openpeering.telemetry.protocol.Prefix;

/** One watched prefix as the detector uses it; sessions as "router|peer address". */
public record Watch(String owner, Prefix prefix, long providerAsn, Set<Long> expectedOrigins, Set<String> primary,
        Set<String> backup, Set<Long> allowedDownstream) {

    public static String session(String router, String peerAddress) {
        return router.toLowerCase(java.util.Locale.ROOT) + "|" + peerAddress;
    }

    /** "primary", "backup" or "other". */
    public String role(String session) {
        return primary.contains(session) ? "primary" : backup.contains(session) ? "backup" : "other";
    }

    public Set<Long> downstream() {
        return allowedDownstream.isEmpty() ? expectedOrigins : allowedDownstream;
    }
}

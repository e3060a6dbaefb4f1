package org.openpeering.gateway.arm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ARM paths are case-insensitive: this rewrites the literal segments of a path to the spelling the routes use,
 * leaving names (the segments after a collection keyword) exactly as the client wrote them.
 */
public final class CanonicalPaths {

    /** Keywords followed by a name segment. */
    private static final String[] COLLECTIONS = { "subscriptions", "resourceGroups", "peerAsns", "peerings",
            "registeredAsns", "registeredPrefixes", "peeringServices", "prefixes", "connectionMonitorTests",
            "webhooks", "connections", "routers", "peeringLocations" };
    /** Keywords that stand alone (actions, singletons, list-only collections). */
    private static final String[] SINGLES = { "providers", "Microsoft.Peering", "operations", "legacyPeerings",
            "receivedRoutes", "rpUnbilledPrefixes", "cdnPeeringPrefixes", "peeringServiceCountries",
            "peeringServiceLocations", "peeringServiceProviders", "checkServiceProviderAvailability",
            "initializeConnectionMonitor", "lookingGlass", "validate", "peeringServiceReadiness", "events", "latency",
            "anomalies", "approve", "reject", "state", "irr", "rpki", "reload", "audit", "operator", "telemetry",
            "latencySamples" };

    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Map<String, Boolean> TAKES_NAME = new HashMap<>();

    static {
        for (String c : COLLECTIONS) {
            CANONICAL.put(c.toLowerCase(Locale.ROOT), c);
            TAKES_NAME.put(c, true);
        }
        for (String s : SINGLES) {
            CANONICAL.put(s.toLowerCase(Locale.ROOT), s);
            TAKES_NAME.put(s, false);
        }
    }

    private CanonicalPaths() {
    }

    /** The path with its keywords spelled canonically; unchanged when already canonical. */
    public static String canonicalize(String path) {
        String[] parts = path.split("/", -1);
        boolean changed = false;
        int i = 0;
        while (i < parts.length) {
            String canonical = CANONICAL.get(parts[i].toLowerCase(Locale.ROOT));
            if (canonical == null) {
                i++;
                continue;
            }
            if (!canonical.equals(parts[i])) {
                parts[i] = canonical;
                changed = true;
            }
            // "peeringLocations" is a list at subscription level but a named resource under /operator/v1
            boolean takesName = TAKES_NAME.get(canonical)
                    && !(canonical.equals("peeringLocations") && i + 1 >= parts.length);
            i += takesName ? 2 : 1;
        }
        return changed ? String.join("/", parts) : path;
    }
}

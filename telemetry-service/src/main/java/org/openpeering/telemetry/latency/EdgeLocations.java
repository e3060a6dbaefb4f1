package org.openpeering.telemetry.latency;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * The operator's edge locations and the addresses measurement targets there answer on, from
 * {@code Amsterdam=192.0.2.10;2001:db8::10,Frankfurt=192.0.2.20}. Location names compare case-insensitively and are
 * reported as configured.
 */
public final class EdgeLocations {

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<Prefix, String> byAddress = new HashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    public static EdgeLocations parse(String text) {
        EdgeLocations e = new EdgeLocations();
        if (text == null || text.isBlank()) {
            return e;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("edge location without a name: " + entry);
            }
            e.byKey.put(name.toLowerCase(Locale.ROOT), name);
            e.names.add(name);
            if (eq >= 0) {
                for (String address : entry.substring(eq + 1).split(";")) {
                    if (!address.isBlank()) {
                        e.byAddress.put(Prefix.host(address.trim()), name);
                    }
                }
            }
        }
        return e;
    }

    /** The configured name of a location, or null when it is not an edge location. */
    public String location(String name) {
        if (name == null) {
            return null;
        }
        // most samples spell the name as configured: found without building a lower-case copy
        if (names.contains(name)) {
            return name;
        }
        return byKey.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The location an edge address belongs to, or null. */
    public String locationOfAddress(String address) {
        try {
            return byAddress.get(Prefix.host(address.trim()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byKey.values()));
    }
}

package org.openpeering.telemetry.rib;

import java.util.concurrent.ConcurrentHashMap;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * Shares equal path attributes across routes and sessions: a full table has a million routes but only tens of
 * thousands of distinct attribute sets, and BIRD sends one prefix per UPDATE, so without this every route would
 * carry its own copy. Entries are never evicted within a run; their number is bounded by the distinct paths seen.
 */
public final class AttributeInterner {

    /** Keyed by the attributes themselves: PathAttributes compares every field (unknown ones byte for byte). */
    private final ConcurrentHashMap<PathAttributes, PathAttributes> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    public PathAttributes intern(PathAttributes a) {
        if (a == null) {
            return null;
        }
        PathAttributes prior = byKey.putIfAbsent(a, a);
        return prior == null ? a : prior;
    }

    public String intern(String s) {
        if (s == null) {
            return null;
        }
        String prior = strings.putIfAbsent(s, s);
        return prior == null ? s : prior;
    }

    public int size() {
        return byKey.size();
    }
}

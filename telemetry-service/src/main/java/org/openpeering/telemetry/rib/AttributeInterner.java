package org.openpeering.telemetry.rib;

import java.util.concurrent.ConcurrentHashMap;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * Shares equal path attributes across routes and sessions: a full table has a million routes but only tens of
 * thousands of distinct attribute sets, and BIRD sends one prefix per UPDATE, so without this every route would
 * carry its own copy. Sets that no route holds any more are dropped by a sweep ({@link RibRegistry#sweepInterner()})
 * once the map has doubled since the last one (and holds more than {@link #SWEEP_FLOOR}): without it, a collector
 * running for weeks would keep every path it ever saw.
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

    /** Below this many sets no sweep is worth its walk of the RIB. */
    static final int SWEEP_FLOOR = 65_536;
    private volatile int sizeAfterSweep;

    /** The map has more than doubled since the last sweep. */
    boolean sweepDue() {
        return byKey.size() > 2L * Math.max(SWEEP_FLOOR, sizeAfterSweep);
    }

    /** The sets interned now (by identity): a sweep drops only these, never one interned while it runs. */
    java.util.Set<PathAttributes> snapshot() {
        java.util.Set<PathAttributes> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        out.addAll(byKey.keySet());
        return out;
    }

    /** Drops the sets of {@code candidates} that are not in {@code live} (both by identity); returns how many. */
    int drop(java.util.Set<PathAttributes> candidates, java.util.Set<PathAttributes> live) {
        int dropped = 0;
        for (PathAttributes a : candidates) {
            // remove(key, value): only the very object, should an equal one have been interned since
            if (!live.contains(a) && byKey.remove(a, a)) {
                dropped++;
            }
        }
        sizeAfterSweep = byKey.size();
        return dropped;
    }
}

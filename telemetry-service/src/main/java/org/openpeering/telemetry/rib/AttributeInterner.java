package org.openpeering.telemetry.rib;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * Shares equal path attributes across routes and sessions: a full table has a million routes but only tens of
 * thousands of distinct attribute sets, and BIRD sends one prefix per UPDATE, so without this every route would
 * carry its own copy. Sets that no route holds any more are dropped by a sweep ({@link RibRegistry#sweepInterner()})
 * once the map surely holds many of them ({@link #sweepDue(long)}): without it, a collector running for weeks would
 * keep every path it ever saw.
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
        if (prior != null) {
            return prior;
        }
        Set<PathAttributes> added = addedDuringSweep;
        if (added != null) {
            added.add(a);
        }
        return a;
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

    /** Fewer sets than this held by no route are not worth a walk of the RIB (about 80 MB of them). */
    static final int SWEEP_FLOOR = 262_144;

    /**
     * Whether a sweep would surely free much: every path holds one set, so at least {@code size - paths} sets are held
     * by none; due when that is more than the floor and more than half the map. A table and its churn never make one
     * due; a collector that has seen many more distinct paths than it holds does.
     */
    boolean sweepDue(long paths) {
        int size = byKey.size();
        return size - paths > Math.max(SWEEP_FLOOR, size / 2);
    }

    /** Sets interned while a sweep runs, which it keeps; null when none runs. */
    private volatile Set<PathAttributes> addedDuringSweep;

    /** A sweep starts: what is interned from now on is kept. */
    void beginSweep() {
        addedDuringSweep = ConcurrentHashMap.newKeySet();
    }

    /**
     * Drops every set that is not in {@code live} (by identity) and was not interned since {@link #beginSweep()};
     * returns how many were dropped.
     */
    int endSweep(Set<PathAttributes> live) {
        Set<PathAttributes> added = addedDuringSweep;
        int dropped = 0;
        for (Iterator<PathAttributes> it = byKey.keySet().iterator(); it.hasNext();) {
            PathAttributes a = it.next();
            if (!live.contains(a) && !added.contains(a)) {
                it.remove();
                dropped++;
            }
        }
        addedDuringSweep = null;
        return dropped;
    }
}

package org.openpeering.telemetry.rib;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * Shares equal path attributes across routes and sessions: a full table has a million routes but only tens of
 * thousands of distinct attribute sets, and BIRD sends one prefix per UPDATE, so without this every route would
 * carry its own copy. Entries are never evicted within a run; their number is bounded by the distinct paths seen.
 */
public final class AttributeInterner {

    private final ConcurrentHashMap<String, PathAttributes> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

    public PathAttributes intern(PathAttributes a) {
        if (a == null) {
            return null;
        }
        return byKey.computeIfAbsent(key(a), k -> a);
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

    static String key(PathAttributes a) {
        StringBuilder b = new StringBuilder(64);
        b.append(a.origin()).append('|').append(a.asPathText()).append('|').append(a.nextHop()).append('|')
                .append(a.med()).append('|').append(a.localPref()).append('|').append(a.atomicAggregate()).append('|')
                .append(a.aggregatorAs()).append('|').append(a.aggregatorAddress()).append('|')
                .append(Arrays.toString(a.communities())).append('|').append(Arrays.toString(a.largeCommunities()))
                .append('|').append(a.otc());
        if (a.unknownTransitive() != null) {
            for (byte[] u : a.unknownTransitive()) {
                b.append('|').append(Arrays.toString(u));
            }
        }
        return b.toString();
    }
}

package org.openpeering.telemetry.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.rib.PrefixTrie;

/** The watched prefixes of every owner, indexed for "which watches cover this route" on every update. */
@ApplicationScoped
public class WatchList {

    private final Map<String, List<Watch>> byOwner = new HashMap<>();
    /** Replaced whole on every change and never modified after: readable without the lock. */
    private volatile PrefixTrie<List<Watch>> v4 = new PrefixTrie<>(false);
    private volatile PrefixTrie<List<Watch>> v6 = new PrefixTrie<>(true);
    /** Read on every UPDATE without the lock: most of the table is not watched. */
    private volatile int count;

    /** Replaces an owner's set; returns the watches that are new or changed (to evaluate against the RIB). */
    public synchronized List<Watch> replace(String owner, List<Watch> watches) {
        List<Watch> before = byOwner.getOrDefault(owner, List.of());
        byOwner.put(owner, List.copyOf(watches));
        rebuild();
        List<Watch> fresh = new ArrayList<>();
        for (Watch w : watches) {
            if (!before.contains(w)) {
                fresh.add(w);
            }
        }
        return fresh;
    }

    public synchronized List<Watch> of(String owner) {
        return byOwner.getOrDefault(owner, List.of());
    }

    /** Watches whose prefix equals or covers the route's prefix; lock-free (the tries are replaced, never changed). */
    public List<Watch> covering(Prefix route) {
        List<Watch> out = new ArrayList<>(2);
        for (PrefixTrie.Entry<List<Watch>> e : (route.isV6() ? v6 : v4).covering(route)) {
            out.addAll(e.value());
        }
        return out;
    }

    public int size() {
        return count;
    }

    /** The most specific watched prefix covering the address or prefix, or null; lock-free and allocation-free. */
    public Prefix longestMatch(Prefix p) {
        return (p.isV6() ? v6 : v4).longestMatchPrefix(p);
    }

    private void rebuild() {
        PrefixTrie<List<Watch>> n4 = new PrefixTrie<>(false);
        PrefixTrie<List<Watch>> n6 = new PrefixTrie<>(true);
        for (List<Watch> list : byOwner.values()) {
            for (Watch w : list) {
                PrefixTrie<List<Watch>> t = w.prefix().isV6() ? n6 : n4;
                List<Watch> at = t.get(w.prefix());
                if (at == null) {
                    at = new ArrayList<>(1);
                    t.put(w.prefix(), at);
                }
                at.add(w);
            }
        }
        v4 = n4;
        v6 = n6;
        count = byOwner.values().stream().mapToInt(List::size).sum();
    }
}

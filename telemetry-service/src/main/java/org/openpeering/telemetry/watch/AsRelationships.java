package org.openpeering.telemetry.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AS relationships in CAIDA's as-rel format ({@code AS1|AS2|-1}: AS1 is a provider of AS2; {@code AS1|AS2|0}: peers;
 * {@code #} comments; a fourth field, as in serial-2 files, is ignored), and the valley-free test of RFC 7908 route
 * leaks on an AS path: type 1 (hairpin: provider → customer → provider), type 2 (lateral: peer → customer → peer),
 * type 3 (provider → customer → peer) and type 4 (peer → customer → provider).
 */
public final class AsRelationships {

    /** How a route moves from one AS to the next. */
    enum Hop {
        UP, FLAT, DOWN
    }

    private final Map<Long, Byte> relations = new HashMap<>();
    private int pairs;
    private int rejected;

    private static long key(long from, long to) {
        return from << 32 | to;
    }

    public static AsRelationships read(BufferedReader in) throws IOException {
        AsRelationships r = new AsRelationships();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\|");
            try {
                long a = Long.parseLong(f[0]);
                long b = Long.parseLong(f[1]);
                int rel = Integer.parseInt(f[2]);
                if (rel == -1) {
                    // a provider of b: a route from b to a goes up, from a to b goes down
                    r.relations.put(key(b, a), (byte) Hop.UP.ordinal());
                    r.relations.put(key(a, b), (byte) Hop.DOWN.ordinal());
                } else if (rel == 0) {
                    r.relations.put(key(a, b), (byte) Hop.FLAT.ordinal());
                    r.relations.put(key(b, a), (byte) Hop.FLAT.ordinal());
                } else {
                    throw new IllegalArgumentException("relationship " + rel);
                }
                r.pairs++;
            } catch (RuntimeException e) {
                r.rejected++;
            }
        }
        return r;
    }

    public int pairs() {
        return pairs;
    }

    public int rejected() {
        return rejected;
    }

    Hop hop(long from, long to) {
        Byte h = relations.get(key(from, to));
        return h == null ? null : Hop.values()[h];
    }

    /**
     * The leak in a path (nearest AS first, origin last) as it travelled from the origin to {@code receiver} (the
     * operator, which peers with the session's AS), or null when the path is valley-free as far as relationships are
     * known (hops between ASes without a known relationship are not judged).
     */
    public String leak(List<Long> path, long receiver) {
        boolean descending = false;
        String descent = null;
        for (int i = path.size() - 1; i >= 0; i--) {
            long from = path.get(i);
            long to = i == 0 ? receiver : path.get(i - 1);
            if (from == to) {
                continue;
            }
            Hop h = i == 0 ? Hop.FLAT : hop(from, to);
            if (h == null) {
                continue;
            }
            if (descending && h != Hop.DOWN) {
                boolean fromProvider = descent.contains("provider");
                String kind = h == Hop.UP ? (fromProvider ? "type 1 (hairpin)" : "type 4 (peer route to a provider)")
                        : (fromProvider ? "type 3 (provider route to a peer)" : "type 2 (lateral)");
                return "AS" + from + " passes a route it learned from " + descent + " on to its "
                        + (h == Hop.UP ? "provider" : "peer") + " AS" + to + ": RFC 7908 " + kind + " leak.";
            }
            if (h != Hop.UP) {
                descending = true;
                descent = (h == Hop.DOWN ? "its provider AS" : "its peer AS") + from;
            }
        }
        return null;
    }
}

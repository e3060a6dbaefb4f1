package org.openpeering.telemetry.rib;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.protocol.rib.PrefixTrie;

/**
 * A session's pre-policy Adj-RIB-In and its state. Writes come from the session's connection, reads from API
 * threads; one monitor guards both (updates are applied per UPDATE message, reads copy what they need).
 */
public final class SessionRib {

    /** What applying one UPDATE did, for the change detector and the max-prefix check. */
    public record Applied(List<Prefix> announced, List<Prefix> withdrawn) {
    }

    private final SessionKey key;
    private final PrefixTrie<RibRoute> v4 = new PrefixTrie<>(false);
    private final PrefixTrie<RibRoute> v6 = new PrefixTrie<>(true);
    private int paths;
    private String state = "Idle";
    private long establishedAtMillis;
    private boolean endOfRibV4;
    private boolean endOfRibV6;
    private boolean ipv6Negotiated;
    private long updates;
    private String lastError = "";

    // persistence (RibStore): the distinct (prefix, path id) pairs changed since the last write, in an open-addressing
    // set of primitive keys (a path that flaps a hundred times between two writes is written once; probing reads no
    // objects and keeps none alive), or "clear" / "rewrite"
    static final int DIRTY_LIMIT = 200_000;
    private static final Prefix[] NO_PREFIXES = new Prefix[0];
    private static final int[] NO_IDS = new int[0];
    private static final long[] NO_KEYS = new long[0];
    /** Per slot: the prefix's {@link Prefix#hi()}, its {@link Prefix#lo()}, and (length, family, path id); -1: empty. */
    private static final int STRIDE = 3;
    private boolean persist;
    private long[] dirtyKeys = NO_KEYS;
    private int dirtyCount;
    private boolean clearPending;
    private boolean rewritePending;
    // routes loaded from the database at start, not yet confirmed by the router (swept when its table completes)
    private boolean restored;

    public SessionRib(SessionKey key) {
        this.key = key;
    }

    public SessionKey key() {
        return key;
    }

    /**
     * What to write, for {@link RibStore}: delete the session's rows first ({@code clear}), write every path it holds
     * ({@code rewrite}), or the changed (prefix, path id) pairs, each once.
     */
    public record Pending(boolean clear, boolean rewrite, Prefix[] prefixes, int[] pathIds, int count) {
        boolean isEmpty() {
            return !clear && !rewrite && count == 0;
        }
    }

    /** Starts recording changes for the store. */
    synchronized void persist(boolean on) {
        persist = on;
    }

    private void resetDirty() {
        dirtyKeys = NO_KEYS;
        dirtyCount = 0;
    }

    private void dirty(Prefix p, long pathId) {
        if (!persist || rewritePending) {
            return;
        }
        if (dirtyCount * 2 * STRIDE >= dirtyKeys.length) {
            growDirty();
        }
        // RFC 7911 path identifiers are 32 bits
        long meta = (long) p.length() << 33 | (p.isV6() ? 1L << 32 : 0) | (pathId & 0xffffffffL);
        long hi = p.hi();
        long lo = p.lo();
        int mask = dirtyKeys.length / STRIDE - 1;
        int i = slot(hi, lo, meta) & mask;
        while (dirtyKeys[i * STRIDE + 2] != -1) {
            int at = i * STRIDE;
            if (dirtyKeys[at] == hi && dirtyKeys[at + 2] == meta && dirtyKeys[at + 1] == lo) {
                return;
            }
            i = (i + 1) & mask;
        }
        if (dirtyCount >= DIRTY_LIMIT) {
            // too much changed between two writes: the store rewrites the session instead
            rewritePending = true;
            resetDirty();
            return;
        }
        int at = i * STRIDE;
        dirtyKeys[at] = hi;
        dirtyKeys[at + 1] = lo;
        dirtyKeys[at + 2] = meta;
        dirtyCount++;
    }

    private static int slot(long hi, long lo, long meta) {
        return (int) Prefix.mix(hi ^ Long.rotateLeft(lo, 17) ^ meta * 0x9E3779B97F4A7C15L);
    }

    private void growDirty() {
        long[] old = dirtyKeys;
        int capacity = Math.max(64, old.length / STRIDE * 2);
        long[] keys = new long[capacity * STRIDE];
        java.util.Arrays.fill(keys, -1);
        int mask = capacity - 1;
        for (int j = 0; j < old.length; j += STRIDE) {
            if (old[j + 2] != -1) {
                int i = slot(old[j], old[j + 1], old[j + 2]) & mask;
                while (keys[i * STRIDE + 2] != -1) {
                    i = (i + 1) & mask;
                }
                System.arraycopy(old, j, keys, i * STRIDE, STRIDE);
            }
        }
        dirtyKeys = keys;
    }

    /**
     * Takes what to write now. A session to be rewritten (its table arriving after the session came up, or too much
     * changed) waits until its table is complete, so that a table transfer is written once, after it.
     */
    synchronized Pending takePending(long nowMillis, Duration settle) {
        boolean clear = clearPending;
        clearPending = false;
        if (rewritePending) {
            if (state.equals("Established") && !tableComplete(nowMillis, settle)) {
                return new Pending(clear, false, NO_PREFIXES, NO_IDS, 0);
            }
            rewritePending = false;
            resetDirty();
            return new Pending(clear, true, NO_PREFIXES, NO_IDS, 0);
        }
        Prefix[] prefixes = new Prefix[dirtyCount];
        int[] ids = new int[dirtyCount];
        for (int at = 0, j = 0; at < dirtyKeys.length; at += STRIDE) {
            long meta = dirtyKeys[at + 2];
            if (meta != -1) {
                prefixes[j] = Prefix.of((meta & 1L << 32) != 0, (int) (meta >>> 33), dirtyKeys[at], dirtyKeys[at + 1]);
                ids[j++] = (int) meta;
            }
        }
        Pending out = new Pending(clear, false, prefixes, ids, dirtyCount);
        resetDirty();
        return out;
    }

    /** A write failed: the next one rewrites the whole session. */
    synchronized void rewriteLater() {
        if (persist) {
            rewritePending = true;
            resetDirty();
        }
    }

    /** Changed paths waiting for a write (every path when the session is to be rewritten). */
    synchronized int pendingCount() {
        return rewritePending ? paths : dirtyCount + (clearPending ? 1 : 0);
    }

    /**
     * Visits the paths of at most {@code limit} prefixes of a family after {@code after} (from the start when null),
     * in address order, under the monitor; returns the last prefix visited, null when none was left.
     */
    synchronized Prefix forEachAfter(boolean ipv6, Prefix after, int limit, Consumer<RouteView> visitor) {
        return (ipv6 ? v6 : v4).forEachAfter(after, limit, (p, head) -> {
            for (RibRoute r = head; r != null; r = r.next()) {
                visitor.accept(new RouteView(p, r));
            }
        });
    }

    /** The path of a prefix with that id, or null. */
    synchronized RibRoute path(Prefix p, long pathId) {
        for (RibRoute r = (p.isV6() ? v6 : v4).get(p); r != null; r = r.next()) {
            if (r.pathId == (int) pathId) {
                return r;
            }
        }
        return null;
    }

    /** Puts a path read back from the database at start, unless the router has sent that path already. */
    synchronized void restore(Prefix p, long pathId, PathAttributes attributes, String nextHop, long receivedAtMillis) {
        if (path(p, pathId) != null) {
            return;
        }
        boolean was = persist;
        persist = false;
        put(new Nlri(p, pathId), new RibRoute((int) pathId, attributes, nextHop, receivedAtMillis));
        persist = was;
        restored = true;
    }

    /** True while paths loaded at start wait for the router to confirm them. */
    public synchronized boolean restored() {
        return restored;
    }

    /**
     * The router's table is complete again: paths loaded at start that it did not send since the session came up
     * are gone (returned for change detection).
     */
    synchronized List<Prefix> sweepRestored() {
        List<Prefix> gone = new ArrayList<>();
        if (!restored) {
            return gone;
        }
        List<Nlri> stale = new ArrayList<>();
        forEach(v -> {
            if (v.route().receivedAtMillis < establishedAtMillis) {
                stale.add(new Nlri(v.prefix(), v.route().pathId()));
            }
        });
        for (Nlri n : stale) {
            if (remove(n)) {
                gone.add(n.prefix());
            }
        }
        restored = false;
        return gone;
    }

    public synchronized void established(long nowMillis, boolean ipv6) {
        state = "Established";
        establishedAtMillis = nowMillis;
        endOfRibV4 = false;
        endOfRibV6 = false;
        ipv6Negotiated = ipv6;
        if (persist) {
            // the table arrives now: written whole once it is complete, not path by path while it streams in
            rewritePending = true;
            resetDirty();
        }
    }

    public synchronized void state(String s) {
        state = s;
    }

    /** The session went down: its routes are gone (returned, so that change detection sees the withdrawals). */
    public synchronized List<Prefix> down(String reason) {
        List<Prefix> gone = new ArrayList<>(v4.size() + v6.size());
        v4.forEach((p, r) -> gone.add(p));
        v6.forEach((p, r) -> gone.add(p));
        v4.clear();
        v6.clear();
        paths = 0;
        restored = false;
        if (persist) {
            clearPending = true;
            rewritePending = false;
            resetDirty();
        }
        state = "Idle";
        lastError = reason == null ? "" : reason;
        establishedAtMillis = 0;
        return gone;
    }

    /** Applies an UPDATE (RFC 7606 treat-as-withdraw included); shared attributes must already be interned. */
    public synchronized Applied apply(Update u, PathAttributes attributes, String nextHopV4, String nextHopMp,
            long nowMillis) {
        updates++;
        if (u.endOfRib() != null) {
            if (u.endOfRib() == AfiSafi.IPV4_UNICAST) {
                endOfRibV4 = true;
            } else {
                endOfRibV6 = true;
            }
            return new Applied(List.of(), List.of());
        }
        List<Prefix> withdrawn = new ArrayList<>(u.withdrawn().size());
        for (Nlri n : u.withdrawn()) {
            if (remove(n)) {
                withdrawn.add(n.prefix());
            }
        }
        List<Prefix> announced = new ArrayList<>(u.announced().size());
        if (u.treatAsWithdraw() || attributes == null) {
            for (Nlri n : u.announced()) {
                if (remove(n)) {
                    withdrawn.add(n.prefix());
                }
            }
        } else {
            for (Nlri n : u.announced()) {
                String hop = n.prefix().isV6() ? nextHopMp : (nextHopV4 != null ? nextHopV4 : nextHopMp);
                put(n, new RibRoute((int) n.pathId(), attributes, hop, nowMillis));
                announced.add(n.prefix());
            }
        }
        return new Applied(announced, withdrawn);
    }

    private void put(Nlri n, RibRoute route) {
        dirty(n.prefix(), route.pathId);
        PrefixTrie<RibRoute> t = n.prefix().isV6() ? v6 : v4;
        // one lookup in the usual case: the new path goes in as the head, replacing the prefix's only path if any
        RibRoute head = t.put(n.prefix(), route);
        if (head == null) {
            paths++;
            return;
        }
        if (head.pathId == route.pathId && head.next() == null) {
            return;
        }
        // ADD-PATH: the path with the same id is replaced where it stands, a new one goes in front
        List<RibRoute> chain = new ArrayList<>(4);
        boolean replaced = false;
        for (RibRoute r = head; r != null; r = r.next()) {
            if (r.pathId == route.pathId) {
                chain.add(route);
                replaced = true;
            } else {
                chain.add(r);
            }
        }
        if (!replaced) {
            chain.add(0, route);
            paths++;
        }
        t.put(n.prefix(), chain(chain));
    }

    /** The paths linked in this order (copies, each but the last one {@link RibRoute.Linked}). */
    private static RibRoute chain(List<RibRoute> routes) {
        RibRoute next = null;
        for (int i = routes.size() - 1; i >= 0; i--) {
            next = routes.get(i).linkedTo(next);
        }
        return next;
    }

    private boolean remove(Nlri n) {
        PrefixTrie<RibRoute> t = n.prefix().isV6() ? v6 : v4;
        RibRoute head = t.get(n.prefix());
        int id = (int) n.pathId();
        if (head == null) {
            return false;
        }
        if (head.next() == null) {
            if (head.pathId != id) {
                return false;
            }
            t.remove(n.prefix());
        } else {
            List<RibRoute> rest = new ArrayList<>(4);
            boolean found = false;
            for (RibRoute r = head; r != null; r = r.next()) {
                if (r.pathId == id) {
                    found = true;
                } else {
                    rest.add(r);
                }
            }
            if (!found) {
                return false;
            }
            t.put(n.prefix(), chain(rest));
        }
        paths--;
        dirty(n.prefix(), id);
        return true;
    }

    public synchronized int prefixes(boolean ipv6) {
        return ipv6 ? v6.size() : v4.size();
    }

    public synchronized int paths() {
        return paths;
    }

    public synchronized String state() {
        return state;
    }

    public synchronized String lastError() {
        return lastError;
    }

    public synchronized long updates() {
        return updates;
    }

    public synchronized long establishedAtMillis() {
        return establishedAtMillis;
    }

    /** ARCHITECTURE.md: End-of-RIB for every negotiated family, or the settle time since the session came up. */
    public synchronized boolean tableComplete(long nowMillis, Duration settle) {
        if (!state.equals("Established")) {
            return false;
        }
        boolean eor = endOfRibV4 && (!ipv6Negotiated || endOfRibV6);
        return eor || nowMillis - establishedAtMillis >= settle.toMillis();
    }

    /** The paths of an exact prefix (empty if none). */
    public synchronized List<RibRoute> routes(Prefix p) {
        List<RibRoute> out = new ArrayList<>(1);
        for (RibRoute r = (p.isV6() ? v6 : v4).get(p); r != null; r = r.next()) {
            out.add(r);
        }
        return out;
    }

    /** Visits every path in address order (IPv4 first), under the session's monitor: keep the visitor quick. */
    public synchronized void forEach(Consumer<RouteView> visitor) {
        v4.forEach((p, head) -> {
            for (RibRoute r = head; r != null; r = r.next()) {
                visitor.accept(new RouteView(p, r));
            }
        });
        v6.forEach((p, head) -> {
            for (RibRoute r = head; r != null; r = r.next()) {
                visitor.accept(new RouteView(p, r));
            }
        });
    }

    /** The paths of {@code p} and of everything covering it, most specific first. */
    public synchronized List<RouteView> covering(Prefix p) {
        List<RouteView> out = new ArrayList<>();
        for (PrefixTrie.Entry<RibRoute> e : (p.isV6() ? v6 : v4).covering(p)) {
            for (RibRoute r = e.value(); r != null; r = r.next()) {
                out.add(0, new RouteView(e.prefix(), r));
            }
        }
        return out;
    }

    /** The paths of {@code p} and its more-specifics. */
    public synchronized List<RouteView> moreSpecific(Prefix p) {
        List<RouteView> out = new ArrayList<>();
        (p.isV6() ? v6 : v4).moreSpecific(p, (q, head) -> {
            for (RibRoute r = head; r != null; r = r.next()) {
                out.add(new RouteView(q, r));
            }
        });
        return out;
    }

    /** A prefix with one of its paths. */
    public record RouteView(Prefix prefix, RibRoute route) {
    }
}

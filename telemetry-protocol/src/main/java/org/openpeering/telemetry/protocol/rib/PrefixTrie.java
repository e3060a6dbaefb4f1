package org.openpeering.telemetry.protocol.rib;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * A path-compressed binary trie of prefixes of one family, with exact, covering (less-specific) and more-specific
 * lookups. Not thread-safe: each owner (a session's Adj-RIB-In, the watch list) guards its own.
 *
 * <p>Nodes hold their key inline rather than a {@link Prefix}: an IPv4 node is 32 bytes (the address as an int, the
 * length, the value and two children), so a table of a million prefixes, with about as many branch nodes, costs 64 MB
 * here instead of twice that plus an object per key. Visitors get a {@code Prefix} made for the call.
 */
public final class PrefixTrie<V> {

    /** An IPv4 node: the top 32 bits of the key in {@code a}. */
    private static class Node<V> {
        final int a;
        /** 0..128, read unsigned. */
        final byte len;
        V value;
        Node<V> zero;
        Node<V> one;

        Node(long hi, int len, V value) {
            this.a = (int) (hi >>> 32);
            this.len = (byte) len;
            this.value = value;
        }

        long hi() {
            return (long) a << 32;
        }

        long lo() {
            return 0;
        }

        final int length() {
            return len & 0xff;
        }

        /** Bit {@code i} of the key (i < length). */
        final int bit(int i) {
            return (int) ((i < 64 ? hi() >>> (63 - i) : lo() >>> (127 - i)) & 1);
        }
    }

    /** An IPv6 node: the whole key. */
    private static final class Node6<V> extends Node<V> {
        final long hi;
        final long lo;

        Node6(long hi, long lo, int len, V value) {
            super(0, len, value);
            this.hi = hi;
            this.lo = lo;
        }

        @Override
        long hi() {
            return hi;
        }

        @Override
        long lo() {
            return lo;
        }
    }

    private final boolean v6;
    private Node<V> root;
    private int size;

    public PrefixTrie(boolean v6) {
        this.v6 = v6;
    }

    public int size() {
        return size;
    }

    public boolean isV6() {
        return v6;
    }

    /** Sets the value of a prefix; returns the previous one (null if none). */
    public V put(Prefix p, V value) {
        check(p);
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        if (root == null) {
            root = node(p.hi(), p.lo(), p.length(), value);
            size++;
            return null;
        }
        Node<V> parent = null;
        Node<V> node = root;
        while (true) {
            int common = commonLength(node, p);
            if (common == node.length() && common == p.length()) {
                V old = node.value;
                node.value = value;
                if (old == null) {
                    size++;
                }
                return old;
            }
            if (common == node.length()) {
                // p lies below node
                int bit = p.bit(common);
                Node<V> child = bit == 0 ? node.zero : node.one;
                if (child == null) {
                    attach(node, bit, node(p.hi(), p.lo(), p.length(), value));
                    size++;
                    return null;
                }
                parent = node;
                node = child;
                continue;
            }
            // p and node diverge (or p lies above node): insert a node at the common point
            Node<V> inserted;
            if (common == p.length()) {
                inserted = node(p.hi(), p.lo(), p.length(), value);
                attach(inserted, node.bit(common), node);
            } else {
                inserted = node(p.hi() & Prefix.mask(common), p.lo() & Prefix.mask(common - 64), common, null);
                attach(inserted, node.bit(common), node);
                attach(inserted, p.bit(common), node(p.hi(), p.lo(), p.length(), value));
            }
            replace(parent, node, inserted);
            size++;
            return null;
        }
    }

    public V get(Prefix p) {
        check(p);
        Node<V> node = root;
        while (node != null) {
            int common = commonLength(node, p);
            if (common < node.length()) {
                return null;
            }
            if (node.length() == p.length()) {
                return node.value;
            }
            node = p.bit(node.length()) == 0 ? node.zero : node.one;
        }
        return null;
    }

    /** Removes the prefix; returns its value (null if absent). */
    public V remove(Prefix p) {
        check(p);
        Node<V> grand = null;
        Node<V> parent = null;
        Node<V> node = root;
        while (node != null) {
            int common = commonLength(node, p);
            if (common < node.length()) {
                return null;
            }
            if (node.length() == p.length()) {
                break;
            }
            grand = parent;
            parent = node;
            node = p.bit(node.length()) == 0 ? node.zero : node.one;
        }
        if (node == null || node.value == null) {
            return null;
        }
        V old = node.value;
        node.value = null;
        size--;
        compact(parent, node);
        if (parent != null && parent.value == null) {
            compact(grand, parent);
        }
        return old;
    }

    /** Entries equal to or less specific than {@code p}, shortest first. */
    public List<Entry<V>> covering(Prefix p) {
        check(p);
        List<Entry<V>> out = new ArrayList<>(4);
        Node<V> node = root;
        while (node != null) {
            int common = commonLength(node, p);
            if (common < node.length()) {
                break;
            }
            if (node.value != null) {
                out.add(new Entry<>(prefix(node, p), node.value));
            }
            if (node.length() == p.length()) {
                break;
            }
            node = p.bit(node.length()) == 0 ? node.zero : node.one;
        }
        return out;
    }

    /** The most specific entry equal to or covering {@code p}; null if none. */
    public Entry<V> longestMatch(Prefix p) {
        Node<V> best = longestMatchNode(p);
        return best == null ? null : new Entry<>(prefix(best, p), best.value);
    }

    /** The prefix of the most specific entry covering {@code p}, or null; allocates nothing on an exact match. */
    public Prefix longestMatchPrefix(Prefix p) {
        Node<V> best = longestMatchNode(p);
        return best == null ? null : prefix(best, p);
    }

    private Node<V> longestMatchNode(Prefix p) {
        check(p);
        Node<V> best = null;
        Node<V> node = root;
        while (node != null) {
            if (commonLength(node, p) < node.length()) {
                break;
            }
            if (node.value != null) {
                best = node;
            }
            if (node.length() == p.length()) {
                break;
            }
            node = p.bit(node.length()) == 0 ? node.zero : node.one;
        }
        return best;
    }

    /** Visits {@code p} and every more-specific entry below it, in address order. */
    public void moreSpecific(Prefix p, BiConsumer<Prefix, V> visitor) {
        check(p);
        Node<V> node = root;
        while (node != null) {
            int common = commonLength(node, p);
            if (common == p.length()) {
                // node lies at or below p: everything under it is more specific
                walk(node, visitor);
                return;
            }
            if (common < node.length()) {
                return;
            }
            node = p.bit(node.length()) == 0 ? node.zero : node.one;
        }
    }

    /** Visits every entry in address order. */
    public void forEach(BiConsumer<Prefix, V> visitor) {
        if (root != null) {
            walk(root, visitor);
        }
    }

    /**
     * Visits, in address order, at most {@code limit} entries that come after {@code after} (all entries when it is
     * null), and returns the last one visited (null when none was): a writer can walk a big trie in chunks, letting
     * go of its lock between them. Subtrees wholly before {@code after} are skipped without being walked.
     */
    public Prefix forEachAfter(Prefix after, int limit, BiConsumer<Prefix, V> visitor) {
        if (after != null) {
            check(after);
        }
        ArrayList<Node<V>> stack = new ArrayList<>();
        // a node is pushed with "true" when everything under it comes after {@code after}
        ArrayList<Boolean> whole = new ArrayList<>();
        if (root != null) {
            stack.add(root);
            whole.add(after == null);
        }
        Prefix last = null;
        int visited = 0;
        while (!stack.isEmpty() && visited < limit) {
            Node<V> n = stack.remove(stack.size() - 1);
            boolean all = whole.remove(whole.size() - 1);
            boolean childrenAll;
            if (all) {
                childrenAll = true;
            } else if (n.length() <= after.length() && commonLength(n, after) >= n.length()) {
                // n is at or before {@code after}; some of what lies under it may come after
                childrenAll = false;
                all = false;
            } else if (compare(n, after) > 0) {
                all = true;
                childrenAll = true;
            } else {
                // the whole subtree lies before {@code after}
                continue;
            }
            if (all && n.value != null) {
                last = prefix(n, null);
                visitor.accept(last, n.value);
                visited++;
            }
            if (n.one != null) {
                stack.add(n.one);
                whole.add(childrenAll);
            }
            if (n.zero != null) {
                stack.add(n.zero);
                whole.add(childrenAll);
            }
        }
        return last;
    }

    public void clear() {
        root = null;
        size = 0;
    }

    /** A prefix and its value. */
    public record Entry<V>(Prefix prefix, V value) {
    }

    private void walk(Node<V> start, BiConsumer<Prefix, V> visitor) {
        // iterative pre-order (a /128 trie can be 128 deep; recursion would be fine, but big tables are flat anyway)
        ArrayList<Node<V>> stack = new ArrayList<>();
        stack.add(start);
        while (!stack.isEmpty()) {
            Node<V> n = stack.remove(stack.size() - 1);
            if (n.value != null) {
                visitor.accept(prefix(n, null), n.value);
            }
            if (n.one != null) {
                stack.add(n.one);
            }
            if (n.zero != null) {
                stack.add(n.zero);
            }
        }
    }

    /** Drops a value-less node with fewer than two children. */
    private void compact(Node<V> parent, Node<V> node) {
        if (node.value != null || (node.zero != null && node.one != null)) {
            return;
        }
        Node<V> child = node.zero != null ? node.zero : node.one;
        replace(parent, node, child);
    }

    private void replace(Node<V> parent, Node<V> old, Node<V> next) {
        if (parent == null) {
            root = next;
        } else if (parent.zero == old) {
            parent.zero = next;
        } else {
            parent.one = next;
        }
    }

    private static <V> void attach(Node<V> parent, int bit, Node<V> child) {
        if (bit == 0) {
            parent.zero = child;
        } else {
            parent.one = child;
        }
    }

    private Node<V> node(long hi, long lo, int length, V value) {
        return v6 ? new Node6<>(hi, lo, length, value) : new Node<>(hi, length, value);
    }

    /** The node's key as a prefix: {@code same} when that is the one, else a new one. */
    private Prefix prefix(Node<V> n, Prefix same) {
        if (same != null && same.length() == n.length()) {
            return same;
        }
        return Prefix.of(v6, n.length(), n.hi(), n.lo());
    }

    private static int commonLength(Node<?> n, Prefix p) {
        return Prefix.commonLength(n.hi(), n.lo(), p.hi(), p.lo(), Math.min(n.length(), p.length()));
    }

    /** Prefix order (address, then shorter first) between a node's key and a prefix of the same family. */
    private static int compare(Node<?> n, Prefix p) {
        int c = Long.compareUnsigned(n.hi(), p.hi());
        if (c == 0) {
            c = Long.compareUnsigned(n.lo(), p.lo());
        }
        return c != 0 ? c : Integer.compare(n.length(), p.length());
    }

    private void check(Prefix p) {
        if (p.isV6() != v6) {
            throw new IllegalArgumentException("an IPv" + (p.isV6() ? 6 : 4) + " prefix in an IPv" + (v6 ? 6 : 4) + " trie");
        }
    }
}

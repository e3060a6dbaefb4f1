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
 *
 * <p>Exact lookups and removals go through a hash index of the nodes once the first removal has happened (a table
 * being filled walks the trie, whose upper nodes the previous insert has just touched, and builds no index): a walk
 * down a big trie in the order a router withdraws (not address order) misses the cache at most of its twenty or so
 * nodes, the index at one or two. A removal only clears the node's value and leaves the node in place, so a prefix
 * that flaps finds its node again without a walk or an allocation; when the cleared nodes outnumber the entries by
 * more than {@link #SLACK}, one pass prunes them all (amortised constant time per removal, and memory bounded by the
 * entries plus that slack).
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

    /** Cleared nodes kept beyond the number of entries before a pruning pass: about 4 MB of IPv4 nodes. */
    static final int SLACK = 1 << 17;

    private final boolean v6;
    private final int slack;
    private Node<V> root;
    private int size;
    /**
     * Open addressing, linear probing: every node holding a value, and every node whose value a removal cleared (until
     * the next pruning); null until the first removal.
     */
    private Node<V>[] index;
    /** Nodes whose value a removal cleared, still in the trie and in the index. */
    private int cleared;

    public PrefixTrie(boolean v6) {
        this(v6, SLACK);
    }

    /** With another slack (tests: prune often). */
    PrefixTrie(boolean v6, int slack) {
        this.v6 = v6;
        this.slack = slack;
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
        if (index != null) {
            Node<V> n = find(p);
            if (n != null) {
                V old = n.value;
                n.value = value;
                if (old == null) {
                    size++;
                    cleared--;
                }
                return old;
            }
        }
        if (root == null) {
            root = indexed(node(p.hi(), p.lo(), p.length(), value));
            size++;
            return null;
        }
        Node<V> parent = null;
        Node<V> node = root;
        while (true) {
            int common = commonLength(node, p);
            if (common == node.length() && common == p.length()) {
                // with an index, this is a branch node (the index holds every other node of that key)
                V old = node.value;
                node.value = value;
                if (old == null) {
                    size++;
                    indexed(node);
                }
                return old;
            }
            if (common == node.length()) {
                // p lies below node
                int bit = p.bit(common);
                Node<V> child = bit == 0 ? node.zero : node.one;
                if (child == null) {
                    attach(node, bit, indexed(node(p.hi(), p.lo(), p.length(), value)));
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
                inserted = indexed(node(p.hi(), p.lo(), p.length(), value));
                attach(inserted, node.bit(common), node);
            } else {
                inserted = node(p.hi() & Prefix.mask(common), p.lo() & Prefix.mask(common - 64), common, null);
                attach(inserted, node.bit(common), node);
                attach(inserted, p.bit(common), indexed(node(p.hi(), p.lo(), p.length(), value)));
            }
            replace(parent, node, inserted);
            size++;
            return null;
        }
    }

    public V get(Prefix p) {
        check(p);
        if (index != null) {
            Node<V> n = find(p);
            return n == null ? null : n.value;
        }
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

    /**
     * Removes the prefix; returns its value (null if absent). The node stays, without a value, until the cleared
     * nodes outnumber the entries by more than {@link #SLACK}; then every cleared node is pruned at once.
     */
    public V remove(Prefix p) {
        check(p);
        if (index == null) {
            buildIndex();
        }
        Node<V> node = find(p);
        if (node == null || node.value == null) {
            return null;
        }
        V old = node.value;
        node.value = null;
        size--;
        cleared++;
        if (cleared > size + slack) {
            prune();
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
        index = null;
        cleared = 0;
    }

    /** Nodes in the trie, with or without a value (for tests: what pruning leaves). */
    int nodeCount() {
        int[] n = { 0 };
        eachNode(root, node -> n[0]++);
        return n[0];
    }

    /** Drops every node without a value that has fewer than two children, then indexes what is left afresh. */
    void prune() {
        root = pruned(root);
        cleared = 0;
        buildIndex();
    }

    /** The subtree without its cleared nodes (recursion as deep as the key length: 33 or 129 at most). */
    private Node<V> pruned(Node<V> n) {
        if (n == null) {
            return null;
        }
        n.zero = pruned(n.zero);
        n.one = pruned(n.one);
        if (n.value != null || (n.zero != null && n.one != null)) {
            return n;
        }
        // a node without a value and with one child at most: its child (with a longer key, on the same side) takes
        // its place
        return n.zero != null ? n.zero : n.one;
    }

    /** Indexes every node holding a value (no node is cleared when this runs: there is no index to clear them). */
    @SuppressWarnings("unchecked")
    private void buildIndex() {
        Node<V>[] table = (Node<V>[]) new Node[capacityFor(size)];
        eachNode(root, n -> {
            if (n.value != null) {
                insert(table, n);
            }
        });
        index = table;
    }

    /** A power of two at least twice {@code n} (a load of at most a half after a build, three quarters before growing). */
    private static int capacityFor(int n) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, n) * 2 - 1) << 1);
    }

    /** Adds a node that has just been given a value to the index, if there is one; returns the node. */
    @SuppressWarnings("unchecked")
    private Node<V> indexed(Node<V> n) {
        if (index == null) {
            return n;
        }
        // the index holds every node with a value and every cleared one
        if ((size + cleared + 1) * 4L > index.length * 3L) {
            Node<V>[] bigger = (Node<V>[]) new Node[index.length * 2];
            for (Node<V> old : index) {
                if (old != null) {
                    insert(bigger, old);
                }
            }
            index = bigger;
        }
        insert(index, n);
        return n;
    }

    private static <V> void insert(Node<V>[] table, Node<V> n) {
        int mask = table.length - 1;
        int i = slot(n.hi(), n.lo(), n.length()) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = n;
    }

    /** The indexed node with the prefix's key, or null. */
    private Node<V> find(Prefix p) {
        Node<V>[] table = index;
        int mask = table.length - 1;
        long hi = p.hi();
        long lo = p.lo();
        int len = p.length();
        for (int i = slot(hi, lo, len) & mask;; i = (i + 1) & mask) {
            Node<V> n = table[i];
            if (n == null) {
                return null;
            }
            if (n.length() == len && n.hi() == hi && n.lo() == lo) {
                return n;
            }
        }
    }

    private static int slot(long hi, long lo, int len) {
        return (int) Prefix.mix(hi ^ Long.rotateLeft(lo, 32) ^ len * 0x9E3779B97F4A7C15L);
    }

    /** A prefix and its value. */
    public record Entry<V>(Prefix prefix, V value) {
    }

    private void walk(Node<V> start, BiConsumer<Prefix, V> visitor) {
        eachNode(start, n -> {
            if (n.value != null) {
                visitor.accept(prefix(n, null), n.value);
            }
        });
    }

    /** Visits the subtree's nodes in pre-order, which is address order (none if {@code start} is null). */
    private static <V> void eachNode(Node<V> start, java.util.function.Consumer<Node<V>> visitor) {
        // iterative (a /128 trie can be 128 deep; recursion would be fine, but big tables are flat anyway)
        ArrayList<Node<V>> stack = new ArrayList<>();
        if (start != null) {
            stack.add(start);
        }
        while (!stack.isEmpty()) {
            Node<V> n = stack.remove(stack.size() - 1);
            visitor.accept(n);
            if (n.one != null) {
                stack.add(n.one);
            }
            if (n.zero != null) {
                stack.add(n.zero);
            }
        }
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

package org.openpeering.telemetry.protocol.rib;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * A path-compressed binary trie of prefixes of one family, with exact, covering (less-specific) and more-specific
 * lookups. Not thread-safe: each owner (a session's Adj-RIB-In, the watch list) guards its own.
 */
public final class PrefixTrie<V> {

    private static final class Node<V> {
        final Prefix prefix;
        V value;
        Node<V> zero;
        Node<V> one;

        Node(Prefix prefix, V value) {
            this.prefix = prefix;
            this.value = value;
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
            root = new Node<>(p, value);
            size++;
            return null;
        }
        Node<V> parent = null;
        Node<V> node = root;
        while (true) {
            int common = commonLength(node.prefix, p);
            if (common == node.prefix.length() && common == p.length()) {
                V old = node.value;
                node.value = value;
                if (old == null) {
                    size++;
                }
                return old;
            }
            if (common == node.prefix.length()) {
                // p lies below node
                int bit = p.bit(common);
                Node<V> child = bit == 0 ? node.zero : node.one;
                if (child == null) {
                    attach(node, bit, new Node<>(p, value));
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
                inserted = new Node<>(p, value);
                attach(inserted, node.prefix.bit(common), node);
            } else {
                inserted = new Node<>(truncate(p, common), null);
                attach(inserted, node.prefix.bit(common), node);
                attach(inserted, p.bit(common), new Node<>(p, value));
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
            int common = commonLength(node.prefix, p);
            if (common < node.prefix.length()) {
                return null;
            }
            if (node.prefix.length() == p.length()) {
                return node.value;
            }
            node = p.bit(node.prefix.length()) == 0 ? node.zero : node.one;
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
            int common = commonLength(node.prefix, p);
            if (common < node.prefix.length()) {
                return null;
            }
            if (node.prefix.length() == p.length()) {
                break;
            }
            grand = parent;
            parent = node;
            node = p.bit(node.prefix.length()) == 0 ? node.zero : node.one;
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
            int common = commonLength(node.prefix, p);
            if (common < node.prefix.length()) {
                break;
            }
            if (node.value != null) {
                out.add(new Entry<>(node.prefix, node.value));
            }
            if (node.prefix.length() == p.length()) {
                break;
            }
            node = p.bit(node.prefix.length()) == 0 ? node.zero : node.one;
        }
        return out;
    }

    /** The most specific entry equal to or covering {@code p}; null if none. */
    public Entry<V> longestMatch(Prefix p) {
        Node<V> best = longestMatchNode(p);
        return best == null ? null : new Entry<>(best.prefix, best.value);
    }

    /** The prefix of the most specific entry covering {@code p}, or null; allocates nothing. */
    public Prefix longestMatchPrefix(Prefix p) {
        Node<V> best = longestMatchNode(p);
        return best == null ? null : best.prefix;
    }

    private Node<V> longestMatchNode(Prefix p) {
        check(p);
        Node<V> best = null;
        Node<V> node = root;
        while (node != null) {
            if (commonLength(node.prefix, p) < node.prefix.length()) {
                break;
            }
            if (node.value != null) {
                best = node;
            }
            if (node.prefix.length() == p.length()) {
                break;
            }
            node = p.bit(node.prefix.length()) == 0 ? node.zero : node.one;
        }
        return best;
    }

    /** Visits {@code p} and every more-specific entry below it, in address order. */
    public void moreSpecific(Prefix p, BiConsumer<Prefix, V> visitor) {
        check(p);
        Node<V> node = root;
        while (node != null) {
            int common = commonLength(node.prefix, p);
            if (common == p.length()) {
                // node lies at or below p: everything under it is more specific
                walk(node, visitor);
                return;
            }
            if (common < node.prefix.length()) {
                return;
            }
            node = p.bit(node.prefix.length()) == 0 ? node.zero : node.one;
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
            } else if (n.prefix.covers(after)) {
                // n is at or before {@code after}; some of what lies under it may come after
                childrenAll = false;
                all = false;
            } else if (n.prefix.compareTo(after) > 0) {
                all = true;
                childrenAll = true;
            } else {
                // the whole subtree lies before {@code after}
                continue;
            }
            if (all && n.value != null) {
                visitor.accept(n.prefix, n.value);
                last = n.prefix;
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
                visitor.accept(n.prefix, n.value);
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

    private static int commonLength(Prefix a, Prefix b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i + 8 <= max && a.byteAt(i >>> 3) == b.byteAt(i >>> 3)) {
            i += 8;
        }
        while (i < max && a.bit(i) == b.bit(i)) {
            i++;
        }
        return i;
    }

    private Prefix truncate(Prefix p, int length) {
        byte[] bytes = p.nlriBytes();
        int n = (length + 7) / 8;
        byte[] b = new byte[Math.max(n, 0)];
        System.arraycopy(bytes, 0, b, 0, n);
        int spare = n * 8 - length;
        if (n > 0 && spare > 0) {
            b[n - 1] &= (byte) (0xff << spare);
        }
        return Prefix.of(v6, length, b, 0);
    }

    private void check(Prefix p) {
        if (p.isV6() != v6) {
            throw new IllegalArgumentException("an IPv" + (p.isV6() ? 6 : 4) + " prefix in an IPv" + (v6 ? 6 : 4) + " trie");
        }
    }
}

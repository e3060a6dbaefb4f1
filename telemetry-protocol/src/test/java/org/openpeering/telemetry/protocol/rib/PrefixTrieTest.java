package org.openpeering.telemetry.protocol.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

class PrefixTrieTest {

    static Prefix p(String s) {
        return Prefix.parse(s);
    }

    /** Removes {@code q} or puts it with {@code value}, in the trie and in the model, and compares the answers. */
    private static void putOrRemove(PrefixTrie<Integer> t, Map<Prefix, Integer> model, Prefix q, boolean remove,
            int value) {
        if (remove) {
            assertEquals(model.remove(q), t.remove(q), "remove " + q);
        } else {
            assertEquals(model.put(q, value), t.put(q, value), "put " + q);
        }
        assertEquals(model.size(), t.size());
    }

    @Test
    void exactCoveringAndMoreSpecificLookups() {
        PrefixTrie<String> t = new PrefixTrie<>(false);
        t.put(p("203.0.113.0/24"), "a");
        t.put(p("203.0.113.0/25"), "b");
        t.put(p("203.0.113.128/25"), "c");
        t.put(p("198.51.100.0/24"), "d");
        t.put(p("0.0.0.0/0"), "default");
        assertEquals(5, t.size());
        assertEquals("b", t.get(p("203.0.113.0/25")));
        assertNull(t.get(p("203.0.112.0/23")));
        assertEquals(List.of("default", "a", "b"), t.covering(p("203.0.113.64/26")).stream().map(PrefixTrie.Entry::value).toList());
        assertEquals("b", t.longestMatch(p("203.0.113.1/32")).value());
        List<String> below = new ArrayList<>();
        t.moreSpecific(p("203.0.113.0/24"), (k, v) -> below.add(v));
        assertEquals(List.of("a", "b", "c"), below);
        List<String> none = new ArrayList<>();
        t.moreSpecific(p("192.0.2.0/24"), (k, v) -> none.add(v));
        assertEquals(List.of(), none);
        assertEquals("a", t.remove(p("203.0.113.0/24")));
        assertNull(t.get(p("203.0.113.0/24")));
        assertEquals("c", t.get(p("203.0.113.128/25")));
        assertEquals(4, t.size());
    }

    @Test
    void agreesWithABruteForceModelOnRandomOperations() {
        Random r = new Random(42);
        PrefixTrie<Integer> t = new PrefixTrie<>(false);
        Map<Prefix, Integer> model = new HashMap<>();
        for (int i = 0; i < 20000; i++) {
            int len = 8 + r.nextInt(17);
            int addr = (r.nextInt(4) << 24) | (r.nextInt(1 << 12) << 12);
            addr &= len == 0 ? 0 : (-1 << (32 - len));
            byte[] b = { (byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr };
            Prefix p = Prefix.of(false, len, b, 0);
            putOrRemove(t, model, p, r.nextInt(3) == 0, i);
        }
        for (int i = 0; i < 2000; i++) {
            int addr = (r.nextInt(4) << 24) | (r.nextInt(1 << 24));
            byte[] b = { (byte) (addr >>> 24), (byte) (addr >>> 16), (byte) (addr >>> 8), (byte) addr };
            Prefix host = Prefix.of(false, 32, b, 0);
            TreeSet<Integer> expected = new TreeSet<>();
            model.forEach((k, v) -> {
                if (k.covers(host)) {
                    expected.add(k.length());
                }
            });
            List<Integer> got = t.covering(host).stream().map(e -> e.prefix().length()).toList();
            assertEquals(new ArrayList<>(expected), got, "covering " + host);
        }
        List<Prefix> all = new ArrayList<>();
        t.forEach((k, v) -> all.add(k));
        assertEquals(model.size(), all.size());
    }

    @Test
    void ipv6Works() {
        PrefixTrie<String> t = new PrefixTrie<>(true);
        t.put(p("2001:db8::/32"), "x");
        t.put(p("2001:db8:1::/48"), "y");
        assertEquals(List.of("x", "y"), t.covering(p("2001:db8:1:2::/64")).stream().map(PrefixTrie.Entry::value).toList());
    }

    @Test
    void walkingInChunksVisitsEverythingOnceInAddressOrder() {
        Random random = new Random(7);
        PrefixTrie<Integer> t = new PrefixTrie<>(false);
        TreeSet<Prefix> expected = new TreeSet<>();
        for (int i = 0; i < 5_000; i++) {
            int length = 8 + random.nextInt(25);
            long address = random.nextInt() & 0xffffffffL & (0xffffffffL << (32 - length));
            Prefix q = Prefix.parse(((address >> 24) & 0xff) + "." + ((address >> 16) & 0xff) + "." + ((address >> 8) & 0xff)
                    + "." + (address & 0xff) + "/" + length);
            t.put(q, i);
            expected.add(q);
        }
        List<Prefix> all = new ArrayList<>();
        t.forEach((q, v) -> all.add(q));
        assertEquals(new ArrayList<>(expected), all, "forEach is address order (Prefix.compareTo)");
        for (int limit : new int[] { 1, 7, 100, 4_999, 5_000, 10_000 }) {
            List<Prefix> chunked = new ArrayList<>();
            Prefix after = null;
            while (true) {
                Prefix last = t.forEachAfter(after, limit, (q, v) -> chunked.add(q));
                if (last == null) {
                    break;
                }
                after = last;
            }
            assertEquals(all, chunked, "chunks of " + limit);
        }
        // from a prefix the trie does not hold: exactly what comes after it
        Prefix probe = p("128.0.0.0/1");
        List<Prefix> tail = new ArrayList<>();
        t.forEachAfter(probe, Integer.MAX_VALUE, (q, v) -> tail.add(q));
        assertEquals(new ArrayList<>(expected.tailSet(probe, false)), tail);
        assertNull(new PrefixTrie<Integer>(false).forEachAfter(null, 10, (q, v) -> { }));
    }

    @Test
    void ipv6AgreesWithABruteForceModelAcrossBothHalvesOfTheAddress() {
        // keys differ in a few bits around bit 0, bit 64 and bit 127, so that branch points fall in both longs
        Random r = new Random(11);
        PrefixTrie<Integer> t = new PrefixTrie<>(true);
        Map<Prefix, Integer> model = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            long hi = 0x20010db800000000L | ((long) r.nextInt(4) << 8) | r.nextInt(4);
            long lo = ((long) r.nextInt(4) << 62) | r.nextInt(8);
            int len = new int[] { 32, 48, 56, 62, 63, 64, 65, 66, 100, 125, 126, 127, 128 }[r.nextInt(13)];
            Prefix q = Prefix.of(true, len, hi & Prefix.mask(len), lo & Prefix.mask(len - 64));
            putOrRemove(t, model, q, r.nextInt(3) == 0, i);
        }
        for (Prefix q : new ArrayList<>(model.keySet())) {
            assertEquals(model.get(q), t.get(q), "get " + q);
            TreeSet<Prefix> covering = new TreeSet<>();
            TreeSet<Prefix> below = new TreeSet<>();
            model.keySet().forEach(k -> {
                if (k.covers(q)) {
                    covering.add(k);
                }
                if (q.covers(k)) {
                    below.add(k);
                }
            });
            assertEquals(new ArrayList<>(covering), t.covering(q).stream().map(PrefixTrie.Entry::prefix).toList(), "covering " + q);
            assertEquals(covering.last(), t.longestMatchPrefix(q));
            List<Prefix> more = new ArrayList<>();
            t.moreSpecific(q, (k, v) -> more.add(k));
            assertEquals(new ArrayList<>(below), more, "more specific " + q);
            if (model.size() > 400) {
                break;
            }
        }
        List<Prefix> all = new ArrayList<>();
        t.forEach((k, v) -> all.add(k));
        assertEquals(new ArrayList<>(new TreeSet<>(model.keySet())), all);
        List<Prefix> chunked = new ArrayList<>();
        for (Prefix after = null; (after = t.forEachAfter(after, 13, (k, v) -> chunked.add(k))) != null;) {
        }
        assertEquals(all, chunked);
    }

    @Test
    void removalsClearNodesInPlaceAndPruningKeepsEveryLookupRight() {
        // a slack of 0 prunes after almost every removal, 5 now and then, 1,000 never in this run
        for (int slack : new int[] { 0, 5, 1_000 }) {
            Random r = new Random(slack + 3);
            PrefixTrie<Integer> t = new PrefixTrie<>(false, slack);
            Map<Prefix, Integer> model = new HashMap<>();
            for (int i = 0; i < 30_000; i++) {
                // nested keys (/8 to /24 in a small space), so that cleared nodes have parents, children or both
                int len = 8 + r.nextInt(17);
                long address = ((long) r.nextInt(2) << 31 | (long) r.nextInt(1 << 10) << 14) & 0xffffffffL
                        & (0xffffffffL << (32 - len));
                Prefix q = Prefix.of(false, len, address << 32, 0);
                switch (r.nextInt(4)) {
                    case 0, 1 -> assertEquals(model.remove(q), t.remove(q), "remove " + q);
                    case 2 -> assertEquals(model.put(q, i), t.put(q, i), "put " + q);
                    default -> assertEquals(model.get(q), t.get(q), "get " + q);
                }
                assertEquals(model.size(), t.size());
                if (i % 1_000 == 999) {
                    List<Prefix> all = new ArrayList<>();
                    t.forEach((k, v) -> {
                        assertEquals(model.get(k), v, "value of " + k);
                        all.add(k);
                    });
                    assertEquals(new ArrayList<>(new TreeSet<>(model.keySet())), all, "slack " + slack);
                    // in chunks: the same entries with their values, in the same order
                    List<Integer> values = new ArrayList<>();
                    for (Prefix after = null; (after = t.forEachAfter(after, 7, (k, v) -> values.add(v))) != null;) {
                    }
                    assertEquals(all.stream().map(model::get).toList(), values, "values, slack " + slack);
                    // entries, cleared nodes (at most entries + slack) and the branch nodes above them
                    assertTrue(t.nodeCount() <= 2 * (2 * t.size() + slack) + 1,
                            t.nodeCount() + " nodes for " + t.size() + " entries, slack " + slack);
                    for (Prefix k : model.keySet()) {
                        Prefix host = Prefix.of(false, 32, k.hi() | (long) r.nextInt(256) << 32, 0);
                        TreeSet<Prefix> covering = new TreeSet<>();
                        model.keySet().stream().filter(m -> m.covers(host)).forEach(covering::add);
                        assertEquals(new ArrayList<>(covering),
                                t.covering(host).stream().map(PrefixTrie.Entry::prefix).toList(), "covering " + host);
                        break;
                    }
                }
            }
        }
    }

    @Test
    void aFlappingTableReusesItsNodesAndAWithdrawnTableIsPruned() {
        PrefixTrie<Integer> t = new PrefixTrie<>(false);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            t.put(slash24(i), i);
        }
        int nodes = t.nodeCount();
        assertEquals(2 * n - 1, nodes, "a full binary trie over the /24s");
        for (int round = 0; round < 3; round++) {
            for (int i = n - 1; i >= 0; i--) {
                assertEquals(round * n + i, t.remove(slash24(i)));
            }
            assertEquals(0, t.size());
            assertNull(t.get(slash24(7)));
            assertEquals(List.of(), t.covering(slash24(7)));
            assertEquals(nodes, t.nodeCount(), "withdrawn nodes wait for the prefix to come back");
            for (int i = 0; i < n; i++) {
                assertNull(t.put(slash24(i), (round + 1) * n + i));
            }
            assertEquals(nodes, t.nodeCount(), "announced again into the same nodes");
            assertEquals(n, t.size());
        }
        // withdrawing more prefixes than the slack allows: pruned, down to what is still held
        for (int i = 0; i < n; i++) {
            t.remove(slash24(i));
        }
        for (int i = n; i < 3 * n; i++) {
            t.put(slash24(i), i);
            t.remove(slash24(i));
        }
        assertEquals(0, t.size());
        assertTrue(t.nodeCount() <= 2 * PrefixTrie.SLACK, t.nodeCount() + " nodes after pruning");
        t.put(slash24(5), 5);
        assertEquals(5, t.get(slash24(5)));
        assertEquals(List.of(slash24(5)), t.covering(slash24(5)).stream().map(PrefixTrie.Entry::prefix).toList());
    }

    /** The i-th /24 from 100.0.0.0. */
    private static Prefix slash24(int i) {
        return Prefix.of(false, 24, (0x64000000L + ((long) i << 8)) << 32, 0);
    }
}

package org.openpeering.telemetry.protocol.rpki;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * An immutable index of VRPs for RFC 6811 route origin validation.
 *
 * <p>Layout, per address family: the distinct VRP prefixes sorted by (address, length), each address held as two
 * longs (IPv4 in the top 32 bits), with for each prefix the index of its nearest enclosing prefix in the set
 * ({@code parent}) and the range of its VRPs in parallel primitive arrays (AS, maxLength). About 30 bytes per VRP and
 * no object per entry besides the {@link Vrp}s themselves, which are kept only to hand out as evidence.
 *
 * <p>Lookup: every prefix covering a route sorts at or before the route, and the deepest covering prefix encloses the
 * greatest set prefix sorting at or before the route. So one binary search finds that candidate, then its parent chain
 * is walked: first up to the deepest covering prefix (the chain is at most 32/128 long, in practice a step or two),
 * then through all covering prefixes. No allocation (the route is read with {@link Prefix#hi} and {@link Prefix#lo}).
 */
public final class VrpSet {

    private static final VrpSet EMPTY = new VrpSet(Family.build(new Vrp[0], 0), Family.build(new Vrp[0], 0));

    private final Family v4;
    private final Family v6;

    private VrpSet(Family v4, Family v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    public static VrpSet empty() {
        return EMPTY;
    }

    /**
     * Indexes {@code vrps}; entries with the same (prefix, maxLength, asn) count once whatever their trust anchors
     * (the first one given is kept as evidence).
     */
    public static VrpSet of(Collection<Vrp> vrps) {
        Vrp[] four = new Vrp[vrps.size()];
        Vrp[] six = new Vrp[vrps.size()];
        int n4 = 0;
        int n6 = 0;
        for (Vrp v : vrps) {
            Objects.requireNonNull(v, "null VRP");
            if (v.prefix().isV6()) {
                six[n6++] = v;
            } else {
                four[n4++] = v;
            }
        }
        return new VrpSet(Family.build(four, n4), Family.build(six, n6));
    }

    /** Unique VRPs, both families. */
    public int size() {
        return v4.vrpCount() + v6.vrpCount();
    }

    /** The VRPs, IPv4 first, sorted by prefix; a view, not a copy. */
    public List<Vrp> vrps() {
        return new AbstractList<>() {
            @Override
            public Vrp get(int i) {
                int n4 = v4.vrpCount();
                if (i < 0 || i >= size()) {
                    throw new IndexOutOfBoundsException(i);
                }
                return i < n4 ? v4.vrps[i] : v6.vrps[i - n4];
            }

            @Override
            public int size() {
                return VrpSet.this.size();
            }
        };
    }

    /**
     * RFC 6811 §2 state of {@code route} originated by {@code originAs}; {@code null} when the AS path is empty or
     * ends in an AS_SET, so that no VRP can match it (never VALID).
     */
    public Validity validate(Prefix route, Long originAs) {
        return validate(route, originAs, null);
    }

    /**
     * As {@link #validate(Prefix, Long)}, also adding every covering VRP to {@code coveringOut} (most specific prefix
     * first) when it is not null, as evidence for the verdict.
     */
    public Validity validate(Prefix route, Long originAs, List<Vrp> coveringOut) {
        Family f = route.isV6() ? v6 : v4;
        if (f.prefixCount == 0) {
            return Validity.NOT_FOUND;
        }
        int rlen = Vrp.prefixLength(route);
        long rhi = route.hi();
        long rlo = route.lo();
        // an origin outside the 4-octet range cannot match any VRP, like a missing one
        long origin = originAs == null || originAs <= 0 || originAs > Vrp.MAX_ASN ? -1 : originAs;

        int p = f.floor(rhi, rlo, rlen);
        while (p >= 0 && !f.covers(p, rhi, rlo, rlen)) {
            p = f.parent[p];
        }
        if (p < 0) {
            return Validity.NOT_FOUND;
        }
        boolean valid = false;
        boolean originTooShort = false;
        for (; p >= 0; p = f.parent[p]) {
            for (int k = f.first[p], end = f.first[p + 1]; k < end; k++) {
                if (coveringOut != null) {
                    coveringOut.add(f.vrps[k]);
                }
                // AS0 VRPs (RFC 6483 §4) match no origin: they only make what they cover Invalid
                if ((f.asn[k] & 0xffff_ffffL) != origin) {
                    continue;
                }
                if ((f.maxLength[k] & 0xff) >= rlen) {
                    if (coveringOut == null) {
                        return Validity.VALID;
                    }
                    valid = true;
                } else {
                    originTooShort = true;
                }
            }
        }
        return valid ? Validity.VALID : originTooShort ? Validity.INVALID_LENGTH : Validity.INVALID_ORIGIN;
    }

    @Override
    public String toString() {
        return "VrpSet[" + v4.vrpCount() + " IPv4, " + v6.vrpCount() + " IPv6]";
    }

    /** One address family's index. */
    private static final class Family {
        private static final int BUCKETS = 1 << 16;

        // distinct prefixes, sorted by (hi, lo) unsigned then length
        final long[] hi;
        final long[] lo;
        /** prefix lengths 0..128, read with {@code & 0xff} */
        final byte[] len;
        final int[] parent;
        /**
         * bucket[t] = the first prefix whose top 16 address bits are >= t: narrows the binary search from ~20 steps
         * (each a likely cache miss) to a few. 256 KiB per family.
         */
        final int[] bucket;
        /** VRPs of prefix i are at [first[i], first[i + 1]). */
        final int[] first;
        final int prefixCount;
        // VRPs in prefix order
        final int[] asn;
        final byte[] maxLength;
        final Vrp[] vrps;

        private Family(long[] hi, long[] lo, byte[] len, int[] parent, int[] first, int prefixCount, int[] asn,
                byte[] maxLength, Vrp[] vrps) {
            this.hi = hi;
            this.lo = lo;
            this.len = len;
            this.parent = parent;
            this.first = first;
            this.bucket = new int[BUCKETS + 1];
            int p = 0;
            for (int t = 0; t <= BUCKETS; t++) {
                while (p < prefixCount && (hi[p] >>> 48) < t) {
                    p++;
                }
                bucket[t] = p;
            }
            this.prefixCount = prefixCount;
            this.asn = asn;
            this.maxLength = maxLength;
            this.vrps = vrps;
        }

        int vrpCount() {
            return vrps.length;
        }

        static Family build(Vrp[] in, int n) {
            // primitive keys first: sorting 800k objects through Prefix.compareTo would allocate on every comparison
            long[] khi = new long[n];
            long[] klo = new long[n];
            byte[] klen = new byte[n];
            byte[] kmax = new byte[n];
            int[] kasn = new int[n];
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                Vrp v = in[i];
                int plen = Vrp.prefixLength(v.prefix());
                khi[i] = v.prefix().hi();
                klo[i] = v.prefix().lo();
                klen[i] = (byte) plen;
                kmax[i] = (byte) v.maxLength();
                kasn[i] = (int) v.asn();
                order[i] = i;
            }
            IndexSort.sort(order, (a, c) -> {
                int r = Long.compareUnsigned(khi[a], khi[c]);
                if (r != 0) {
                    return r;
                }
                r = Long.compareUnsigned(klo[a], klo[c]);
                if (r != 0) {
                    return r;
                }
                r = Integer.compare(klen[a] & 0xff, klen[c] & 0xff);
                if (r != 0) {
                    return r;
                }
                r = Integer.compareUnsigned(kasn[a], kasn[c]);
                if (r != 0) {
                    return r;
                }
                // equal tuples keep input order (stable sort), so the first given survives de-duplication
                return Integer.compare(kmax[a] & 0xff, kmax[c] & 0xff);
            });

            // count unique VRPs and distinct prefixes
            int unique = 0;
            int prefixes = 0;
            for (int i = 0; i < n; i++) {
                int cur = order[i];
                if (i > 0) {
                    int prev = order[i - 1];
                    boolean samePrefix = khi[cur] == khi[prev] && klo[cur] == klo[prev] && klen[cur] == klen[prev];
                    if (samePrefix && kasn[cur] == kasn[prev] && kmax[cur] == kmax[prev]) {
                        continue;
                    }
                    if (!samePrefix) {
                        prefixes++;
                    }
                } else {
                    prefixes++;
                }
                unique++;
            }

            long[] hi = new long[prefixes];
            long[] lo = new long[prefixes];
            byte[] len = new byte[prefixes];
            int[] parent = new int[prefixes];
            int[] first = new int[prefixes + 1];
            int[] asn = new int[unique];
            byte[] maxLength = new byte[unique];
            Vrp[] vrps = new Vrp[unique];
            int u = -1;
            int p = -1;
            for (int i = 0; i < n; i++) {
                int cur = order[i];
                boolean newPrefix = true;
                if (i > 0) {
                    int prev = order[i - 1];
                    newPrefix = !(khi[cur] == khi[prev] && klo[cur] == klo[prev] && klen[cur] == klen[prev]);
                    if (!newPrefix && kasn[cur] == kasn[prev] && kmax[cur] == kmax[prev]) {
                        continue;
                    }
                }
                u++;
                if (newPrefix) {
                    p++;
                    hi[p] = khi[cur];
                    lo[p] = klo[cur];
                    len[p] = klen[cur];
                    first[p] = u;
                }
                asn[u] = kasn[cur];
                maxLength[u] = kmax[cur];
                vrps[u] = in[cur];
            }
            first[prefixes] = unique;

            Family f = new Family(hi, lo, len, parent, first, prefixes, asn, maxLength, vrps);
            // Sorted order is a depth-first walk of the containment tree: a stack of open ancestors gives parents.
            int[] stack = new int[130];
            int depth = 0;
            for (int i = 0; i < prefixes; i++) {
                while (depth > 0 && !f.covers(stack[depth - 1], hi[i], lo[i], len[i] & 0xff)) {
                    depth--;
                }
                parent[i] = depth == 0 ? -1 : stack[depth - 1];
                stack[depth++] = i;
            }
            return f;
        }

        /** The greatest prefix index sorting at or before (rhi, rlo, rlen), or -1. */
        int floor(long rhi, long rlo, int rlen) {
            int top = (int) (rhi >>> 48);
            int low = bucket[top];
            int high = bucket[top + 1] - 1;
            // everything before the bucket sorts before the route: the answer if nothing in the bucket does
            int found = low - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = Long.compareUnsigned(hi[mid], rhi);
                if (c == 0) {
                    c = Long.compareUnsigned(lo[mid], rlo);
                    if (c == 0) {
                        c = Integer.compare(len[mid] & 0xff, rlen);
                    }
                }
                if (c <= 0) {
                    found = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            return found;
        }

        /** Whether set prefix {@code p} covers (is, or is less specific than) the given prefix. */
        boolean covers(int p, long rhi, long rlo, int rlen) {
            int plen = len[p] & 0xff;
            if (plen > rlen) {
                return false;
            }
            return (rhi & hiMask(plen)) == hi[p] && (rlo & loMask(plen)) == lo[p];
        }

        private static long hiMask(int l) {
            return l == 0 ? 0 : l >= 64 ? -1L : -1L << (64 - l);
        }

        private static long loMask(int l) {
            return l <= 64 ? 0 : l >= 128 ? -1L : -1L << (128 - l);
        }
    }

    /** A stable merge sort of int indices by a primitive comparator: no boxing of 800,000 Integers. */
    static final class IndexSort {

        interface IntComparator {
            int compare(int a, int b);
        }

        private IndexSort() {
        }

        static void sort(int[] a, IntComparator cmp) {
            if (a.length < 2) {
                return;
            }
            int[] tmp = a.clone();
            mergeSort(tmp, a, 0, a.length, cmp);
        }

        /** Sorts src[from, to) into dst[from, to); both hold the same elements on entry. */
        private static void mergeSort(int[] src, int[] dst, int from, int to, IntComparator cmp) {
            int n = to - from;
            if (n <= 16) {
                for (int i = from + 1; i < to; i++) {
                    int x = dst[i];
                    int j = i - 1;
                    while (j >= from && cmp.compare(dst[j], x) > 0) {
                        dst[j + 1] = dst[j];
                        j--;
                    }
                    dst[j + 1] = x;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            // sort both halves into src, then merge them into dst
            mergeSort(dst, src, from, mid, cmp);
            mergeSort(dst, src, mid, to, cmp);
            if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
                System.arraycopy(src, from, dst, from, n);
                return;
            }
            int i = from;
            int j = mid;
            for (int k = from; k < to; k++) {
                if (j >= to || (i < mid && cmp.compare(src[i], src[j]) <= 0)) {
                    dst[k] = src[i++];
                } else {
                    dst[k] = src[j++];
                }
            }
        }
    }
}

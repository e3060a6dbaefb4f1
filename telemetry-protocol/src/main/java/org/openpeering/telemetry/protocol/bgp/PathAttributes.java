package org.openpeering.telemetry.protocol.bgp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The path attributes of one UPDATE, shared by all of its routes (one object per UPDATE, not per prefix).
 * MP_REACH_NLRI / MP_UNREACH_NLRI are not here: their routes are in {@link Update}.
 *
 * <p>Arrays are not copied, so that decoding millions of UPDATEs stays cheap: treat them as read-only.
 * A {@code null} array or list is normalised to an empty one, so consumers never test for null there.
 *
 * @param origin            0 IGP, 1 EGP, 2 INCOMPLETE, -1 absent (the encoder then omits it)
 * @param asPath            segments as they apply to the route: after RFC 6793 AS4_PATH reconstruction on a
 *                          2-octet session; empty for an empty (iBGP-originated) or absent path
 * @param nextHop           NEXT_HOP text, {@code null} when absent (IPv6 routes use {@link Update#mpNextHop()})
 * @param med               MULTI_EXIT_DISC, unsigned 32
 * @param localPref         LOCAL_PREF, unsigned 32
 * @param aggregatorAs      AGGREGATOR AS (or AS4_AGGREGATOR's on a 2-octet session when AGGREGATOR is AS_TRANS)
 * @param aggregatorAddress AGGREGATOR IPv4 address text
 * @param communities       RFC 1997 values, each (global &lt;&lt; 16 | local) as an int
 * @param largeCommunities  RFC 8092 triples flattened: global, local1, local2, each unsigned 32
 * @param otc               RFC 9234 Only-To-Customer AS
 * @param unknownTransitive optional transitive attributes this codec does not model (extended communities,
 *                          prefix-SID, unknown codes...), each raw: flags, type, length, value; the encoder
 *                          re-emits them with the Partial bit set, as RFC 4271 §5 asks of a speaker passing on an
 *                          attribute it does not implement
 */
public record PathAttributes(int origin, List<AsPathSegment> asPath, String nextHop, Long med, Long localPref,
        boolean atomicAggregate, Long aggregatorAs, String aggregatorAddress, int[] communities,
        long[] largeCommunities, Long otc, List<byte[]> unknownTransitive) {

    public static final int ORIGIN_IGP = 0;
    public static final int ORIGIN_EGP = 1;
    public static final int ORIGIN_INCOMPLETE = 2;

    static final int[] NO_COMMUNITIES = new int[0];
    static final long[] NO_LARGE_COMMUNITIES = new long[0];

    public PathAttributes {
        if (origin < -1 || origin > 2) {
            throw new IllegalArgumentException("origin is -1, 0, 1 or 2: " + origin);
        }
        asPath = asPath == null ? List.of() : asPath;
        communities = communities == null ? NO_COMMUNITIES : communities;
        largeCommunities = largeCommunities == null ? NO_LARGE_COMMUNITIES : largeCommunities;
        if (largeCommunities.length % 3 != 0) {
            throw new IllegalArgumentException("large communities are triples");
        }
        unknownTransitive = unknownTransitive == null ? List.of() : unknownTransitive;
    }

    /** ORIGIN, AS_PATH and NEXT_HOP, nothing else. */
    public static PathAttributes of(int origin, List<AsPathSegment> asPath, String nextHop) {
        return new PathAttributes(origin, asPath, nextHop, null, null, false, null, null, null, null, null, null);
    }

    public PathAttributes withMed(Long value) {
        return new PathAttributes(origin, asPath, nextHop, value, localPref, atomicAggregate, aggregatorAs,
                aggregatorAddress, communities, largeCommunities, otc, unknownTransitive);
    }

    public PathAttributes withLocalPref(Long value) {
        return new PathAttributes(origin, asPath, nextHop, med, value, atomicAggregate, aggregatorAs,
                aggregatorAddress, communities, largeCommunities, otc, unknownTransitive);
    }

    public PathAttributes withAggregator(boolean atomic, Long as, String address) {
        return new PathAttributes(origin, asPath, nextHop, med, localPref, atomic, as, address, communities,
                largeCommunities, otc, unknownTransitive);
    }

    public PathAttributes withCommunities(int... values) {
        return new PathAttributes(origin, asPath, nextHop, med, localPref, atomicAggregate, aggregatorAs,
                aggregatorAddress, values, largeCommunities, otc, unknownTransitive);
    }

    public PathAttributes withLargeCommunities(long... triples) {
        return new PathAttributes(origin, asPath, nextHop, med, localPref, atomicAggregate, aggregatorAs,
                aggregatorAddress, communities, triples, otc, unknownTransitive);
    }

    public PathAttributes withOtc(Long as) {
        return new PathAttributes(origin, asPath, nextHop, med, localPref, atomicAggregate, aggregatorAs,
                aggregatorAddress, communities, largeCommunities, as, unknownTransitive);
    }

    public PathAttributes withUnknownTransitive(List<byte[]> raw) {
        return new PathAttributes(origin, asPath, nextHop, med, localPref, atomicAggregate, aggregatorAs,
                aggregatorAddress, communities, largeCommunities, otc, raw);
    }

    /** An RFC 1997 community value from its two halves, e.g. {@code community(64496, 8007)}. */
    public static int community(int global, int local) {
        if ((global & ~0xFFFF) != 0 || (local & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("community halves are 16 bits");
        }
        return global << 16 | local;
    }

    /** Standard communities as "64496:8007", then large communities as "64496:8007:0"; empty when none. */
    public List<String> communityTexts() {
        List<String> out = new java.util.ArrayList<>();
        if (communities() != null) {
            for (int c : communities()) {
                out.add(communityText(c));
            }
        }
        if (largeCommunities() != null) {
            long[] l = largeCommunities();
            for (int i = 0; i + 2 < l.length; i += 3) {
                out.add(l[i] + ":" + l[i + 1] + ":" + l[i + 2]);
            }
        }
        return out;
    }

    /** "64496:8007". */
    public static String communityText(int value) {
        return (value >>> 16) + ":" + (value & 0xFFFF);
    }

    /**
     * The path as routers print it: "64500 64510 {64511,64512}"; confederation segments as "(64512 64513)" and
     * "[64512,64513]". Builds a string: for display and logs, not for the decoding path.
     */
    public String asPathText() {
        StringBuilder b = new StringBuilder();
        for (AsPathSegment s : asPath) {
            if (b.length() > 0) {
                b.append(' ');
            }
            appendSegment(b, s);
        }
        return b.toString();
    }

    static void appendSegment(StringBuilder b, AsPathSegment s) {
        char open = s.confed() ? (s.set() ? '[' : '(') : (s.set() ? '{' : 0);
        char sep = s.set() ? ',' : ' ';
        if (open != 0) {
            b.append(open);
        }
        long[] asns = s.asns();
        for (int i = 0; i < asns.length; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(asns[i]);
        }
        if (open != 0) {
            b.append(s.confed() ? (s.set() ? ']' : ')') : '}');
        }
    }

    /**
     * RFC 6811 §2 origin AS: the last AS of the final segment when that segment is an AS_SEQUENCE; {@code null} for
     * an empty path or one ending in an AS_SET (such a route can never be RPKI Valid), and for a path made only of
     * confederation segments (its origin is the local confederation, which this record does not know).
     */
    public Long originAs() {
        if (asPath.isEmpty()) {
            return null;
        }
        AsPathSegment last = asPath.get(asPath.size() - 1);
        if (last.set() || last.confed()) {
            return null;
        }
        return last.asns()[last.asns().length - 1];
    }

    /** RFC 4271 §9.1.2.2 a): a set counts 1, confederation segments 0 (RFC 5065). */
    public int asPathLength() {
        int n = 0;
        for (AsPathSegment s : asPath) {
            n += s.pathLength();
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathAttributes a && a.origin == origin && a.asPath.equals(asPath)
                && Objects.equals(a.nextHop, nextHop) && Objects.equals(a.med, med)
                && Objects.equals(a.localPref, localPref) && a.atomicAggregate == atomicAggregate
                && Objects.equals(a.aggregatorAs, aggregatorAs) && Objects.equals(a.aggregatorAddress, aggregatorAddress)
                && Arrays.equals(a.communities, communities) && Arrays.equals(a.largeCommunities, largeCommunities)
                && Objects.equals(a.otc, otc) && Wire.equalBytes(a.unknownTransitive, unknownTransitive);
    }

    @Override
    public int hashCode() {
        // field by field: no varargs array and no boxing on the interner's path (once per UPDATE)
        int h = origin;
        h = h * 31 + asPath.hashCode();
        h = h * 31 + Objects.hashCode(nextHop);
        h = h * 31 + Objects.hashCode(med);
        h = h * 31 + Objects.hashCode(localPref);
        h = h * 31 + (atomicAggregate ? 1 : 0);
        h = h * 31 + Objects.hashCode(aggregatorAs);
        h = h * 31 + Objects.hashCode(aggregatorAddress);
        h = h * 31 + Objects.hashCode(otc);
        h = h * 31 + Arrays.hashCode(communities);
        h = h * 31 + Arrays.hashCode(largeCommunities);
        return h * 31 + Wire.hashBytes(unknownTransitive);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PathAttributes[origin=").append(origin)
                .append(", asPath=").append(asPathText())
                .append(", nextHop=").append(nextHop)
                .append(", med=").append(med)
                .append(", localPref=").append(localPref)
                .append(", atomicAggregate=").append(atomicAggregate)
                .append(", aggregator=").append(aggregatorAs).append('/').append(aggregatorAddress)
                .append(", communities=[");
        for (int i = 0; i < communities.length; i++) {
            b.append(i > 0 ? " " : "").append(communityText(communities[i]));
        }
        b.append("], largeCommunities=[");
        for (int i = 0; i < largeCommunities.length; i += 3) {
            b.append(i > 0 ? " " : "").append(largeCommunities[i]).append(':').append(largeCommunities[i + 1])
                    .append(':').append(largeCommunities[i + 2]);
        }
        b.append("], otc=").append(otc).append(", unknownTransitive=[");
        for (int i = 0; i < unknownTransitive.size(); i++) {
            b.append(i > 0 ? " " : "").append(HexFormat.of().formatHex(unknownTransitive.get(i)));
        }
        return b.append("]]").toString();
    }
}

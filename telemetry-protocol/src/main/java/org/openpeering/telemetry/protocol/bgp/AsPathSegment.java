package org.openpeering.telemetry.protocol.bgp;

import java.util.Arrays;

/**
 * One AS_PATH segment (RFC 4271 §4.3, RFC 5065 for the confederation types).
 *
 * @param set    AS_SET / AS_CONFED_SET when true, else AS_SEQUENCE / AS_CONFED_SEQUENCE
 * @param asns   the AS numbers, unsigned 32 bits; not copied (decoding is allocation-light), treat as read-only
 * @param confed AS_CONFED_SEQUENCE (3) or AS_CONFED_SET (4): member ASes inside a confederation, which do not
 *               count towards the path length and are never the origin
 */
public record AsPathSegment(boolean set, long[] asns, boolean confed) {

    public static final int TYPE_AS_SET = 1;
    public static final int TYPE_AS_SEQUENCE = 2;
    public static final int TYPE_AS_CONFED_SEQUENCE = 3;
    public static final int TYPE_AS_CONFED_SET = 4;

    public AsPathSegment {
        if (asns == null || asns.length == 0) {
            throw new IllegalArgumentException("an AS_PATH segment holds at least one AS");
        }
    }

    /** A plain AS_SET or AS_SEQUENCE. */
    public AsPathSegment(boolean set, long[] asns) {
        this(set, asns, false);
    }

    public static AsPathSegment sequence(long... asns) {
        return new AsPathSegment(false, asns, false);
    }

    public static AsPathSegment asSet(long... asns) {
        return new AsPathSegment(true, asns, false);
    }

    /** The segment type code on the wire. */
    public int typeCode() {
        if (confed) {
            return set ? TYPE_AS_CONFED_SET : TYPE_AS_CONFED_SEQUENCE;
        }
        return set ? TYPE_AS_SET : TYPE_AS_SEQUENCE;
    }

    /** RFC 4271 §9.1.2.2 a) with RFC 5065 §5.3: a set counts 1, confederation segments count 0. */
    public int pathLength() {
        return confed ? 0 : set ? 1 : asns.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsPathSegment s && s.set == set && s.confed == confed && Arrays.equals(s.asns, asns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(asns) * 4 + (set ? 2 : 0) + (confed ? 1 : 0);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        PathAttributes.appendSegment(b, this);
        return b.toString();
    }
}

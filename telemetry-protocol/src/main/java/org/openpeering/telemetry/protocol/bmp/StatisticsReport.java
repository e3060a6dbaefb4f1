package org.openpeering.telemetry.protocol.bmp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Statistics Report (RFC 7854 4.8, Adj-RIB-Out types from RFC 8671).
 *
 * <p>{@code counters} maps stat type to value in wire order. 32-bit counters and 64-bit gauges are both
 * widened to a long (read a 64-bit gauge as unsigned). Per-AFI/SAFI gauges (types 9, 10, 16, 17) are
 * <em>summed</em> over all AFI/SAFI pairs under their type, so type 9 is comparable with type 7: a
 * collector wants "routes in Adj-RIB-In" at a glance, and the per-family split is not kept.
 */
public record StatisticsReport(PeerHeader peer, Map<Integer, Long> counters) implements BmpMessage {

    public static final int REJECTED_PREFIXES = 0;
    public static final int DUPLICATE_PREFIX_ADVERTISEMENTS = 1;
    public static final int DUPLICATE_WITHDRAWS = 2;
    public static final int CLUSTER_LIST_LOOPS = 3;
    public static final int AS_PATH_LOOPS = 4;
    public static final int ORIGINATOR_ID_LOOPS = 5;
    public static final int AS_CONFED_LOOPS = 6;
    public static final int ADJ_RIB_IN_ROUTES = 7;
    public static final int LOC_RIB_ROUTES = 8;
    public static final int ADJ_RIB_IN_ROUTES_PER_AFI_SAFI = 9;
    public static final int LOC_RIB_ROUTES_PER_AFI_SAFI = 10;
    public static final int UPDATES_TREATED_AS_WITHDRAW = 11;
    public static final int PREFIXES_TREATED_AS_WITHDRAW = 12;
    public static final int DUPLICATE_UPDATES = 13;
    public static final int ADJ_RIB_OUT_PRE_POLICY_ROUTES = 14;
    public static final int ADJ_RIB_OUT_POST_POLICY_ROUTES = 15;
    public static final int ADJ_RIB_OUT_PRE_POLICY_ROUTES_PER_AFI_SAFI = 16;
    public static final int ADJ_RIB_OUT_POST_POLICY_ROUTES_PER_AFI_SAFI = 17;

    public StatisticsReport {
        Objects.requireNonNull(peer, "peer");
        // LinkedHashMap rather than Map.copyOf: the wire order is kept, which makes re-encoding exact.
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        for (Map.Entry<Integer, Long> e : counters.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("null stat type or value: " + e);
            }
            if (e.getKey() < 0 || e.getKey() > 0xFFFF) {
                throw new IllegalArgumentException("stat type out of range 0..65535: " + e.getKey());
            }
        }
    }

    @Override
    public int type() {
        return TYPE_STATISTICS_REPORT;
    }

    /** How a stat type's value is laid out on the wire. */
    enum Layout {
        /** 4-byte counter. */
        COUNTER32(4),
        /** 8-byte gauge. */
        GAUGE64(8),
        /** AFI (2) + SAFI (1) + 8-byte gauge. */
        AFI_SAFI_GAUGE64(11);

        final int length;

        Layout(int length) {
            this.length = length;
        }
    }

    /** The RFC layout of a known stat type, or null for types this codec does not know. */
    static Layout layoutOf(int statType) {
        return switch (statType) {
            case 0, 1, 2, 3, 4, 5, 6, 11, 12, 13 -> Layout.COUNTER32;
            case 7, 8, 14, 15 -> Layout.GAUGE64;
            case 9, 10, 16, 17 -> Layout.AFI_SAFI_GAUGE64;
            default -> null;
        };
    }
}

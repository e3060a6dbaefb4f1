package org.openpeering.telemetry.protocol.bgp;

/** Path attribute type codes and flag bits (RFC 4271 §4.3 and the IANA registry), for this package only. */
final class AttrType {

    static final int OPTIONAL = 0x80;
    static final int TRANSITIVE = 0x40;
    static final int PARTIAL = 0x20;
    static final int EXTENDED_LENGTH = 0x10;

    /** Expected Optional/Transitive bits (RFC 7606 §3 c compares only these two). */
    static final int WELL_KNOWN = TRANSITIVE;
    static final int OPTIONAL_TRANSITIVE = OPTIONAL | TRANSITIVE;
    static final int OPTIONAL_NON_TRANSITIVE = OPTIONAL;

    static final int ORIGIN = 1;
    static final int AS_PATH = 2;
    static final int NEXT_HOP = 3;
    static final int MULTI_EXIT_DISC = 4;
    static final int LOCAL_PREF = 5;
    static final int ATOMIC_AGGREGATE = 6;
    static final int AGGREGATOR = 7;
    static final int COMMUNITIES = 8;
    static final int MP_REACH_NLRI = 14;
    static final int MP_UNREACH_NLRI = 15;
    static final int AS4_PATH = 17;
    static final int AS4_AGGREGATOR = 18;
    static final int LARGE_COMMUNITIES = 32;
    static final int OTC = 35;

    private AttrType() {
    }

    /** True for the codes the encoder writes from {@link PathAttributes} fields (never taken raw). */
    static boolean modelled(int type) {
        return switch (type) {
            case ORIGIN, AS_PATH, NEXT_HOP, MULTI_EXIT_DISC, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR, COMMUNITIES,
                    MP_REACH_NLRI, MP_UNREACH_NLRI, AS4_PATH, AS4_AGGREGATOR, LARGE_COMMUNITIES, OTC -> true;
            default -> false;
        };
    }

    /** For error texts only. */
    static String name(int type) {
        return switch (type) {
            case ORIGIN -> "ORIGIN";
            case AS_PATH -> "AS_PATH";
            case NEXT_HOP -> "NEXT_HOP";
            case MULTI_EXIT_DISC -> "MULTI_EXIT_DISC";
            case LOCAL_PREF -> "LOCAL_PREF";
            case ATOMIC_AGGREGATE -> "ATOMIC_AGGREGATE";
            case AGGREGATOR -> "AGGREGATOR";
            case COMMUNITIES -> "COMMUNITIES";
            case MP_REACH_NLRI -> "MP_REACH_NLRI";
            case MP_UNREACH_NLRI -> "MP_UNREACH_NLRI";
            case AS4_PATH -> "AS4_PATH";
            case AS4_AGGREGATOR -> "AS4_AGGREGATOR";
            case LARGE_COMMUNITIES -> "LARGE_COMMUNITIES";
            case OTC -> "OTC";
            default -> "attribute " + type;
        };
    }
}

package org.openpeering.service;

import java.util.List;

/**
 * Which ASNs may be registered as peers (DOMAIN.md §1): public ASNs only, never the operator's own or a
 * configured reserved one. Plain Java so it can be tested on its own.
 */
public final class AsnRules {

    public static final long MAX_ASN = 4_294_967_295L;

    private final long operatorAsn;
    private final List<Long> reservedAsns;
    private final boolean allowDocumentation;

    public AsnRules(long operatorAsn, List<Long> reservedAsns, boolean allowDocumentation) {
        this.operatorAsn = operatorAsn;
        this.reservedAsns = List.copyOf(reservedAsns);
        this.allowDocumentation = allowDocumentation;
    }

    /** Why the ASN cannot be a peer, or null when it can. */
    public String rejectionReason(long asn) {
        if (asn < 1 || asn > MAX_ASN) {
            return "ASN " + asn + " is outside 1-4294967295";
        }
        if (asn == 23456) {
            return "ASN 23456 is AS_TRANS (RFC 6793) and cannot be a peer";
        }
        if (!allowDocumentation && (between(asn, 64496, 64511) || between(asn, 65536, 65551))) {
            return "ASN " + asn + " is reserved for documentation (RFC 5398)";
        }
        if (between(asn, 64512, 65534) || between(asn, 4_200_000_000L, 4_294_967_294L)) {
            return "ASN " + asn + " is a private ASN (RFC 6996)";
        }
        if (asn == 65535 || asn == MAX_ASN || between(asn, 65552, 131071)) {
            return "ASN " + asn + " is reserved (RFC 7300, IANA)";
        }
        if (asn == operatorAsn) {
            return "ASN " + asn + " is the operator's own ASN";
        }
        if (reservedAsns.contains(asn)) {
            return "ASN " + asn + " is reserved by the operator";
        }
        return null;
    }

    private static boolean between(long v, long lo, long hi) {
        return v >= lo && v <= hi;
    }
}

package org.openpeering.telemetry.latency;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * DOMAIN.md §6: which samples are refused, and under which prefix an accepted one is kept. Every refusal has a
 * reason, counted and reported back to the sender.
 */
public final class SampleRules {

    public static final String RTT_OUT_OF_RANGE = "RttOutOfRange";
    public static final String TIMESTAMP_IN_FUTURE = "TimestampInFuture";
    public static final String TIMESTAMP_TOO_OLD = "TimestampTooOld";
    public static final String UNKNOWN_LOCATION = "UnknownLocation";
    public static final String CLIENT_OUTSIDE_PREFIXES = "ClientOutsidePrefixes";
    public static final String MALFORMED = "Malformed";
    public static final String PROBE_ERROR = "ProbeError";

    /** RTTs above this are refused (ms). */
    public static final double MAX_RTT_MS = 10_000;
    /** Timestamps further ahead than this are refused (clock skew allowance). */
    public static final long FUTURE_MILLIS = 5 * 60_000L;

    private SampleRules() {
    }

    /** The reason an RTT or a timestamp is refused, or null when both are acceptable. */
    public static String check(boolean loss, double rttMs, long timestampMillis, long nowMillis, long retentionMillis) {
        if (!loss && (Double.isNaN(rttMs) || rttMs <= 0 || rttMs > MAX_RTT_MS)) {
            return RTT_OUT_OF_RANGE;
        }
        if (timestampMillis > nowMillis + FUTURE_MILLIS) {
            return TIMESTAMP_IN_FUTURE;
        }
        if (timestampMillis < nowMillis - retentionMillis) {
            return TIMESTAMP_TOO_OLD;
        }
        return null;
    }

    /** The client as a prefix: an address is its host prefix; a prefix is taken as given. Null when malformed. */
    public static Prefix client(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.indexOf('/') >= 0 ? Prefix.parse(text.trim()) : Prefix.host(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The client from its address bytes (4 or 16); null when malformed. */
    public static Prefix client(byte[] address) {
        if (address.length != 4 && address.length != 16) {
            return null;
        }
        return Prefix.of(address.length == 16, address.length * 8, address, 0);
    }

    /** The prefix samples are kept under: the customer prefix, or its /24 (IPv6: /48) when it is longer. */
    public static Prefix reported(Prefix customer) {
        int limit = customer.isV6() ? 48 : 24;
        if (customer.length() <= limit) {
            return customer;
        }
        return customer.truncate(limit);
    }
}

package org.openpeering.telemetry.protocol.rpki;

/**
 * Cache to router: the answer is complete and the router's data is now at {@code serial} (RFC 8210 §5.8). Version 1
 * adds the timers the router should use, in seconds; version 0 has none, which is represented by 0 in all three
 * (0 is outside every interval's valid range, RFC 8210 §6, so it cannot be confused with a real value).
 */
public record EndOfData(int sessionId, long serial, long refreshInterval, long retryInterval, long expireInterval)
        implements RtrPdu {

    /** RFC 8210 §6 defaults, for routers that did not get timers (version 0) and caches that have no opinion. */
    public static final long DEFAULT_REFRESH = 3600;
    public static final long DEFAULT_RETRY = 600;
    public static final long DEFAULT_EXPIRE = 7200;

    public EndOfData {
        RtrPdu.checkSession(sessionId);
        RtrPdu.checkSerial(serial);
        for (long v : new long[] { refreshInterval, retryInterval, expireInterval }) {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("interval out of range: " + v);
            }
        }
        if ((refreshInterval == 0 || retryInterval == 0 || expireInterval == 0)
                && (refreshInterval | retryInterval | expireInterval) != 0) {
            throw new IllegalArgumentException("either all intervals or none (version 0)");
        }
    }

    /** A version 0 End of Data: no timers. */
    public static EndOfData v0(int sessionId, long serial) {
        return new EndOfData(sessionId, serial, 0, 0, 0);
    }

    /** Whether this carries timers (it came as, or is meant for, version 1). */
    public boolean hasIntervals() {
        return refreshInterval != 0;
    }

    @Override
    public int type() {
        return END_OF_DATA;
    }
}

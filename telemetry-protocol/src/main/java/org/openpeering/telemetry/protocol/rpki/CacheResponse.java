package org.openpeering.telemetry.protocol.rpki;

/** Cache to router: the answer to a query follows, up to End of Data (RFC 8210 §5.5). */
public record CacheResponse(int sessionId) implements RtrPdu {

    public CacheResponse {
        RtrPdu.checkSession(sessionId);
    }

    @Override
    public int type() {
        return CACHE_RESPONSE;
    }
}

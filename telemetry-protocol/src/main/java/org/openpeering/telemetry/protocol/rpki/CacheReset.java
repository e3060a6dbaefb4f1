package org.openpeering.telemetry.protocol.rpki;

/** Cache to router: "I cannot answer that Serial Query; send a Reset Query" (RFC 8210 §5.9). */
public record CacheReset() implements RtrPdu {

    @Override
    public int type() {
        return CACHE_RESET;
    }
}

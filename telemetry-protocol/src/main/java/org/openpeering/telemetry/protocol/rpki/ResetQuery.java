package org.openpeering.telemetry.protocol.rpki;

/** Router to cache: "send me everything" (RFC 8210 §5.4). */
public record ResetQuery() implements RtrPdu {

    @Override
    public int type() {
        return RESET_QUERY;
    }
}

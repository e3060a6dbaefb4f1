package org.openpeering.telemetry.protocol.rpki;

/** Router to cache: "send me what changed since {@code serial}" (RFC 8210 §5.3). */
public record SerialQuery(int sessionId, long serial) implements RtrPdu {

    public SerialQuery {
        RtrPdu.checkSession(sessionId);
        RtrPdu.checkSerial(serial);
    }

    @Override
    public int type() {
        return SERIAL_QUERY;
    }
}

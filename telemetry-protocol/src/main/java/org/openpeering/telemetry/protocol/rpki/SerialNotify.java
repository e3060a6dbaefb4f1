package org.openpeering.telemetry.protocol.rpki;

/** Cache to router: "I have new data, serial {@code serial}" (RFC 8210 §5.2). */
public record SerialNotify(int sessionId, long serial) implements RtrPdu {

    public SerialNotify {
        RtrPdu.checkSession(sessionId);
        RtrPdu.checkSerial(serial);
    }

    @Override
    public int type() {
        return SERIAL_NOTIFY;
    }
}

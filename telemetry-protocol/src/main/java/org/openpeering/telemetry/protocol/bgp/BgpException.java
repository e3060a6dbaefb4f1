package org.openpeering.telemetry.protocol.bgp;

/**
 * An error that resets the session: send {@link #notification()} and close the connection (RFC 4271 §6,
 * RFC 7606 §2 "session reset"). Errors that RFC 7606 lets the session survive are reported in the
 * {@link Update} instead.
 */
public final class BgpException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final int subcode;
    private final byte[] data;

    public BgpException(int code, int subcode, byte[] data, String detail) {
        super(detail + " [" + new Notification(code, subcode, null).describe() + "]");
        this.code = code;
        this.subcode = subcode;
        this.data = data == null ? Wire.EMPTY : data.clone();
    }

    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    /** The NOTIFICATION Data field, a copy. */
    public byte[] data() {
        return data.clone();
    }

    /** The NOTIFICATION to send before closing. */
    public Notification notification() {
        return new Notification(code, subcode, data.clone());
    }
}

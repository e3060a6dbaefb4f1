package org.openpeering.telemetry.protocol.bmp;

import java.util.List;

/** Termination (RFC 7854 4.5): the router is about to close the connection. */
public record Termination(List<Tlv> tlvs) implements BmpMessage {

    public static final int TLV_STRING = 0;
    public static final int TLV_REASON = 1;

    public static final int REASON_ADMIN_CLOSE = 0;
    public static final int REASON_UNSPECIFIED = 1;
    public static final int REASON_OUT_OF_RESOURCES = 2;
    public static final int REASON_REDUNDANT_CONNECTION = 3;
    public static final int REASON_PERMANENT_ADMIN_CLOSE = 4;

    public Termination {
        tlvs = List.copyOf(tlvs);
    }

    @Override
    public int type() {
        return TYPE_TERMINATION;
    }

    /** The 2-byte reason code (the decoder guarantees the reason TLV is 2 bytes), or null if absent. */
    public Integer reason() {
        for (Tlv t : tlvs) {
            if (t.type() == TLV_REASON && t.value().length == 2) {
                return ((t.value()[0] & 0xFF) << 8) | (t.value()[1] & 0xFF);
            }
        }
        return null;
    }
}

package org.openpeering.telemetry.protocol.bmp;

import java.util.List;

/** Initiation (RFC 7854 4.3): the first message on a connection, describing the monitored router. */
public record Initiation(List<Tlv> tlvs) implements BmpMessage {

    public static final int TLV_STRING = 0;
    public static final int TLV_SYS_DESCR = 1;
    public static final int TLV_SYS_NAME = 2;

    public Initiation {
        tlvs = List.copyOf(tlvs);
    }

    @Override
    public int type() {
        return TYPE_INITIATION;
    }

    /** The first sysName TLV as text, or null when the router sent none. */
    public String sysName() {
        return firstText(TLV_SYS_NAME);
    }

    /** The first sysDescr TLV as text, or null when the router sent none. */
    public String sysDescr() {
        return firstText(TLV_SYS_DESCR);
    }

    private String firstText(int tlvType) {
        for (Tlv t : tlvs) {
            if (t.type() == tlvType) {
                return t.text();
            }
        }
        return null;
    }
}

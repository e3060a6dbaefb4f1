package org.openpeering.telemetry.protocol.bmp;

import java.util.List;
import java.util.Objects;

/**
 * Route Mirroring (RFC 7854 4.7): verbatim copies of messages received from a peer. The BGP message
 * TLV (type 0) is kept raw and not validated, since mirroring exists precisely to carry PDUs the
 * router found erroneous.
 */
public record RouteMirroring(PeerHeader peer, List<Tlv> tlvs) implements BmpMessage {

    public static final int TLV_BGP_MESSAGE = 0;
    public static final int TLV_INFORMATION = 1;

    /** Information code: the mirrored PDU had an error (RFC 7854 4.7). */
    public static final int INFO_ERRORED_PDU = 0;
    /** Information code: messages were lost. */
    public static final int INFO_MESSAGES_LOST = 1;

    public RouteMirroring {
        Objects.requireNonNull(peer, "peer");
        tlvs = List.copyOf(tlvs);
    }

    @Override
    public int type() {
        return TYPE_ROUTE_MIRRORING;
    }
}

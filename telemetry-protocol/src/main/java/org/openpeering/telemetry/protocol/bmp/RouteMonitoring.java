package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Route Monitoring (RFC 7854 4.6): one BGP UPDATE as seen in the view the peer header names.
 *
 * @param bgpUpdate the complete BGP UPDATE PDU (19-byte header included), owned by the record
 */
public record RouteMonitoring(PeerHeader peer, byte[] bgpUpdate) implements BmpMessage {

    public RouteMonitoring {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(bgpUpdate, "bgpUpdate");
    }

    @Override
    public int type() {
        return TYPE_ROUTE_MONITORING;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteMonitoring r && r.peer.equals(peer) && Arrays.equals(r.bgpUpdate, bgpUpdate);
    }

    @Override
    public int hashCode() {
        return 31 * peer.hashCode() + Arrays.hashCode(bgpUpdate);
    }

    @Override
    public String toString() {
        return "RouteMonitoring[peer=" + peer + ", bgpUpdate=" + bgpUpdate.length + " bytes]";
    }
}

package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Peer Up notification (RFC 7854 4.10). The two OPEN messages are complete BGP PDUs (19-byte header
 * included) for the BGP codec to decode; their arrays are owned by the record and must not be mutated.
 *
 * @param localAddress IPv6 when the peer header's V flag is set, otherwise the IPv4 in the last 4 bytes
 * @param info         optional Information TLVs (0 string, 3 VRF/table name per RFC 9069, 4 admin label)
 */
public record PeerUp(PeerHeader peer, String localAddress, int localPort, int remotePort, byte[] sentOpen,
        byte[] receivedOpen, List<Tlv> info) implements BmpMessage {

    public static final int TLV_STRING = 0;
    public static final int TLV_VRF_TABLE_NAME = 3;
    public static final int TLV_ADMIN_LABEL = 4;

    public PeerUp {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(sentOpen, "sentOpen");
        Objects.requireNonNull(receivedOpen, "receivedOpen");
        if (localPort < 0 || localPort > 0xFFFF || remotePort < 0 || remotePort > 0xFFFF) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
        info = List.copyOf(info);
    }

    @Override
    public int type() {
        return TYPE_PEER_UP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerUp p && p.peer.equals(peer) && p.localAddress.equals(localAddress)
                && p.localPort == localPort && p.remotePort == remotePort && Arrays.equals(p.sentOpen, sentOpen)
                && Arrays.equals(p.receivedOpen, receivedOpen) && p.info.equals(info);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peer, localAddress, localPort, remotePort, Arrays.hashCode(sentOpen),
                Arrays.hashCode(receivedOpen), info);
    }

    @Override
    public String toString() {
        return "PeerUp[peer=" + peer + ", localAddress=" + localAddress + ", localPort=" + localPort + ", remotePort="
                + remotePort + ", sentOpen=" + sentOpen.length + " bytes, receivedOpen=" + receivedOpen.length
                + " bytes, info=" + info + "]";
    }
}

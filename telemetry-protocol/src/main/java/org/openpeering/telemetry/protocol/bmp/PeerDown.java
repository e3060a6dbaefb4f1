package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Peer Down notification (RFC 7854 4.9, reason 6 from RFC 9069). Which optional part is present
 * depends on the reason, and the decoder enforces it: {@code notification} only for reasons 1 and 3,
 * {@code fsmEventCode} only for reason 2, {@code tlvs} only for reason 6; otherwise null / empty.
 *
 * @param notification the complete BGP NOTIFICATION PDU (19-byte header included), owned by the record
 */
public record PeerDown(PeerHeader peer, int reason, byte[] notification, Integer fsmEventCode, List<Tlv> tlvs)
        implements BmpMessage {

    /** The local system closed the session; a NOTIFICATION it sent follows. */
    public static final int REASON_LOCAL_NOTIFICATION = 1;
    /** The local system closed the session without a NOTIFICATION; a 2-byte FSM event code follows. */
    public static final int REASON_LOCAL_NO_NOTIFICATION = 2;
    /** The remote system closed the session with a NOTIFICATION, which follows. */
    public static final int REASON_REMOTE_NOTIFICATION = 3;
    /** The remote system closed the session without a NOTIFICATION; no data. */
    public static final int REASON_REMOTE_NO_NOTIFICATION = 4;
    /** Monitoring of the peer stopped because it was de-configured; no data. */
    public static final int REASON_PEER_DECONFIGURED = 5;
    /** RFC 9069: a Loc-RIB instance went away; TLVs (e.g. VRF/table name) follow. */
    public static final int REASON_LOCAL_SYSTEM_CLOSED_TLVS = 6;

    public PeerDown {
        Objects.requireNonNull(peer, "peer");
        if (reason < REASON_LOCAL_NOTIFICATION || reason > REASON_LOCAL_SYSTEM_CLOSED_TLVS) {
            throw new IllegalArgumentException("peer down reason must be 1..6, got " + reason);
        }
        boolean wantsNotification = reason == REASON_LOCAL_NOTIFICATION || reason == REASON_REMOTE_NOTIFICATION;
        if (wantsNotification != (notification != null)) {
            throw new IllegalArgumentException("a NOTIFICATION goes with reasons 1 and 3 only (reason " + reason + ")");
        }
        if ((reason == REASON_LOCAL_NO_NOTIFICATION) != (fsmEventCode != null)) {
            throw new IllegalArgumentException("an FSM event code goes with reason 2 only (reason " + reason + ")");
        }
        if (fsmEventCode != null && (fsmEventCode < 0 || fsmEventCode > 0xFFFF)) {
            throw new IllegalArgumentException("FSM event code out of range: " + fsmEventCode);
        }
        tlvs = List.copyOf(tlvs);
        if (!tlvs.isEmpty() && reason != REASON_LOCAL_SYSTEM_CLOSED_TLVS) {
            throw new IllegalArgumentException("TLVs go with reason 6 only (reason " + reason + ")");
        }
    }

    @Override
    public int type() {
        return TYPE_PEER_DOWN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerDown p && p.peer.equals(peer) && p.reason == reason
                && Arrays.equals(p.notification, notification) && Objects.equals(p.fsmEventCode, fsmEventCode)
                && p.tlvs.equals(tlvs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peer, reason, Arrays.hashCode(notification), fsmEventCode, tlvs);
    }

    @Override
    public String toString() {
        return "PeerDown[peer=" + peer + ", reason=" + reason + ", notification="
                + (notification == null ? "null" : notification.length + " bytes") + ", fsmEventCode=" + fsmEventCode
                + ", tlvs=" + tlvs + "]";
    }
}

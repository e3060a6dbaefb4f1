package org.openpeering.telemetry.protocol.bmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes one complete BMP v3 message (as returned by {@link BmpFramer#next()}).
 *
 * <p>Strict on purpose: every length field must agree with the bytes actually present and no message
 * may carry trailing bytes, because a BMP stream has no resynchronisation point: a disagreement means
 * the router is broken or framing is already lost, and the station should close that connection
 * instead of feeding garbage into the RIB. Embedded BGP PDUs are checked only as far as their 19-byte
 * header (marker, length, type) so their boundaries are trustworthy; their bodies are left to the BGP codec.
 */
public final class BmpDecoder {

    /** BGP header: 16-byte marker, 2-byte length, 1-byte type (RFC 4271 4.1). */
    static final int BGP_HEADER_LENGTH = 19;
    static final int BGP_OPEN = 1;
    static final int BGP_UPDATE = 2;
    static final int BGP_NOTIFICATION = 3;

    private BmpDecoder() {
    }

    public static BmpMessage decode(byte[] message) throws BmpException {
        Objects.requireNonNull(message, "message");
        if (message.length < BmpMessage.COMMON_HEADER_LENGTH) {
            throw new BmpException("message of " + message.length + " bytes is shorter than the 6-byte common header");
        }
        int version = message[0] & 0xFF;
        if (version != BmpMessage.VERSION) {
            throw new BmpException("unsupported BMP version " + version + " (only 3 is supported)");
        }
        long length = BmpReader.u32At(message, 1);
        if (length != message.length) {
            throw new BmpException("common header says " + length + " bytes but the message has " + message.length);
        }
        int type = message[5] & 0xFF;
        BmpReader r = new BmpReader(message, BmpMessage.COMMON_HEADER_LENGTH, message.length);
        BmpMessage decoded = switch (type) {
            case BmpMessage.TYPE_ROUTE_MONITORING -> routeMonitoring(r);
            case BmpMessage.TYPE_STATISTICS_REPORT -> statisticsReport(r);
            case BmpMessage.TYPE_PEER_DOWN -> peerDown(r);
            case BmpMessage.TYPE_PEER_UP -> peerUp(r);
            case BmpMessage.TYPE_INITIATION -> new Initiation(tlvs(r, "Initiation"));
            case BmpMessage.TYPE_TERMINATION -> termination(r);
            case BmpMessage.TYPE_ROUTE_MIRRORING -> routeMirroring(r);
            default -> throw new BmpException("unknown BMP message type " + type);
        };
        if (r.remaining() != 0) {
            throw new BmpException(r.remaining() + " trailing bytes after " + decoded.getClass().getSimpleName());
        }
        return decoded;
    }

    static PeerHeader peerHeader(BmpReader r) throws BmpException {
        r.need(BmpMessage.PER_PEER_HEADER_LENGTH, "per-peer header");
        int peerType = r.u8("peer type");
        int flags = r.u8("peer flags");
        if (peerType > PeerHeader.TYPE_LOC_RIB) {
            // The flags and address of an unknown instance type cannot be interpreted safely.
            throw new BmpException("unknown peer type " + peerType);
        }
        long distinguisher = r.u64("peer distinguisher");
        boolean locRib = peerType == PeerHeader.TYPE_LOC_RIB;
        boolean ipv6 = !locRib && (flags & PeerHeader.FLAG_V) != 0;
        String address = BmpAddresses.format(r.array(), r.position(), ipv6);
        r.skip(16, "peer address");
        long as = r.u32("peer AS");
        long bgpId = r.u32("peer BGP ID");
        long seconds = r.u32("timestamp seconds");
        long micros = r.u32("timestamp microseconds");
        // Reserved bits are ignored (RFC 7854: "MUST be ignored on receipt").
        return new PeerHeader(peerType, ipv6,
                !locRib && (flags & PeerHeader.FLAG_L) != 0,
                !locRib && (flags & PeerHeader.FLAG_A) != 0,
                !locRib && (flags & PeerHeader.FLAG_O) != 0,
                locRib && (flags & PeerHeader.FLAG_F) != 0,
                distinguisher, address, as, bgpId, seconds, micros);
    }

    private static RouteMonitoring routeMonitoring(BmpReader r) throws BmpException {
        PeerHeader peer = peerHeader(r);
        byte[] update = bgpPdu(r, BGP_UPDATE, 23, "Route Monitoring BGP UPDATE");
        return new RouteMonitoring(peer, update);
    }

    private static StatisticsReport statisticsReport(BmpReader r) throws BmpException {
        PeerHeader peer = peerHeader(r);
        long count = r.u32("statistics count");
        // Each stat TLV is at least 4 bytes; checking up front stops a huge count from looping long.
        if (count * 4 > r.remaining()) {
            throw new BmpException("statistics count " + count + " needs at least " + count * 4 + " bytes but only "
                    + r.remaining() + " remain");
        }
        Map<Integer, Long> counters = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            if (r.remaining() < 4) {
                throw new BmpException("statistics count " + count + " but the data holds only " + i + " stats");
            }
            int statType = r.u16("stat type");
            int len = r.u16("stat length");
            r.need(len, "stat " + statType + " value");
            StatisticsReport.Layout layout = StatisticsReport.layoutOf(statType);
            if (layout != null && len != layout.length) {
                throw new BmpException("stat type " + statType + " must be " + layout.length + " bytes, got " + len);
            }
            if (layout == null) {
                // Unknown (newer) stat types: keep plain 4- or 8-byte values, skip anything else rather
                // than drop the connection over a counter we could not interpret anyway.
                if (len == 4) {
                    counters.put(statType, r.u32("stat value"));
                } else if (len == 8) {
                    counters.put(statType, r.u64("stat value"));
                } else {
                    r.skip(len, "stat value");
                }
                continue;
            }
            switch (layout) {
                case COUNTER32 -> counters.put(statType, r.u32("stat value"));
                case GAUGE64 -> counters.put(statType, r.u64("stat value"));
                case AFI_SAFI_GAUGE64 -> {
                    r.skip(3, "stat AFI/SAFI");
                    long v = r.u64("stat value");
                    counters.merge(statType, v, Long::sum);
                }
                default -> throw new IllegalStateException(layout.name());
            }
        }
        if (r.remaining() != 0) {
            throw new BmpException(r.remaining() + " bytes after the " + count + " stats the count announced");
        }
        return new StatisticsReport(peer, counters);
    }

    private static PeerDown peerDown(BmpReader r) throws BmpException {
        PeerHeader peer = peerHeader(r);
        int reason = r.u8("peer down reason");
        return switch (reason) {
            case PeerDown.REASON_LOCAL_NOTIFICATION, PeerDown.REASON_REMOTE_NOTIFICATION -> new PeerDown(peer, reason,
                    bgpPdu(r, BGP_NOTIFICATION, 21, "Peer Down reason " + reason + " NOTIFICATION"), null, List.of());
            case PeerDown.REASON_LOCAL_NO_NOTIFICATION -> {
                int fsm = r.u16("Peer Down reason 2 FSM event code");
                yield new PeerDown(peer, reason, null, fsm, List.of());
            }
            case PeerDown.REASON_REMOTE_NO_NOTIFICATION, PeerDown.REASON_PEER_DECONFIGURED ->
                    new PeerDown(peer, reason, null, null, List.of());
            case PeerDown.REASON_LOCAL_SYSTEM_CLOSED_TLVS ->
                    new PeerDown(peer, reason, null, null, tlvs(r, "Peer Down reason 6"));
            default -> throw new BmpException("unknown peer down reason " + reason);
        };
    }

    private static PeerUp peerUp(BmpReader r) throws BmpException {
        PeerHeader peer = peerHeader(r);
        r.need(20, "Peer Up local address and ports");
        String local = BmpAddresses.format(r.array(), r.position(), peer.ipv6());
        r.skip(16, "local address");
        int localPort = r.u16("local port");
        int remotePort = r.u16("remote port");
        byte[] sent = bgpPdu(r, BGP_OPEN, 29, "Peer Up sent OPEN");
        byte[] received = bgpPdu(r, BGP_OPEN, 29, "Peer Up received OPEN");
        List<Tlv> info = tlvs(r, "Peer Up information");
        return new PeerUp(peer, local, localPort, remotePort, sent, received, info);
    }

    private static Termination termination(BmpReader r) throws BmpException {
        List<Tlv> tlvs = tlvs(r, "Termination");
        for (Tlv t : tlvs) {
            if (t.type() == Termination.TLV_REASON && t.value().length != 2) {
                throw new BmpException("Termination reason TLV must be 2 bytes, got " + t.value().length);
            }
        }
        return new Termination(tlvs);
    }

    private static RouteMirroring routeMirroring(BmpReader r) throws BmpException {
        PeerHeader peer = peerHeader(r);
        List<Tlv> tlvs = tlvs(r, "Route Mirroring");
        for (Tlv t : tlvs) {
            if (t.type() == RouteMirroring.TLV_INFORMATION && t.value().length != 2) {
                throw new BmpException("Route Mirroring information TLV must be 2 bytes, got " + t.value().length);
            }
        }
        return new RouteMirroring(peer, tlvs);
    }

    /** Reads TLVs (type 2, length 2, value) until the end of the message. */
    private static List<Tlv> tlvs(BmpReader r, String where) throws BmpException {
        List<Tlv> out = new ArrayList<>();
        while (r.remaining() > 0) {
            int type = r.u16(where + " TLV type");
            int len = r.u16(where + " TLV length");
            out.add(new Tlv(type, r.bytes(len, where + " TLV " + type + " value")));
        }
        return out;
    }

    /**
     * Reads one complete BGP PDU, trusting its boundary only after checking the marker, that the length
     * field covers at least the type's minimum and fits in the message, and that the type is the expected one.
     */
    private static byte[] bgpPdu(BmpReader r, int expectedType, int minLength, String what) throws BmpException {
        r.need(BGP_HEADER_LENGTH, what + " header");
        byte[] b = r.array();
        int p = r.position();
        for (int i = 0; i < 16; i++) {
            if (b[p + i] != (byte) 0xFF) {
                throw new BmpException(what + ": BGP marker is not all ones at offset " + p);
            }
        }
        int len = ((b[p + 16] & 0xFF) << 8) | (b[p + 17] & 0xFF);
        int type = b[p + 18] & 0xFF;
        if (type != expectedType) {
            throw new BmpException(what + ": BGP message type " + type + ", expected " + expectedType);
        }
        if (len < minLength) {
            throw new BmpException(what + ": BGP length " + len + " is below the minimum " + minLength);
        }
        return r.bytes(len, what + " (BGP length " + len + ")");
    }
}

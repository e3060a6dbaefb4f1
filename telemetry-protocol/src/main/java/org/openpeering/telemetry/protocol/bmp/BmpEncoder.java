package org.openpeering.telemetry.protocol.bmp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes BMP v3 messages. A station never sends BMP, so this exists for tests and the benchmark
 * harness (playing the router); it still refuses to produce bytes the decoder would reject (each
 * result is run through {@link BmpDecoder}), so a generated stream is always a valid one and a test
 * fixture cannot silently be malformed. Invalid arguments throw IllegalArgumentException.
 *
 * <p>Encoding a decoded message with {@link #encode(BmpMessage)} reproduces the original bytes,
 * except that reserved flag bits are zeroed and per-AFI/SAFI statistics (which the decoder sums) are
 * written once with AFI 1 / SAFI 1.
 */
public final class BmpEncoder {

    /** AFI/SAFI written for the per-AFI/SAFI stat types: IPv4 unicast. */
    static final int STATS_AFI = 1;
    static final int STATS_SAFI = 1;

    private BmpEncoder() {
    }

    /** Initiation with sysName (TLV 2) then sysDescr (TLV 1), the order gobgp uses; a null one is left out. */
    public static byte[] initiation(String sysName, String sysDescr) {
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_INITIATION);
        if (sysName != null) {
            tlv(w, Tlv.ofText(Initiation.TLV_SYS_NAME, sysName));
        }
        if (sysDescr != null) {
            tlv(w, Tlv.ofText(Initiation.TLV_SYS_DESCR, sysDescr));
        }
        return checked(w);
    }

    public static byte[] peerUp(PeerHeader p, String localAddress, int localPort, int remotePort, byte[] sentOpen,
            byte[] receivedOpen) {
        return peerUp(p, localAddress, localPort, remotePort, sentOpen, receivedOpen, List.of());
    }

    public static byte[] peerUp(PeerHeader p, String localAddress, int localPort, int remotePort, byte[] sentOpen,
            byte[] receivedOpen, List<Tlv> info) {
        if (localPort < 0 || localPort > 0xFFFF || remotePort < 0 || remotePort > 0xFFFF) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
        checkBgpPdu(sentOpen, BmpDecoder.BGP_OPEN, "sent OPEN");
        checkBgpPdu(receivedOpen, BmpDecoder.BGP_OPEN, "received OPEN");
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_PEER_UP);
        peerHeader(w, p);
        w.bytes(BmpAddresses.parse(localAddress, p.ipv6())).u16(localPort).u16(remotePort);
        w.bytes(sentOpen).bytes(receivedOpen);
        info.forEach(t -> tlv(w, t));
        return checked(w);
    }

    /**
     * Peer Down with the reason-specific data written verbatim: the NOTIFICATION PDU for reasons 1 and 3,
     * the 2-byte FSM event code for 2, TLVs for 6, nothing for 4 and 5. The data is checked against the
     * reason by decoding the result, so a mismatch fails here rather than in the station under test.
     */
    public static byte[] peerDown(PeerHeader p, int reason, byte[] data) {
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_PEER_DOWN);
        peerHeader(w, p);
        w.u8(reason);
        if (data != null) {
            w.bytes(data);
        }
        return checked(w);
    }

    public static byte[] routeMonitoring(PeerHeader p, byte[] bgpUpdate) {
        checkBgpPdu(bgpUpdate, BmpDecoder.BGP_UPDATE, "BGP UPDATE");
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_ROUTE_MONITORING);
        peerHeader(w, p);
        w.bytes(bgpUpdate);
        return checked(w);
    }

    /** Termination carrying a reason TLV (0 admin close, 1 unspecified, 2 out of resources, ...). */
    public static byte[] termination(int reason) {
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_TERMINATION);
        tlv(w, Tlv.ofShort(Termination.TLV_REASON, reason));
        return checked(w);
    }

    /**
     * Statistics Report in map order. Known types get their RFC layout; per-AFI/SAFI types are written as
     * one IPv4-unicast entry; unknown types are written as 64-bit values, which the decoder accepts.
     */
    public static byte[] statisticsReport(PeerHeader p, Map<Integer, Long> counters) {
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_STATISTICS_REPORT);
        peerHeader(w, p);
        w.u32(counters.size());
        for (Map.Entry<Integer, Long> e : counters.entrySet()) {
            int type = e.getKey();
            long value = e.getValue();
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("stat type out of range: " + type);
            }
            StatisticsReport.Layout layout = StatisticsReport.layoutOf(type);
            if (layout == null) {
                w.u16(type).u16(8).u64(value);
                continue;
            }
            w.u16(type).u16(layout.length);
            switch (layout) {
                case COUNTER32 -> {
                    if (value < 0 || value > 0xFFFF_FFFFL) {
                        throw new IllegalArgumentException("stat " + type + " is a 32-bit counter: " + value);
                    }
                    w.u32(value);
                }
                case GAUGE64 -> w.u64(value);
                case AFI_SAFI_GAUGE64 -> w.u16(STATS_AFI).u8(STATS_SAFI).u64(value);
                default -> throw new IllegalStateException(layout.name());
            }
        }
        return checked(w);
    }

    public static byte[] routeMirroring(PeerHeader p, List<Tlv> tlvs) {
        BmpWriter w = BmpWriter.message(BmpMessage.TYPE_ROUTE_MIRRORING);
        peerHeader(w, p);
        tlvs.forEach(t -> tlv(w, t));
        return checked(w);
    }

    /** Any decoded (or hand-built) message back to bytes. */
    public static byte[] encode(BmpMessage message) {
        Objects.requireNonNull(message, "message");
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete by review.
        if (message instanceof Initiation m) {
            return tlvMessage(BmpMessage.TYPE_INITIATION, m.tlvs());
        } else if (message instanceof Termination m) {
            return tlvMessage(BmpMessage.TYPE_TERMINATION, m.tlvs());
        } else if (message instanceof PeerUp m) {
            return peerUp(m.peer(), m.localAddress(), m.localPort(), m.remotePort(), m.sentOpen(), m.receivedOpen(),
                    m.info());
        } else if (message instanceof PeerDown m) {
            return peerDown(m.peer(), m.reason(), peerDownData(m));
        } else if (message instanceof RouteMonitoring m) {
            return routeMonitoring(m.peer(), m.bgpUpdate());
        } else if (message instanceof StatisticsReport m) {
            return statisticsReport(m.peer(), m.counters());
        } else if (message instanceof RouteMirroring m) {
            return routeMirroring(m.peer(), m.tlvs());
        }
        throw new IllegalStateException("unhandled message " + message.getClass());
    }

    private static byte[] peerDownData(PeerDown m) {
        if (m.notification() != null) {
            return m.notification();
        }
        if (m.fsmEventCode() != null) {
            return new byte[] {(byte) (m.fsmEventCode() >>> 8), (byte) (int) m.fsmEventCode()};
        }
        return m.tlvs().isEmpty() ? null : tlvBytes(m.tlvs());
    }

    private static byte[] tlvBytes(List<Tlv> tlvs) {
        int n = 0;
        for (Tlv t : tlvs) {
            n += 4 + t.value().length;
        }
        byte[] out = new byte[n];
        int p = 0;
        for (Tlv t : tlvs) {
            out[p++] = (byte) (t.type() >>> 8);
            out[p++] = (byte) t.type();
            out[p++] = (byte) (t.value().length >>> 8);
            out[p++] = (byte) t.value().length;
            System.arraycopy(t.value(), 0, out, p, t.value().length);
            p += t.value().length;
        }
        return out;
    }

    private static byte[] tlvMessage(int type, List<Tlv> tlvs) {
        BmpWriter w = BmpWriter.message(type);
        tlvs.forEach(t -> tlv(w, t));
        return checked(w);
    }

    private static byte[] checked(BmpWriter w) {
        byte[] out = w.finish();
        try {
            BmpDecoder.decode(out);
        } catch (BmpException e) {
            throw new IllegalArgumentException("would encode an invalid BMP message: " + e.getMessage(), e);
        }
        return out;
    }

    private static void tlv(BmpWriter w, Tlv t) {
        w.u16(t.type()).u16(t.value().length).bytes(t.value());
    }

    private static void peerHeader(BmpWriter w, PeerHeader p) {
        Objects.requireNonNull(p, "peer header");
        w.u8(p.peerType()).u8(p.flags()).u64(p.distinguisher()).bytes(BmpAddresses.parse(p.peerAddress(), p.ipv6()))
                .u32(p.peerAs()).u32(p.peerBgpId()).u32(p.timestampSeconds()).u32(p.timestampMicros());
    }

    /** Same header checks as the decoder, so the encoder cannot emit a PDU the decoder would refuse. */
    private static void checkBgpPdu(byte[] pdu, int expectedType, String what) {
        Objects.requireNonNull(pdu, what);
        if (pdu.length < BmpDecoder.BGP_HEADER_LENGTH) {
            throw new IllegalArgumentException(what + " is shorter than a BGP header: " + pdu.length + " bytes");
        }
        int len = ((pdu[16] & 0xFF) << 8) | (pdu[17] & 0xFF);
        if (len != pdu.length) {
            throw new IllegalArgumentException(what + ": BGP length field " + len + " but " + pdu.length + " bytes");
        }
        if ((pdu[18] & 0xFF) != expectedType) {
            throw new IllegalArgumentException(what + ": BGP type " + (pdu[18] & 0xFF) + ", expected " + expectedType);
        }
    }
}

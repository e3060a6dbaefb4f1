package org.openpeering.telemetry.collector;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AddPathMode;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.BgpDecoder;
import org.openpeering.telemetry.protocol.bgp.BgpEncoder;
import org.openpeering.telemetry.protocol.bgp.BgpException;
import org.openpeering.telemetry.protocol.bgp.BgpFramer;
import org.openpeering.telemetry.protocol.bgp.BgpMessage;
import org.openpeering.telemetry.protocol.bgp.BgpSessionContext;
import org.openpeering.telemetry.protocol.bgp.Capabilities;
import org.openpeering.telemetry.protocol.bgp.GracefulRestart;
import org.openpeering.telemetry.protocol.bgp.Keepalive;
import org.openpeering.telemetry.protocol.bgp.Notification;
import org.openpeering.telemetry.protocol.bgp.Open;
import org.openpeering.telemetry.protocol.bgp.RouteRefresh;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionKey;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.telemetry.watch.Detector;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One passive BGP session (RFC 4271 FSM from TCP established on): OPEN exchange, keepalives and hold timer,
 * UPDATEs into the session's Adj-RIB-In, max-prefix and memory bounds. Every failure ends only this session.
 */
public final class BgpConnection {

    private static final Logger LOG = Logger.getLogger(BgpConnection.class);

    private final Vertx vertx;
    private final NetSocket socket;
    private final Neighbor neighbor;
    private final CollectorConfig config;
    private final long localAsn;
    private final Detector detector;
    private final Ingest ingest;
    private final Consumer<BgpConnection> onClose;
    private final BgpFramer framer = new BgpFramer(4096);
    private final SessionRib rib;
    private BgpSessionContext ctx = BgpSessionContext.DEFAULT;
    private String state = "Active";
    private int holdSeconds;
    private long lastReceived = System.currentTimeMillis();
    private long holdTimer = -1;
    private long keepaliveTimer = -1;
    private boolean open = true;

    BgpConnection(Vertx vertx, NetSocket socket, Neighbor neighbor, CollectorConfig config, long localAsn,
            RibRegistry registry, Detector detector, Consumer<BgpConnection> onClose) {
        this.vertx = vertx;
        this.socket = socket;
        this.neighbor = neighbor;
        this.config = config;
        this.localAsn = localAsn;
        this.detector = detector;
        this.ingest = new Ingest(registry, detector);
        this.onClose = onClose;
        this.rib = registry.session(new SessionKey(neighbor.router(), neighbor.address(), neighbor.asn()));
    }

    void start() {
        socket.handler(this::onData);
        socket.closeHandler(v -> closed("connection closed by the peer"));
        socket.exceptionHandler(e -> close(0, 0, "socket error: " + e.getMessage()));
        send(BgpEncoder.open(localOpen()));
        state = "OpenSent";
        rib.state(state);
        // until the peer's OPEN: the large hold time RFC 4271 suggests (4 minutes)
        holdSeconds = 240;
        holdTimer = vertx.setPeriodic(1000, id -> checkHold());
    }

    public boolean isOpen() {
        return open;
    }

    public String state() {
        return state;
    }

    private Open localOpen() {
        Set<AfiSafi> families = EnumSet.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
        // graceful restart in receiving-speaker mode: gobgp sends End-of-RIB only when the collector advertises it
        GracefulRestart gr = new GracefulRestart(false, 120, Map.of());
        Capabilities caps = new Capabilities(localAsn, families, true, true, gr,
                Map.of(AfiSafi.IPV4_UNICAST, AddPathMode.RECEIVE, AfiSafi.IPV6_UNICAST, AddPathMode.RECEIVE), List.of());
        int as2 = localAsn > 65535 ? 23456 : (int) localAsn;
        return new Open(4, as2, config.bgp().holdTime(), ipv4(config.bgp().routerId()), caps);
    }

    private void onData(Buffer data) {
        if (!open) {
            return;
        }
        byte[] bytes = data.getBytes();
        framer.feed(bytes, 0, bytes.length);
        try {
            byte[] message;
            while (open && (message = framer.next()) != null) {
                lastReceived = System.currentTimeMillis();
                handle(BgpDecoder.decode(message, ctx));
            }
        } catch (BgpException e) {
            close(e.code(), e.subcode(), e.data(), "malformed message: " + e.getMessage());
        } catch (RuntimeException e) {
            // a decoder bug must cost only this session, never the collector
            LOG.errorf(e, "BGP session %s: unexpected failure", rib.key());
            close(6, 0, "internal error");
        }
    }

    private void handle(BgpMessage m) {
        if (m instanceof Open o) {
            onOpen(o);
        } else if (m instanceof Keepalive) {
            if (state.equals("OpenConfirm")) {
                state = "Established";
                rib.established(System.currentTimeMillis(), ipv6);
                LOG.infof("BGP session %s established (hold %d s, 4-octet %s, ADD-PATH %s)", rib.key(),
                        holdSeconds, ctx.fourOctetAs(), ctx.addPathReceive());
            }
        } else if (m instanceof Update u) {
            if (!state.equals("Established")) {
                close(5, unexpectedMessageSubcode(), "UPDATE before the session was established");
                return;
            }
            onUpdate(u);
        } else if (m instanceof Notification n) {
            LOG.infof("BGP session %s: NOTIFICATION received: %s", rib.key(), n.describe());
            shutdown("NOTIFICATION received: " + n.describe());
            socket.close();
        } else if (m instanceof RouteRefresh) {
            // the collector advertises nothing: nothing to refresh
        }
    }

    private boolean ipv6;

    /** RFC 6608 §4: Receive Unexpected Message in OpenSent (1), OpenConfirm (2) or Established (3) State. */
    private int unexpectedMessageSubcode() {
        return switch (state) {
            case "OpenSent" -> 1;
            case "OpenConfirm" -> 2;
            case "Established" -> 3;
            default -> 0;
        };
    }

    private void onOpen(Open o) {
        if (!state.equals("OpenSent")) {
            close(5, unexpectedMessageSubcode(), "OPEN in state " + state);
            return;
        }
        if (o.version() != 4) {
            close(2, 1, new byte[] { 0, 4 }, "unsupported version " + o.version());
            return;
        }
        if (o.asn() != neighbor.asn()) {
            close(2, 2, "peer AS " + o.asn() + ", configured " + neighbor.asn());
            return;
        }
        try {
            // hold time 1-2 s (2/6), identifier 0 (2/3), AS 0 (2/2)
            o.validate();
        } catch (BgpException e) {
            close(e.code(), e.subcode(), e.data(), "unacceptable OPEN: " + e.getMessage());
            return;
        }
        Capabilities peer = o.capabilities();
        boolean fourOctet = peer.fourOctetAsn() != null;
        boolean extended = peer.extendedMessage();
        Set<AfiSafi> addPath = EnumSet.noneOf(AfiSafi.class);
        peer.addPath().forEach((f, mode) -> {
            if (mode == AddPathMode.SEND || mode == AddPathMode.BOTH) {
                addPath.add(f);
            }
        });
        ipv6 = peer.multiprotocol().contains(AfiSafi.IPV6_UNICAST);
        ctx = new BgpSessionContext(fourOctet, addPath, extended);
        if (extended) {
            framer.setMaxMessageLength(65535);
        }
        holdSeconds = Math.min(o.holdTimeSeconds(), config.bgp().holdTime());
        send(BgpEncoder.keepalive());
        if (holdSeconds > 0) {
            keepaliveTimer = vertx.setPeriodic(Math.max(1, holdSeconds / 3) * 1000L, id -> send(BgpEncoder.keepalive()));
        }
        state = "OpenConfirm";
        rib.state(state);
    }

    private void onUpdate(Update u) {
        if (!u.errors().isEmpty()) {
            LOG.debugf("BGP session %s: %s", rib.key(), u.errors());
        }
        ingest.update(rib, u);
        Integer maxV4 = neighbor.maxPrefixesV4();
        Integer maxV6 = neighbor.maxPrefixesV6();
        if (maxV4 != null && rib.prefixes(false) > maxV4) {
            close(6, 1, maxPrefixData(AfiSafi.IPV4_UNICAST, maxV4), "more than " + maxV4 + " IPv4 prefixes");
        } else if (maxV6 != null && rib.prefixes(true) > maxV6) {
            close(6, 1, maxPrefixData(AfiSafi.IPV6_UNICAST, maxV6), "more than " + maxV6 + " IPv6 prefixes");
        } else if (rib.paths() > config.maxRoutesPerSession()) {
            close(6, 1, maxPrefixData(AfiSafi.IPV4_UNICAST, config.maxRoutesPerSession()),
                    "more than " + config.maxRoutesPerSession() + " routes (the collector's memory bound)");
        }
    }

    /** RFC 4486: AFI (2), SAFI (1), the limit (4). */
    private static byte[] maxPrefixData(AfiSafi f, int limit) {
        return ByteBuffer.allocate(7).putShort((short) f.afi()).put((byte) f.safi()).putInt(limit).array();
    }

    private void checkHold() {
        if (holdSeconds > 0 && System.currentTimeMillis() - lastReceived > holdSeconds * 1000L) {
            close(4, 0, "hold timer expired");
        }
    }

    void close(int code, int subcode, String reason) {
        close(code, subcode, new byte[0], reason);
    }

    private void close(int code, int subcode, byte[] data, String reason) {
        if (!open) {
            return;
        }
        if (code > 0) {
            send(BgpEncoder.notification(code, subcode, data));
        }
        LOG.infof("BGP session %s reset (%d/%d): %s", rib.key(), code, subcode, reason);
        shutdown(reason);
        socket.end();
    }

    private void closed(String reason) {
        if (open) {
            LOG.infof("BGP session %s down: %s", rib.key(), reason);
            shutdown(reason);
        }
    }

    private void shutdown(String reason) {
        open = false;
        state = "Idle";
        if (holdTimer >= 0) {
            vertx.cancelTimer(holdTimer);
        }
        if (keepaliveTimer >= 0) {
            vertx.cancelTimer(keepaliveTimer);
        }
        List<Prefix> gone = rib.down(reason);
        detector.flushed(rib, gone);
        LOG.debugf("BGP session %s flushed %d prefixes", rib.key(), gone.size());
        onClose.accept(this);
    }

    private void send(byte[] bytes) {
        if (socket != null) {
            socket.write(Buffer.buffer(bytes));
        }
    }

    private static long ipv4(String text) {
        byte[] a = Prefix.host(text).address();
        if (a.length != 4) {
            throw new IllegalArgumentException("telemetry.bgp.router-id must be an IPv4 address: " + text);
        }
        return ((a[0] & 0xffL) << 24) | ((a[1] & 0xffL) << 16) | ((a[2] & 0xffL) << 8) | (a[3] & 0xffL);
    }
}

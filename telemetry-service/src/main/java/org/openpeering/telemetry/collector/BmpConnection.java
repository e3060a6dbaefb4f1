package org.openpeering.telemetry.collector;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.openpeering.telemetry.protocol.bgp.AddPathMode;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.BgpDecoder;
import org.openpeering.telemetry.protocol.bgp.BgpException;
import org.openpeering.telemetry.protocol.bgp.BgpMessage;
import org.openpeering.telemetry.protocol.bgp.BgpSessionContext;
import org.openpeering.telemetry.protocol.bgp.Open;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.protocol.bmp.BmpDecoder;
import org.openpeering.telemetry.protocol.bmp.BmpException;
import org.openpeering.telemetry.protocol.bmp.BmpFramer;
import org.openpeering.telemetry.protocol.bmp.BmpMessage;
import org.openpeering.telemetry.protocol.bmp.Initiation;
import org.openpeering.telemetry.protocol.bmp.PeerDown;
import org.openpeering.telemetry.protocol.bmp.PeerHeader;
import org.openpeering.telemetry.protocol.bmp.PeerUp;
import org.openpeering.telemetry.protocol.bmp.RouteMonitoring;
import org.openpeering.telemetry.protocol.bmp.Termination;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionKey;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.telemetry.watch.Detector;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One router's BMP feed. Pre-policy Route Monitoring of global/RD peers feeds their sessions' Adj-RIB-In;
 * post-policy, Adj-RIB-Out and Loc-RIB views are counted but not stored (validation reads pre-policy).
 * A malformed message ends this router's feed only.
 */
final class BmpConnection {

    private static final Logger LOG = Logger.getLogger(BmpConnection.class);

    private final NetSocket socket;
    private final BmpStation station;
    private final RibRegistry registry;
    private final CollectorConfig config;
    private final Detector detector;
    private final Ingest ingest;
    private final BmpFramer framer = new BmpFramer(1 << 20);
    private final Map<SessionKey, BgpSessionContext> contexts = new HashMap<>();
    private String router;
    private boolean open = true;
    private long ignoredViews;

    BmpConnection(NetSocket socket, BmpStation station, RibRegistry registry, CollectorConfig config,
            Detector detector) {
        this.socket = socket;
        this.station = station;
        this.registry = registry;
        this.config = config;
        this.detector = detector;
        this.ingest = new Ingest(registry, detector);
    }

    void start() {
        socket.handler(this::onData);
        socket.exceptionHandler(e -> closed("socket error: " + e.getMessage()));
    }

    private void onData(Buffer data) {
        if (!open) {
            return;
        }
        byte[] bytes = data.getBytes();
        framer.feed(bytes, 0, bytes.length);
        try {
            byte[] m;
            while (open && (m = framer.next()) != null) {
                handle(BmpDecoder.decode(m));
            }
        } catch (BmpException | BgpException e) {
            LOG.warnf("BMP feed of %s closed: malformed message: %s", router, e.getMessage());
            close();
        } catch (RuntimeException e) {
            LOG.errorf(e, "BMP feed of %s: unexpected failure", router);
            close();
        }
    }

    private void handle(BmpMessage m) throws BgpException {
        if (m instanceof Initiation i) {
            String sysName = i.sysName() == null ? socket.remoteAddress().hostAddress() : i.sysName();
            router = station.routerName(sysName);
            keys.clear();
            LOG.infof("BMP feed from %s (sysName %s)", router, sysName);
            return;
        }
        if (router == null) {
            // RFC 7854 §4.3: Initiation comes first; a feed without it has no router to attribute routes to
            throw new IllegalStateException("BMP message before Initiation");
        }
        if (m instanceof PeerUp up) {
            SessionKey key = key(up.peer());
            contexts.put(key, context(up));
            registry.session(key).established(System.currentTimeMillis(), true);
        } else if (m instanceof RouteMonitoring rm) {
            PeerHeader p = rm.peer();
            if (p.postPolicy() || p.adjRibOut() || p.peerType() == PeerHeader.TYPE_LOC_RIB) {
                ignoredViews++;
                return;
            }
            SessionKey key = key(p);
            BgpSessionContext ctx = contexts.get(key);
            if (ctx == null) {
                ctx = new BgpSessionContext(!p.legacyAsPath(), Set.of(), true);
            }
            BgpMessage msg = BgpDecoder.decode(rm.bgpUpdate(), ctx);
            if (msg instanceof Update u) {
                SessionRib rib = registry.session(key);
                if (!rib.state().equals("Established")) {
                    rib.established(System.currentTimeMillis(), true);
                }
                if (rib.paths() >= config.maxRoutesPerSession() && !u.announced().isEmpty()) {
                    LOG.warnf("BMP session %s holds %d routes: further announcements dropped", key, rib.paths());
                    return;
                }
                ingest.update(rib, u);
            }
        } else if (m instanceof PeerDown down) {
            SessionKey key = key(down.peer());
            contexts.remove(key);
            SessionRib rib = registry.find(key);
            if (rib != null) {
                detector.flushed(rib, rib.down("BMP Peer Down, reason " + down.reason()));
            }
        } else if (m instanceof Termination) {
            closed("Termination");
        }
    }

    private record Peer(String address, long asn) {
    }

    // the session key of each peer of this feed, so that the address is canonicalised once per peer, not per message
    private final java.util.Map<Peer, SessionKey> keys = new java.util.HashMap<>();

    private SessionKey key(PeerHeader p) {
        return keys.computeIfAbsent(new Peer(p.peerAddress(), p.peerAs()),
                k -> new SessionKey(router, Neighbor.canonical(k.address()), k.asn()));
    }

    /** What the two OPENs negotiated: 4-octet AS (unless the A flag says otherwise), ADD-PATH, extended messages. */
    private static BgpSessionContext context(PeerUp up) throws BgpException {
        BgpMessage sent = BgpDecoder.decode(up.sentOpen(), BgpSessionContext.DEFAULT);
        BgpMessage received = BgpDecoder.decode(up.receivedOpen(), BgpSessionContext.DEFAULT);
        if (!(sent instanceof Open local) || !(received instanceof Open remote)) {
            return new BgpSessionContext(!up.peer().legacyAsPath(), Set.of(), true);
        }
        Set<AfiSafi> addPath = EnumSet.noneOf(AfiSafi.class);
        remote.capabilities().addPath().forEach((f, mode) -> {
            AddPathMode mine = local.capabilities().addPath().get(f);
            if ((mode == AddPathMode.SEND || mode == AddPathMode.BOTH)
                    && (mine == AddPathMode.RECEIVE || mine == AddPathMode.BOTH)) {
                addPath.add(f);
            }
        });
        boolean fourOctet = !up.peer().legacyAsPath() && local.capabilities().fourOctetAsn() != null
                && remote.capabilities().fourOctetAsn() != null;
        return new BgpSessionContext(fourOctet, addPath, true);
    }

    void close() {
        if (open) {
            closed("closed by the station");
            socket.close();
        }
    }

    void closed(String reason) {
        if (!open) {
            return;
        }
        open = false;
        if (router != null) {
            for (SessionKey key : contexts.keySet()) {
                SessionRib rib = registry.find(key);
                if (rib != null) {
                    detector.flushed(rib, rib.down("BMP feed of " + router + " ended: " + reason));
                }
            }
            LOG.infof("BMP feed from %s ended (%s); %d post-policy/Loc-RIB messages were not stored", router, reason,
                    ignoredViews);
        }
        contexts.clear();
    }
}

package org.openpeering.telemetry.collector;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.service.PeeringConfig;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.watch.Detector;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The passive BGP listener: configured neighbours connect to it, each connection is one session on the operator
 * router the neighbour's configuration names. Unknown peers are refused with a NOTIFICATION.
 */
@ApplicationScoped
public class BgpListener {

    private static final Logger LOG = Logger.getLogger(BgpListener.class);

    private final Vertx vertx;
    private final CollectorConfig config;
    private final PeeringConfig peering;
    private final RibRegistry rib;
    private final Detector detector;
    private final Map<String, Neighbor> neighbors = new ConcurrentHashMap<>();
    private final Map<String, BgpConnection> live = new ConcurrentHashMap<>();
    private NetServer server;
    private volatile int boundPort;

    public BgpListener(Vertx vertx, CollectorConfig config, PeeringConfig peering, RibRegistry rib,
            Detector detector) {
        this.vertx = vertx;
        this.config = config;
        this.peering = peering;
        this.rib = rib;
        this.detector = detector;
        for (Neighbor n : Neighbor.parseAll(config.bgp().neighbors().orElse(""))) {
            neighbors.put(n.address(), n);
        }
    }

    void start(@Observes StartupEvent event) {
        if (!config.bgp().enabled()) {
            return;
        }
        server = vertx.createNetServer(new NetServerOptions().setHost(config.bgp().host()).setPort(config.bgp().port())
                .setTcpNoDelay(true).setReuseAddress(true));
        server.connectHandler(this::accept);
        server.listen().toCompletionStage().toCompletableFuture().join();
        boundPort = server.actualPort();
        LOG.infof("BGP listener on %s:%d with %d configured neighbours", config.bgp().host(), boundPort,
                neighbors.size());
    }

    void stop(@Observes ShutdownEvent event) {
        live.values().forEach(c -> c.close(6, 2, "collector shutting down"));
        if (server != null) {
            server.close();
        }
    }

    public int port() {
        return boundPort;
    }

    /** Adds or replaces a neighbour at run time (partner-service's sessions, tests). */
    public void configure(Neighbor n) {
        neighbors.put(n.address(), n);
    }

    /** Neighbours that came from partner-service (replaced as a set); configured ones stay as they are. */
    private final java.util.Set<String> synced = ConcurrentHashMap.newKeySet();

    /**
     * Replaces the neighbours taken from partner-service's connections; a neighbour that disappears is no longer
     * accepted and its live session is closed (Cease, peer de-configured). Configured neighbours win on conflicts.
     */
    public synchronized void syncPartnerNeighbors(List<Neighbor> fromPartner) {
        java.util.Set<String> now = new java.util.HashSet<>();
        for (Neighbor n : fromPartner) {
            Neighbor configured = neighbors.get(n.address());
            if (configured != null && !synced.contains(n.address())) {
                continue;
            }
            neighbors.put(n.address(), n);
            now.add(n.address());
        }
        for (String gone : synced) {
            if (!now.contains(gone)) {
                neighbors.remove(gone);
                BgpConnection c = live.get(gone);
                if (c != null) {
                    c.close(6, 3, "peer de-configured in partner-service");
                }
            }
        }
        synced.clear();
        synced.addAll(now);
    }

    public List<Neighbor> neighbors() {
        return List.copyOf(neighbors.values());
    }

    /** The live connection of a neighbour, if any. */
    public BgpConnection connection(String address) {
        return live.get(Neighbor.canonical(address));
    }

    private void accept(NetSocket socket) {
        String remote;
        try {
            remote = Neighbor.canonical(socket.remoteAddress().hostAddress());
        } catch (IllegalArgumentException e) {
            socket.close();
            return;
        }
        Neighbor n = neighbors.get(remote);
        if (n == null) {
            LOG.warnf("BGP connection from %s refused: not a configured neighbour", remote);
            socket.write(io.vertx.core.buffer.Buffer.buffer(
                    org.openpeering.telemetry.protocol.bgp.BgpEncoder.notification(6, 5, new byte[0])));
            socket.end();
            return;
        }
        BgpConnection existing = live.get(remote);
        if (existing != null && existing.isOpen()) {
            // one session per neighbour: the established one stays (RFC 4271 §6.8 would compare identifiers; the
            // collector never connects out, so the newer connection is the duplicate)
            LOG.warnf("BGP connection from %s refused: a session is already up", remote);
            socket.write(io.vertx.core.buffer.Buffer.buffer(
                    org.openpeering.telemetry.protocol.bgp.BgpEncoder.notification(6, 7, new byte[0])));
            socket.end();
            return;
        }
        BgpConnection c = new BgpConnection(vertx, socket, n, config, peering.operatorAsn(), rib, detector,
                closed -> live.remove(remote, closed));
        live.put(remote, c);
        c.start();
    }
}

package org.openpeering.telemetry.collector;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.watch.Detector;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The BMP station (RFC 7854): the operator's edge routers connect and stream their partners' pre-policy
 * Adj-RIBs-In. A router is known by its Initiation sysName, each of its peers is one session.
 */
@ApplicationScoped
public class BmpStation {

    private static final Logger LOG = Logger.getLogger(BmpStation.class);

    private final Vertx vertx;
    private final CollectorConfig config;
    private final RibRegistry rib;
    private final Detector detector;
    private final Map<String, String> routerBySysName = new HashMap<>();
    private final Map<NetSocket, BmpConnection> live = new ConcurrentHashMap<>();
    private NetServer server;
    private volatile int boundPort;

    public BmpStation(Vertx vertx, CollectorConfig config, RibRegistry rib, Detector detector) {
        this.vertx = vertx;
        this.config = config;
        this.rib = rib;
        this.detector = detector;
        for (String entry : config.bmp().routers().orElse("").split(",")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                routerBySysName.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
    }

    void start(@Observes StartupEvent event) {
        if (!config.bmp().enabled()) {
            return;
        }
        server = vertx.createNetServer(new NetServerOptions().setHost(config.bmp().host()).setPort(config.bmp().port())
                .setTcpNoDelay(true).setReuseAddress(true));
        server.connectHandler(this::accept);
        server.listen().toCompletionStage().toCompletableFuture().join();
        boundPort = server.actualPort();
        LOG.infof("BMP station on %s:%d", config.bmp().host(), boundPort);
    }

    void stop(@Observes ShutdownEvent event) {
        live.values().forEach(BmpConnection::close);
        if (server != null) {
            server.close();
        }
    }

    public int port() {
        return boundPort;
    }

    String routerName(String sysName) {
        return routerBySysName.getOrDefault(sysName, sysName);
    }

    private void accept(NetSocket socket) {
        BmpConnection c = new BmpConnection(socket, this, rib, config, detector);
        live.put(socket, c);
        socket.closeHandler(v -> {
            live.remove(socket);
            c.closed("connection closed by the router");
        });
        c.start();
    }
}

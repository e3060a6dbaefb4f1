package org.openpeering.telemetry.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.proto.partner.v1.CollectorSession;
import org.openpeering.proto.partner.v1.ListCollectorSessionsRequest;
import org.openpeering.proto.partner.v1.MutinyPeeringsServiceGrpc;
import org.openpeering.service.ServiceToken;
import org.openpeering.telemetry.collector.BgpListener;
import org.openpeering.telemetry.collector.Neighbor;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * partner-service's connection data is the registry of sessions (ARCHITECTURE.md): every connection placed on a
 * router becomes a neighbour the BGP listener accepts (peer address, peer ASN, router, max-prefix), refreshed
 * periodically; connections that leave the registry stop being accepted.
 */
@ApplicationScoped
public class PartnerSessionSync {

    private static final Logger LOG = Logger.getLogger(PartnerSessionSync.class);

    private final MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub partner;
    private final BgpListener listener;
    private final Vertx vertx;
    private final boolean enabled;
    private final Duration interval;

    public PartnerSessionSync(
            @GrpcClient("partner") @RegisterClientInterceptor(ServiceToken.class)
            MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub partner,
            BgpListener listener, Vertx vertx, org.openpeering.telemetry.collector.CollectorConfig config) {
        this.partner = partner;
        this.listener = listener;
        this.vertx = vertx;
        this.enabled = config.partnerSync().enabled();
        this.interval = config.partnerSync().interval();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        sync();
        vertx.setPeriodic(interval.toMillis(), id -> sync());
    }

    void sync() {
        partner.withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
                .listCollectorSessions(ListCollectorSessionsRequest.getDefaultInstance())
                .subscribe().with(r -> {
                    List<Neighbor> neighbors = new ArrayList<>();
                    for (CollectorSession s : r.getSessionsList()) {
                        try {
                            Integer max = s.getMaxPrefixes() > 0 ? s.getMaxPrefixes() : null;
                            boolean v6 = s.getPeerAddress().contains(":");
                            neighbors.add(new Neighbor(Neighbor.canonical(s.getPeerAddress()), s.getPeerAsn(),
                                    s.getRouterName(), v6 ? null : max, v6 ? max : null));
                        } catch (IllegalArgumentException e) {
                            LOG.warnf("Connection %s: unusable session address %s", s.getConnectionIdentifier(),
                                    s.getPeerAddress());
                        }
                    }
                    listener.syncPartnerNeighbors(neighbors);
                }, e -> LOG.debugf("partner-service sessions not refreshed: %s", e.toString()));
    }
}

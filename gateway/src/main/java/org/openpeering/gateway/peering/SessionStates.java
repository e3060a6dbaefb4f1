package org.openpeering.gateway.peering;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.MutinyReceivedRoutesServiceGrpc;
import org.openpeering.proto.telemetry.v1.SessionState;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * DOMAIN.md §1: once a connection is Active, its {@code sessionStateV4/V6} come from live BGP telemetry (the
 * session on its router with its peer address). When telemetry-service does not answer quickly, the stored states
 * stand: a peering read never fails because of telemetry.
 */
@ApplicationScoped
public class SessionStates {

    private static final Logger LOG = Logger.getLogger(SessionStates.class);
    private static final Duration WAIT = Duration.ofMillis(800);

    private final MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub telemetry;

    public SessionStates(@GrpcClient("telemetry") MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub telemetry) {
        this.telemetry = telemetry;
    }

    public Uni<Peering> live(Peering p) {
        java.util.List<org.openpeering.proto.telemetry.v1.SessionRef> sessions = SessionRefs.of(p, true);
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(p);
        }
        // only this peering's sessions, not every session telemetry-service holds
        return telemetry.withDeadlineAfter(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .listSessions(ListSessionsRequest.newBuilder().addAllSessions(sessions).build())
                .map(r -> {
                    Map<String, String> state = new HashMap<>();
                    for (SessionState s : r.getSessionsList()) {
                        state.put(key(s.getRouter(), s.getPeerAddress()), s.getState());
                    }
                    Peering.Builder b = p.toBuilder();
                    for (int i = 0; i < b.getConnectionsCount(); i++) {
                        Connection c = b.getConnections(i);
                        if (!c.getConnectionState().equals("Active") || c.getRouterName().isEmpty()) {
                            continue;
                        }
                        BgpSession.Builder s = c.getBgpSession().toBuilder();
                        if (!s.getPeerSessionIpv4Address().isEmpty()) {
                            s.setSessionStateV4(state.getOrDefault(key(c.getRouterName(), s.getPeerSessionIpv4Address()),
                                    "Idle"));
                        }
                        if (!s.getPeerSessionIpv6Address().isEmpty()) {
                            s.setSessionStateV6(state.getOrDefault(key(c.getRouterName(), s.getPeerSessionIpv6Address()),
                                    "Idle"));
                        }
                        b.setConnections(i, c.toBuilder().setBgpSession(s));
                    }
                    return b.build();
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("Live session states unavailable: %s", e.toString());
                    return p;
                });
    }

    private static String key(String router, String peer) {
        return router.toLowerCase(java.util.Locale.ROOT) + "|" + peer;
    }
}

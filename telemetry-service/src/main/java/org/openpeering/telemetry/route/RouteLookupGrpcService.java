package org.openpeering.telemetry.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.LookupRoutesRequest;
import org.openpeering.proto.telemetry.v1.LookupRoutesResponse;
import org.openpeering.proto.telemetry.v1.Route;
import org.openpeering.proto.telemetry.v1.RouteLookupService;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionRib;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * The looking glass's "BGP route", answered from the in-memory RIB: every session's paths whose prefix covers the
 * destination, most specific first (then by router and peer address).
 */
@GrpcService
public class RouteLookupGrpcService implements RouteLookupService {

    static final int MAX_LIMIT = 1000;

    private final RibRegistry registry;

    public RouteLookupGrpcService(RibRegistry registry) {
        this.registry = registry;
    }

    @Override
    @Blocking
    public Uni<LookupRoutesResponse> lookupRoutes(LookupRoutesRequest request) {
        return Uni.createFrom().item(() -> lookup(request));
    }

    LookupRoutesResponse lookup(LookupRoutesRequest r) {
        Prefix host = host(r.getDestinationIp());
        int limit = r.getLimit() <= 0 ? 100 : Math.min(r.getLimit(), MAX_LIMIT);
        record Found(SessionRib rib, SessionRib.RouteView view) {
        }
        List<Found> found = new ArrayList<>();
        for (SessionRib rib : registry.all()) {
            for (SessionRib.RouteView v : rib.covering(host)) {
                found.add(new Found(rib, v));
            }
        }
        // sorted before anything is built, and only the routes of the page become messages
        found.sort(Comparator.comparingInt((Found f) -> -f.view().prefix().length())
                .thenComparing(f -> f.rib().key().router()).thenComparing(f -> f.rib().key().peerAddress()));
        LookupRoutesResponse.Builder b = LookupRoutesResponse.newBuilder();
        found.stream().limit(limit).forEach(f -> b.addRoutes(toRoute(f.rib(), f.view())));
        return b.build();
    }

    private static Route toRoute(SessionRib rib, SessionRib.RouteView v) {
        PathAttributes a = v.route().attributes();
        Route.Builder b = Route.newBuilder().setPrefix(v.prefix().toString()).setRouter(rib.key().router())
                .setPeerAddress(rib.key().peerAddress()).setPeerAsn(rib.key().peerAsn()).setAsPath(a.asPathText())
                .setNextHop(v.route().nextHop() == null ? "" : v.route().nextHop())
                .setReceivedAt(Instant.ofEpochMilli(v.route().receivedAtMillis()).toString());
        if (a.originAs() != null) {
            b.setOriginAsn(a.originAs());
        }
        return b.addAllCommunities(a.communityTexts()).build();
    }

    /** A literal IPv4 or IPv6 address (no host names: nothing is resolved), else 400 naming the field. */
    static Prefix host(String s) {
        try {
            if (s == null || s.isBlank() || s.contains("/")) {
                throw new IllegalArgumentException();
            }
            return Prefix.host(s.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.badArgument("destinationIP", "The destinationIP must be an IPv4 or IPv6 address.");
        }
    }
}

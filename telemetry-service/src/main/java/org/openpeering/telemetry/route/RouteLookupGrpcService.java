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
        List<Route> out = new ArrayList<>();
        for (SessionRib rib : registry.all()) {
            for (SessionRib.RouteView v : rib.covering(host)) {
                out.add(toRoute(rib, v));
            }
        }
        out.sort(Comparator.comparingInt((Route x) -> -Prefix.parse(x.getPrefix()).length())
                .thenComparing(Route::getRouter).thenComparing(Route::getPeerAddress));
        return LookupRoutesResponse.newBuilder().addAllRoutes(out.size() > limit ? out.subList(0, limit) : out).build();
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
        if (a.communities() != null) {
            for (int c : a.communities()) {
                b.addCommunities(PathAttributes.communityText(c));
            }
        }
        return b.build();
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

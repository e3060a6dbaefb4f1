package org.openpeering.telemetry.rib;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesResponse;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.ListSessionsResponse;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;
import org.openpeering.proto.telemetry.v1.ReceivedRoutesService;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SessionState;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.collector.Neighbor;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.rpki.RpkiState;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** receivedRoutes and session state, answered from the in-memory RIB. */
@GrpcService
public class ReceivedRoutesGrpcService implements ReceivedRoutesService {

    private final RibRegistry registry;
    private final RpkiState rpki;
    private final PeeringConfig config;
    private final CollectorConfig collector;

    public ReceivedRoutesGrpcService(RibRegistry registry, RpkiState rpki, PeeringConfig config,
            CollectorConfig collector) {
        this.registry = registry;
        this.rpki = rpki;
        this.config = config;
        this.collector = collector;
    }

    @Override
    @Blocking
    public Uni<ListReceivedRoutesResponse> listReceivedRoutes(ListReceivedRoutesRequest r) {
        return Uni.createFrom().item(() -> list(r));
    }

    ListReceivedRoutesResponse list(ListReceivedRoutesRequest r) {
        Prefix exact = null;
        if (!r.getPrefix().isEmpty()) {
            try {
                exact = Prefix.parse(r.getPrefix());
            } catch (IllegalArgumentException e) {
                throw DomainException.badArgument("prefix", "The prefix filter must be a canonical prefix such as"
                        + " 203.0.113.0/24.");
            }
        }
        int size = PageTokens.size(r.getPageSize(), config.pageSize());
        Position from = Position.parse(PageTokens.decode(r.getPageToken()));
        List<ReceivedRoute> out = new ArrayList<>(size + 1);
        String next = null;
        outer:
        for (int s = Math.max(0, from == null ? 0 : from.session); s < r.getSessionsCount(); s++) {
            SessionRef ref = r.getSessions(s);
            String peer;
            try {
                peer = Neighbor.canonical(ref.getPeerAddress());
            } catch (IllegalArgumentException e) {
                continue;
            }
            Prefix cursor = from != null && s == from.session ? from.prefix : null;
            for (SessionRib rib : registry.find(ref.getRouter(), peer)) {
                if (exact != null) {
                    for (SessionRib.RouteView v : exactRoutes(rib, exact)) {
                        if (cursor != null && !from.before(v)) {
                            continue;
                        }
                        if (add(r, rib, v, out, size)) {
                            next = s + "|" + out.get(out.size() - 1).getPrefix();
                            break outer;
                        }
                    }
                    continue;
                }
                // the table is walked in chunks of prefixes after the cursor (IPv4, then IPv6): nothing is copied
                // beyond a chunk, and the monitor is held for one chunk at a time
                for (boolean v6 : new boolean[] { false, true }) {
                    if (cursor != null && cursor.isV6() && !v6) {
                        continue;
                    }
                    Prefix after = cursor != null && cursor.isV6() == v6 ? cursor : null;
                    while (true) {
                        List<SessionRib.RouteView> chunk = new ArrayList<>();
                        Prefix last = rib.forEachAfter(v6, after, CHUNK, chunk::add);
                        if (last == null) {
                            break;
                        }
                        for (SessionRib.RouteView v : chunk) {
                            if (add(r, rib, v, out, size)) {
                                next = s + "|" + out.get(out.size() - 1).getPrefix();
                                break outer;
                            }
                        }
                        after = last;
                    }
                }
            }
        }
        return ListReceivedRoutesResponse.newBuilder().addAllRoutes(out).setNextPageToken(PageTokens.encode(next))
                .build();
    }

    /** Prefixes read from the RIB at a time while paging. */
    static final int CHUNK = 256;

    /**
     * Adds the route when it matches the filters; true when the page is full instead (pages end between prefixes,
     * never between the ADD-PATH paths of one prefix).
     */
    private boolean add(ListReceivedRoutesRequest r, SessionRib rib, SessionRib.RouteView v, List<ReceivedRoute> out,
            int size) {
        ReceivedRoute route = toProto(rib, v);
        if (!matches(r, route)) {
            return false;
        }
        if (out.size() >= size && !out.get(out.size() - 1).getPrefix().equals(route.getPrefix())) {
            return true;
        }
        out.add(route);
        return false;
    }

    private static List<SessionRib.RouteView> exactRoutes(SessionRib rib, Prefix p) {
        List<SessionRib.RouteView> out = new ArrayList<>();
        rib.routes(p).forEach(route -> out.add(new SessionRib.RouteView(p, route)));
        return out;
    }

    private static boolean matches(ListReceivedRoutesRequest r, ReceivedRoute route) {
        return (r.getAsPath().isEmpty() || r.getAsPath().trim().equals(route.getAsPath()))
                && (r.getOriginAsValidationState().isEmpty()
                        || r.getOriginAsValidationState().equalsIgnoreCase(route.getOriginAsValidationState()))
                && (r.getRpkiValidationState().isEmpty()
                        || r.getRpkiValidationState().equalsIgnoreCase(route.getRpkiValidationState()));
    }

    private ReceivedRoute toProto(SessionRib rib, SessionRib.RouteView v) {
        PathAttributes a = v.route().attributes();
        Long origin = a.originAs();
        ReceivedRoute.Builder b = ReceivedRoute.newBuilder().setPrefix(v.prefix().toString())
                .setNextHop(v.route().nextHop() == null ? "" : v.route().nextHop()).setAsPath(a.asPathText())
                .setRpkiValidationState(rpki.state(v.prefix(), origin))
                // origin validation against the expected origins of watched prefixes comes with the watch list
                .setOriginAsValidationState("Unknown")
                .setReceivedTimestamp(Instant.ofEpochMilli(v.route().receivedAtMillis()).toString())
                .setRouter(rib.key().router()).setPeerAddress(rib.key().peerAddress()).setPathId(v.route().pathId())
                .setOriginAsn(origin == null ? 0 : origin);
        b.addAllCommunities(a.communityTexts());
        return b.build();
    }

    @Override
    public Uni<ListSessionsResponse> listSessions(ListSessionsRequest r) {
        return Uni.createFrom().item(() -> {
            long now = System.currentTimeMillis();
            Duration settle = collector.tableSettleTime();
            ListSessionsResponse.Builder b = ListSessionsResponse.newBuilder();
            java.util.Collection<SessionRib> sessions;
            if (r.getSessionsCount() == 0) {
                sessions = registry.all();
            } else {
                // the sessions asked for (a peering's), found by router and address, not by scanning every session
                java.util.Set<SessionRib> found = new java.util.LinkedHashSet<>();
                for (SessionRef ref : r.getSessionsList()) {
                    try {
                        found.addAll(registry.find(ref.getRouter(), Neighbor.canonical(ref.getPeerAddress())));
                    } catch (IllegalArgumentException e) {
                        // not an address: no such session
                    }
                }
                sessions = found;
            }
            sessions.stream().sorted((x, y) -> x.key().toString().compareTo(y.key().toString())).forEach(s -> {
                long up = s.establishedAtMillis();
                b.addSessions(SessionState.newBuilder().setRouter(s.key().router())
                        .setPeerAddress(s.key().peerAddress()).setPeerAsn(s.key().peerAsn()).setState(s.state())
                        .setPrefixesV4(s.prefixes(false)).setPrefixesV6(s.prefixes(true))
                        .setTableComplete(s.tableComplete(now, settle))
                        .setEstablishedAt(up == 0 ? "" : Instant.ofEpochMilli(up).toString())
                        .setLastError(s.lastError()).setUpdates(s.updates()));
            });
            return b.build();
        });
    }

    @Override
    public Uni<org.openpeering.proto.telemetry.v1.PrefixView> getPrefixView(
            org.openpeering.proto.telemetry.v1.GetPrefixViewRequest r) {
        return Uni.createFrom().item(() -> prefixView(r));
    }

    org.openpeering.proto.telemetry.v1.PrefixView prefixView(org.openpeering.proto.telemetry.v1.GetPrefixViewRequest r) {
        Prefix prefix;
        try {
            prefix = Prefix.parse(r.getPrefix());
        } catch (IllegalArgumentException e) {
            throw DomainException.badArgument("prefix", "The prefix must be a canonical prefix such as 203.0.113.0/24.");
        }
        long now = System.currentTimeMillis();
        Duration settle = collector.tableSettleTime();
        org.openpeering.telemetry.protocol.rpki.VrpSet vrps = rpki.current();
        var out = org.openpeering.proto.telemetry.v1.PrefixView.newBuilder().setPrefix(prefix.toString())
                .setRpkiLoaded(vrps != null);
        for (SessionRef ref : r.getSessionsList()) {
            var view = org.openpeering.proto.telemetry.v1.SessionPrefixView.newBuilder().setSession(ref);
            List<SessionRib> ribs;
            try {
                ribs = registry.find(ref.getRouter(), Neighbor.canonical(ref.getPeerAddress()));
            } catch (IllegalArgumentException e) {
                ribs = List.of();
            }
            if (!ribs.isEmpty()) {
                // one session per (router, peer address); when the peer ASN changed, the established one wins
                SessionRib rib = ribs.stream().filter(x -> "Established".equals(x.state())).findFirst()
                        .orElse(ribs.get(0));
                view.setKnown(true).setState(rib.state()).setTableComplete(rib.tableComplete(now, settle));
                for (RibRoute route : rib.routes(prefix)) {
                    view.addRoutes(prefixRoute(prefix, route, vrps));
                }
            }
            out.addSessions(view);
        }
        return out.build();
    }

    private static org.openpeering.proto.telemetry.v1.PrefixRoute prefixRoute(Prefix prefix, RibRoute route,
            org.openpeering.telemetry.protocol.rpki.VrpSet vrps) {
        PathAttributes a = route.attributes();
        Long origin = a.originAs();
        var b = org.openpeering.proto.telemetry.v1.PrefixRoute.newBuilder().setPathId(route.pathId())
                .setOriginAsn(origin == null ? 0 : origin).setNextHop(route.nextHop() == null ? "" : route.nextHop())
                .setReceivedTimestamp(Instant.ofEpochMilli(route.receivedAtMillis()).toString());
        for (var segment : a.asPath()) {
            if (segment.set()) {
                StringBuilder set = new StringBuilder("{");
                for (long asn : segment.asns()) {
                    set.append(set.length() > 1 ? "," : "").append(asn);
                }
                b.addAsPath(set.append('}').toString());
            } else {
                for (long asn : segment.asns()) {
                    b.addAsPath(Long.toString(asn));
                }
            }
        }
        b.addAllCommunities(a.communityTexts());
        if (vrps == null) {
            b.setRpkiState("Unknown");
        } else {
            List<org.openpeering.telemetry.protocol.rpki.Vrp> covering = new ArrayList<>();
            var validity = vrps.validate(prefix, origin, covering);
            b.setRpkiState(RpkiState.detail(validity));
            for (var v : covering) {
                b.addCoveringVrps(v.prefix() + "-" + v.maxLength() + " AS" + v.asn());
            }
        }
        return b.build();
    }


    /** Where a page ended: the session index and the last prefix of the page. */
    record Position(int session, Prefix prefix) {

        static Position parse(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split("\\|");
            try {
                return new Position(Integer.parseInt(parts[0]), Prefix.parse(parts[1]));
            } catch (RuntimeException e) {
                throw DomainException.badArgument("$skipToken", "The $skipToken is not valid.");
            }
        }

        /** True when the route comes after this position within the same session (the trie's walk order). */
        boolean before(SessionRib.RouteView v) {
            return prefix.compareTo(v.prefix()) < 0;
        }
    }
}

package org.openpeering.telemetry.route;

import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.Route;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Persisted received routes, read with plain SQL through the reactive client. (The in-memory RIB that serves
 * reads in production arrives with the collectors; this is its warm-restart store.)
 */
@ApplicationScoped
public class RouteStore {

    static final int MAX_LIMIT = 1000;

    private final Pool pool;

    public RouteStore(Pool pool) {
        this.pool = pool;
    }

    /** Routes whose prefix covers the address, most specific first. */
    public Uni<List<Route>> covering(String destinationIp, int limit) {
        String address = parseAddress(destinationIp);
        int n = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
        return pool.preparedQuery("select router, host(peer_address) as peer, peer_asn, prefix::text as prefix, "
                + "host(next_hop) as nh, as_path, origin_asn, communities, received_at from received_route "
                + "where prefix >>= $1::text::inet order by masklen(prefix) desc, router, peer_address limit $2")
                .execute(Tuple.of(address, n))
                .map(rows -> {
                    List<Route> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(toRoute(r));
                    }
                    return out;
                });
    }

    private static Route toRoute(Row r) {
        var b = Route.newBuilder()
                .setRouter(r.getString("router"))
                .setPeerAddress(r.getString("peer"))
                .setPeerAsn(r.getLong("peer_asn"))
                .setPrefix(r.getString("prefix"))
                .setAsPath(r.getString("as_path"))
                .setReceivedAt(r.getOffsetDateTime("received_at").atZoneSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (r.getString("nh") != null) {
            b.setNextHop(r.getString("nh"));
        }
        if (r.getLong("origin_asn") != null) {
            b.setOriginAsn(r.getLong("origin_asn"));
        }
        String[] communities = r.getArrayOfStrings("communities");
        if (communities != null) {
            b.addAllCommunities(List.of(communities));
        }
        return b.build();
    }

    /** A literal IPv4 or IPv6 address (no host names: nothing is resolved), else 400 naming the field. */
    static String parseAddress(String s) {
        if (s == null || s.isBlank() || !s.matches("[0-9A-Fa-f:.]+") || (!s.contains(".") && !s.contains(":"))) {
            throw DomainException.badArgument("destinationIP", "The destinationIP must be an IPv4 or IPv6 address.");
        }
        try {
            // A literal never triggers a DNS lookup; the character check above rules out names.
            return InetAddress.getByName(s).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw DomainException.badArgument("destinationIP", "The destinationIP must be an IPv4 or IPv6 address.");
        }
    }
}

package org.openpeering.telemetry.watch;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;

import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.Anomaly;
import org.openpeering.proto.telemetry.v1.ListAnomaliesRequest;
import org.openpeering.proto.telemetry.v1.ListAnomaliesResponse;
import org.openpeering.proto.telemetry.v1.ListWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.ListWatchedPrefixesResponse;
import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesResponse;
import org.openpeering.proto.telemetry.v1.StreamChangesRequest;
import org.openpeering.proto.telemetry.v1.WatchService;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.service.PageTokens;
import org.openpeering.telemetry.collector.Neighbor;
import org.openpeering.telemetry.protocol.Prefix;

import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Watched prefixes in, route changes (a resumable stream) and anomalies out. */
@GrpcService
public class WatchGrpcService implements WatchService {

    private final Pool pool;
    private final WatchList watches;
    private final Detector detector;
    private final Journal journal;

    public WatchGrpcService(Pool pool, WatchList watches, Detector detector, Journal journal) {
        this.pool = pool;
        this.watches = watches;
        this.detector = detector;
        this.journal = journal;
    }

    void load(@Observes StartupEvent event) {
        var rows = pool.query("select owner, prefix::text as prefix, spec from watched_prefix order by owner, prefix")
                .execute().await().indefinitely();
        java.util.Map<String, List<Watch>> byOwner = new java.util.HashMap<>();
        for (Row r : rows) {
            byOwner.computeIfAbsent(r.getString("owner"), k -> new ArrayList<>())
                    .add(toWatch(r.getString("owner"), fromJson(r.getString("prefix"), (JsonObject) r.getValue("spec"))));
        }
        byOwner.forEach(watches::replace);
    }

    @Override
    public Uni<SetWatchedPrefixesResponse> setWatchedPrefixes(SetWatchedPrefixesRequest r) {
        if (r.getOwner().isBlank()) {
            return Uni.createFrom().failure(DomainException.badArgument("owner", "The owner is required."));
        }
        List<Watch> list = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < r.getPrefixesCount(); i++) {
            WatchedPrefix w = r.getPrefixes(i);
            Watch watch;
            try {
                watch = toWatch(r.getOwner(), w);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().failure(DomainException.badArgument("prefixes[" + i + "]", e.getMessage()));
            }
            list.add(watch);
            rows.add(Tuple.of(r.getOwner(), watch.prefix().toString(), toJson(w)));
        }
        return pool.withTransaction(tx -> tx.preparedQuery("delete from watched_prefix where owner = $1")
                .execute(Tuple.of(r.getOwner()))
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into watched_prefix (owner, prefix, spec) values ($1, $2::text::cidr, $3)"
                                + " on conflict (owner, prefix) do update set spec = excluded.spec")
                                .executeBatch(rows).replaceWithVoid()))
                .map(v -> {
                    for (Watch fresh : watches.replace(r.getOwner(), list)) {
                        detector.evaluate(fresh);
                    }
                    return SetWatchedPrefixesResponse.newBuilder().setWatched(list.size()).build();
                });
    }

    @Override
    public Uni<ListWatchedPrefixesResponse> listWatchedPrefixes(ListWatchedPrefixesRequest r) {
        return pool.preparedQuery("select prefix::text as prefix, spec from watched_prefix where owner = $1 order by prefix")
                .execute(Tuple.of(r.getOwner())).map(rows -> {
                    ListWatchedPrefixesResponse.Builder b = ListWatchedPrefixesResponse.newBuilder();
                    rows.forEach(row -> b.addPrefixes(fromJson(row.getString("prefix"), (JsonObject) row.getValue("spec"))));
                    return b.build();
                });
    }

    /**
     * The durable log from the requested sequence on, then new changes as they are persisted: polled every 100 ms,
     * so a client that reconnects with its last sequence loses nothing and sees nothing twice.
     */
    @Override
    public Multi<RouteChange> streamChanges(StreamChangesRequest r) {
        AtomicLong after = new AtomicLong(Math.max(0, r.getFromSequence()));
        return Multi.createFrom().ticks().every(Duration.ofMillis(100)).onOverflow().drop()
                .concatMap(tick -> {
                    long upTo = journal.persistedUpTo();
                    if (upTo <= after.get()) {
                        return Multi.createFrom().empty();
                    }
                    return pool.preparedQuery("select sequence, at, watched_prefix::text as w, event_type, event_level,"
                            + " summary, description, route_prefix::text as rp, router, host(peer_address) as peer,"
                            + " as_path, origin_asn, anomaly_id, anomaly_type from route_change"
                            + " where sequence > $1 and sequence <= $2 order by sequence limit 1000")
                            .execute(Tuple.of(after.get(), upTo)).onItem().transformToMulti(rows -> {
                                List<RouteChange> out = new ArrayList<>();
                                for (Row row : rows) {
                                    out.add(toChange(row));
                                    after.set(row.getLong("sequence"));
                                }
                                return Multi.createFrom().iterable(out);
                            });
                });
    }

    @Override
    public Uni<ListAnomaliesResponse> listAnomalies(ListAnomaliesRequest r) {
        int size = PageTokens.size(r.getPageSize(), 100);
        String token = PageTokens.decode(r.getPageToken());
        long before = token == null ? Long.MAX_VALUE : Long.parseLong(token);
        List<String> routers = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (SessionRef s : r.getSessionsList()) {
            routers.add(s.getRouter().toLowerCase(Locale.ROOT));
            peers.add(Neighbor.canonical(s.getPeerAddress()));
        }
        // every parameter is referenced whatever the filters, so that PostgreSQL can type them
        String sessionFilter = "($6 or (lower(router), host(peer_address)) in (select * from unnest($3::text[],"
                + " $4::text[])))";
        return pool.preparedQuery("select id, type, level, watched_prefix::text as w, route_prefix::text as rp, router,"
                + " host(peer_address) as peer, started_at, ended_at, description, updates from anomaly"
                + " where id < $1 and ($2 = false or ended_at is null) and " + sessionFilter
                + " order by id desc limit $5")
                .execute(Tuple.from(new Object[] { before, r.getActiveOnly(), routers.toArray(String[]::new),
                        peers.toArray(String[]::new), size + 1, r.getSessionsCount() == 0 }))
                .map(rows -> {
                    ListAnomaliesResponse.Builder b = ListAnomaliesResponse.newBuilder();
                    long last = 0;
                    int n = 0;
                    for (Row row : rows) {
                        if (n++ == size) {
                            b.setNextPageToken(PageTokens.encode(String.valueOf(last)));
                            break;
                        }
                        last = row.getLong("id");
                        Anomaly.Builder a = Anomaly.newBuilder().setId(last).setType(row.getString("type"))
                                .setLevel(row.getString("level")).setWatchedPrefix(row.getString("w"))
                                .setRoutePrefix(row.getString("rp")).setSession(SessionRef.newBuilder()
                                        .setRouter(row.getString("router")).setPeerAddress(row.getString("peer")))
                                .setStartedAt(row.getOffsetDateTime("started_at").withOffsetSameInstant(ZoneOffset.UTC)
                                        .toInstant().toString())
                                .setDescription(row.getString("description"));
                        if (row.getOffsetDateTime("ended_at") != null) {
                            a.setEndedAt(row.getOffsetDateTime("ended_at").toInstant().toString());
                        }
                        JsonArray updates = (JsonArray) row.getValue("updates");
                        if (updates != null) {
                            updates.forEach(u -> a.addUpdates(String.valueOf(u)));
                        }
                        b.addAnomalies(a);
                    }
                    return b.build();
                });
    }

    private static RouteChange toChange(Row row) {
        RouteChange.Builder b = RouteChange.newBuilder().setSequence(row.getLong("sequence"))
                .setAt(row.getOffsetDateTime("at").toInstant().toString()).setWatchedPrefix(row.getString("w"))
                .setEventType(row.getString("event_type")).setEventLevel(row.getString("event_level"))
                .setSummary(row.getString("summary")).setDescription(row.getString("description"));
        if (row.getString("rp") != null) {
            b.setRoutePrefix(row.getString("rp"));
        }
        if (row.getString("router") != null) {
            b.setSession(SessionRef.newBuilder().setRouter(row.getString("router"))
                    .setPeerAddress(row.getString("peer") == null ? "" : row.getString("peer")));
        }
        if (row.getString("as_path") != null) {
            b.setAsPath(row.getString("as_path"));
        }
        if (row.getLong("origin_asn") != null) {
            b.setOriginAsn(row.getLong("origin_asn"));
        }
        if (row.getLong("anomaly_id") != null) {
            b.setAnomalyId(row.getLong("anomaly_id")).setAnomalyType(row.getString("anomaly_type"));
        }
        return b.build();
    }

    static Watch toWatch(String owner, WatchedPrefix w) {
        Prefix p = Prefix.parse(w.getPrefix());
        return new Watch(owner, p, w.getProviderAsn(), new LinkedHashSet<>(w.getExpectedOriginsList()),
                sessions(w.getPrimarySessionsList()), sessions(w.getBackupSessionsList()),
                new LinkedHashSet<>(w.getAllowedDownstreamList()));
    }

    private static Set<String> sessions(List<SessionRef> refs) {
        Set<String> out = new LinkedHashSet<>();
        for (SessionRef s : refs) {
            out.add(Watch.session(s.getRouter(), Neighbor.canonical(s.getPeerAddress())));
        }
        return out;
    }

    static JsonObject toJson(WatchedPrefix w) {
        JsonArray primary = new JsonArray();
        w.getPrimarySessionsList().forEach(s -> primary.add(new JsonObject().put("router", s.getRouter())
                .put("peer", s.getPeerAddress())));
        JsonArray backup = new JsonArray();
        w.getBackupSessionsList().forEach(s -> backup.add(new JsonObject().put("router", s.getRouter())
                .put("peer", s.getPeerAddress())));
        return new JsonObject().put("providerAsn", w.getProviderAsn())
                .put("expectedOrigins", new JsonArray(new ArrayList<>(w.getExpectedOriginsList())))
                .put("allowedDownstream", new JsonArray(new ArrayList<>(w.getAllowedDownstreamList())))
                .put("primary", primary).put("backup", backup);
    }

    static WatchedPrefix fromJson(String prefix, JsonObject o) {
        WatchedPrefix.Builder b = WatchedPrefix.newBuilder().setPrefix(prefix).setProviderAsn(o.getLong("providerAsn", 0L));
        o.getJsonArray("expectedOrigins", new JsonArray()).forEach(x -> b.addExpectedOrigins(((Number) x).longValue()));
        o.getJsonArray("allowedDownstream", new JsonArray()).forEach(x -> b.addAllowedDownstream(((Number) x).longValue()));
        o.getJsonArray("primary", new JsonArray()).forEach(x -> b.addPrimarySessions(SessionRef.newBuilder()
                .setRouter(((JsonObject) x).getString("router")).setPeerAddress(((JsonObject) x).getString("peer"))));
        o.getJsonArray("backup", new JsonArray()).forEach(x -> b.addBackupSessions(SessionRef.newBuilder()
                .setRouter(((JsonObject) x).getString("router")).setPeerAddress(((JsonObject) x).getString("peer"))));
        return b.build();
    }
}

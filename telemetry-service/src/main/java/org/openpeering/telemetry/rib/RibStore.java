package org.openpeering.telemetry.rib;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.collector.Neighbor;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.BgpDecoder;
import org.openpeering.telemetry.protocol.bgp.BgpEncoder;
import org.openpeering.telemetry.protocol.bgp.BgpSessionContext;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.watch.Detector;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Warm restarts (ARCHITECTURE.md): every session's Adj-RIB-In is written to {@code received_route} asynchronously,
 * in batches of plain SQL (unnest arrays), from what changed since the last write; at start, before the collectors
 * listen, the table is read back into memory. Reads never wait for the database.
 *
 * <p>Paths read back are provisional: when the router's session is up again and its table complete (End-of-RIB or
 * the settle time), paths it did not send again are removed (and seen by change detection as withdrawals); a
 * session that does not come back within {@code telemetry.rib.restore-hold} is flushed like a session going down.
 * Attributes are stored in BGP wire form (an UPDATE holding them, decoded by the same codec at start).
 */
@ApplicationScoped
public class RibStore {

    private static final Logger LOG = Logger.getLogger(RibStore.class);
    static final int BATCH = 5_000;
    private static final Nlri CARRIER = Nlri.of("0.0.0.0/0");

    private final Pool pool;
    private final RibRegistry registry;
    private final Detector detector;
    private final Vertx vertx;
    private final CollectorConfig config;
    private final boolean enabled;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Map<SessionKey, Long> generations = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** Shutdown has begun: a periodic write still in flight may fail as the application's beans go away. */
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicLong inFlight = new java.util.concurrent.atomic.AtomicLong();
    private final io.micrometer.core.instrument.Counter rowsWritten;
    private long restoredAtMillis;
    private long timer = -1;
    /** No periodic write starts before this (System.nanoTime): see {@link #tick()}. */
    private volatile long resumeAtNanos;

    public RibStore(Pool pool, RibRegistry registry, Detector detector, Vertx vertx, CollectorConfig config,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.pool = pool;
        // for SREs and the benchmark harness: what is not in the database yet, and what has been written
        io.micrometer.core.instrument.Gauge.builder("telemetry.rib.pending.paths", this, RibStore::pending)
                .description("changed paths not written to the database yet").register(meters);
        this.rowsWritten = io.micrometer.core.instrument.Counter.builder("telemetry.rib.rows.written")
                .description("received_route rows inserted, updated or deleted").register(meters);
        this.registry = registry;
        this.detector = detector;
        this.vertx = vertx;
        this.config = config;
        this.enabled = config.rib().persist();
    }

    /** Before the BGP listener and the BMP station accept anything: the stored routes back into memory. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!enabled) {
            return;
        }
        registry.persistNewSessions(true);
        long started = System.nanoTime();
        int routes = restore(registry).await().atMost(Duration.ofMinutes(10));
        restoredAtMillis = System.currentTimeMillis();
        LOG.infof("Restored %d routes of %d sessions from the database in %d ms", routes, registry.all().size(),
                (System.nanoTime() - started) / 1_000_000);
        timer = vertx.setPeriodic(config.rib().persistInterval().toMillis(), id -> tick());
    }

    /** Before the collectors close their sessions: a last write, then nothing (closing is not a withdrawal). */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        if (!enabled) {
            return;
        }
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            flush().await().atMost(Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            LOG.warnf("Last write of the routing table did not finish: %s", e.toString());
        }
        stopped = true;
    }

    /**
     * Every persist interval: settles restored sessions, then writes what changed, unless the last write is too
     * recent. A write of N rows that took D is followed by a pause of at least D and at least N / write-rate: under
     * heavy churn the database is kept partly busy, not saturated, by paths that keep flapping (each is written once
     * per write, whatever its number of changes); in quiet times changes are written every interval.
     */
    private void tick() {
        settleRestored(registry, System.currentTimeMillis());
        long started = System.nanoTime();
        if (started - resumeAtNanos < 0) {
            return;
        }
        flush().subscribe().with(n -> pace(started, n), e -> {
            pace(started, 0);
            if (!stopping) {
                LOG.warnf("Routing table not written (retrying): %s", e.toString());
            }
        });
    }

    private void pace(long started, int rows) {
        long ended = System.nanoTime();
        long byRate = (long) (rows * 1e9 / Math.max(1, config.rib().writeRate()));
        resumeAtNanos = ended + Math.max(ended - started, byRate);
    }

    /** Sweeps restored sessions whose table is complete again; flushes those that did not come back in time. */
    void settleRestored(RibRegistry sessions, long now) {
        for (SessionRib rib : sessions.all()) {
            if (!rib.restored()) {
                continue;
            }
            if (rib.tableComplete(now, config.tableSettleTime())) {
                List<Prefix> gone = rib.sweepRestored();
                LOG.infof("Session %s: table complete again; %d restored paths not confirmed removed", rib.key(),
                        gone.size());
                detector.changed(rib, new SessionRib.Applied(List.of(), gone));
            } else if (!rib.state().equals("Established")
                    && now - restoredAtMillis >= config.rib().restoreHold().toMillis()) {
                List<Prefix> gone = rib.down("not re-established within " + config.rib().restoreHold()
                        + " after a restart");
                LOG.infof("Session %s did not come back after the restart: %d restored routes flushed", rib.key(),
                        gone.size());
                detector.flushed(rib, gone);
            }
        }
    }

    /** Writes what changed in every session since the last write; the number of rows written or deleted. */
    public Uni<Integer> flush() {
        if (stopped || !writing.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        // one session after another, each write subscribed only when the previous one is done (and then released)
        return Multi.createFrom().iterable(new ArrayList<>(registry.all()))
                .onItem().transformToUniAndConcatenate(this::write)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .eventually(() -> writing.set(false));
    }

    /** Changed paths not in the database yet: waiting for a write, or being written. */
    long pending() {
        long n = inFlight.get();
        for (SessionRib rib : registry.all()) {
            n += rib.pendingCount();
        }
        return n;
    }

    private Uni<Integer> write(SessionRib rib) {
        SessionRib.Pending p = rib.takePending(System.currentTimeMillis(), config.tableSettleTime());
        if (p.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        SessionKey k = rib.key();
        // one more than the paths: pending stays above 0 until the last statement of this write is done
        inFlight.addAndGet((p.rewrite() ? rib.paths() : p.count()) + 1);
        long started = System.nanoTime();
        Uni<Integer> chain = p.clear()
                ? pool.preparedQuery("delete from received_route where router = $1 and peer_address = $2::text::inet")
                        .execute(Tuple.of(k.router(), k.peerAddress())).map(rows -> rows.rowCount())
                : Uni.createFrom().item(0);
        if (p.rewrite()) {
            long generation = nextGeneration(k);
            chain = chain.chain(n -> pass(rib, generation).map(m -> n + m))
                    .chain(n -> pool.preparedQuery("delete from received_route where router = $1 and peer_address ="
                            + " $2::text::inet and generation < $3").execute(Tuple.of(k.router(), k.peerAddress(),
                                    generation)).map(rows -> n + rows.rowCount()))
                    .invoke(n -> LOG.infof("Session %s: table written (%d rows) in %d ms", k, n,
                            (System.nanoTime() - started) / 1_000_000));
        } else {
            long generation = generations.getOrDefault(k, 0L);
            int batches = (p.count() + BATCH - 1) / BATCH;
            // each batch is read from the RIB when its turn comes, so at most one batch of rows is held
            chain = chain.chain(n -> Multi.createFrom().range(0, batches).onItem().transformToUniAndConcatenate(b -> {
                int from = b * BATCH;
                int end = Math.min(p.count(), from + BATCH);
                Rows rows = new Rows();
                for (int i = from; i < end; i++) {
                    long pathId = Integer.toUnsignedLong(p.pathIds()[i]);
                    RibRoute r = rib.path(p.prefixes()[i], pathId);
                    if (r == null) {
                        rows.delete(p.prefixes()[i], pathId);
                    } else {
                        rows.upsert(p.prefixes()[i], r);
                    }
                }
                return rows.write(k, generation).invoke(() -> inFlight.addAndGet(-(end - from)));
            }).collect().with(java.util.stream.Collectors.summingInt(Integer::intValue)).map(m -> n + m));
        }
        return chain.invoke(n -> {
            rowsWritten.increment(n);
            inFlight.set(0);
        }).onFailure().invoke(() -> {
            // what was taken is not known to be written: the session is written whole next time
            inFlight.set(0);
            rib.rewriteLater();
        });
    }

    /** A rewrite's generation: newer than any the session's rows carry (millis, so across restarts too). */
    private long nextGeneration(SessionKey k) {
        long g = Math.max(System.currentTimeMillis(), generations.getOrDefault(k, 0L) + 1);
        generations.put(k, g);
        return g;
    }

    /** Where a rewrite pass is: the family, and the last prefix written. */
    private static final class Cursor {
        boolean v6;
        Prefix after;
    }

    /**
     * Writes every path of the session, IPv4 then IPv6, a batch at a time in address order; each batch is read
     * from the RIB (under its monitor, briefly) only when the previous one has been written.
     */
    private Uni<Integer> pass(SessionRib rib, long generation) {
        return Multi.createBy().repeating().uni(Cursor::new, c -> {
            Rows rows = new Rows();
            Prefix last = rib.forEachAfter(c.v6, c.after, BATCH, v -> rows.upsert(v.prefix(), v.route()));
            if (last == null) {
                if (c.v6) {
                    // the end (the sentinel is not emitted)
                    return Uni.createFrom().item(-1);
                }
                c.v6 = true;
                c.after = null;
                return Uni.createFrom().item(0);
            }
            c.after = last;
            int done = rows.size();
            return rows.write(rib.key(), generation).invoke(() -> inFlight.addAndGet(-done));
        }).until(n -> n < 0)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** One batch of rows to upsert and to delete, written as two statements (each path is in a batch once). */
    private final class Rows {
        final List<String> upPrefix = new ArrayList<>();
        final List<Long> upPath = new ArrayList<>();
        final List<String> upHop = new ArrayList<>();
        final List<String> upAsPath = new ArrayList<>();
        final List<Long> upOrigin = new ArrayList<>();
        final List<Buffer> upAttributes = new ArrayList<>();
        final List<Long> upAt = new ArrayList<>();
        final List<String> delPrefix = new ArrayList<>();
        final List<Long> delPath = new ArrayList<>();

        // neighbouring paths often share their attributes: the last encoding and AS path text are reused for them
        private PathAttributes lastAttributes;
        private Buffer lastEncoded;
        private String lastAsPath;

        /** Makes {@code a} the last attributes seen, encoding it and its AS path text if it is not already. */
        private void last(PathAttributes a) {
            if (a != lastAttributes) {
                lastEncoded = encode(a);
                lastAsPath = a.asPathText();
                lastAttributes = a;
            }
        }

        int size() {
            return upPrefix.size() + delPrefix.size();
        }

        void upsert(Prefix prefix, RibRoute r) {
            upPrefix.add(prefix.toString());
            upPath.add(r.pathId());
            upHop.add(r.nextHop);
            last(r.attributes);
            upAsPath.add(lastAsPath);
            upOrigin.add(r.attributes.originAs());
            upAttributes.add(lastEncoded);
            upAt.add(r.receivedAtMillis);
        }

        void delete(Prefix prefix, long pathId) {
            delPrefix.add(prefix.toString());
            delPath.add(pathId);
        }

        Uni<Integer> write(SessionKey k, long generation) {
            // one statement per path, each an index lookup on the primary key: a join against an unnested array
            // would be planned from statistics, and a table bloated by churn made it a scan of the table per batch
            Uni<Integer> deletes = Uni.createFrom().item(0);
            if (!delPrefix.isEmpty()) {
                List<Tuple> keys = new ArrayList<>(delPrefix.size());
                for (int i = 0; i < delPrefix.size(); i++) {
                    keys.add(Tuple.of(k.router(), k.peerAddress(), delPrefix.get(i), delPath.get(i)));
                }
                deletes = pool.preparedQuery("delete from received_route where router = $1 and peer_address ="
                        + " $2::text::inet and prefix = $3::text::cidr and path_id = $4").executeBatch(keys)
                        .map(RibStore::rowCount);
            }
            if (upPrefix.isEmpty()) {
                return deletes;
            }
            return deletes.chain(n -> pool.preparedQuery("insert into received_route (router, peer_address, peer_asn,"
                    + " prefix, path_id, next_hop, as_path, origin_asn, attributes, received_at, generation) select $1,"
                    + " $2::text::inet, $3, u.prefix, u.path_id, u.next_hop, u.as_path, u.origin_asn, u.attributes,"
                    + " to_timestamp(u.received_at / 1000.0), $11 from unnest($4::text[]::cidr[], $5::bigint[],"
                    + " $6::text[]::inet[], $7::text[], $8::bigint[], $9::bytea[], $10::bigint[]) as u(prefix, path_id,"
                    + " next_hop, as_path, origin_asn, attributes, received_at) on conflict (router, peer_address,"
                    + " prefix, path_id) do update set peer_asn = excluded.peer_asn, next_hop = excluded.next_hop,"
                    + " as_path = excluded.as_path, origin_asn = excluded.origin_asn, attributes = excluded.attributes,"
                    + " received_at = excluded.received_at, generation = excluded.generation")
                    .execute(Tuple.from(new Object[] { k.router(), k.peerAddress(), k.peerAsn(),
                            upPrefix.toArray(String[]::new), upPath.toArray(Long[]::new), upHop.toArray(String[]::new),
                            upAsPath.toArray(String[]::new), upOrigin.toArray(Long[]::new),
                            upAttributes.toArray(Buffer[]::new), upAt.toArray(Long[]::new), generation }))
                    .map(rows -> n + rows.rowCount()));
        }
    }

    /** Rows affected by every statement of a batch. */
    private static int rowCount(io.vertx.mutiny.sqlclient.RowSet<Row> first) {
        int n = 0;
        for (io.vertx.mutiny.sqlclient.RowSet<Row> r = first; r != null; r = r.next()) {
            n += r.rowCount();
        }
        return n;
    }

    /** The attributes in wire form: an UPDATE holding them (with a carrier route so that NEXT_HOP is kept). */
    private static Buffer encode(PathAttributes a) {
        return Buffer.buffer(BgpEncoder.update(List.of(), a.nextHop() == null ? List.of() : List.of(CARRIER), a, null,
                BgpSessionContext.DEFAULT));
    }

    static PathAttributes decode(byte[] bytes) {
        try {
            return ((Update) BgpDecoder.decode(bytes, BgpSessionContext.DEFAULT)).attributes();
        } catch (Exception e) {
            throw new IllegalStateException("stored path attributes do not decode: " + e.getMessage(), e);
        }
    }

    /** Reads every stored route into the registry's sessions (attributes decoded once per distinct value). */
    Uni<Integer> restore(RibRegistry into) {
        // rows come ordered by their attributes: each distinct set is decoded once, without a map of them all
        Previous previous = new Previous();
        int[] count = { 0 };
        return pool.withTransaction(tx -> tx.prepare("select router, host(peer_address) as peer, peer_asn,"
                + " prefix::text as prefix, path_id, host(next_hop) as next_hop, attributes,"
                + " (extract(epoch from received_at) * 1000)::bigint as received_at from received_route"
                + " where attributes is not null order by attributes")
                .chain(ps -> ps.createStream(BATCH).toMulti().onItem().invoke(row -> {
                    restoreRow(into, row, previous);
                    count[0]++;
                }).collect().last()).replaceWith(() -> count[0]));
    }

    /** The attributes of the previous row read back, in wire form and decoded. */
    private static final class Previous {
        byte[] bytes;
        PathAttributes attributes;
    }

    private void restoreRow(RibRegistry into, Row row, Previous previous) {
        try {
            SessionKey key = new SessionKey(row.getString("router"), Neighbor.canonical(row.getString("peer")),
                    row.getLong("peer_asn"));
            byte[] bytes = row.getBuffer("attributes").getBytes();
            if (!java.util.Arrays.equals(previous.bytes, bytes)) {
                previous.attributes = into.interner().intern(decode(bytes));
                previous.bytes = bytes;
            }
            PathAttributes a = previous.attributes;
            String hop = row.getString("next_hop");
            into.session(key).restore(Prefix.parse(row.getString("prefix")), row.getLong("path_id"), a,
                    hop == null ? null : into.interner().intern(hop), row.getLong("received_at"));
        } catch (RuntimeException e) {
            LOG.warnf("A stored route of %s was not restored: %s", row.getString("router"), e.getMessage());
        }
    }
}

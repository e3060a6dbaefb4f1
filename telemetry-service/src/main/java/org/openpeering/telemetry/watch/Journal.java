package org.openpeering.telemetry.watch;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.proto.telemetry.v1.RouteChange;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ordered writer of route changes and anomalies: the detector appends without waiting, one writer executes the
 * statements in order in batches (plain batched SQL), and {@link #persistedUpTo()} tells the change stream how far
 * the log is durable, so a resumed stream never skips a change.
 */
@ApplicationScoped
public class Journal {

    private static final Logger LOG = Logger.getLogger(Journal.class);

    static final String INSERT_CHANGE = "insert into route_change (sequence, at, watched_prefix, event_type, event_level,"
            + " summary, description, route_prefix, router, peer_address, as_path, origin_asn, anomaly_id, anomaly_type)"
            + " values ($1, $2, $3::text::cidr, $4, $5, $6, $7, $8::text::cidr, $9, $10::text::inet, $11, $12, $13, $14)"
            // a retried batch may have been half written: inserting twice must be harmless
            + " on conflict (sequence) do nothing";
    static final String INSERT_ANOMALY = "insert into anomaly (id, type, level, watched_prefix, route_prefix, router,"
            + " peer_address, started_at, description, updates) values ($1, $2, $3, $4::text::cidr, $5::text::cidr, $6,"
            + " $7::text::inet, $8, $9, $10) on conflict (id) do nothing";
    static final String UPDATE_ANOMALY = "update anomaly set ended_at = $2, updates = $3 where id = $1";

    private record Op(String sql, Tuple args, long sequence) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private final ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong anomalyIds = new AtomicLong();
    private volatile long persisted;
    /** A batch that failed, written again before anything newer. */
    private volatile List<Op> retry;

    public Journal(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        var rows = pool.query("select coalesce((select max(sequence) from route_change), 0) as s,"
                + " coalesce((select max(id) from anomaly), 0) as a").execute().await().indefinitely();
        var row = rows.iterator().next();
        sequence.set(row.getLong("s"));
        persisted = row.getLong("s");
        anomalyIds.set(row.getLong("a"));
        // the RIB starts empty: what was active before a restart is re-detected when the sessions return
        int ended = pool.query("update anomaly set ended_at = now(), description = description"
                + " || ' (ended: the collector restarted)' where ended_at is null").execute().await().indefinitely()
                .rowCount();
        if (ended > 0) {
            LOG.infof("Ended %d anomalies left active by the previous run", ended);
        }
        vertx.setPeriodic(50, id -> flush());
    }

    public long nextAnomalyId() {
        return anomalyIds.incrementAndGet();
    }

    /** Numbers, timestamps and queues a change; returns it as stored. */
    public RouteChange append(RouteChange.Builder change) {
        RouteChange c;
        synchronized (this) {
            long seq = sequence.incrementAndGet();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            c = change.setSequence(seq).setAt(now.toInstant().toString()).build();
            queue.add(new Op(INSERT_CHANGE, Tuple.from(new Object[] { seq, now, c.getWatchedPrefix(), c.getEventType(),
                    c.getEventLevel(), c.getSummary(), c.getDescription(), blank(c.getRoutePrefix()),
                    blank(c.getSession().getRouter()), blank(c.getSession().getPeerAddress()), blank(c.getAsPath()),
                    c.getOriginAsn() == 0 ? null : c.getOriginAsn(), c.getAnomalyId() == 0 ? null : c.getAnomalyId(),
                    blank(c.getAnomalyType()) }), seq));
        }
        return c;
    }

    public void anomalyStarted(long id, String type, String level, String watched, String route, String router,
            String peer, OffsetDateTime at, String description, List<String> updates) {
        queue.add(new Op(INSERT_ANOMALY, Tuple.from(new Object[] { id, type, level, watched, route, router, peer, at,
                description, new JsonArray(new ArrayList<>(updates)) }), 0));
    }

    public void anomalyChanged(long id, OffsetDateTime endedAt, List<String> updates) {
        queue.add(new Op(UPDATE_ANOMALY, Tuple.of(id, endedAt, new JsonArray(new ArrayList<>(updates))), 0));
    }

    /** Every change with a sequence up to this one is in the database. */
    public long persistedUpTo() {
        return persisted;
    }

    private void flush() {
        if ((retry == null && queue.isEmpty()) || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Op> batch = retry;
        if (batch == null) {
            // consecutive statements of one kind go as one batch; order is kept
            batch = new ArrayList<>();
            Op head = queue.poll();
            batch.add(head);
            while (batch.size() < 1000 && queue.peek() != null && queue.peek().sql().equals(head.sql())) {
                batch.add(queue.poll());
            }
        }
        List<Op> current = batch;
        Op first = current.get(0);
        long last = current.stream().mapToLong(Op::sequence).max().orElse(0);
        pool.preparedQuery(first.sql()).executeBatch(current.stream().map(Op::args).toList())
                .subscribe().with(ok -> {
                    retry = null;
                    if (last > 0) {
                        persisted = Math.max(persisted, last);
                    }
                    writing.set(false);
                    flush();
                }, e -> {
                    LOG.errorf("Journal write failed (%d statements kept for a retry): %s", current.size(), e.toString());
                    retry = current;
                    writing.set(false);
                });
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package org.openpeering.telemetry.latency;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;
import org.jboss.logging.Logger;
import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.LatencyHour;
import org.openpeering.proto.telemetry.v1.LatencyMaintenanceResult;
import org.openpeering.proto.telemetry.v1.LatencyReport;
import org.openpeering.proto.telemetry.v1.LatencyStats;
import org.openpeering.proto.telemetry.v1.LocationLatency;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.protocol.Prefix;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Latency aggregates in PostgreSQL (plain batched SQL): minute rows written from the aggregator, hourly and daily
 * roll-ups merged from them (HdrHistograms merge exactly), retention by dropping whole partitions, and reports
 * merged from hourly rows (complete hours) and minute rows (the hours not rolled up yet).
 */
@ApplicationScoped
// HdrHistogram decodes by calling the histogram class's constructor reflectively
@io.quarkus.runtime.annotations.RegisterForReflection(targets = { Histogram.class, IntCountsHistogram.class })
public class LatencyStore {

    private static final Logger LOG = Logger.getLogger(LatencyStore.class);
    public static final Map<String, Duration> WINDOWS = Map.of("PT6H", Duration.ofHours(6), "PT12H",
            Duration.ofHours(12), "P1D", Duration.ofDays(1), "P7D", Duration.ofDays(7), "P30D", Duration.ofDays(30));

    private final Pool pool;
    private final CollectorConfig.Latency config;

    public LatencyStore(Pool pool, CollectorConfig config) {
        this.pool = pool;
        this.config = config.latency();
    }

    // ---- encoding

    /** HdrHistogram's V2 encoding (zig-zag LEB128 counts: a few hundred bytes; no zlib, so decoding is cheap). */
    private static final ThreadLocal<ByteBuffer> ENCODE_BUFFER = ThreadLocal.withInitial(
            () -> ByteBuffer.allocate(LatencyAggregator.newHistogram().getNeededByteBufferCapacity()));

    static Buffer encode(AbstractHistogram h) {
        ByteBuffer buf = ENCODE_BUFFER.get();
        if (buf.capacity() < h.getNeededByteBufferCapacity()) {
            buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            ENCODE_BUFFER.set(buf);
        }
        buf.clear();
        int n = h.encodeIntoByteBuffer(buf);
        return Buffer.buffer(java.util.Arrays.copyOf(buf.array(), n));
    }

    static AbstractHistogram decode(Object value) {
        byte[] bytes = value instanceof Buffer b ? b.getBytes()
                : ((io.vertx.mutiny.core.buffer.Buffer) value).getBytes();
        return IntCountsHistogram.decodeFromByteBuffer(ByteBuffer.wrap(bytes), LatencyAggregator.HIGHEST_US);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    // ---- watermarks

    record Watermarks(Instant hour, Instant day) {
    }

    /** The marks as last read (reports may use a stale one: see {@link #report}). */
    private volatile Watermarks cached;

    Uni<Watermarks> watermarks(SqlClient c, Instant now) {
        return c.query("select kind, upto from latency_rollup").execute().chain(rows -> {
            Instant hour = null;
            Instant day = null;
            for (Row r : rows) {
                Instant upto = r.getOffsetDateTime("upto").toInstant();
                if (r.getString("kind").equals("hour")) {
                    hour = upto;
                } else {
                    day = upto;
                }
            }
            if (hour != null && day != null) {
                Watermarks w = new Watermarks(hour, day);
                cached = w;
                return Uni.createFrom().item(w);
            }
            // first use: roll up from the earliest minute held (or from now)
            return c.query("select min(minute) from latency_minute").execute().chain(min -> {
                OffsetDateTime earliest = min.iterator().next().getOffsetDateTime(0);
                Instant start = (earliest == null ? now : earliest.toInstant()).truncatedTo(ChronoUnit.HOURS);
                Instant dayStart = start.truncatedTo(ChronoUnit.DAYS);
                return c.preparedQuery("insert into latency_rollup (kind, upto) values ('hour', $1), ('day', $2)"
                        + " on conflict (kind) do nothing").execute(Tuple.of(utc(start), utc(dayStart)))
                        .map(x -> {
                            Watermarks w = new Watermarks(start, dayStart);
                            cached = w;
                            return w;
                        });
            });
        });
    }

    // ---- writing

    /**
     * Writes the aggregates as minute rows; those of hours (days) already rolled up also go to the hour (day) table,
     * so a late sample is never missing from a coarser period. Returns the minute rows written.
     */
    public Uni<Integer> write(Map<LatencyAggregator.Key, LatencyAggregator.Bucket> buckets, Instant now) {
        if (buckets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Uni.createFrom().item(() -> encodeRows(buckets)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(rows -> pool.withTransaction(tx -> watermarks(tx, now).chain(w -> {
                    List<EncodedRow> hourly = new ArrayList<>();
                    List<EncodedRow> daily = new ArrayList<>();
                    for (EncodedRow r : rows) {
                        if (r.at().isBefore(w.hour())) {
                            hourly.add(r.at(r.at().truncatedTo(ChronoUnit.HOURS)));
                        }
                        if (r.at().isBefore(w.day())) {
                            daily.add(r.at(r.at().truncatedTo(ChronoUnit.DAYS)));
                        }
                    }
                    return insert(tx, "latency_minute", "minute", rows).chain(() -> insert(tx, "latency_hour", "hour",
                            hourly)).chain(() -> insert(tx, "latency_day", "day", daily)).replaceWith(rows.size());
                })));
    }

    record EncodedRow(String prefix, String location, Instant at, long samples, long losses, Buffer histogram) {
        EncodedRow at(Instant other) {
            return new EncodedRow(prefix, location, other, samples, losses, histogram);
        }
    }

    private static List<EncodedRow> encodeRows(Map<LatencyAggregator.Key, LatencyAggregator.Bucket> buckets) {
        List<EncodedRow> out = new ArrayList<>(buckets.size());
        Histogram h = LatencyAggregator.newHistogram();
        buckets.forEach((k, b) -> {
            h.reset();
            b.into(h);
            out.add(new EncodedRow(k.prefix().toString(), k.location(), Instant.ofEpochMilli(k.epochMinute() * 60_000L),
                    h.getTotalCount(), b.losses(), encode(h)));
        });
        return out;
    }

    static Uni<Void> insert(SqlClient c, String table, String column, List<EncodedRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] prefixes = new String[n];
        String[] locations = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        Long[] samples = new Long[n];
        Long[] losses = new Long[n];
        Buffer[] histograms = new Buffer[n];
        for (int i = 0; i < n; i++) {
            EncodedRow r = rows.get(i);
            prefixes[i] = r.prefix();
            locations[i] = r.location();
            at[i] = utc(r.at());
            samples[i] = r.samples();
            losses[i] = r.losses();
            histograms[i] = r.histogram();
        }
        return c.preparedQuery("insert into " + table + " (prefix, location, " + column + ", samples, losses, histogram)"
                + " select p::cidr, l, t, s, x, h from unnest($1::text[], $2::text[], $3::timestamptz[], $4::int8[],"
                + " $5::int8[], $6::bytea[]) as u(p, l, t, s, x, h)")
                .execute(Tuple.from(new Object[] { prefixes, locations, at, samples, losses, histograms }))
                .replaceWithVoid();
    }

    // ---- maintenance: partitions, roll-ups, retention

    public Uni<LatencyMaintenanceResult.Builder> maintain(Instant now) {
        LatencyMaintenanceResult.Builder result = LatencyMaintenanceResult.newBuilder();
        return partitions(now).chain(() -> rollUpHours(now, result)).chain(() -> rollUpDays(result))
                .chain(() -> retention(now, result)).replaceWith(result);
    }

    private Uni<Void> partitions(Instant now) {
        List<String> ddl = new ArrayList<>();
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        for (int d = -1; d <= 2; d++) {
            Instant from = today.plus(d, ChronoUnit.DAYS);
            ddl.add("create table if not exists latency_minute_p" + from.toString().substring(0, 10).replace("-", "")
                    + " partition of latency_minute for values from ('" + from + "') to ('" + from.plus(1, ChronoUnit.DAYS)
                    + "')");
        }
        OffsetDateTime month = utc(now).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        for (int m = 0; m <= 1; m++) {
            OffsetDateTime from = month.plusMonths(m);
            ddl.add("create table if not exists latency_hour_p" + from.toString().substring(0, 7).replace("-", "")
                    + " partition of latency_hour for values from ('" + from.toInstant() + "') to ('"
                    + from.plusMonths(1).toInstant() + "')");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sql : ddl) {
            // a partition whose range the default partition already holds rows of is not made (those rows stay
            // in the default partition, still read and still subject to retention)
            chain = chain.chain(() -> pool.query(sql).execute().replaceWithVoid().onFailure().recoverWithUni(e -> {
                LOG.debugf("Partition not made (%s): %s", sql, e.getMessage());
                return Uni.createFrom().voidItem();
            }));
        }
        return chain;
    }

    /** Hours are complete once they ended a flush interval plus a minute ago. */
    private Uni<Void> rollUpHours(Instant now, LatencyMaintenanceResult.Builder result) {
        Instant closed = now.minus(config.flushInterval()).minusSeconds(60).truncatedTo(ChronoUnit.HOURS);
        return pool.withTransaction(tx -> watermarks(tx, now)).chain(w -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Instant h = w.hour(); h.isBefore(closed); h = h.plus(1, ChronoUnit.HOURS)) {
                Instant hour = h;
                chain = chain.chain(() -> rollUp("latency_minute", "minute", "latency_hour", "hour", hour,
                        hour.plus(1, ChronoUnit.HOURS))).invoke(() -> result.setHoursRolledUp(result.getHoursRolledUp() + 1));
            }
            return chain;
        });
    }

    /** Days are complete once all their hours are rolled up. */
    private Uni<Void> rollUpDays(LatencyMaintenanceResult.Builder result) {
        return pool.withTransaction(tx -> watermarks(tx, Instant.now())).chain(w -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Instant d = w.day(); !d.plus(1, ChronoUnit.DAYS).isAfter(w.hour()); d = d.plus(1, ChronoUnit.DAYS)) {
                Instant day = d;
                chain = chain.chain(() -> rollUp("latency_hour", "hour", "latency_day", "day", day,
                        day.plus(1, ChronoUnit.DAYS))).invoke(() -> result.setDaysRolledUp(result.getDaysRolledUp() + 1));
            }
            return chain;
        });
    }

    /**
     * Merges one period of the finer table into one row per (prefix, location) of the coarser, and moves the mark;
     * rows are read through a cursor in (prefix, location) order and merged group by group, so memory stays flat.
     */
    private Uni<Void> rollUp(String from, String fromColumn, String to, String toColumn, Instant start, Instant end) {
        String kind = toColumn;
        Merger merger = new Merger(start);
        return pool.withTransaction(tx -> tx.prepare("select prefix::text as prefix, location, samples, losses,"
                + " histogram from " + from + " where " + fromColumn + " >= $1 and " + fromColumn + " < $2"
                + " order by prefix, location")
                .chain(ps -> {
                    io.vertx.mutiny.sqlclient.Cursor cursor = ps.cursor(Tuple.of(utc(start), utc(end)));
                    return readAll(cursor, merger).eventually(() -> cursor.close());
                })
                .chain(() -> insert(tx, to, toColumn, merger.finish()))
                .chain(() -> tx.preparedQuery("update latency_rollup set upto = $2 where kind = $1 and upto = $3")
                        .execute(Tuple.of(kind, utc(end), utc(start))).replaceWithVoid()));
    }

    private static Uni<Void> readAll(io.vertx.mutiny.sqlclient.Cursor cursor, Merger merger) {
        return cursor.read(2000).chain(rows -> Uni.createFrom().item(() -> {
            rows.forEach(merger::add);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).chain(x -> cursor.hasMore()
                ? readAll(cursor, merger) : Uni.createFrom().voidItem()));
    }

    /** Merges rows arriving in (prefix, location) order into one encoded row per group, one histogram at a time. */
    static final class Merger {
        private final Instant at;
        private final Histogram current = LatencyAggregator.newHistogram();
        private final List<EncodedRow> out = new ArrayList<>();
        private String prefix;
        private String location;
        private long samples;
        private long losses;

        Merger(Instant at) {
            this.at = at;
        }

        void add(Row r) {
            String p = r.getString("prefix");
            String l = r.getString("location");
            if (prefix != null && !(prefix.equals(p) && location.equals(l))) {
                flush();
            }
            prefix = p;
            location = l;
            current.add(decode(r.getValue("histogram")));
            samples += r.getLong("samples");
            losses += r.getLong("losses");
        }

        private void flush() {
            out.add(new EncodedRow(prefix, location, at, samples, losses, encode(current)));
            current.reset();
            samples = 0;
            losses = 0;
        }

        List<EncodedRow> finish() {
            if (prefix != null) {
                flush();
                prefix = null;
            }
            return out;
        }
    }

    private Uni<Void> retention(Instant now, LatencyMaintenanceResult.Builder result) {
        Instant minuteCutoff = now.minus(config.minuteRetention());
        Instant hourCutoff = now.minus(config.hourRetention());
        Uni<Void> chain = dropPartitions("latency_minute", minuteCutoff, 8)
                .chain(() -> delete("latency_minute", "minute", minuteCutoff, result))
                .chain(() -> dropPartitions("latency_hour", hourCutoff, 6))
                .chain(() -> delete("latency_hour", "hour", hourCutoff, result));
        if (config.dayRetention().isPresent()) {
            Instant dayCutoff = now.minus(config.dayRetention().get());
            chain = chain.chain(() -> delete("latency_day", "day", dayCutoff, result));
        }
        return chain;
    }

    private Uni<Void> delete(String table, String column, Instant cutoff, LatencyMaintenanceResult.Builder result) {
        return pool.preparedQuery("delete from " + table + " where " + column + " < $1").execute(Tuple.of(utc(cutoff)))
                .invoke(r -> result.setRowsDeleted(result.getRowsDeleted() + r.rowCount())).replaceWithVoid();
    }

    /** Drops the partitions (named ..._pYYYYMMDD or ..._pYYYYMM) that end before the cutoff. */
    private Uni<Void> dropPartitions(String parent, Instant cutoff, int digits) {
        return pool.preparedQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " join pg_class p on p.oid = i.inhparent where p.relname = $1").execute(Tuple.of(parent)).chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row r : rows) {
                        String name = r.getString(0);
                        String suffix = name.substring(name.lastIndexOf('_') + 1);
                        if (!suffix.startsWith("p") || suffix.length() != digits + 1) {
                            continue;
                        }
                        OffsetDateTime start = digits == 8
                                ? OffsetDateTime.parse(suffix.substring(1, 5) + "-" + suffix.substring(5, 7) + "-"
                                        + suffix.substring(7, 9) + "T00:00:00Z")
                                : OffsetDateTime.parse(suffix.substring(1, 5) + "-" + suffix.substring(5, 7)
                                        + "-01T00:00:00Z");
                        Instant end = (digits == 8 ? start.plusDays(1) : start.plusMonths(1)).toInstant();
                        if (!end.isAfter(cutoff)) {
                            chain = chain.chain(() -> pool.query("drop table if exists " + name).execute().replaceWithVoid());
                        }
                    }
                    return chain;
                });
    }

    // ---- reports

    public Uni<LatencyReport> report(Prefix reported, String window, String location, Instant now) {
        Duration span = WINDOWS.get(window == null ? "" : window.toUpperCase(java.util.Locale.ROOT));
        if (span == null) {
            throw DomainException.badArgument("window", "The window must be one of PT6H, PT12H, P1D, P7D, P30D.");
        }
        Instant to = now;
        Instant from = now.minus(span).truncatedTo(ChronoUnit.HOURS);
        String locationFilter = location == null || location.isBlank() ? null : location;
        // no transaction: minute rows outlive their roll-up, so hours before the mark (even a stale one) come from
        // the hourly table and the rest from the minutes, each counted once; both queries run at once
        Watermarks known = cached;
        Uni<Watermarks> marks = known != null ? Uni.createFrom().item(known)
                : pool.withConnection(c -> watermarks(c, now));
        return marks.chain(w -> {
            Instant split = w.hour().isBefore(from) ? from : w.hour();
            String where = " where prefix = $1::text::cidr and %s >= $2 and %s < $3"
                    + (locationFilter == null ? "" : " and lower(location) = lower($4)");
            Tuple hourArgs = locationFilter == null ? Tuple.of(reported.toString(), utc(from), utc(split))
                    : Tuple.of(reported.toString(), utc(from), utc(split), locationFilter);
            Tuple minuteArgs = locationFilter == null ? Tuple.of(reported.toString(), utc(split), utc(to.plusSeconds(60)))
                    : Tuple.of(reported.toString(), utc(split), utc(to.plusSeconds(60)), locationFilter);
            Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> hours = pool.preparedQuery("select location, hour as at, samples,"
                    + " losses, histogram from latency_hour" + where.formatted("hour", "hour")).execute(hourArgs);
            Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> minutes = pool.preparedQuery("select location, date_trunc('hour',"
                    + " minute, 'UTC') as at, samples, losses, histogram from latency_minute"
                    + where.formatted("minute", "minute")).execute(minuteArgs);
            return Uni.combine().all().unis(hours, minutes).asTuple().map(t -> {
                List<Row> all = new ArrayList<>();
                t.getItem1().forEach(all::add);
                t.getItem2().forEach(all::add);
                return all;
            });
        }).chain(rows -> Uni.createFrom().item(() -> build(reported, window, from, to, rows))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * One pass over the rows in hour order with a handful of histograms alive (one per location, the current hour):
     * each stored histogram is decoded once; the overall figures are the sum of the locations'.
     */
    private LatencyReport build(Prefix reported, String window, Instant from, Instant to, List<Row> rows) {
        record Item(Instant at, String location, long losses, Object histogram) {
        }
        List<Item> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            items.add(new Item(r.getOffsetDateTime("at").toInstant(), r.getString("location"), r.getLong("losses"),
                    r.getValue("histogram")));
        }
        items.sort(java.util.Comparator.comparing(Item::at));
        Map<String, Histogram> byLocation = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Long> locationLoss = new HashMap<>();
        Map<Instant, LatencyHour> hourly = new HashMap<>();
        Histogram hour = LatencyAggregator.newHistogram();
        int i = 0;
        while (i < items.size()) {
            Instant at = items.get(i).at();
            hour.reset();
            long hourLoss = 0;
            while (i < items.size() && items.get(i).at().equals(at)) {
                Item item = items.get(i++);
                AbstractHistogram h = decode(item.histogram());
                hour.add(h);
                hourLoss += item.losses();
                byLocation.computeIfAbsent(item.location(), k -> LatencyAggregator.newHistogram()).add(h);
                locationLoss.merge(item.location(), item.losses(), Long::sum);
            }
            hourly.put(at, hour(at, hour, hourLoss));
        }
        Histogram overall = LatencyAggregator.newHistogram();
        long overallLoss = 0;
        for (Map.Entry<String, Histogram> e : byLocation.entrySet()) {
            overall.add(e.getValue());
            overallLoss += locationLoss.get(e.getKey());
        }
        LatencyReport.Builder b = LatencyReport.newBuilder().setReportedPrefix(reported.toString())
                .setWindow(window.toUpperCase(java.util.Locale.ROOT)).setFrom(from.toString()).setTo(to.toString())
                .setOverall(stats(overall, overallLoss)).setSignificantDigits(LatencyAggregator.DIGITS);
        b.addAllHourly(series(from, to, hourly));
        byLocation.forEach((location, h) -> b.addLocations(LocationLatency.newBuilder().setLocation(location)
                .setStats(stats(h, locationLoss.get(location)))));
        return b.build();
    }

    private LatencyHour hour(Instant at, AbstractHistogram h, long losses) {
        return LatencyHour.newBuilder().setHour(at.toString()).setStats(stats(h, losses))
                .setLowConfidence(h.getTotalCount() < config.lowConfidenceSamples()).build();
    }

    /** One entry per hour of the window, empty hours included (and low-confidence). */
    private List<LatencyHour> series(Instant from, Instant to, Map<Instant, LatencyHour> hours) {
        List<LatencyHour> out = new ArrayList<>();
        LatencyStats empty = stats(LatencyAggregator.newHistogram(), 0);
        for (Instant h = from; !h.isAfter(to); h = h.plus(1, ChronoUnit.HOURS)) {
            LatencyHour known = hours.get(h);
            out.add(known != null ? known : LatencyHour.newBuilder().setHour(h.toString()).setStats(empty)
                    .setLowConfidence(true).build());
        }
        return out;
    }

    static LatencyStats stats(AbstractHistogram h, long losses) {
        long count = h.getTotalCount();
        LatencyStats.Builder s = LatencyStats.newBuilder().setCount(count).setLosses(losses)
                .setLossRatio(count + losses == 0 ? 0 : (double) losses / (count + losses));
        if (count > 0) {
            s.setMinMs(h.getMinValue() / 1000.0).setMaxMs(h.getMaxValue() / 1000.0)
                    .setP50Ms(h.getValueAtPercentile(50) / 1000.0).setP75Ms(h.getValueAtPercentile(75) / 1000.0)
                    .setP95Ms(h.getValueAtPercentile(95) / 1000.0).setP99Ms(h.getValueAtPercentile(99) / 1000.0);
        }
        return s.build();
    }
}

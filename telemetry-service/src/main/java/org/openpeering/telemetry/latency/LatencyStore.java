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
import java.util.zip.DataFormatException;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;
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

    static Buffer encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Buffer.buffer(java.util.Arrays.copyOf(buf.array(), n));
    }

    static Histogram decode(Object value) {
        byte[] bytes = value instanceof Buffer b ? b.getBytes()
                : ((io.vertx.mutiny.core.buffer.Buffer) value).getBytes();
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), LatencyAggregator.HIGHEST_US);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored latency histogram does not decode", e);
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    // ---- watermarks

    record Watermarks(Instant hour, Instant day) {
    }

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
                return Uni.createFrom().item(new Watermarks(hour, day));
            }
            // first use: roll up from the earliest minute held (or from now)
            return c.query("select min(minute) from latency_minute").execute().chain(min -> {
                OffsetDateTime earliest = min.iterator().next().getOffsetDateTime(0);
                Instant start = (earliest == null ? now : earliest.toInstant()).truncatedTo(ChronoUnit.HOURS);
                Instant dayStart = start.truncatedTo(ChronoUnit.DAYS);
                return c.preparedQuery("insert into latency_rollup (kind, upto) values ('hour', $1), ('day', $2)"
                        + " on conflict (kind) do nothing").execute(Tuple.of(utc(start), utc(dayStart)))
                        .replaceWith(new Watermarks(start, dayStart));
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
        buckets.forEach((k, b) -> {
            synchronized (b) {
                out.add(new EncodedRow(k.prefix().toString(), k.location(), Instant.ofEpochMilli(k.epochMinute() * 60_000L),
                        b.histogram().getTotalCount(), b.losses(), encode(b.histogram())));
            }
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

    /** Merges one period of the finer table into one row per (prefix, location) of the coarser, and moves the mark. */
    private Uni<Void> rollUp(String from, String fromColumn, String to, String toColumn, Instant start, Instant end) {
        String kind = toColumn;
        return pool.withTransaction(tx -> tx.preparedQuery("select prefix::text as prefix, location, samples, losses,"
                + " histogram from " + from + " where " + fromColumn + " >= $1 and " + fromColumn + " < $2")
                .execute(Tuple.of(utc(start), utc(end)))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return Uni.createFrom().item(() -> merge(list, start)).runSubscriptionOn(
                            Infrastructure.getDefaultWorkerPool());
                })
                .chain(merged -> insert(tx, to, toColumn, merged))
                .chain(() -> tx.preparedQuery("update latency_rollup set upto = $2 where kind = $1 and upto = $3")
                        .execute(Tuple.of(kind, utc(end), utc(start))).replaceWithVoid()));
    }

    private static List<EncodedRow> merge(List<Row> rows, Instant at) {
        Map<String, Histogram> histograms = new TreeMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (Row r : rows) {
            String key = r.getString("prefix") + "|" + r.getString("location");
            histograms.computeIfAbsent(key, k -> LatencyAggregator.newHistogram()).add(decode(r.getValue("histogram")));
            long[] c = counts.computeIfAbsent(key, k -> new long[2]);
            c[0] += r.getLong("samples");
            c[1] += r.getLong("losses");
        }
        List<EncodedRow> out = new ArrayList<>();
        histograms.forEach((key, h) -> {
            int bar = key.indexOf('|');
            long[] c = counts.get(key);
            out.add(new EncodedRow(key.substring(0, bar), key.substring(bar + 1), at, c[0], c[1], encode(h)));
        });
        return out;
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
        return pool.withTransaction(tx -> watermarks(tx, now).chain(w -> {
            Instant split = w.hour().isBefore(from) ? from : w.hour();
            String where = " where prefix = $1::text::cidr and %s >= $2 and %s < $3"
                    + (locationFilter == null ? "" : " and lower(location) = lower($4)");
            Tuple hourArgs = locationFilter == null ? Tuple.of(reported.toString(), utc(from), utc(split))
                    : Tuple.of(reported.toString(), utc(from), utc(split), locationFilter);
            Tuple minuteArgs = locationFilter == null ? Tuple.of(reported.toString(), utc(split), utc(to.plusSeconds(60)))
                    : Tuple.of(reported.toString(), utc(split), utc(to.plusSeconds(60)), locationFilter);
            return tx.preparedQuery("select location, hour as at, samples, losses, histogram from latency_hour"
                    + where.formatted("hour", "hour")).execute(hourArgs).chain(hours -> tx.preparedQuery(
                            "select location, date_trunc('hour', minute, 'UTC') as at, samples, losses, histogram from"
                                    + " latency_minute" + where.formatted("minute", "minute")).execute(minuteArgs)
                            .map(minutes -> {
                                List<Row> all = new ArrayList<>();
                                hours.forEach(all::add);
                                minutes.forEach(all::add);
                                return all;
                            }));
        })).chain(rows -> Uni.createFrom().item(() -> build(reported, window, from, to, rows))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private LatencyReport build(Prefix reported, String window, Instant from, Instant to, List<Row> rows) {
        Histogram overall = LatencyAggregator.newHistogram();
        long[] overallLoss = new long[1];
        Map<Instant, Histogram> hourly = new TreeMap<>();
        Map<Instant, Long> hourlyLoss = new HashMap<>();
        Map<String, Histogram> byLocation = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Long> locationLoss = new HashMap<>();
        Map<String, Map<Instant, Histogram>> locationHourly = new HashMap<>();
        Map<String, Map<Instant, Long>> locationHourlyLoss = new HashMap<>();
        for (Row r : rows) {
            Histogram h = decode(r.getValue("histogram"));
            Instant at = r.getOffsetDateTime("at").toInstant();
            String location = r.getString("location");
            long losses = r.getLong("losses");
            overall.add(h);
            overallLoss[0] += losses;
            hourly.computeIfAbsent(at, k -> LatencyAggregator.newHistogram()).add(h);
            hourlyLoss.merge(at, losses, Long::sum);
            byLocation.computeIfAbsent(location, k -> LatencyAggregator.newHistogram()).add(h);
            locationLoss.merge(location, losses, Long::sum);
            locationHourly.computeIfAbsent(location, k -> new TreeMap<>())
                    .computeIfAbsent(at, k -> LatencyAggregator.newHistogram()).add(h);
            locationHourlyLoss.computeIfAbsent(location, k -> new HashMap<>()).merge(at, losses, Long::sum);
        }
        LatencyReport.Builder b = LatencyReport.newBuilder().setReportedPrefix(reported.toString())
                .setWindow(window.toUpperCase(java.util.Locale.ROOT)).setFrom(from.toString()).setTo(to.toString())
                .setOverall(stats(overall, overallLoss[0])).setSignificantDigits(LatencyAggregator.DIGITS);
        series(from, to, hourly, hourlyLoss).forEach(b::addHourly);
        byLocation.forEach((location, h) -> b.addLocations(LocationLatency.newBuilder().setLocation(location)
                .setStats(stats(h, locationLoss.get(location)))
                .addAllHourly(series(from, to, locationHourly.get(location), locationHourlyLoss.get(location)))));
        return b.build();
    }

    /** One entry per hour of the window, empty hours included (and low-confidence). */
    private List<LatencyHour> series(Instant from, Instant to, Map<Instant, Histogram> hours, Map<Instant, Long> losses) {
        List<LatencyHour> out = new ArrayList<>();
        for (Instant h = from; !h.isAfter(to); h = h.plus(1, ChronoUnit.HOURS)) {
            Histogram hist = hours.get(h);
            long count = hist == null ? 0 : hist.getTotalCount();
            out.add(LatencyHour.newBuilder().setHour(h.toString())
                    .setStats(hist == null ? stats(LatencyAggregator.newHistogram(), losses.getOrDefault(h, 0L))
                            : stats(hist, losses.getOrDefault(h, 0L)))
                    .setLowConfidence(count < config.lowConfidenceSamples()).build());
        }
        return out;
    }

    static LatencyStats stats(Histogram h, long losses) {
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

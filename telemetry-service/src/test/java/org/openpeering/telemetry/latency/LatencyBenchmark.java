package org.openpeering.telemetry.latency;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpeering.proto.telemetry.v1.LatencyReport;
import org.openpeering.proto.telemetry.v1.LatencyReportRequest;
import org.openpeering.proto.telemetry.v1.LatencySample;
import org.openpeering.proto.telemetry.v1.LatencySampleBatch;
import org.openpeering.proto.telemetry.v1.LatencyService;
import org.openpeering.proto.telemetry.v1.RunLatencyMaintenanceRequest;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.UploadSummary;
import org.openpeering.proto.telemetry.v1.WatchService;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The latency benchmark of docs/BENCHMARKS.md (run by bench/latency.sh, never in CI): ingest rate over the gRPC
 * stream beside plain batched SQL inserts of the same samples into PostgreSQL (the reference), and the time of a
 * 30-day report with 10,000 monitored prefixes holding 30 days of hourly roll-ups. Prints a summary; asserts only
 * that the work was done (all samples accepted, the report holds the data), never a time.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class LatencyBenchmark {

    static final int PREFIXES = Integer.getInteger("bench.prefixes", 10_000);
    static final int SAMPLES = Integer.getInteger("bench.samples", 1_000_000);
    static final int BATCH = Integer.getInteger("bench.batch", 1_000);
    static final int REPORTS = Integer.getInteger("bench.reports", 30);
    static final Duration T = Duration.ofMinutes(20);

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    LatencyService latency;

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    WatchService watch;

    @Inject
    Pool pool;

    /** The i-th monitored /24, inside 100.64.0.0/10 (shared address space: nobody's network). */
    static String prefix(int i) {
        return "100." + (64 + i / 256) + "." + (i % 256) + ".0/24";
    }

    @Test
    void ingestAndReport() {
        SetWatchedPrefixesRequest.Builder w = SetWatchedPrefixesRequest.newBuilder().setOwner("bench");
        for (int i = 0; i < PREFIXES; i++) {
            w.addPrefixes(WatchedPrefix.newBuilder().setPrefix(prefix(i)).setProviderAsn(64500));
        }
        watch.setWatchedPrefixes(w.build()).await().atMost(T);
        for (String table : List.of("latency_minute", "latency_hour", "latency_day", "latency_rollup")) {
            pool.query("delete from " + table).execute().await().atMost(T);
        }

        Instant now = Instant.now();
        Random random = new Random(7);
        List<LatencySampleBatch> batches = new ArrayList<>();
        String[] clients = new String[SAMPLES];
        long[] at = new long[SAMPLES];
        double[] rtt = new double[SAMPLES];
        String[] location = new String[SAMPLES];
        // as an agent sends them: one location per batch (given once), clients as address bytes
        LatencySampleBatch.Builder b = null;
        for (int i = 0; i < SAMPLES; i++) {
            if (i % BATCH == 0) {
                if (b != null) {
                    batches.add(b.build());
                }
                b = LatencySampleBatch.newBuilder().setLocation(random.nextBoolean() ? "Amsterdam" : "Frankfurt")
                        .setSource("bench");
            }
            int p = random.nextInt(PREFIXES);
            byte[] address = { 100, (byte) (64 + p / 256), (byte) (p % 256), (byte) (1 + random.nextInt(254)) };
            clients[i] = (address[0] & 255) + "." + (address[1] & 255) + "." + (address[2] & 255) + "."
                    + (address[3] & 255);
            at[i] = now.toEpochMilli() - random.nextInt(3_600_000);
            rtt[i] = Math.exp(Math.log(15) + 0.4 * random.nextGaussian());
            location[i] = b.getLocation();
            b.addSamples(LatencySample.newBuilder().setTimestampMillis(at[i])
                    .setClientAddress(com.google.protobuf.ByteString.copyFrom(address)).setRttMs(rtt[i]));
        }
        batches.add(b.build());

        // warm-up: a tenth of the batches, then the clock starts
        latency.uploadSamples(Multi.createFrom().iterable(batches.subList(0, batches.size() / 10))).await().atMost(T);
        latency.runLatencyMaintenance(RunLatencyMaintenanceRequest.getDefaultInstance()).await().atMost(T);
        pool.query("delete from latency_minute").execute().await().atMost(T);

        long t0 = System.nanoTime();
        UploadSummary s = latency.uploadSamples(Multi.createFrom().iterable(batches)).await().atMost(T);
        long t1 = System.nanoTime();
        latency.runLatencyMaintenance(RunLatencyMaintenanceRequest.getDefaultInstance()).await().atMost(T);
        long t2 = System.nanoTime();
        if (s.getAccepted() != SAMPLES) {
            throw new AssertionError("not every sample was accepted: " + s);
        }
        double streamRate = SAMPLES / ((t1 - t0) / 1e9);
        double writtenRate = SAMPLES / ((t2 - t0) / 1e9);

        // reference: the same samples with plain batched SQL inserts (10,000 rows per statement) into PostgreSQL
        pool.query("create unlogged table if not exists bench_latency_sample (at timestamptz, location text,"
                + " client inet, rtt_ms float8)").execute().await().atMost(T);
        pool.query("truncate bench_latency_sample").execute().await().atMost(T);
        long r0 = System.nanoTime();
        for (int from = 0; from < SAMPLES; from += 10_000) {
            int n = Math.min(10_000, SAMPLES - from);
            OffsetDateTime[] a = new OffsetDateTime[n];
            String[] l = new String[n];
            String[] c = new String[n];
            Double[] r = new Double[n];
            for (int i = 0; i < n; i++) {
                a[i] = Instant.ofEpochMilli(at[from + i]).atOffset(ZoneOffset.UTC);
                l[i] = location[from + i];
                c[i] = clients[from + i];
                r[i] = rtt[from + i];
            }
            pool.preparedQuery("insert into bench_latency_sample select t, l, c::inet, r from unnest($1::timestamptz[],"
                    + " $2::text[], $3::text[], $4::float8[]) as u(t, l, c, r)")
                    .execute(Tuple.from(new Object[] { a, l, c, r })).await().atMost(T);
        }
        long r1 = System.nanoTime();
        double referenceRate = SAMPLES / ((r1 - r0) / 1e9);

        System.out.printf("%nLATENCY BENCHMARK%n");
        System.out.printf("ingest: %,d samples in batches of %,d over the gRPC stream: %,.0f samples/s acknowledged,"
                + " %,.0f samples/s written to PostgreSQL%n", SAMPLES, BATCH, streamRate, writtenRate);
        System.out.printf("reference: plain batched SQL insert of the same samples: %,.0f samples/s%n", referenceRate);
        System.out.printf("ratio: stream/reference %.2f, written/reference %.2f%n", streamRate / referenceRate,
                writtenRate / referenceRate);
        if (!Boolean.parseBoolean(System.getProperty("bench.report", "true"))) {
            return;
        }
        // 30 days of hourly roll-ups for every prefix and both locations (one representative histogram each)
        Histogram h = LatencyAggregator.newHistogram();
        Random hr = new Random(11);
        for (int i = 0; i < 600; i++) {
            h.recordValue(Math.round(Math.exp(Math.log(15_000) + 0.4 * hr.nextGaussian())));
        }
        Buffer encoded = LatencyStore.encode(h);
        Instant hourNow = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = hourNow.minus(30, ChronoUnit.DAYS);
        latency.runLatencyMaintenance(RunLatencyMaintenanceRequest.getDefaultInstance()).await().atMost(T);
        pool.query("delete from latency_hour").execute().await().atMost(T);
        long g0 = System.nanoTime();
        pool.preparedQuery("insert into latency_hour (prefix, location, hour, samples, losses, histogram)"
                + " select ('100.' || (64 + p / 256) || '.' || (p % 256) || '.0/24')::cidr, l, $1::timestamptz"
                + " + make_interval(hours => k), 600, 0, $2 from generate_series(0, $3 - 1) p,"
                + " generate_series(0, 719) k, unnest(array['Amsterdam', 'Frankfurt']) l")
                .execute(Tuple.of(start.atOffset(ZoneOffset.UTC), encoded, PREFIXES)).await().atMost(T);
        pool.query("analyze latency_hour").execute().await().atMost(T);
        long g1 = System.nanoTime();
        // roll-ups are complete up to the current hour; the measured prefix's minutes of this hour are minute rows
        pool.preparedQuery("update latency_rollup set upto = $1 where kind = 'hour'")
                .execute(Tuple.of(hourNow.atOffset(ZoneOffset.UTC))).await().atMost(T);
        // the service reads its roll-up marks again with its maintenance
        latency.runLatencyMaintenance(RunLatencyMaintenanceRequest.getDefaultInstance()).await().atMost(T);
        long rows = pool.query("select count(*) from latency_hour").execute().await().atMost(T).iterator().next()
                .getLong(0);

        double[] millis = new double[REPORTS];
        LatencyReport report = null;
        for (int i = 0; i < REPORTS + 20; i++) {
            long q0 = System.nanoTime();
            report = latency.getLatencyReport(LatencyReportRequest.newBuilder().setPrefix(prefix(0)).setWindow("P30D")
                    .build()).await().atMost(T);
            long q1 = System.nanoTime();
            if (i >= 20) {
                millis[i - 20] = (q1 - q0) / 1e6;
            }
        }
        if (report.getOverall().getCount() < 720L * 2 * 600) {
            throw new AssertionError("the report does not hold the 30 days: " + report.getOverall().getCount());
        }
        Arrays.sort(millis);
        System.out.printf("report: %,d hourly rows (%,d prefixes x 720 hours x 2 locations) made in %.1f s; P30D"
                + " report of one prefix over %d calls: median %.1f ms, p95 %.1f ms, max %.1f ms%n", rows, PREFIXES,
                (g1 - g0) / 1e9, REPORTS, millis[REPORTS / 2], millis[(int) Math.ceil(REPORTS * 0.95) - 1],
                millis[REPORTS - 1]);
    }
}

package org.openpeering.telemetry.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.telemetry.v1.ImportRipeAtlasRequest;
import org.openpeering.proto.telemetry.v1.LatencyHour;
import org.openpeering.proto.telemetry.v1.LatencyReport;
import org.openpeering.proto.telemetry.v1.LatencyReportRequest;
import org.openpeering.proto.telemetry.v1.LatencySample;
import org.openpeering.proto.telemetry.v1.LatencySampleBatch;
import org.openpeering.proto.telemetry.v1.LatencyService;
import org.openpeering.proto.telemetry.v1.LatencyStats;
import org.openpeering.proto.telemetry.v1.RunLatencyMaintenanceRequest;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.UploadSummary;
import org.openpeering.proto.telemetry.v1.WatchService;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import com.google.protobuf.ByteString;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * DOMAIN.md §6 through the gRPC API: samples with known distributions are attributed, aggregated, rolled up and
 * reported; percentiles are compared with exact ones computed here, within the histogram's stated precision.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class LatencyTest {

    private static final Duration T = Duration.ofSeconds(60);

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    LatencyService latency;

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    WatchService watch;

    @Inject
    Pool pool;

    @BeforeEach
    void customerPrefixes() {
        watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("latency-test")
                .addPrefixes(WatchedPrefix.newBuilder().setPrefix("203.0.113.0/24").setProviderAsn(64500))
                .addPrefixes(WatchedPrefix.newBuilder().setPrefix("198.51.100.128/25").setProviderAsn(64500))
                .addPrefixes(WatchedPrefix.newBuilder().setPrefix("2001:db8:1::/48").setProviderAsn(64500)).build())
                .await().atMost(T);
        for (String table : List.of("latency_minute", "latency_hour", "latency_day", "latency_rollup")) {
            pool.query("delete from " + table).execute().await().atMost(T);
        }
    }

    private UploadSummary upload(List<LatencySample> samples) {
        List<LatencySampleBatch> batches = new ArrayList<>();
        for (int i = 0; i < samples.size(); i += 1000) {
            batches.add(LatencySampleBatch.newBuilder().addAllSamples(samples.subList(i, Math.min(samples.size(),
                    i + 1000))).build());
        }
        return latency.uploadSamples(Multi.createFrom().iterable(batches)).await().atMost(T);
    }

    private LatencyReport report(String prefix, String window, String location) {
        return latency.getLatencyReport(LatencyReportRequest.newBuilder().setPrefix(prefix).setWindow(window)
                .setLocation(location).build()).await().atMost(T);
    }

    private void maintain(Instant now) {
        latency.runLatencyMaintenance(RunLatencyMaintenanceRequest.newBuilder().setNow(now.toString()).build())
                .await().atMost(T);
    }

    private static LatencySample sample(Instant at, String location, String client, double rtt) {
        return LatencySample.newBuilder().setTimestampMillis(at.toEpochMilli()).setLocation(location).setClient(client)
                .setRttMs(rtt).setSource("test").build();
    }

    /** The value at the percentile as HdrHistogram defines it: the smallest value with p % of values at or below. */
    static double exact(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static void assertWithinPrecision(double expected, double actual, String what) {
        // 2 significant digits: the bucket holding a value is at most 1 % wide; values are kept in whole µs
        double tolerance = expected * 0.01 + 0.001;
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance
                + " but was " + actual);
    }

    @Test
    void percentilesOfKnownDistributionsRollUpsAndRetention() {
        Instant now = Instant.now();
        Random random = new Random(20261127);
        List<LatencySample> samples = new ArrayList<>();
        List<Double> ams = new ArrayList<>();
        List<Double> fra = new ArrayList<>();
        // Amsterdam: log-normal around 12 ms; Frankfurt: uniform 20..40 ms; spread over the last three hours
        for (int i = 0; i < 20_000; i++) {
            double rtt = Math.round(Math.exp(Math.log(12) + 0.35 * random.nextGaussian()) * 1000) / 1000.0;
            ams.add(rtt);
            samples.add(sample(now.minusSeconds(random.nextInt(3 * 3600)), "amsterdam", "203.0.113." + random.nextInt(256),
                    rtt));
        }
        for (int i = 0; i < 5_000; i++) {
            double rtt = Math.round((20 + 20 * random.nextDouble()) * 1000) / 1000.0;
            fra.add(rtt);
            samples.add(sample(now.minusSeconds(random.nextInt(3 * 3600)), "Frankfurt", "203.0.113.0/28", rtt));
        }
        for (int i = 0; i < 250; i++) {
            samples.add(LatencySample.newBuilder().setTimestampMillis(now.toEpochMilli()).setLocation("Amsterdam")
                    .setClient("203.0.113.9").setLoss(true).build());
        }
        // refused, one reason each
        samples.add(sample(now, "Amsterdam", "203.0.113.1", 0));
        samples.add(sample(now, "Amsterdam", "203.0.113.1", 10_000.5));
        samples.add(sample(now.plus(10, ChronoUnit.MINUTES), "Amsterdam", "203.0.113.1", 10));
        samples.add(sample(now.minus(31, ChronoUnit.DAYS), "Amsterdam", "203.0.113.1", 10));
        samples.add(sample(now, "Atlantis", "203.0.113.1", 10));
        samples.add(sample(now, "Amsterdam", "192.0.2.1", 10));
        samples.add(sample(now, "Amsterdam", "not-an-address", 10));

        UploadSummary summary = upload(samples);
        assertEquals(25_250, summary.getAccepted());
        assertEquals(250, summary.getLosses());
        assertEquals(Map.of("RttOutOfRange", 2L, "TimestampInFuture", 1L, "TimestampTooOld", 1L, "UnknownLocation", 1L,
                "ClientOutsidePrefixes", 1L, "Malformed", 1L), summary.getRejectedMap());

        maintain(now);
        LatencyReport day = report("203.0.113.0/24", "P1D", "");
        double[] all = new double[ams.size() + fra.size()];
        for (int i = 0; i < ams.size(); i++) {
            all[i] = ams.get(i);
        }
        for (int i = 0; i < fra.size(); i++) {
            all[ams.size() + i] = fra.get(i);
        }
        Arrays.sort(all);
        LatencyStats overall = day.getOverall();
        assertEquals(25_000, overall.getCount());
        assertEquals(250, overall.getLosses());
        assertEquals(250.0 / 25_250, overall.getLossRatio(), 1e-12);
        assertWithinPrecision(exact(all, 50), overall.getP50Ms(), "p50");
        assertWithinPrecision(exact(all, 75), overall.getP75Ms(), "p75");
        assertWithinPrecision(exact(all, 95), overall.getP95Ms(), "p95");
        assertWithinPrecision(exact(all, 99), overall.getP99Ms(), "p99");
        assertWithinPrecision(all[0], overall.getMinMs(), "min");
        assertWithinPrecision(all[all.length - 1], overall.getMaxMs(), "max");
        assertEquals(2, day.getSignificantDigits());

        assertEquals(List.of("Amsterdam", "Frankfurt"), day.getLocationsList().stream().map(l -> l.getLocation()).toList());
        double[] fraSorted = fra.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        LatencyStats fraStats = day.getLocations(1).getStats();
        assertEquals(5_000, fraStats.getCount());
        assertEquals(0, fraStats.getLosses());
        assertWithinPrecision(exact(fraSorted, 95), fraStats.getP95Ms(), "Frankfurt p95");
        LatencyReport fraOnly = report("203.0.113.0/24", "P1D", "frankfurt");
        assertEquals(5_000, fraOnly.getOverall().getCount());
        assertEquals(1, fraOnly.getLocationsCount());

        // the hourly series covers the window; hours without 100 samples are low-confidence
        assertEquals(25, day.getHourlyCount());
        assertEquals(25_000, day.getHourlyList().stream().mapToLong(h -> h.getStats().getCount()).sum());
        for (LatencyHour h : day.getHourlyList()) {
            assertEquals(h.getStats().getCount() < 100, h.getLowConfidence(), h.getHour());
        }
        assertTrue(day.getHourly(0).getLowConfidence(), "the oldest hours hold nothing");

        // roll-ups equal direct aggregation: the same report once the hours are rolled up
        maintain(now.plus(2, ChronoUnit.HOURS));
        long hourRows = pool.query("select count(*) from latency_hour").execute().await().atMost(T).iterator().next()
                .getLong(0);
        assertTrue(hourRows > 0, "hours were rolled up");
        assertEquals(day.getOverall(), report("203.0.113.0/24", "P1D", "").getOverall());
        assertEquals(day.getLocationsList(), report("203.0.113.0/24", "P1D", "").getLocationsList());

        // two days on: the days are rolled up too, and the daily rows hold every sample
        maintain(now.plus(2, ChronoUnit.DAYS));
        assertEquals(25_000L, pool.query("select sum(samples) from latency_day").execute().await().atMost(T).iterator()
                .next().getLong(0));
        assertEquals(25_000L, pool.query("select sum(samples) from latency_hour").execute().await().atMost(T).iterator()
                .next().getLong(0));

        // 40 days on the minute rows are past their retention (30 days): deleted, their partitions dropped;
        // hourly and daily rows stay
        maintain(now.plus(40, ChronoUnit.DAYS));
        assertEquals(0L, pool.query("select count(*) from latency_minute").execute().await().atMost(T).iterator().next()
                .getLong(0));
        assertFalse(pool.query("select relname from pg_class where relname = 'latency_minute_p"
                + now.toString().substring(0, 10).replace("-", "") + "'").execute().await().atMost(T).iterator().hasNext(),
                "the partition of today's minutes was dropped");
        assertEquals(25_000L, pool.query("select sum(samples) from latency_hour").execute().await().atMost(T).iterator()
                .next().getLong(0));
    }

    @Test
    void longerPrefixesAreReportedAtTheirSlash24AndIpv6AtTheSlash48() {
        Instant now = Instant.now();
        UploadSummary s = upload(List.of(sample(now, "Amsterdam", "198.51.100.200", 20),
                sample(now, "Amsterdam", "198.51.100.1", 20), sample(now, "Amsterdam", "2001:db8:1:2::5", 30)));
        assertEquals(2, s.getAccepted());
        assertEquals(Map.of("ClientOutsidePrefixes", 1L), s.getRejectedMap(), "198.51.100.1 is outside the /25");
        maintain(now);
        LatencyReport r = report("198.51.100.128/25", "PT6H", "");
        assertEquals("198.51.100.0/24", r.getReportedPrefix());
        assertEquals(1, r.getOverall().getCount());
        assertEquals(1, report("2001:db8:1::/48", "PT6H", "").getOverall().getCount());
        // the compact form agents use: the location once per batch, clients as address bytes
        UploadSummary compact = latency.uploadSamples(Multi.createFrom().item(LatencySampleBatch.newBuilder()
                .setLocation("Frankfurt").addSamples(LatencySample.newBuilder().setTimestampMillis(now.toEpochMilli())
                        .setClientAddress(ByteString.copyFrom(new byte[] { (byte) 198, 51, 100, (byte) 130 }))
                        .setRttMs(25))
                .addSamples(LatencySample.newBuilder().setTimestampMillis(now.toEpochMilli())
                        .setClientAddress(ByteString.copyFrom(new byte[] { 1, 2, 3 })).setRttMs(25))
                .build())).await().atMost(T);
        assertEquals(1, compact.getAccepted());
        assertEquals(Map.of("Malformed", 1L), compact.getRejectedMap());
        maintain(now);
        assertEquals(List.of("Amsterdam", "Frankfurt"), report("198.51.100.128/25", "PT6H", "").getLocationsList().stream()
                .map(l -> l.getLocation()).toList());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> report("203.0.113.0/24", "P2D", ""));
        assertEquals("window", e.getTrailers().get(GrpcErrors.ARM_TARGET));
    }

    @Test
    void ripeAtlasPingResultsInTheirRealFormat() throws Exception {
        long ts = Instant.now().getEpochSecond();
        String json = Files.readString(Path.of("src/test/resources/latency/ripe-atlas-ping.json"))
                .replace("TS0", Long.toString(ts - 600)).replace("TS1", Long.toString(ts - 300))
                .replace("TS2", Long.toString(ts - 60));
        UploadSummary s = latency.importRipeAtlas(ImportRipeAtlasRequest.newBuilder()
                .setJson(ByteString.copyFrom(json, StandardCharsets.UTF_8)).build()).await().atMost(T);
        // probe 6001: 3 RTTs; 6002: 1 RTT and 2 timeouts; 6004 (IPv6): 3 RTTs; 6003: an error; 6005: not an edge
        assertEquals(9, s.getAccepted());
        assertEquals(2, s.getLosses());
        assertEquals(Map.of("ProbeError", 1L, "UnknownLocation", 3L), s.getRejectedMap());
        maintain(Instant.now());
        LatencyReport r = report("203.0.113.0/24", "PT6H", "");
        assertEquals(3, r.getOverall().getCount());
        assertWithinPrecision(11.804, r.getOverall().getMinMs(), "min");
        assertWithinPrecision(12.09, r.getOverall().getMaxMs(), "max");
        LatencyReport lossy = report("198.51.100.128/25", "PT6H", "");
        assertEquals(1, lossy.getOverall().getCount());
        assertEquals(2, lossy.getOverall().getLosses());
        assertEquals(List.of("Amsterdam"), report("2001:db8:1::/48", "PT6H", "").getLocationsList().stream()
                .map(l -> l.getLocation()).toList());
    }
}

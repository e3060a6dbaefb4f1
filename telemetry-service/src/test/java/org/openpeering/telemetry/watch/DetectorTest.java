package org.openpeering.telemetry.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpeering.proto.telemetry.v1.Anomaly;
import org.openpeering.proto.telemetry.v1.ListAnomaliesRequest;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.WatchService;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionKey;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Suboptimal routing by a longer path than on another provider session (DOMAIN.md §4), fed straight into the RIB. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class DetectorTest {

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    WatchService watch;

    @Inject
    RibRegistry registry;

    @Inject
    Detector detector;

    private void announce(SessionRib rib, String prefix, String nextHop, long... path) {
        PathAttributes a = PathAttributes.of(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(path)), nextHop);
        Update u = new Update(List.of(), List.of(new Nlri(Prefix.parse(prefix), 0)), a, null, false, null, List.of());
        detector.changed(rib, rib.apply(u, a, nextHop, null, System.currentTimeMillis()));
    }

    private List<Anomaly> anomalies(String router, String peer) {
        return watch.listAnomalies(ListAnomaliesRequest.newBuilder().addSessions(SessionRef.newBuilder()
                .setRouter(router).setPeerAddress(peer)).setActiveOnly(true).build()).await()
                .atMost(Duration.ofSeconds(10)).getAnomaliesList();
    }

    @Test
    void aLongerPathThanOnAnotherProviderSessionIsSuboptimal() {
        watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("detector-test")
                .addPrefixes(WatchedPrefix.newBuilder().setPrefix("198.51.100.0/24").setProviderAsn(64500)
                        .addExpectedOrigins(64510)
                        .addPrimarySessions(SessionRef.newBuilder().setRouter("dt-r1").setPeerAddress("192.0.2.11"))
                        .addPrimarySessions(SessionRef.newBuilder().setRouter("dt-r2").setPeerAddress("192.0.2.13")))
                .build()).await().atMost(Duration.ofSeconds(10));
        SessionRib r1 = registry.session(new SessionKey("dt-r1", "192.0.2.11", 64500));
        SessionRib r2 = registry.session(new SessionKey("dt-r2", "192.0.2.13", 64500));
        try {
            announce(r1, "198.51.100.0/24", "192.0.2.11", 64500, 64510);
            announce(r2, "198.51.100.0/24", "192.0.2.13", 64500, 64502, 64510);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<Anomaly> found = anomalies("dt-r2", "192.0.2.13");
                assertTrue(found.stream().anyMatch(x -> x.getType().equals("SuboptimalRouting")
                        && x.getDescription().contains("length 3") && x.getDescription().contains("longer than 2")),
                        found.toString());
            });
            assertTrue(anomalies("dt-r1", "192.0.2.11").stream().noneMatch(x -> x.getType().equals("SuboptimalRouting")),
                    "the shorter session is not suboptimal");
            // the same length again: the anomaly ends
            announce(r2, "198.51.100.0/24", "192.0.2.13", 64500, 64510);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                    anomalies("dt-r2", "192.0.2.13").stream().noneMatch(x -> x.getType().equals("SuboptimalRouting"))));
        } finally {
            r1.down("test over");
            r2.down("test over");
            watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("detector-test").build())
                    .await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void aValleyInThePathIsARouteLeakWithAsRelationshipsLoaded() {
        watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("detector-test")
                .addPrefixes(WatchedPrefix.newBuilder().setPrefix("198.51.100.0/24").setProviderAsn(64500)
                        .addExpectedOrigins(64504).addAllowedDownstream(64501)
                        .addPrimarySessions(SessionRef.newBuilder().setRouter("dt-r3").setPeerAddress("192.0.2.15")))
                .build()).await().atMost(Duration.ofSeconds(10));
        SessionRib r3 = registry.session(new SessionKey("dt-r3", "192.0.2.15", 64500));
        try {
            // 64504 is a provider of 64501, which passes the route up to its other provider 64500: a hairpin
            announce(r3, "198.51.100.0/24", "192.0.2.15", 64500, 64501, 64504);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<Anomaly> found = anomalies("dt-r3", "192.0.2.15");
                assertTrue(found.stream().anyMatch(x -> x.getType().equals("RouteLeak")
                        && x.getDescription().contains("RFC 7908 type 1")), found.toString());
            });
            // the customer's own route (64510 -> 64501 -> 64500) is valley-free
            watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("detector-test")
                    .addPrefixes(WatchedPrefix.newBuilder().setPrefix("198.51.100.0/24").setProviderAsn(64500)
                            .addExpectedOrigins(64510).addAllowedDownstream(64501)
                            .addPrimarySessions(SessionRef.newBuilder().setRouter("dt-r3").setPeerAddress("192.0.2.15")))
                    .build()).await().atMost(Duration.ofSeconds(10));
            announce(r3, "198.51.100.0/24", "192.0.2.15", 64500, 64501, 64510);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertTrue(
                    anomalies("dt-r3", "192.0.2.15").stream().noneMatch(x -> x.getType().equals("RouteLeak"))));
        } finally {
            r3.down("test over");
            watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("detector-test").build())
                    .await().atMost(Duration.ofSeconds(10));
        }
    }
}

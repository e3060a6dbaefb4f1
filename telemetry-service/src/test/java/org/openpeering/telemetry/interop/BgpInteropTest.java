package org.openpeering.telemetry.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;
import org.openpeering.proto.telemetry.v1.Anomaly;
import org.openpeering.proto.telemetry.v1.ListAnomaliesRequest;
import org.openpeering.proto.telemetry.v1.ReceivedRoutesService;
import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.StreamChangesRequest;
import org.openpeering.proto.telemetry.v1.WatchService;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SessionState;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;
import org.openpeering.testsupport.bgp.Bird;
import org.openpeering.testsupport.bgp.Daemon;
import org.openpeering.testsupport.bgp.ExaBgp;
import org.openpeering.testsupport.bgp.GoBgp;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * BGP sessions from real daemons (gobgpd, ExaBGP, BIRD 2) on loopback against the collector's passive listener
 * (127.0.0.1:17179, AS 64496; neighbours in application.properties' %test profile): session up, table transfer
 * and End-of-RIB, withdraw, origin change, a more-specific from another origin, max-prefix resetting only that
 * session, session down flushing routes, and a restarted daemon recovering.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BgpInteropTest {

    static final String COLLECTOR = "127.0.0.1";
    static final int PORT = 17179;
    static final Duration T = Duration.ofSeconds(30);

    static GoBgp gobgp;
    static ExaBgp exabgp;
    static Bird bird;

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    ReceivedRoutesService telemetry;

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    WatchService watch;

    @AfterAll
    static void stopDaemons() {
        for (Daemon d : new Daemon[] { gobgp, exabgp, bird }) {
            if (d != null) {
                d.close();
            }
        }
    }

    SessionState session(String router) {
        return telemetry.listSessions(ListSessionsRequest.getDefaultInstance()).await().atMost(T).getSessionsList()
                .stream().filter(s -> s.getRouter().equals(router)).findFirst().orElse(null);
    }

    List<ReceivedRoute> routes(String router, String peer) {
        return telemetry.listReceivedRoutes(ListReceivedRoutesRequest.newBuilder()
                .addSessions(SessionRef.newBuilder().setRouter(router).setPeerAddress(peer)).setPageSize(1000).build())
                .await().atMost(T).getRoutesList();
    }

    ReceivedRoute route(String router, String peer, String prefix) {
        return routes(router, peer).stream().filter(r -> r.getPrefix().equals(prefix)).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void gobgpDeliversItsTableAndEndOfRib() throws Exception {
        gobgp = new GoBgp("127.0.0.2", 64500, COLLECTOR, 64496, PORT);
        gobgp.announce("203.0.113.0/24", "64510", "64496:8007");
        gobgp.announce("198.51.100.0/24", "64511", null);
        gobgp.announce("2001:db8:1::/48", "64511", null);
        await().atMost(T).untilAsserted(() -> {
            ReceivedRoute r = route("r-gobgp", "127.0.0.2", "203.0.113.0/24");
            assertTrue(r != null, "no route yet; session " + session("r-gobgp") + "\n" + gobgp.log());
            assertEquals("64500 64510", r.getAsPath());
            assertEquals(List.of("64496:8007"), r.getCommunitiesList());
            assertEquals(64510, r.getOriginAsn());
            assertEquals("127.0.0.2", r.getNextHop());
        });
        await().atMost(T).untilAsserted(() -> {
            ReceivedRoute v6 = route("r-gobgp", "127.0.0.2", "2001:db8:1::/48");
            assertTrue(v6 != null, "no IPv6 route");
            assertEquals("2001:db8:ffff::2", v6.getNextHop());
        });
        // the settle time is 300 s in tests: only End-of-RIB (graceful restart) can complete the table this soon
        await().atMost(T).untilAsserted(() -> assertTrue(session("r-gobgp").getTableComplete(), "table complete"));
        assertEquals("Established", session("r-gobgp").getState());
    }

    @Test
    @Order(2)
    void withdrawalsAndOriginChangesReachTheRib() throws Exception {
        gobgp.withdraw("198.51.100.0/24");
        await().atMost(T).until(() -> route("r-gobgp", "127.0.0.2", "198.51.100.0/24") == null);
        gobgp.announce("203.0.113.0/24", "64505", null);
        await().atMost(T).untilAsserted(() -> assertEquals(64505,
                route("r-gobgp", "127.0.0.2", "203.0.113.0/24").getOriginAsn()));
        gobgp.announce("203.0.113.0/25", "64505", null);
        await().atMost(T).untilAsserted(() -> assertEquals("64500 64505",
                route("r-gobgp", "127.0.0.2", "203.0.113.0/25").getAsPath()));
    }

    @Test
    @Order(3)
    void exceedingMaxPrefixResetsOnlyThatSession() throws Exception {
        exabgp = new ExaBgp("127.0.0.3", 64501, COLLECTOR, 64496, PORT, List.of(
                "203.0.113.0/24 next-hop self origin igp as-path [ 64501 64510 ]",
                "198.51.100.0/24 next-hop self origin igp as-path [ 64501 64511 ]"));
        await().atMost(T).untilAsserted(() -> {
            assertTrue(route("r-exabgp", "127.0.0.3", "198.51.100.0/24") != null,
                    "exabgp routes: " + session("r-exabgp") + "\n" + exabgp.log());
            assertTrue(session("r-exabgp").getTableComplete(), "ExaBGP sends End-of-RIB");
        });
        // the neighbour allows 3 IPv4 prefixes
        exabgp.command("announce route 192.0.2.0/25 next-hop self origin igp as-path [ 64501 64512 ]");
        exabgp.command("announce route 192.0.2.128/25 next-hop self origin igp as-path [ 64501 64512 ]");
        await().atMost(T).untilAsserted(() -> assertTrue(session("r-exabgp").getLastError().contains("IPv4 prefixes"),
                "last error: " + session("r-exabgp").getLastError()));
        SessionState other = session("r-gobgp");
        assertEquals("Established", other.getState());
        assertTrue(route("r-gobgp", "127.0.0.2", "203.0.113.0/24") != null, "gobgp's routes are untouched");
        exabgp.close();
    }

    @Test
    @Order(4)
    void birdDeliversItsTableAndAHijackMoreSpecific() throws Exception {
        bird = new Bird("127.0.0.4", 64502, COLLECTOR, 64496, PORT,
                List.of("route 203.0.113.0/24 blackhole { bgp_path.prepend(64510); bgp_community.add((64496,8007)); };",
                        "route 198.51.100.0/24 blackhole { bgp_path.prepend(64511); };"),
                "route 203.0.113.0/25 blackhole { bgp_path.prepend(64505); };");
        await().atMost(T).untilAsserted(() -> {
            ReceivedRoute r = route("r-bird", "127.0.0.4", "203.0.113.0/24");
            assertTrue(r != null, "bird routes: " + session("r-bird") + "\n" + bird.log());
            assertEquals("64502 64510", r.getAsPath());
            assertTrue(session("r-bird").getTableComplete(), "BIRD sends End-of-RIB");
        });
        bird.birdc("enable", "ev_hijack");
        await().atMost(T).untilAsserted(() -> assertEquals(64505,
                route("r-bird", "127.0.0.4", "203.0.113.0/25").getOriginAsn()));
        bird.birdc("disable", "ev_hijack");
        await().atMost(T).until(() -> route("r-bird", "127.0.0.4", "203.0.113.0/25") == null);
    }

    @Test
    @Order(5)
    void aSessionThatGoesDownIsFlushedAndARestartedDaemonRecovers() throws Exception {
        gobgp.close();
        await().atMost(T).untilAsserted(() -> {
            assertTrue(!session("r-gobgp").getState().equals("Established"), "still up");
            assertEquals(0, routes("r-gobgp", "127.0.0.2").size());
        });
        gobgp = new GoBgp("127.0.0.2", 64500, COLLECTOR, 64496, PORT);
        gobgp.announce("203.0.113.0/24", "64510", "64496:8007");
        await().atMost(T).untilAsserted(() -> {
            assertEquals("Established", session("r-gobgp").getState());
            assertTrue(route("r-gobgp", "127.0.0.2", "203.0.113.0/24") != null);
        });
        assertEquals("Established", session("r-bird").getState(), "BIRD's session saw nothing of it");
    }

    List<Anomaly> activeAnomalies() {
        return watch.listAnomalies(ListAnomaliesRequest.newBuilder().setActiveOnly(true).build()).await().atMost(T)
                .getAnomaliesList();
    }

    boolean activeAnomaly(String type, String routePrefix) {
        return activeAnomalies().stream().anyMatch(a -> a.getType().equals(type) && a.getRoutePrefix().equals(routePrefix));
    }

    @Test
    @Order(6)
    void watchedPrefixesRaiseEventsAndAnomaliesOnTheResumableStream() throws Exception {
        // 203.0.113.0/24 belongs to origin 64510 behind provider 64500: primary session on gobgp, backup on BIRD
        SessionRef primary = SessionRef.newBuilder().setRouter("r-gobgp").setPeerAddress("127.0.0.2").build();
        SessionRef backup = SessionRef.newBuilder().setRouter("r-bird").setPeerAddress("127.0.0.4").build();
        watch.setWatchedPrefixes(SetWatchedPrefixesRequest.newBuilder().setOwner("interop").addPrefixes(
                WatchedPrefix.newBuilder().setPrefix("203.0.113.0/24").setProviderAsn(64500).addExpectedOrigins(64510)
                        .addPrimarySessions(primary).addBackupSessions(backup)).build()).await().atMost(T);
        List<RouteChange> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        var subscription = watch.streamChanges(StreamChangesRequest.newBuilder().setFromSequence(0).build())
                .subscribe().with(seen::add, e -> { });
        try {
            gobgp.announce("203.0.113.0/24", "64510", "64496:8007");
            await().atMost(T).until(() -> seen.stream().anyMatch(c -> c.getEventType().equals("PrefixAnnouncementEvent")
                    && c.getSession().getRouter().equals("r-gobgp")));
            assertTrue(!activeAnomaly("ExactPrefixHijack", "203.0.113.0/24"), "the expected origin is no hijack");

            // exact-prefix hijack: origin 64505
            gobgp.announce("203.0.113.0/24", "64505", null);
            await().atMost(T).untilAsserted(() -> {
                assertTrue(seen.stream().anyMatch(c -> c.getEventType().equals("PrefixOriginAsChangeEvent")
                        && c.getEventLevel().equals("Critical") && c.getOriginAsn() == 64505), "origin change event");
                assertTrue(activeAnomaly("ExactPrefixHijack", "203.0.113.0/24"), "hijack anomaly");
            });
            Anomaly hijack = activeAnomalies().stream().filter(a -> a.getType().equals("ExactPrefixHijack")).findFirst()
                    .orElseThrow();
            assertTrue(hijack.getUpdates(0).contains("64500 64505"), hijack.getUpdatesList().toString());
            assertEquals("r-gobgp", hijack.getSession().getRouter());

            // a more-specific from another origin
            gobgp.announce("203.0.113.128/25", "64505", null);
            await().atMost(T).until(() -> activeAnomaly("SubPrefixHijack", "203.0.113.128/25"));

            // a leak-shaped path: 64501 after the provider is not an allowed downstream
            gobgp.announce("203.0.113.0/24", "64501,64510", null);
            await().atMost(T).untilAsserted(() -> {
                assertTrue(activeAnomaly("RouteLeak", "203.0.113.0/24"), "leak");
                assertTrue(!activeAnomaly("ExactPrefixHijack", "203.0.113.0/24"), "the origin is expected again");
            });
            long resumeAfter = seen.get(seen.size() - 1).getSequence();

            // withdrawn from the primary: BIRD (the backup session) still has it, so it is seen only at the backup
            gobgp.withdraw("203.0.113.0/24");
            gobgp.withdraw("203.0.113.128/25");
            await().atMost(T).untilAsserted(() -> {
                assertTrue(seen.stream().anyMatch(c -> c.getEventType().equals("PrefixWithdrawalEvent")), "withdrawal");
                assertTrue(activeAnomaly("SuboptimalRouting", "203.0.113.0/24"), "only at the backup");
                assertTrue(!activeAnomaly("VisibilityLoss", "203.0.113.0/24"), "still visible at the backup");
                assertTrue(!activeAnomaly("SubPrefixHijack", "203.0.113.128/25"), "sub-prefix hijack ended");
                assertTrue(!activeAnomaly("RouteLeak", "203.0.113.0/24"), "leak ended");
            });
            // the backup goes too: visibility loss
            bird.close();
            await().atMost(T).untilAsserted(() -> {
                assertTrue(seen.stream().anyMatch(c -> c.getEventType().equals("PrefixBackupRouteWithdrawalEvent")),
                        "backup withdrawal");
                assertTrue(activeAnomaly("VisibilityLoss", "203.0.113.0/24"), "visibility loss; active: "
                        + activeAnomalies() + "; gobgp routes: " + routes("r-gobgp", "127.0.0.2") + "; sessions: "
                        + telemetry.listSessions(ListSessionsRequest.getDefaultInstance()).await().atMost(T));
            });
            gobgp.announce("203.0.113.0/24", "64510", null);
            await().atMost(T).until(() -> !activeAnomaly("VisibilityLoss", "203.0.113.0/24"));

            // a client resuming after a sequence gets exactly what followed it, in order, nothing twice
            List<RouteChange> resumed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            var again = watch.streamChanges(StreamChangesRequest.newBuilder().setFromSequence(resumeAfter).build())
                    .subscribe().with(resumed::add, e -> { });
            try {
                List<Long> expected = seen.stream().map(RouteChange::getSequence).filter(q -> q > resumeAfter).toList();
                await().atMost(T).until(() -> resumed.size() >= expected.size());
                assertEquals(expected, resumed.stream().map(RouteChange::getSequence).toList().subList(0, expected.size()));
            } finally {
                again.cancel();
            }
        } finally {
            subscription.cancel();
        }
    }
}

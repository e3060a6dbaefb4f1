package org.openpeering.telemetry.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;
import org.openpeering.proto.telemetry.v1.ReceivedRoutesService;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SessionState;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;
import org.openpeering.testsupport.bgp.ExaBgp;
import org.openpeering.testsupport.bgp.GoBgpBmpRouter;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * BMP from a live gobgpd playing the operator's edge router (sysName GoBGP, mapped to router "r-gobgp-bmp"), with
 * an ExaBGP partner behind it: the partner's pre-policy routes reach the station's RIB (post-policy and Loc-RIB
 * copies are not stored twice), changes follow, and the partner's Peer Down flushes the session.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class BmpInteropTest {

    static final Duration T = Duration.ofSeconds(40);
    static final String PARTNER = "127.0.0.11";

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    ReceivedRoutesService telemetry;

    List<ReceivedRoute> routes() {
        return telemetry.listReceivedRoutes(ListReceivedRoutesRequest.newBuilder()
                .addSessions(SessionRef.newBuilder().setRouter("r-gobgp-bmp").setPeerAddress(PARTNER)).setPageSize(100)
                .build()).await().atMost(T).getRoutesList();
    }

    SessionState session() {
        return telemetry.listSessions(ListSessionsRequest.getDefaultInstance()).await().atMost(T).getSessionsList()
                .stream().filter(s -> s.getRouter().equals("r-gobgp-bmp") && s.getPeerAddress().equals(PARTNER))
                .findFirst().orElse(null);
    }

    @Test
    void aRoutersBmpFeedCarriesItsPartnersRoutes() throws Exception {
        try (GoBgpBmpRouter router = new GoBgpBmpRouter("127.0.0.10", 64496, PARTNER, 64500, "127.0.0.1", 17019);
                ExaBgp partner = new ExaBgp(PARTNER, 64500, "127.0.0.10", 64496, router.bgpPort(), List.of(
                        "203.0.113.0/24 next-hop self origin igp as-path [ 64500 64510 ] community [ 64496:8007 ]"))) {
            await().atMost(T).untilAsserted(() -> {
                List<ReceivedRoute> r = routes();
                assertEquals(1, r.size(), "routes of the partner via BMP: " + r + "\nrouter log: " + router.log()
                        + "\npartner log: " + partner.log());
                assertEquals("203.0.113.0/24", r.get(0).getPrefix());
                assertEquals("64500 64510", r.get(0).getAsPath());
                assertEquals(List.of("64496:8007"), r.get(0).getCommunitiesList());
                assertEquals(64500, session().getPeerAsn());
                assertEquals("Established", session().getState());
            });
            partner.command("announce route 203.0.113.128/25 next-hop self origin igp as-path [ 64500 64505 ]");
            await().atMost(T).until(() -> routes().stream().anyMatch(r -> r.getPrefix().equals("203.0.113.128/25")
                    && r.getOriginAsn() == 64505));
            partner.command("withdraw route 203.0.113.128/25 next-hop self");
            await().atMost(T).until(() -> routes().stream().noneMatch(r -> r.getPrefix().equals("203.0.113.128/25")));
            partner.stop();
            await().atMost(T).untilAsserted(() -> {
                assertTrue(routes().isEmpty(), "the partner's Peer Down flushes its routes");
                assertEquals("Idle", session().getState());
            });
        }
    }
}

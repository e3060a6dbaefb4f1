package org.openpeering.telemetry.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.telemetry.v1.LookupRoutesRequest;
import org.openpeering.proto.telemetry.v1.Route;
import org.openpeering.proto.telemetry.v1.RouteLookupService;
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

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The looking glass's BGP route comes from the in-memory RIB of every session. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class RouteLookupGrpcServiceTest {

    private static final Duration T = Duration.ofSeconds(10);

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    RouteLookupService client;

    @Inject
    RibRegistry registry;

    private SessionRib r1;
    private SessionRib r2;

    @BeforeEach
    void rib() {
        r1 = registry.session(new SessionKey("lg-r1", "192.0.2.1", 64500));
        r2 = registry.session(new SessionKey("lg-r2", "192.0.2.3", 64500));
        announce(r1, "203.0.113.0/24", "192.0.2.1", 64500, 64510);
        announce(r2, "203.0.113.0/25", "192.0.2.3", 64500, 64505);
        announce(r1, "198.51.100.0/24", "192.0.2.1", 64500, 64511);
        announce(r1, "2001:db8::/32", "2001:db8::1", 64500, 65540);
    }

    @AfterEach
    void flush() {
        r1.down("test over");
        r2.down("test over");
    }

    private static void announce(SessionRib rib, String prefix, String nextHop, long... path) {
        PathAttributes a = PathAttributes.of(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(path)),
                nextHop.contains(":") ? null : nextHop).withCommunities(PathAttributes.community(64496, 8007));
        Update u = new Update(List.of(), List.of(new Nlri(Prefix.parse(prefix), 0)), a,
                nextHop.contains(":") ? nextHop : null, false, null, List.of());
        rib.apply(u, a, nextHop.contains(":") ? null : nextHop, nextHop.contains(":") ? nextHop : null,
                System.currentTimeMillis());
    }

    /** This test's sessions only (other tests of the boot may hold sessions too). */
    private List<Route> lookup(String ip) {
        return client.lookupRoutes(LookupRoutesRequest.newBuilder().setDestinationIp(ip).build()).await().atMost(T)
                .getRoutesList().stream().filter(r -> r.getRouter().startsWith("lg-")).toList();
    }

    @Test
    void findsCoveringRoutesMostSpecificFirst() {
        List<Route> routes = lookup("203.0.113.5");
        assertEquals(2, routes.size());
        assertEquals("203.0.113.0/25", routes.get(0).getPrefix());
        assertEquals(64505, routes.get(0).getOriginAsn());
        assertEquals("lg-r2", routes.get(0).getRouter());
        assertEquals("192.0.2.3", routes.get(0).getNextHop());
        assertEquals("64500 64505", routes.get(0).getAsPath());
        assertEquals("203.0.113.0/24", routes.get(1).getPrefix());
        assertEquals(List.of("64496:8007"), routes.get(1).getCommunitiesList());

        assertEquals(1, lookup("203.0.113.200").size(), "outside the /25");
        assertEquals("2001:db8::/32", lookup("2001:db8::1").get(0).getPrefix());
        assertEquals(0, lookup("192.0.2.77").size());
    }

    @Test
    void withdrawnRoutesAreGoneAtOnce() {
        r2.apply(new Update(List.of(new Nlri(Prefix.parse("203.0.113.0/25"), 0)), List.of(), null, null, false, null,
                List.of()), null, null, null, System.currentTimeMillis());
        assertEquals(List.of("203.0.113.0/24"), lookup("203.0.113.5").stream().map(Route::getPrefix).toList());
    }

    @Test
    void refusesAnythingButAnAddressNamingTheField() {
        for (String bad : new String[] { "", "example.com", "203.0.113.0/24", "1.2.3.4; drop table x" }) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> lookup(bad), bad);
            assertEquals("BadArgument", e.getTrailers().get(GrpcErrors.ARM_CODE), bad);
            assertEquals("destinationIP", e.getTrailers().get(GrpcErrors.ARM_TARGET), bad);
        }
    }

    @Test
    void isReadyWithItsMigrationsApplied() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("database migrations"));
    }
}

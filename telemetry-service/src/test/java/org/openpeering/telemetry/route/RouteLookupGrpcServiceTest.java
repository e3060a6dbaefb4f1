package org.openpeering.telemetry.route;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.telemetry.v1.LookupRoutesRequest;
import org.openpeering.proto.telemetry.v1.Route;
import org.openpeering.proto.telemetry.v1.RouteLookupService;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class RouteLookupGrpcServiceTest {

    private static final Duration T = Duration.ofSeconds(10);

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    RouteLookupService client;

    @Inject
    Pool pool;

    @BeforeEach
    void table() {
        pool.query("truncate received_route").execute().await().atMost(T);
        insert("ams-r1", "192.0.2.1", "203.0.113.0/24", "64500 64510", 64510);
        insert("ams-r2", "192.0.2.3", "203.0.113.0/25", "64500 64505", 64505);
        insert("ams-r1", "192.0.2.1", "198.51.100.0/24", "64500 64511", 64511);
        insert("ams-r1", "192.0.2.1", "2001:db8::/32", "64500 65540", 65540);
    }

    private void insert(String router, String peer, String prefix, String path, long origin) {
        pool.preparedQuery("insert into received_route (router, peer_address, peer_asn, prefix, next_hop, as_path, "
                + "origin_asn, communities, received_at) values ($1, $2::text::inet, 64500, $3::text::cidr, $2::text::inet, $4, $5, "
                + "'{64496:8007}', now())")
                .execute(Tuple.of(router, peer, prefix, path).addLong(origin)).await().atMost(T);
    }

    private List<Route> lookup(String ip) {
        return client.lookupRoutes(LookupRoutesRequest.newBuilder().setDestinationIp(ip).build()).await().atMost(T)
                .getRoutesList();
    }

    @Test
    void findsCoveringRoutesMostSpecificFirst() {
        List<Route> routes = lookup("203.0.113.5");
        assertEquals(2, routes.size());
        assertEquals("203.0.113.0/25", routes.get(0).getPrefix());
        assertEquals(64505, routes.get(0).getOriginAsn());
        assertEquals("ams-r2", routes.get(0).getRouter());
        assertEquals("203.0.113.0/24", routes.get(1).getPrefix());
        assertEquals(List.of("64496:8007"), routes.get(1).getCommunitiesList());

        assertEquals(1, lookup("203.0.113.200").size(), "outside the /25");
        assertEquals("2001:db8::/32", lookup("2001:db8::1").get(0).getPrefix());
        assertEquals(0, lookup("192.0.2.77").size());
    }

    @Test
    void refusesAnythingButAnAddressNamingTheField() {
        for (String bad : new String[] { "", "example.com", "203.0.113.0/24", "1.2.3.4; drop table x" }) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> lookup(bad), bad);
            assertEquals("BadArgument", e.getTrailers().get(GrpcErrors.ARM_CODE), bad);
            assertEquals("destinationIP", e.getTrailers().get(GrpcErrors.ARM_TARGET), bad);
        }
        assertEquals(4, pool.query("select count(*) from received_route").execute().await().atMost(T).iterator()
                .next().getLong(0));
    }

    @Test
    void isReadyWithItsMigrationsApplied() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("database migrations"));
    }
}

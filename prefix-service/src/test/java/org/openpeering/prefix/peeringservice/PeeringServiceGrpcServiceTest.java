package org.openpeering.prefix.peeringservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.prefix.v1.ListPeeringServicesRequest;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.PeeringServiceService;
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
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "prefix"))
class PeeringServiceGrpcServiceTest {

    private static final Duration T = Duration.ofSeconds(10);

    @GrpcClient("prefix")
    @RegisterClientInterceptor(ServiceCaller.class)
    PeeringServiceService client;

    @Inject
    Pool pool;

    private void insert(String sub, String rg, String name) {
        pool.preparedQuery("insert into peering_service (subscription_id, resource_group, resource_group_key, name,"
                + " name_key, location, peering_service_provider, version) values ($1, $2, lower($2), $3, lower($3),"
                + " 'eastus', 'Contoso', 1) returning id")
                .execute(Tuple.of(sub, rg, name))
                .chain(rows -> pool.preparedQuery("insert into peering_service_tag values ($1, 'env', 'test')")
                        .execute(Tuple.of(rows.iterator().next().getLong(0))))
                .await().atMost(T);
    }

    private ListPeeringServicesResponse list(String sub, String rg, int size, String token) {
        return client.listPeeringServices(ListPeeringServicesRequest.newBuilder().setSubscriptionId(sub)
                .setResourceGroup(rg).setPageSize(size).setPageToken(token).build()).await().atMost(T);
    }

    @Test
    void listsOnlyTheSubscriptionsPeeringServicesAcrossPages() {
        String sub = "sub-" + UUID.randomUUID();
        insert(sub, "rg-b", "ps1");
        insert(sub, "rg-a", "ps2");
        insert(sub, "rg-a", "ps1");
        insert("other-" + UUID.randomUUID(), "rg-a", "ps9");

        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListPeeringServicesResponse page = list(sub, "", 2, token);
            page.getPeeringServicesList().forEach(p -> seen.add(p.getResourceGroup() + "/" + p.getName()));
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());
        assertEquals(List.of("rg-a/ps1", "rg-a/ps2", "rg-b/ps1"), seen);
        assertEquals(2, pages);

        ListPeeringServicesResponse inGroup = list(sub, "RG-B", 0, "");
        assertEquals(1, inGroup.getPeeringServicesCount(), "resource group names are case-insensitive");
        assertEquals("test", inGroup.getPeeringServices(0).getTagsMap().get("env"));
        assertEquals("Contoso", inGroup.getPeeringServices(0).getPeeringServiceProvider());
    }

    @Test
    void aGarbledPageTokenIsABadArgumentNamingSkipToken() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> list("s", "", 0, "%%%"));
        assertEquals("BadArgument", e.getTrailers().get(GrpcErrors.ARM_CODE));
        assertEquals("$skipToken", e.getTrailers().get(GrpcErrors.ARM_TARGET));
    }

    @Test
    void isReadyWithItsMigrationsApplied() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("database migrations"));
        assertTrue(given().get("/q/metrics").asString().contains("jvm_"), "Prometheus metrics are served");
    }
}

package org.openpeering.prefix.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.prefix.validation.Validator;
import org.openpeering.proto.prefix.v1.CustomerPrefix;
import org.openpeering.proto.prefix.v1.CustomerPrefixService;
import org.openpeering.proto.prefix.v1.IrrStatus;
import org.openpeering.proto.prefix.v1.MutinyIrrServiceGrpc.MutinyIrrServiceStub;
import org.openpeering.proto.prefix.v1.PeeringService;
import org.openpeering.proto.prefix.v1.PeeringServiceService;
import org.openpeering.proto.prefix.v1.PutPeeringServiceRequest;
import org.openpeering.proto.prefix.v1.PutPrefixRequest;
import org.openpeering.proto.prefix.v1.ReloadIrrRequest;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * In this module's tests neither partner-service nor telemetry-service runs: writes that need them answer
 * UNAVAILABLE (503 at the gateway) and store nothing; validation makes prefixes Pending, never Failed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "prefix"))
class ResilienceTest {

    private static final Duration T = Duration.ofSeconds(15);

    @GrpcClient("prefix")
    @RegisterClientInterceptor(ServiceCaller.class)
    PeeringServiceService peeringServices;

    @GrpcClient("prefix")
    @RegisterClientInterceptor(ServiceCaller.class)
    CustomerPrefixService prefixes;

    @GrpcClient("prefix-raw")
    MutinyIrrServiceStub irr;

    @Inject
    Pool pool;

    @Inject
    Validator validator;

    private long count(String table) {
        return pool.query("select count(*) from " + table).execute().await().atMost(T).iterator().next().getLong(0);
    }

    @Test
    void writesThatNeedPartnerServiceAnswerUnavailableAndStoreNothing() {
        long before = count("peering_service");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> peeringServices.putPeeringService(
                PutPeeringServiceRequest.newBuilder().setPeeringService(PeeringService.newBuilder().setSubscriptionId("s1")
                        .setResourceGroup("rg").setName("ps").setLocation("West Europe")
                        .setPeeringServiceLocation("Noord-Holland").setPeeringServiceProvider("Fabrikam Transit")
                        .setProviderPrimaryPeeringLocation("Amsterdam")).build()).await().atMost(T));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("partner-service"), e.getStatus().getDescription());
        assertNull(GrpcErrors.fromStatus(e), "not a domain decision: the gateway answers 503");
        assertEquals(before, count("peering_service"));
    }

    @Test
    void aMalformedPrefixIsRefusedBeforeAnythingElseAndNothingIsStored() {
        long before = count("customer_prefix");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> prefixes.putPrefix(PutPrefixRequest
                .newBuilder().setPrefix(CustomerPrefix.newBuilder().setSubscriptionId("s1").setResourceGroup("rg")
                        .setPeeringServiceName("ps").setName("p").setPrefix("10.0.0.0/8")
                        .setPeeringServicePrefixKey(UUID.randomUUID().toString())).build()).await().atMost(T));
        assertEquals("BadArgument", e.getTrailers().get(GrpcErrors.ARM_CODE));
        assertEquals("properties.prefix", e.getTrailers().get(GrpcErrors.ARM_TARGET));
        assertEquals(before, count("customer_prefix"));
    }

    @Test
    void withoutTheOtherServicesAVerifiedPrefixBecomesPendingNeverFailed() {
        String sub = "sub-" + UUID.randomUUID();
        long ps = pool.preparedQuery("insert into peering_service (subscription_id, resource_group, resource_group_key,"
                + " name, name_key, location, peering_service_location, peering_service_provider,"
                + " provider_primary_peering_location, version) values ($1, 'rg', 'rg', 'ps', 'ps', 'West Europe',"
                + " 'Noord-Holland', 'Fabrikam Transit', 'Amsterdam', 1) returning id").execute(Tuple.of(sub))
                .await().atMost(T).iterator().next().getLong(0);
        long id = pool.preparedQuery("insert into customer_prefix (peering_service_id, name, name_key, prefix, prefix_key,"
                + " validation_state, learned_type, version) values ($1, 'web', 'web', '192.0.2.0/24', $2, 'Verified',"
                + " 'ViaServiceProvider', 1) returning id").execute(Tuple.of(ps, UUID.randomUUID()))
                .await().atMost(T).iterator().next().getLong(0);

        validator.validateCustomer(id).await().atMost(T);

        var row = pool.preparedQuery("select validation_state, error_message, learned_type, version from customer_prefix"
                + " where id = $1").execute(Tuple.of(id)).await().atMost(T).iterator().next();
        assertEquals("Pending", row.getString("validation_state"));
        assertNull(row.getString("error_message"));
        assertEquals("ViaServiceProvider", row.getString("learned_type"), "what was learned is kept while unknown");
        assertEquals(2L, row.getLong("version"), "the etag changes with the state");
        var event = pool.preparedQuery("select event_type, event_level, summary from prefix_event where"
                + " customer_prefix_id = $1").execute(Tuple.of(id)).await().atMost(T).iterator().next();
        assertEquals("PrefixValidationStateChange", event.getString("event_type"));
        assertEquals("Validation state changed from Verified to Pending", event.getString("summary"));

        // validating again changes nothing and records nothing
        validator.validateCustomer(id).await().atMost(T);
        assertEquals(1L, pool.preparedQuery("select count(*) from prefix_event where customer_prefix_id = $1")
                .execute(Tuple.of(id)).await().atMost(T).iterator().next().getLong(0));
    }

    @Test
    void theOperatorReloadsRoutingRegistryDataOthersCannot() {
        IrrStatus s = ServiceCaller.as(irr, ServiceCaller.metadata("test-service-token", "op", "*", "operator"))
                .reloadIrr(ReloadIrrRequest.getDefaultInstance()).await().atMost(T);
        assertEquals(2, s.getRouteObjects());
        assertEquals(1, s.getRejected());
        assertEquals("src/test/resources/irr-test.db", s.getSources(0));
        assertTrue(s.getProblems(0).contains("198.51.100.0/24"), s.getProblemsList().toString());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ServiceCaller.as(irr,
                ServiceCaller.metadata("test-service-token", "p", "*", "partner"))
                .reloadIrr(ReloadIrrRequest.getDefaultInstance()).await().atMost(T));
        assertEquals("AuthorizationFailed", e.getTrailers().get(GrpcErrors.ARM_CODE));
    }
}

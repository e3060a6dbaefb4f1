package org.openpeering.partner.peerasn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.audit.v1.AuditEvent;
import org.openpeering.proto.audit.v1.ListAuditEventsRequest;
import org.openpeering.proto.audit.v1.MutinyAuditServiceGrpc.MutinyAuditServiceStub;
import org.openpeering.proto.partner.v1.GetPeerAsnRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsRequest;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateRequest;
import org.openpeering.proto.partner.v1.MutinyPeerAsnServiceGrpc.MutinyPeerAsnServiceStub;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Only holders of the service token get in, and a propagated identity cannot reach another subscription. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class ServiceTrustTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static final String TOKEN = "test-service-token";

    /** A client without the test interceptor: each call sets its own headers. */
    @GrpcClient("partner-raw")
    MutinyPeerAsnServiceStub raw;

    @GrpcClient("partner-raw")
    MutinyAuditServiceStub audit;

    private String victimWithOneAsn() {
        String victim = "victim-" + UUID.randomUUID();
        ServiceCaller.as(raw, ServiceCaller.metadata(TOKEN, "owner", victim, "partner"))
                .putPeerAsn(PeerAsnGrpcServiceTest.valid(victim, "theirs", 65537).build()).await().atMost(T);
        return victim;
    }

    @Test
    void aCallWithoutTheServiceTokenIsUnauthenticatedAndWritesNothing() {
        String sub = "sub-" + UUID.randomUUID();
        for (String token : new String[] { null, "guessed-token" }) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> ServiceCaller.as(raw, ServiceCaller.metadata(token, "x", "*", "operator"))
                            .putPeerAsn(PeerAsnGrpcServiceTest.valid(sub, "nope", 65538).build()).await().atMost(T));
            assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
        }
        assertEquals(0, ServiceCaller.as(raw, ServiceCaller.metadata(TOKEN, "op", "*", "operator"))
                .listPeerAsns(ListPeerAsnsRequest.newBuilder().setSubscriptionId(sub).build()).await().atMost(T)
                .getPeerAsnsCount());
    }

    @Test
    void aForgedIdentityCannotReachAnotherSubscription() {
        String victim = victimWithOneAsn();
        var attacker = ServiceCaller.as(raw, ServiceCaller.metadata(TOKEN, "mallory", "attacker-sub", "partner"));
        StatusRuntimeException read = assertThrows(StatusRuntimeException.class, () -> attacker.getPeerAsn(
                GetPeerAsnRequest.newBuilder().setSubscriptionId(victim).setName("theirs").build()).await().atMost(T));
        assertEquals(Status.Code.PERMISSION_DENIED, read.getStatus().getCode());
        assertEquals("AuthorizationFailed", read.getTrailers().get(GrpcErrors.ARM_CODE));

        StatusRuntimeException selfApproval = assertThrows(StatusRuntimeException.class, () -> ServiceCaller
                .as(raw, ServiceCaller.metadata(TOKEN, "owner", victim, "partner"))
                .setPeerAsnValidationState(SetPeerAsnValidationStateRequest.newBuilder().setSubscriptionId(victim)
                        .setName("theirs").setValidationState("Approved").build()).await().atMost(T));
        assertEquals(Status.Code.PERMISSION_DENIED, selfApproval.getStatus().getCode(), "a partner cannot approve");

        StatusRuntimeException write = assertThrows(StatusRuntimeException.class, () -> attacker.putPeerAsn(
                PeerAsnGrpcServiceTest.valid(victim, "theirs", 65539).setPeerName("Hijacked").build())
                .await().atMost(T));
        assertEquals(Status.Code.PERMISSION_DENIED, write.getStatus().getCode());

        var stored = ServiceCaller.as(raw, ServiceCaller.metadata(TOKEN, "owner", victim, "partner"))
                .getPeerAsn(GetPeerAsnRequest.newBuilder().setSubscriptionId(victim).setName("theirs").build())
                .await().atMost(T).getPeerAsn();
        assertEquals("Contoso Networks", stored.getPeerName());
        assertEquals(65537, stored.getPeerAsn());
        assertEquals("Pending", stored.getValidationState());

        // the service's audit log has the write and both refusals, with who asked
        var operator = ServiceCaller.as(audit, ServiceCaller.metadata(TOKEN, "op", "*", "operator"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AuditEvent> events = operator.listAuditEvents(ListAuditEventsRequest.newBuilder()
                    .setFilterSubscriptionId(victim).build()).await().atMost(T).getEventsList();
            List<String> seen = events.stream().map(e -> e.getSubject() + " " + e.getMethod() + " " + e.getResult())
                    .toList();
            assertEquals(List.of("mallory PutPeerAsn PERMISSION_DENIED", "owner SetPeerAsnValidationState "
                    + "PERMISSION_DENIED", "mallory GetPeerAsn PERMISSION_DENIED", "owner PutPeerAsn OK"), seen);
            assertEquals("partner-service", events.get(0).getService());
        });
        StatusRuntimeException notOperator = assertThrows(StatusRuntimeException.class, () -> ServiceCaller
                .as(audit, ServiceCaller.metadata(TOKEN, "mallory", "*", "partner"))
                .listAuditEvents(ListAuditEventsRequest.getDefaultInstance()).await().atMost(T));
        assertEquals(Status.Code.PERMISSION_DENIED, notOperator.getStatus().getCode());
    }
}

package org.openpeering.partner.peerasn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.partner.v1.ContactDetail;
import org.openpeering.proto.partner.v1.DeletePeerAsnRequest;
import org.openpeering.proto.partner.v1.GetPeerAsnRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsResponse;
import org.openpeering.proto.partner.v1.PeerAsnService;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.partner.v1.PutPeerAsnRequest;
import org.openpeering.proto.partner.v1.PutPeerAsnResponse;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateRequest;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class PeerAsnGrpcServiceTest {

    private static final Duration T = Duration.ofSeconds(10);

    @GrpcClient("partner")
    @RegisterClientInterceptor(ServiceCaller.class)
    PeerAsnService client;

    private static String sub() {
        return "sub-" + UUID.randomUUID();
    }

    static PutPeerAsnRequest.Builder valid(String sub, String name, long asn) {
        return PutPeerAsnRequest.newBuilder().setSubscriptionId(sub).setName(name).setPeerAsn(asn)
                .setPeerName("Contoso Networks")
                .addPeerContactDetail(ContactDetail.newBuilder().setRole("Noc").setEmail("noc@example.com")
                        .setPhone("+1 555 0100"));
    }

    private PutPeerAsnResponse put(PutPeerAsnRequest.Builder r) {
        return client.putPeerAsn(r.build()).await().atMost(T);
    }

    private ListPeerAsnsResponse list(String sub) {
        return client.listPeerAsns(ListPeerAsnsRequest.newBuilder().setSubscriptionId(sub).build()).await().atMost(T);
    }

    @Test
    void createsAPendingRegistrationThenReplacesItKeepingOneResource() {
        String sub = sub();
        PutPeerAsnResponse created = put(valid(sub, "contoso", 64500));
        assertTrue(created.getCreated());
        assertEquals("Pending", created.getPeerAsn().getValidationState());
        assertEquals(1, created.getPeerAsn().getVersion());
        assertEquals("Noc", created.getPeerAsn().getPeerContactDetail(0).getRole());

        PutPeerAsnResponse replaced = put(valid(sub, "contoso", 64500).setPeerName("Contoso Networks Two"));
        assertFalse(replaced.getCreated());
        assertEquals(2, replaced.getPeerAsn().getVersion());

        var got = client.getPeerAsn(GetPeerAsnRequest.newBuilder().setSubscriptionId(sub).setName("contoso").build())
                .await().atMost(T).getPeerAsn();
        assertEquals("Contoso Networks Two", got.getPeerName());
        assertEquals(64500, got.getPeerAsn());
        assertEquals(1, list(sub).getPeerAsnsCount());

        assertTrue(client.deletePeerAsn(DeletePeerAsnRequest.newBuilder().setSubscriptionId(sub).setName("contoso")
                .build()).await().atMost(T).getExisted());
        assertFalse(client.deletePeerAsn(DeletePeerAsnRequest.newBuilder().setSubscriptionId(sub).setName("contoso")
                .build()).await().atMost(T).getExisted());
        assertEquals(0, list(sub).getPeerAsnsCount());
    }

    @Test
    void getOfAMissingRegistrationIsNotFound() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> client.getPeerAsn(
                GetPeerAsnRequest.newBuilder().setSubscriptionId(sub()).setName("nope").build()).await().atMost(T));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("ResourceNotFound", e.getTrailers().get(GrpcErrors.ARM_CODE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "private 2-byte ASN       | properties.peerAsn                   | peerAsn=64512",
            "private 4-byte ASN       | properties.peerAsn                   | peerAsn=4200000000",
            "AS_TRANS                 | properties.peerAsn                   | peerAsn=23456",
            "reserved 65535           | properties.peerAsn                   | peerAsn=65535",
            "zero                     | properties.peerAsn                   | peerAsn=0",
            "beyond 32 bits           | properties.peerAsn                   | peerAsn=4294967296",
            "the operator's ASN       | properties.peerAsn                   | peerAsn=64496",
            "missing ASN              | properties.peerAsn                   | peerAsn=",
            "digits in the name       | properties.peerName                  | peerName=Contoso 1",
            "non-ASCII name           | properties.peerName                  | peerName=Contosö",
            "no contact               | properties.peerContactDetail         | contacts=",
            "bad e-mail               | properties.peerContactDetail[0].email | email=noc@",
            "unknown role             | properties.peerContactDetail[0].role  | role=Boss",
    })
    void rejectsBadRegistrationsWithTheFieldAndStoresNothing(String why, String target, String change) {
        String sub = sub();
        PutPeerAsnRequest.Builder r = valid(sub, "bad", 64501);
        apply(change, r);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> put(r));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), why);
        assertEquals("BadArgument", e.getTrailers().get(GrpcErrors.ARM_CODE));
        assertEquals(target, e.getTrailers().get(GrpcErrors.ARM_TARGET));
        assertEquals(0, list(sub).getPeerAsnsCount(), "nothing stored after: " + why);
    }

    private static void apply(String change, PutPeerAsnRequest.Builder r) {
        String[] kv = change.split("=", 2);
        String v = kv.length > 1 ? kv[1] : "";
        Consumer<PutPeerAsnRequest.Builder> c = switch (kv[0]) {
            case "peerAsn" -> b -> {
                if (v.isEmpty()) {
                    b.clearPeerAsn();
                } else {
                    b.setPeerAsn(Long.parseLong(v));
                }
            };
            case "peerName" -> b -> b.setPeerName(v);
            case "contacts" -> PutPeerAsnRequest.Builder::clearPeerContactDetail;
            case "email" -> b -> b.setPeerContactDetail(0, b.getPeerContactDetail(0).toBuilder().setEmail(v));
            case "role" -> b -> b.setPeerContactDetail(0, b.getPeerContactDetail(0).toBuilder().setRole(v));
            default -> throw new IllegalArgumentException(change);
        };
        c.accept(r);
    }

    private org.openpeering.proto.partner.v1.PeerAsn decide(String sub, String name, String state, String message) {
        return client.setPeerAsnValidationState(SetPeerAsnValidationStateRequest.newBuilder().setSubscriptionId(sub)
                .setName(name).setValidationState(state).setErrorMessage(message).build()).await().atMost(T)
                .getPeerAsn();
    }

    @Test
    void theOperatorRejectsWithAReasonAndApprovesAndAnAsnChangeStartsOver() {
        String sub = sub();
        put(valid(sub, "decided", 65544));
        StatusRuntimeException noReason = assertThrows(StatusRuntimeException.class,
                () -> decide(sub, "decided", "Failed", " "));
        assertEquals("errorMessage", noReason.getTrailers().get(GrpcErrors.ARM_TARGET));
        StatusRuntimeException badState = assertThrows(StatusRuntimeException.class,
                () -> decide(sub, "decided", "Pending", ""));
        assertEquals("validationState", badState.getTrailers().get(GrpcErrors.ARM_TARGET));
        assertEquals("Pending", list(sub).getPeerAsns(0).getValidationState());

        var failed = decide(sub, "decided", "Failed", "No route object for AS65544");
        assertEquals("Failed", failed.getValidationState());
        assertEquals("No route object for AS65544", failed.getErrorMessage());
        var approved = decide(sub, "decided", "Approved", "");
        assertEquals("Approved", approved.getValidationState());
        assertEquals("", approved.getErrorMessage());
        assertEquals(3, approved.getVersion());

        // the partner replacing its registration keeps the approval; a different ASN starts over
        assertEquals("Approved", put(valid(sub, "decided", 65544).setPeerName("Renamed")).getPeerAsn()
                .getValidationState());
        assertEquals("Pending", put(valid(sub, "decided", 65545)).getPeerAsn().getValidationState());

        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> decide(sub, "nope", "Approved", ""));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void anAsnBelongsToOneSubscriptionOnly() {
        String a = sub();
        String b = sub();
        put(valid(a, "mine", 64502));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> put(valid(b, "theirs", 64502)));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("Conflict", e.getTrailers().get(GrpcErrors.ARM_CODE));
        assertFalse(e.getStatus().getDescription().contains(a), "must not reveal the owner");
        assertEquals(0, list(b).getPeerAsnsCount());
    }

    @Test
    void preconditionsGuardWrites() {
        String sub = sub();
        long v1 = put(valid(sub, "guarded", 64503)).getPeerAsn().getVersion();
        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> put(valid(sub, "guarded", 64503)
                .setPeerName("Changed").setPrecondition(Precondition.newBuilder().setIfMatchVersion(v1 + 7))));
        assertEquals("PreconditionFailed", stale.getTrailers().get(GrpcErrors.ARM_CODE));
        StatusRuntimeException exists = assertThrows(StatusRuntimeException.class, () -> put(valid(sub, "guarded", 64503)
                .setPrecondition(Precondition.newBuilder().setIfNoneMatchAny(true))));
        assertEquals("PreconditionFailed", exists.getTrailers().get(GrpcErrors.ARM_CODE));
        assertEquals("Contoso Networks", list(sub).getPeerAsns(0).getPeerName());

        PutPeerAsnResponse ok = put(valid(sub, "guarded", 64503).setPeerName("Changed")
                .setPrecondition(Precondition.newBuilder().setIfMatchVersion(v1)));
        assertEquals("Changed", ok.getPeerAsn().getPeerName());
    }

    @Test
    void listsPageInNameOrder() {
        String sub = sub();
        for (int i = 0; i < 5; i++) {
            put(valid(sub, "asn" + i, 64504 + i < 64506 ? 64504 + i : 65536 + i));
        }
        ListPeerAsnsResponse first = client.listPeerAsns(ListPeerAsnsRequest.newBuilder().setSubscriptionId(sub)
                .setPageSize(2).build()).await().atMost(T);
        assertEquals(2, first.getPeerAsnsCount());
        assertEquals("asn0", first.getPeerAsns(0).getName());
        assertFalse(first.getNextPageToken().isEmpty());
        ListPeerAsnsResponse second = client.listPeerAsns(ListPeerAsnsRequest.newBuilder().setSubscriptionId(sub)
                .setPageSize(2).setPageToken(first.getNextPageToken()).build()).await().atMost(T);
        assertEquals("asn2", second.getPeerAsns(0).getName());
        ListPeerAsnsResponse third = client.listPeerAsns(ListPeerAsnsRequest.newBuilder().setSubscriptionId(sub)
                .setPageSize(2).setPageToken(second.getNextPageToken()).build()).await().atMost(T);
        assertEquals(1, third.getPeerAsnsCount());
        assertTrue(third.getNextPageToken().isEmpty());
    }
}

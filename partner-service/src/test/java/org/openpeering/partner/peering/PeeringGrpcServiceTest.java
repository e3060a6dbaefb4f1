package org.openpeering.partner.peering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.common.GrpcErrors;
import org.openpeering.common.SecretBox;
import org.openpeering.proto.partner.v1.BgpSession;
import org.openpeering.proto.partner.v1.Connection;
import org.openpeering.proto.partner.v1.ContactDetail;
import org.openpeering.proto.partner.v1.DeletePeeringRequest;
import org.openpeering.proto.partner.v1.GetPeeringRequest;
import org.openpeering.proto.partner.v1.PeerAsnService;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.PeeringsService;
import org.openpeering.proto.partner.v1.PutPeerAsnRequest;
import org.openpeering.proto.partner.v1.PutPeeringRequest;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateRequest;
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
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class PeeringGrpcServiceTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static final String TEST_RING = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @GrpcClient("partner")
    @RegisterClientInterceptor(ServiceCaller.class)
    PeeringsService peerings;

    @GrpcClient("partner")
    @RegisterClientInterceptor(ServiceCaller.class)
    PeerAsnService peerAsns;

    @Inject
    Pool pool;

    private String approvedPartner(long asn) {
        String sub = "sub-" + UUID.randomUUID();
        peerAsns.putPeerAsn(PutPeerAsnRequest.newBuilder().setSubscriptionId(sub).setName("p").setPeerAsn(asn)
                .setPeerName("Test Net").addPeerContactDetail(ContactDetail.newBuilder().setRole("Noc")
                        .setEmail("noc@example.com")).build()).await().atMost(T);
        peerAsns.setPeerAsnValidationState(SetPeerAsnValidationStateRequest.newBuilder().setSubscriptionId(sub)
                .setName("p").setValidationState("Approved").build()).await().atMost(T);
        return sub;
    }

    private static Peering.Builder peering(String sub, String name, Connection... connections) {
        Peering.Builder b = Peering.newBuilder().setSubscriptionId(sub).setResourceGroup("rg").setName(name)
                .setKind("Direct").setSkuName("Basic_Direct_Free").setLocation("West Europe")
                .setPeeringLocation("Amsterdam").setPeerAsnName("p");
        for (Connection c : connections) {
            b.addConnections(c);
        }
        return b;
    }

    private static Connection.Builder connection(String id, String provider) {
        return Connection.newBuilder().setConnectionIdentifier(id).setBandwidthInMbps(10000)
                .setSessionAddressProvider(provider).setPeeringDbFacilityId(64);
    }

    private Peering put(Peering.Builder p) {
        return peerings.putPeering(PutPeeringRequest.newBuilder().setPeering(p).build()).await().atMost(T).getPeering();
    }

    private String storedKey(String connection) {
        var rows = pool.preparedQuery("select md5_key_encrypted from peering_connection where connection_identifier = $1")
                .execute(Tuple.of(connection)).await().atMost(T);
        return rows.iterator().next().getString("md5_key_encrypted");
    }

    @Test
    void md5KeysAreSealedAtRestKeptWhenLeftOutClearedWhenEmptyAndNeverReturned() {
        String sub = approvedPartner(65546);
        String id = UUID.randomUUID().toString();
        BgpSession.Builder session = BgpSession.newBuilder().setSessionPrefixV4("203.0.113.8/31")
                .setPeerSessionIpv4Address("203.0.113.9").setMicrosoftSessionIpv4Address("203.0.113.8");
        Peering created = put(peering(sub, "md5", connection(id, "Peer")
                .setBgpSession(session.clone().setMd5AuthenticationKey("Rest-Key-One")).build()));
        assertFalse(created.getConnections(0).getBgpSession().hasMd5AuthenticationKey());
        assertFalse(created.toString().contains("Rest-Key-One"));

        String sealed = storedKey(id);
        assertTrue(sealed.startsWith("v1:test1:"), sealed);
        assertFalse(sealed.contains("Rest-Key-One"));
        SecretBox box = SecretBox.fromKeyRing(TEST_RING);
        assertEquals("Rest-Key-One", box.decrypt(sealed, PeeringService.md5Context(id)));
        // bound to its connection: the ciphertext cannot be replayed onto another row
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(sealed, PeeringService.md5Context("other")));

        put(peering(sub, "md5", connection(id, "Peer").setBgpSession(session.clone()).build()));
        assertEquals(sealed, storedKey(id), "a PUT without the key keeps it");
        put(peering(sub, "md5", connection(id, "Peer").setBgpSession(session.clone().setMd5AuthenticationKey("")).build()));
        assertNull(storedKey(id), "an empty key clears it");
    }

    @Test
    void operatorAddressesAreUniqueStableAndTheExhaustedPoolIsAConflict() {
        String sub = approvedPartner(65547);
        Set<String> prefixes = new HashSet<>();
        int created = 0;
        StatusRuntimeException exhausted = null;
        // the test pool 198.51.100.0/28 holds eight /31s
        for (int i = 0; i < 10 && exhausted == null; i++) {
            try {
                Peering p = put(peering(sub, "alloc-" + i, connection(UUID.randomUUID().toString(), "Microsoft").build()));
                BgpSession s = p.getConnections(0).getBgpSession();
                assertTrue(prefixes.add(s.getSessionPrefixV4()), "allocated twice: " + s.getSessionPrefixV4());
                assertEquals(s.getSessionPrefixV4().replace("/31", ""), s.getMicrosoftSessionIpv4Address());
                assertTrue(s.getSessionPrefixV6().endsWith("/127"), s.getSessionPrefixV6());
                created++;
                // a second PUT keeps what was allocated
                Peering again = put(peering(sub, "alloc-" + i, p.getConnections(0).toBuilder().build()));
                assertEquals(s.getSessionPrefixV4(), again.getConnections(0).getBgpSession().getSessionPrefixV4());
            } catch (StatusRuntimeException e) {
                exhausted = e;
            }
        }
        assertNotNull(exhausted, "the /28 pool never ran out");
        assertEquals("Conflict", GrpcErrors.fromStatus(exhausted).code().wire());
        assertTrue(created <= 8 && created >= 1, "created " + created);
        String refused = "alloc-" + created;
        assertThrows(StatusRuntimeException.class, () -> peerings.getPeering(GetPeeringRequest.newBuilder()
                .setSubscriptionId(sub).setResourceGroup("rg").setName(refused).build()).await().atMost(T),
                "the refused peering was stored");
        // freeing one makes room for exactly one more
        peerings.deletePeering(DeletePeeringRequest.newBuilder().setSubscriptionId(sub).setResourceGroup("rg")
                .setName("alloc-0").build()).await().atMost(T);
        put(peering(sub, "alloc-again", connection(UUID.randomUUID().toString(), "Microsoft").build()));
    }

    @Test
    void aSessionAddressOfAnotherAsnIsRefusedButTheSameAsnMayReuseIt() {
        String first = approvedPartner(65548);
        String second = approvedPartner(65549);
        BgpSession.Builder session = BgpSession.newBuilder().setSessionPrefixV4("203.0.113.20/31")
                .setPeerSessionIpv4Address("203.0.113.21").setMicrosoftSessionIpv4Address("203.0.113.20");
        put(peering(first, "one", connection(UUID.randomUUID().toString(), "Peer").setBgpSession(session).build()));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> put(peering(second, "two",
                connection(UUID.randomUUID().toString(), "Peer").setBgpSession(session).build())));
        assertEquals("IPv4 address is already configured with a different ASN", GrpcErrors.fromStatus(e).getMessage());
        assertEquals("properties.direct.connections[0].bgpSession.peerSessionIPv4Address",
                GrpcErrors.fromStatus(e).target());
        assertThrows(StatusRuntimeException.class, () -> peerings.getPeering(GetPeeringRequest.newBuilder()
                .setSubscriptionId(second).setResourceGroup("rg").setName("two").build()).await().atMost(T));
        put(peering(first, "one-more", connection(UUID.randomUUID().toString(), "Peer").setBgpSession(session).build()));
    }
}

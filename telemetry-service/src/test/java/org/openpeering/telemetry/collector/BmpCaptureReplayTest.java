package org.openpeering.telemetry.collector;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListSessionsRequest;
import org.openpeering.proto.telemetry.v1.ReceivedRoutesService;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SessionState;
import org.openpeering.telemetry.protocol.bmp.BmpDecoder;
import org.openpeering.telemetry.protocol.bmp.BmpFramer;
import org.openpeering.telemetry.protocol.bmp.PeerDown;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A real BMP stream (gobgpd 3.10 exporting a partner's routes, ../shared/data) replayed into the station: the
 * partner's 220 pre-policy routes (200 IPv4, 20 IPv6) land in its session on router "r-gobgp-bmp" (sysName
 * GoBGP), post-policy and
 * Loc-RIB views are not stored, and the final Peer Down flushes the session.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class BmpCaptureReplayTest {

    /** A copy of ../shared/data/gobgp-3.10-bmp-capture.bmp (with its summary). */
    static final Path CAPTURE = Path.of("src/test/resources/bmp/gobgp-3.10-bmp-capture.bmp");
    static final Duration T = Duration.ofSeconds(20);

    @GrpcClient("telemetry")
    @RegisterClientInterceptor(ServiceCaller.class)
    ReceivedRoutesService telemetry;

    SessionState session() {
        return telemetry.listSessions(ListSessionsRequest.getDefaultInstance()).await().atMost(T).getSessionsList()
                .stream().filter(s -> s.getRouter().equals("r-gobgp-bmp") && s.getPeerAddress().equals("127.0.0.5")
                        && s.getPeerAsn() == 4200000005L).findFirst().orElse(null);
    }

    @Test
    void aRecordedFeedFillsThePartnersSessionAndItsPeerDownFlushesIt() throws Exception {
        Path capture = CAPTURE;
        BmpFramer framer = new BmpFramer(1 << 20);
        byte[] all = Files.readAllBytes(capture);
        framer.feed(all, 0, all.length);
        List<byte[]> messages = new ArrayList<>();
        byte[] m;
        while ((m = framer.next()) != null) {
            messages.add(m);
        }
        byte[] peerDown = messages.stream().filter(x -> {
            try {
                return BmpDecoder.decode(x) instanceof PeerDown;
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        try (Socket s = new Socket("127.0.0.1", 17019)) {
            OutputStream out = s.getOutputStream();
            for (byte[] x : messages) {
                if (x != peerDown) {
                    out.write(x);
                }
            }
            out.flush();
            await().atMost(T).untilAsserted(() -> {
                SessionState st = session();
                assertTrue(st != null, "no session for r-gobgp-bmp / 127.0.0.5");
                // 220 pre-policy routes: 200 IPv4 and 20 IPv6 (the post-policy and Loc-RIB copies are not stored)
                assertEquals(200, st.getPrefixesV4(), "pre-policy IPv4 routes only");
                assertEquals(20, st.getPrefixesV6(), "pre-policy IPv6 routes only");
                assertEquals("Established", st.getState());
                assertEquals(4200000005L, st.getPeerAsn());
            });
            var routes = telemetry.listReceivedRoutes(ListReceivedRoutesRequest.newBuilder()
                    .addSessions(SessionRef.newBuilder().setRouter("r-gobgp-bmp").setPeerAddress("127.0.0.5"))
                    .setPageSize(1000).build()).await().atMost(T).getRoutesList();
            assertEquals(220, routes.size());
            assertTrue(routes.stream().allMatch(r -> r.getAsPath().startsWith("4200000005")), routes.get(0).toString());
            out.write(peerDown);
            out.flush();
            await().atMost(T).untilAsserted(() -> {
                assertEquals(0, session().getPrefixesV4() + session().getPrefixesV6());
                assertEquals("Idle", session().getState());
            });
        }
    }
}

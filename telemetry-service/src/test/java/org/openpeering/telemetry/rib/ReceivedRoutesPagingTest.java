package org.openpeering.telemetry.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesResponse;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** receivedRoutes pages walk the RIB in chunks: every path once, in order, the paths of a prefix never split. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class ReceivedRoutesPagingTest {

    @Inject
    RibRegistry registry;

    @Inject
    @io.quarkus.grpc.GrpcService
    ReceivedRoutesGrpcService service;

    @Test
    void pagesCoverEveryPathOnceAndKeepAPrefixsPathsTogether() {
        SessionRib a = registry.session(new SessionKey("page-r1", "192.0.2.51", 64500));
        SessionRib b = registry.session(new SessionKey("page-r2", "192.0.2.53", 64501));
        PathAttributes attrs = PathAttributes.of(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(64500, 64510)),
                "192.0.2.51");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            Prefix p = Prefix.parse("10." + (i >> 8) + "." + (i & 0xff) + ".0/24");
            // every fifth prefix has two ADD-PATH paths
            List<Nlri> nlri = i % 5 == 0 ? List.of(new Nlri(p, 1), new Nlri(p, 2)) : List.of(new Nlri(p, 0));
            a.apply(new Update(List.of(), nlri, attrs, null, false, null, List.of()), attrs, "192.0.2.51", null, 1L);
        }
        for (int i = 0; i < 12; i++) {
            Prefix p = Prefix.parse("2001:db8:" + Integer.toHexString(i + 1) + "::/48");
            b.apply(new Update(List.of(), List.of(new Nlri(p, 0)), attrs, "2001:db8::53", false, null, List.of()), attrs,
                    null, "2001:db8::53", 1L);
        }
        a.forEach(v -> expected.add("page-r1 " + v.prefix() + "#" + v.route().pathId()));
        b.forEach(v -> expected.add("page-r2 " + v.prefix() + "#" + v.route().pathId()));
        assertEquals(700 + 140 + 12, expected.size());

        List<String> seen = new ArrayList<>();
        Map<String, Integer> pageOfPrefix = new HashMap<>();
        String token = "";
        int pages = 0;
        do {
            ListReceivedRoutesResponse page = service.list(ListReceivedRoutesRequest.newBuilder()
                    .addSessions(SessionRef.newBuilder().setRouter("page-r1").setPeerAddress("192.0.2.51"))
                    .addSessions(SessionRef.newBuilder().setRouter("page-r2").setPeerAddress("192.0.2.53"))
                    .setPageSize(7).setPageToken(token).build());
            pages++;
            assertTrue(page.getRoutesCount() >= 7 || page.getNextPageToken().isEmpty(), "full pages until the last");
            for (ReceivedRoute r : page.getRoutesList()) {
                seen.add(r.getRouter() + " " + r.getPrefix() + "#" + r.getPathId());
                Integer before = pageOfPrefix.putIfAbsent(r.getRouter() + r.getPrefix(), pages);
                assertTrue(before == null || before == pages, r.getPrefix() + " split across pages");
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(expected, seen);

        // session states for the sessions asked for only (a peering's), found by router and address
        var states = service.listSessions(org.openpeering.proto.telemetry.v1.ListSessionsRequest.newBuilder()
                .addSessions(SessionRef.newBuilder().setRouter("PAGE-R2").setPeerAddress("192.0.2.53"))
                .addSessions(SessionRef.newBuilder().setRouter("page-r9").setPeerAddress("192.0.2.99")).build())
                .await().indefinitely();
        assertEquals(List.of("page-r2"), states.getSessionsList().stream().map(x -> x.getRouter()).toList());
        assertEquals(12, states.getSessions(0).getPrefixesV6());
        a.down("test over");
        b.down("test over");
    }
}

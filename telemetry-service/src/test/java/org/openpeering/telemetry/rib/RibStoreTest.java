package org.openpeering.telemetry.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AfiSafi;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.testsupport.PostgresTestResource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Warm restarts: what sessions hold is written to PostgreSQL in batches (changes only), read back into a fresh
 * registry exactly (attributes through the BGP codec), confirmed or swept when the router's table completes again,
 * and flushed when the session does not come back within the hold.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "telemetry"))
class RibStoreTest {

    private static final Duration T = Duration.ofSeconds(30);

    @Inject
    RibRegistry registry;

    @Inject
    RibStore store;

    @Inject
    Pool pool;

    private static PathAttributes attrs(String nextHop, long... path) {
        return new PathAttributes(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(path)), nextHop, 10L, null,
                false, null, null, new int[] { PathAttributes.community(64496, 8007) }, new long[] { 64496, 1, 2 },
                null, List.of());
    }

    private static void announce(SessionRib rib, String prefix, long pathId, PathAttributes a, String hop, long at) {
        Nlri n = new Nlri(Prefix.parse(prefix), pathId);
        boolean v6 = n.prefix().isV6();
        rib.apply(new Update(List.of(), List.of(n), a, v6 ? hop : null, false, null, List.of()), a, v6 ? null : hop,
                v6 ? hop : null, at);
    }

    private static void withdraw(SessionRib rib, String prefix, long pathId) {
        rib.apply(new Update(List.of(new Nlri(Prefix.parse(prefix), pathId)), List.of(), null, null, false, null,
                List.of()), null, null, null, System.currentTimeMillis());
    }

    private long rows(String router) {
        return pool.preparedQuery("select count(*) from received_route where router = $1").execute(Tuple.of(router))
                .await().atMost(T).iterator().next().getLong(0);
    }

    /** Every path of a session as text: prefix#pathId → attributes, next hop, time. */
    private static Map<String, String> paths(SessionRib rib) {
        Map<String, String> out = new TreeMap<>();
        rib.forEach(v -> out.put(v.prefix() + "#" + v.route().pathId(), v.route().attributes() + " via "
                + v.route().nextHop() + " at " + v.route().receivedAtMillis()));
        return out;
    }

    @Test
    void theTableIsWrittenInBatchesAndReadBackExactly() {
        SessionRib rib = registry.session(new SessionKey("store-r1", "192.0.2.41", 64500));
        long at = System.currentTimeMillis() - 5_000;
        PathAttributes shared = attrs("192.0.2.41", 64500, 64510);
        for (int i = 0; i < 12_000; i++) {
            // more than two write batches, all sharing one attribute set
            announce(rib, "10." + (i >> 8) + "." + (i & 0xff) + ".0/24", 0, shared, "192.0.2.41", at + i);
        }
        announce(rib, "203.0.113.0/24", 1, attrs("192.0.2.41", 64500, 64511), "192.0.2.41", at);
        announce(rib, "203.0.113.0/24", 2, attrs("192.0.2.41", 64500, 64512, 64511), "192.0.2.41", at);
        announce(rib, "2001:db8:1::/48", 0, attrs(null, 64500, 65540), "2001:db8::41", at);
        withdraw(rib, "10.0.5.0/24", 0);
        store.flush().await().atMost(T);
        assertEquals(12_002, rows("store-r1"));

        // changes only: a withdrawal and a replaced path
        withdraw(rib, "203.0.113.0/24", 1);
        announce(rib, "10.0.6.0/24", 0, attrs("192.0.2.41", 64500, 64499, 64510), "192.0.2.41", at + 1);
        assertEquals(2, store.flush().await().atMost(T));
        assertEquals(12_001, rows("store-r1"));

        // a restart: a fresh registry reads it all back, identical, sharing attribute objects again
        RibRegistry fresh = new RibRegistry(new SimpleMeterRegistry());
        store.restore(fresh).await().atMost(T);
        SessionRib back = fresh.find(rib.key());
        assertEquals(paths(rib), paths(back));
        assertTrue(back.restored());
        assertEquals("Idle", back.state());
        PathAttributes one = back.routes(Prefix.parse("10.1.1.0/24")).get(0).attributes();
        assertEquals(shared, one);
        assertNotSame(shared, one);
        assertTrue(one == back.routes(Prefix.parse("10.2.2.0/24")).get(0).attributes(), "decoded once, interned");

        // the session going down deletes its rows
        rib.down("test over");
        store.flush().await().atMost(T);
        assertEquals(0, rows("store-r1"));
    }

    @Test
    void restoredPathsTheRouterDoesNotSendAgainAreSweptWhenItsTableIsComplete() {
        SessionRib rib = registry.session(new SessionKey("store-r2", "192.0.2.43", 64500));
        long at = System.currentTimeMillis() - 60_000;
        for (String p : List.of("198.51.100.0/24", "192.0.2.0/24", "203.0.113.0/25")) {
            announce(rib, p, 0, attrs("192.0.2.43", 64500, 64510), "192.0.2.43", at);
        }
        store.flush().await().atMost(T);

        RibRegistry fresh = new RibRegistry(new SimpleMeterRegistry());
        store.restore(fresh).await().atMost(T);
        SessionRib back = fresh.find(rib.key());
        assertEquals(3, back.paths());
        // the router comes back and sends one of the three again, then End-of-RIB
        back.established(System.currentTimeMillis(), false);
        announce(back, "192.0.2.0/24", 0, attrs("192.0.2.43", 64500, 64510), "192.0.2.43", System.currentTimeMillis());
        back.apply(new Update(List.of(), List.of(), null, null, false, AfiSafi.IPV4_UNICAST, List.of()), null, null,
                null, System.currentTimeMillis());
        assertTrue(back.tableComplete(System.currentTimeMillis(), Duration.ofMinutes(5)));
        store.settleRestored(fresh, System.currentTimeMillis());
        assertFalse(back.restored());
        assertEquals(List.of("192.0.2.0/24#0"), new ArrayList<>(paths(back).keySet()));
        rib.down("test over");
        store.flush().await().atMost(T);
    }

    @Test
    void aSessionThatDoesNotComeBackIsFlushedAfterTheHold() {
        SessionRib rib = registry.session(new SessionKey("store-r3", "2001:db8::43", 64501));
        announce(rib, "2001:db8:2::/48", 0, attrs(null, 64501, 65541), "2001:db8::43", System.currentTimeMillis());
        store.flush().await().atMost(T);
        RibRegistry fresh = new RibRegistry(new SimpleMeterRegistry());
        store.restore(fresh).await().atMost(T);
        SessionRib back = fresh.find(rib.key());
        assertEquals(1, back.paths());
        store.settleRestored(fresh, System.currentTimeMillis());
        assertEquals(1, back.paths(), "within the hold the restored routes stay");
        store.settleRestored(fresh, System.currentTimeMillis() + Duration.ofMinutes(11).toMillis());
        assertEquals(0, back.paths());
        assertTrue(back.lastError().contains("not re-established"), back.lastError());
        rib.down("test over");
        store.flush().await().atMost(T);
    }

    @Test
    void aTableTransferIsWrittenOnceCompleteAndReplacesWhatWasStored() {
        SessionRib rib = registry.session(new SessionKey("store-r4", "192.0.2.45", 64502));
        // a row left from an earlier life of the session, which the router no longer sends
        pool.preparedQuery("insert into received_route (router, peer_address, peer_asn, prefix, path_id, as_path,"
                + " received_at, attributes, generation) values ('store-r4', '192.0.2.45', 64502, '198.51.100.0/24', 0,"
                + " '64502', now(), null, 0)").execute().await().atMost(T);
        rib.established(System.currentTimeMillis(), false);
        for (String p : List.of("203.0.113.0/24", "203.0.113.0/25", "192.0.2.0/24")) {
            announce(rib, p, 0, attrs("192.0.2.45", 64502, 64510), "192.0.2.45", System.currentTimeMillis());
        }
        // while the table streams in nothing is written
        assertEquals(0, store.flush().await().atMost(T));
        assertEquals(3, store.pending());
        rib.apply(new Update(List.of(), List.of(), null, null, false, AfiSafi.IPV4_UNICAST, List.of()), null, null,
                null, System.currentTimeMillis());
        store.flush().await().atMost(T);
        assertEquals(0, store.pending());
        assertEquals(List.of("192.0.2.0/24", "203.0.113.0/24", "203.0.113.0/25"), pool.preparedQuery("select"
                + " prefix::text from received_route where router = 'store-r4' order by prefix").execute()
                .await().atMost(T).stream().map(r -> r.getString(0)).toList());
        // after the transfer, changes are written one by one again
        withdraw(rib, "203.0.113.0/25", 0);
        assertEquals(1, store.flush().await().atMost(T));
        assertEquals(2, rows("store-r4"));
        rib.down("test over");
        store.flush().await().atMost(T);
        assertEquals(0, rows("store-r4"));
    }

    @Test
    void aPathThatFlapsBetweenTwoWritesIsWrittenOnce() {
        SessionRib rib = registry.session(new SessionKey("store-r5", "192.0.2.46", 64503));
        PathAttributes a = attrs("192.0.2.46", 64503, 64511);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 1_000; i++) {
            announce(rib, "203.0.113.0/24", 0, a, "192.0.2.46", now);
            withdraw(rib, "203.0.113.0/24", 0);
            announce(rib, "198.51.100.0/24", 0, a, "192.0.2.46", now);
        }
        announce(rib, "203.0.113.0/24", 7, a, "192.0.2.46", now);
        // three distinct paths changed, however often
        assertEquals(3, store.pending());
        // two rows written; the withdrawn path had never been stored, so deleting it touches nothing
        assertEquals(2, store.flush().await().atMost(T));
        assertEquals(0, store.pending());
        assertEquals(List.of("198.51.100.0/24#0", "203.0.113.0/24#7"), pool.preparedQuery("select prefix::text || '#'"
                + " || path_id from received_route where router = 'store-r5' order by prefix, path_id").execute()
                .await().atMost(T).stream().map(r -> r.getString(0)).toList());
        for (int i = 0; i < 100; i++) {
            withdraw(rib, "198.51.100.0/24", 0);
            announce(rib, "198.51.100.0/24", 0, a, "192.0.2.46", now);
        }
        withdraw(rib, "198.51.100.0/24", 0);
        assertEquals(1, store.pending());
        assertEquals(1, store.flush().await().atMost(T));
        assertEquals(1, rows("store-r5"));
        rib.down("test over");
        store.flush().await().atMost(T);
        assertEquals(0, rows("store-r5"));
    }
}

package org.openpeering.telemetry.rib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.Nlri;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;

/** The Adj-RIB-In's paths per prefix (ADD-PATH) and its record of changed paths, without a running service. */
class SessionRibTest {

    private static PathAttributes attrs(long origin) {
        return new PathAttributes(PathAttributes.ORIGIN_IGP, List.of(AsPathSegment.sequence(64500, origin)),
                "192.0.2.1", null, null, false, null, null, null, null, null, List.of());
    }

    private static void announce(SessionRib rib, String prefix, long pathId, PathAttributes a) {
        rib.apply(new Update(List.of(), List.of(new Nlri(Prefix.parse(prefix), pathId)), a, null, false, null,
                List.of()), a, "192.0.2.1", null, 1);
    }

    private static List<String> paths(SessionRib rib, String prefix) {
        return rib.routes(Prefix.parse(prefix)).stream()
                .map(r -> r.pathId() + ":" + r.attributes().originAs()).toList();
    }

    @Test
    void addPathPathsAreReplacedWhereTheyStandAndNewOnesGoInFront() {
        SessionRib rib = new SessionRib(new SessionKey("r1", "192.0.2.1", 64500));
        announce(rib, "203.0.113.0/24", 1, attrs(64501));
        announce(rib, "203.0.113.0/24", 2, attrs(64502));
        announce(rib, "203.0.113.0/24", 3, attrs(64503));
        assertEquals(List.of("3:64503", "2:64502", "1:64501"), paths(rib, "203.0.113.0/24"));
        // the head, the middle and the tail, each replaced in place
        announce(rib, "203.0.113.0/24", 3, attrs(64513));
        announce(rib, "203.0.113.0/24", 2, attrs(64512));
        announce(rib, "203.0.113.0/24", 1, attrs(64511));
        assertEquals(List.of("3:64513", "2:64512", "1:64511"), paths(rib, "203.0.113.0/24"));
        assertEquals(3, rib.paths());
        assertEquals(1, rib.prefixes(false));
        // a single-path prefix replaced keeps one path
        announce(rib, "198.51.100.0/24", 0, attrs(64501));
        PathAttributes again = attrs(64509);
        announce(rib, "198.51.100.0/24", 0, again);
        assertEquals(List.of("0:64509"), paths(rib, "198.51.100.0/24"));
        assertSame(again, rib.routes(Prefix.parse("198.51.100.0/24")).get(0).attributes());
        assertEquals(4, rib.paths());
        rib.apply(new Update(List.of(new Nlri(Prefix.parse("203.0.113.0/24"), 2)), List.of(), null, null, false,
                null, List.of()), null, null, null, 2);
        assertEquals(List.of("3:64513", "1:64511"), paths(rib, "203.0.113.0/24"));
        assertEquals(3, rib.paths());
    }

    @Test
    void changedPathsAreRecordedOnceEachUntilTaken() {
        SessionRib rib = new SessionRib(new SessionKey("r1", "192.0.2.1", 64500));
        rib.persist(true);
        for (int i = 0; i < 50; i++) {
            announce(rib, "203.0.113.0/24", 0, attrs(64501 + i % 2));
            announce(rib, "203.0.113.0/24", 7, attrs(64501));
        }
        for (int i = 0; i < 300; i++) {
            announce(rib, "10." + (i / 256) + "." + (i % 256) + ".0/24", 0, attrs(64501));
        }
        assertEquals(302, rib.pendingCount());
        SessionRib.Pending p = rib.takePending(0, java.time.Duration.ofSeconds(30));
        assertEquals(302, p.count());
        assertEquals(302, java.util.stream.IntStream.range(0, p.count())
                .mapToObj(i -> p.prefixes()[i] + "#" + p.pathIds()[i]).distinct().count());
        assertEquals(0, rib.pendingCount());
    }

    private static void withdraw(SessionRib rib, String prefix, long pathId) {
        rib.apply(new Update(List.of(new Nlri(Prefix.parse(prefix), pathId)), List.of(), null, null, false, null,
                List.of()), null, null, null, 3);
    }

    @Test
    void pathIdentifiersAreThirtyTwoUnsignedBitsAndWithdrawalsOfUnknownPathsChangeNothing() {
        SessionRib rib = new SessionRib(new SessionKey("r1", "192.0.2.1", 64500));
        long top = 0xffffffffL;
        announce(rib, "203.0.113.0/24", top, attrs(64501));
        announce(rib, "203.0.113.0/24", 0x80000000L, attrs(64502));
        assertEquals(List.of("2147483648:64502", "4294967295:64501"), paths(rib, "203.0.113.0/24"));
        assertEquals(64501, rib.path(Prefix.parse("203.0.113.0/24"), top).attributes().originAs());
        // unknown path ids, on a prefix with two paths and on one with a single path: nothing happens
        withdraw(rib, "203.0.113.0/24", 5);
        announce(rib, "198.51.100.0/24", 1, attrs(64503));
        withdraw(rib, "198.51.100.0/24", 2);
        assertEquals(3, rib.paths());
        assertEquals(2, rib.prefixes(false));
        // two paths down to one, then none
        withdraw(rib, "203.0.113.0/24", 0x80000000L);
        assertEquals(List.of("4294967295:64501"), paths(rib, "203.0.113.0/24"));
        assertEquals(null, rib.routes(Prefix.parse("203.0.113.0/24")).get(0).next());
        withdraw(rib, "203.0.113.0/24", top);
        assertEquals(List.of(), paths(rib, "203.0.113.0/24"));
        assertEquals(1, rib.paths());
        assertEquals(1, rib.prefixes(false));
        // and back: the prefix's node is found again
        announce(rib, "203.0.113.0/24", 9, attrs(64509));
        assertEquals(List.of("9:64509"), paths(rib, "203.0.113.0/24"));
        assertEquals(2, rib.paths());
    }

    private static String slash24(int i) {
        return "10." + (i / 256) + "." + (i % 256) + ".0/24";
    }

    @Test
    void aSweepDropsTheAttributeSetsNoRouteHoldsAndTheOthersStayShared() {
        RibRegistry registry = new RibRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        SessionRib a = registry.session(new SessionKey("r1", "192.0.2.1", 64500));
        SessionRib b = registry.session(new SessionKey("r1", "192.0.2.2", 64501));
        AttributeInterner interner = registry.interner();
        // 12,000 distinct sets on as many prefixes of one session (more than a sweep's chunk), the first ten also on
        // another session
        for (int i = 0; i < 12_000; i++) {
            PathAttributes x = interner.intern(attrs(65_000 + i));
            announce(a, slash24(i), 0, x);
            if (i < 10) {
                announce(b, slash24(i), 0, x);
            }
        }
        // every odd prefix withdrawn from the first session: sets 11, 13, ... are held by no route any more
        for (int i = 1; i < 12_000; i += 2) {
            withdraw(a, slash24(i), 0);
        }
        assertEquals(12_000, interner.size());
        assertEquals(5_995, registry.sweepInterner());
        assertEquals(6_005, interner.size());
        // the sets still in use are the ones routes hold: an equal set interned now is that very object
        assertSame(a.routes(Prefix.parse(slash24(2))).get(0).attributes(), interner.intern(attrs(65_002)));
        assertSame(b.routes(Prefix.parse(slash24(3))).get(0).attributes(), interner.intern(attrs(65_003)));
        assertEquals(6_005, interner.size());
        // a dropped set comes back as a new one
        interner.intern(attrs(65_011));
        assertEquals(6_006, interner.size());
        assertEquals(1, registry.sweepInterner(), "the set interned again is held by no route either");
        // the periodic check: due once more sets than the floor, and than half the map, are surely held by no route
        long paths = a.paths() + b.paths();
        assertEquals(6_010, paths);
        assertFalse(interner.sweepDue(paths));
        for (int i = 0; i < AttributeInterner.SWEEP_FLOOR; i++) {
            interner.intern(attrs(100_000 + i));
        }
        assertFalse(interner.sweepDue(paths), "floor - 5 sets are surely unheld");
        for (int i = 0; i < 10; i++) {
            interner.intern(attrs(900_000 + i));
        }
        assertTrue(interner.sweepDue(paths));
        registry.sweepInterner();
        assertEquals(6_005, interner.size());
        assertFalse(interner.sweepDue(paths));
        // a set interned while a sweep runs is kept, though no route holds it yet
        interner.beginSweep();
        PathAttributes fresh = interner.intern(attrs(99_999));
        assertEquals(6_005, interner.endSweep(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())));
        assertEquals(1, interner.size());
        assertSame(fresh, interner.intern(attrs(99_999)));
    }
}

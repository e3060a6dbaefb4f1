package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpeering.telemetry.protocol.Prefix;

class VrpSetTest {

    private static final VrpSet TABLE = VrpSet.of(List.of(
            Vrp.of("203.0.113.0/24", 24, 64510),
            Vrp.of("198.51.100.0/22", 24, 64511),
            Vrp.of("192.0.2.0/24", 24, 0),
            Vrp.of("10.0.0.0/8", 8, 64512),
            Vrp.of("100.64.0.0/10", 16, 64513),
            Vrp.of("100.64.0.0/16", 24, 64514),
            Vrp.of("172.16.0.0/12", 16, 64515),
            Vrp.of("172.16.0.0/16", 24, 64516),
            Vrp.of("2001:db8::/32", 48, 64511),
            Vrp.of("2001:db8:ff00::/40", 40, 64520),
            Vrp.of("2001:db8:ab00::/40", 40, 0)));

    /** RFC 6811 §2 on a small table; origin "" is a path ending in an AS_SET (no origin). */
    @ParameterizedTest(name = "{0} from AS{1} is {2}")
    @CsvSource({
            "203.0.113.0/24,    64510, VALID",          // exact match
            "198.51.101.0/24,   64511, VALID",          // more-specific within maxLength
            "198.51.100.0/22,   64511, VALID",          // the VRP's own prefix
            "198.51.100.0/25,   64511, INVALID_LENGTH", // beyond maxLength
            "203.0.113.0/24,    64505, INVALID_ORIGIN", // wrong origin (a hijack)
            "203.0.113.128/25,  64505, INVALID_ORIGIN", // wrong origin and too long: the origin is what is wrong
            "192.0.2.0/24,      64510, INVALID_ORIGIN", // AS0 VRP covers it
            "192.0.2.0/24,      0,     INVALID_ORIGIN", // AS0 VRPs match no origin, not even 0
            "198.18.0.0/15,     64510, NOT_FOUND",      // nothing covers it
            "203.0.112.0/23,    64510, NOT_FOUND",      // a less-specific of a VRP is not covered by it
            "203.0.113.0/24,    ,      INVALID_ORIGIN", // AS_SET: covered, and never VALID
            "198.18.0.0/15,     ,      NOT_FOUND",      // AS_SET, nothing covers it
            "10.0.0.0/8,        64512, VALID",
            "10.1.2.0/24,       64512, INVALID_LENGTH", // a /8 with maxLength 8 covering a /24
            "100.64.1.0/24,     64514, VALID",          // several VRPs cover it, one validates
            "100.64.1.0/24,     64513, INVALID_LENGTH", // its own VRP only allows up to /16
            "100.65.0.0/16,     64513, VALID",
            "172.16.5.0/24,     64515, INVALID_LENGTH", // another AS's VRP allowing /24 does not help
            "172.16.5.0/24,     64516, VALID",
            "172.17.0.0/16,     64516, INVALID_ORIGIN",
            "2001:db8:1::/48,   64511, VALID",          // IPv6 more-specific within maxLength
            "2001:db8:1:1::/64, 64511, INVALID_LENGTH",
            "2001:db8::/32,     64510, INVALID_ORIGIN",
            "2001:db9::/32,     64511, NOT_FOUND",
            "2001:db8:ff00::/40, 64520, VALID",
            "2001:db8:ff00::/40, 64511, VALID",         // also allowed by the /32 with maxLength 48
            "2001:db8:ff00::/44, 64520, INVALID_LENGTH",
            "2001:db8:ab00::/40, 64511, VALID",         // an AS0 VRP does not undo another VRP's Valid
            "2001:db8:ab00::/40, 64512, INVALID_ORIGIN",
            "64:ff9b::cb00:7100/120, 64510, NOT_FOUND", // IPv4 VRPs do not cover IPv6 routes
            "203.0.113.0/24, 4294967296, INVALID_ORIGIN" // not an AS number at all
    })
    void validatesAsRfc6811Says(String route, Long origin, Validity expected) {
        assertEquals(expected, TABLE.validate(Prefix.parse(route), origin));
    }

    @Test
    void reportsRpkiStatesAsTheApiNamesThem() {
        assertEquals("Valid", Validity.VALID.rpkiState());
        assertEquals("Invalid", Validity.INVALID_ORIGIN.rpkiState());
        assertEquals("Invalid", Validity.INVALID_LENGTH.rpkiState());
        assertEquals("NotFound", Validity.NOT_FOUND.rpkiState());
    }

    @Test
    void givesEveryCoveringVrpAsEvidenceMostSpecificFirst() {
        List<Vrp> covering = new ArrayList<>();
        assertEquals(Validity.VALID, TABLE.validate(Prefix.parse("100.64.1.0/24"), 64514L, covering));
        assertEquals(List.of(Vrp.of("100.64.0.0/16", 24, 64514), Vrp.of("100.64.0.0/10", 16, 64513)), covering);

        covering.clear();
        assertEquals(Validity.NOT_FOUND, TABLE.validate(Prefix.parse("100.128.0.0/16"), 64514L, covering));
        assertEquals(List.of(), covering);
    }

    @Test
    void defaultRoutesAndHostRoutesAreCoveredAtTheEdgesOfTheAddressBits() {
        VrpSet set = VrpSet.of(List.of(Vrp.of("0.0.0.0/0", 32, 64500), Vrp.of("::/0", 128, 64501),
                Vrp.of("2001:db8::1/128", 128, 64502), Vrp.of("192.0.2.255/32", 32, 64503)));
        assertEquals(Validity.VALID, set.validate(Prefix.parse("0.0.0.0/0"), 64500L));
        assertEquals(Validity.VALID, set.validate(Prefix.parse("255.255.255.255/32"), 64500L));
        assertEquals(Validity.VALID, set.validate(Prefix.parse("192.0.2.255/32"), 64503L));
        assertEquals(Validity.INVALID_ORIGIN, set.validate(Prefix.parse("192.0.2.254/32"), 64503L));
        assertEquals(Validity.VALID, set.validate(Prefix.parse("2001:db8::1/128"), 64502L));
        assertEquals(Validity.INVALID_ORIGIN, set.validate(Prefix.parse("2001:db8::2/128"), 64502L));
        assertEquals(Validity.VALID, set.validate(Prefix.parse("ffff::/16"), 64501L));
        List<Vrp> covering = new ArrayList<>();
        set.validate(Prefix.parse("2001:db8::1/128"), 1L, covering);
        assertEquals(List.of(Vrp.of("2001:db8::1/128", 128, 64502), Vrp.of("::/0", 128, 64501)), covering);
    }

    @Test
    void countsAVrpOnceWhateverItsTrustAnchorsAndKeepsTheFirst() {
        Prefix p = Prefix.parse("203.0.113.0/24");
        VrpSet set = VrpSet.of(List.of(new Vrp(p, 24, 64510, "ripe"), new Vrp(p, 24, 64510, "apnic"),
                new Vrp(p, 25, 64510, "ripe")));
        assertEquals(2, set.size());
        assertEquals(List.of(new Vrp(p, 24, 64510, "ripe"), new Vrp(p, 25, 64510, "ripe")), set.vrps());
    }

    @Test
    void anEmptySetFindsNothing() {
        assertEquals(0, VrpSet.empty().size());
        assertEquals(Validity.NOT_FOUND, VrpSet.empty().validate(Prefix.parse("203.0.113.0/24"), 64510L));
        assertEquals(Validity.NOT_FOUND, VrpSet.of(List.of()).validate(Prefix.parse("::/0"), null));
    }

    // ------------------------------------------------------------------ scale

    private static Prefix randomPrefix(Random rnd, boolean v6, int len, Prefix within) {
        byte[] b = new byte[v6 ? 16 : 4];
        rnd.nextBytes(b);
        if (within != null) {
            for (int bit = 0; bit < within.length(); bit++) {
                b[bit / 8] = (byte) ((b[bit / 8] & ~(0x80 >>> (bit % 8))) | (within.bit(bit) << (7 - bit % 8)));
            }
        }
        for (int bit = len; bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return Prefix.of(v6, len, b, 0);
    }

    /** Clustered like the real table: allocations with many more-specifics, so that covering chains are common. */
    private static List<Vrp> generate(Random rnd, int count, List<Prefix> bases) {
        for (int i = 0; i < 30_000; i++) {
            bases.add(randomPrefix(rnd, false, 8 + rnd.nextInt(13), null));
        }
        for (int i = 0; i < 12_000; i++) {
            bases.add(randomPrefix(rnd, true, 19 + rnd.nextInt(14), null));
        }
        List<Vrp> vrps = new ArrayList<>(count);
        while (vrps.size() < count) {
            Prefix base = bases.get(rnd.nextInt(bases.size()));
            boolean v6 = base.isV6();
            int deepest = v6 ? 48 : 24;
            Prefix p = rnd.nextInt(10) < 3 ? base
                    : randomPrefix(rnd, v6, base.length() + 1 + rnd.nextInt(deepest - base.length()), base);
            int width = v6 ? 128 : 32;
            int maxLength = Math.min(width, p.length() + (rnd.nextBoolean() ? 0 : rnd.nextInt(4)));
            long asn = rnd.nextInt(100) == 0 ? 0 : 1 + rnd.nextInt(20_000);
            vrps.add(new Vrp(p, maxLength, asn, "test"));
        }
        return vrps;
    }

    /** Every VRP covering the route, by scanning them all. */
    private static Set<Vrp> coveringByScan(List<Vrp> all, Prefix route) {
        Set<Vrp> covering = new HashSet<>();
        for (Vrp v : all) {
            if (v.prefix().covers(route)) {
                covering.add(v);
            }
        }
        return covering;
    }

    /** RFC 6811 §2 written out literally over the covering VRPs. */
    private static Validity rfc6811(Set<Vrp> covering, Prefix route, Long origin) {
        if (covering.isEmpty()) {
            return Validity.NOT_FOUND;
        }
        boolean originMatched = false;
        boolean valid = false;
        for (Vrp v : covering) {
            if (origin != null && v.asn() != 0 && v.asn() == origin) {
                originMatched = true;
                valid |= route.length() <= v.maxLength();
            }
        }
        return valid ? Validity.VALID : originMatched ? Validity.INVALID_LENGTH : Validity.INVALID_ORIGIN;
    }

    @Test
    void eightHundredThousandVrpsAgreeWithABruteForceScan() {
        Random rnd = new Random(6811);
        List<Prefix> bases = new ArrayList<>();
        List<Vrp> vrps = generate(rnd, 800_000, bases);

        long t0 = System.nanoTime();
        VrpSet set = VrpSet.of(vrps);
        long loadNanos = System.nanoTime() - t0;

        Set<List<Object>> tuples = new HashSet<>();
        for (Vrp v : vrps) {
            tuples.add(List.of(v.prefix(), v.maxLength(), v.asn()));
        }
        assertEquals(tuples.size(), set.size());

        // the scan only needs the route's family
        List<Vrp> v4 = vrps.stream().filter(v -> !v.prefix().isV6()).toList();
        List<Vrp> v6 = vrps.stream().filter(v -> v.prefix().isV6()).toList();
        Map<Validity, Integer> seen = new EnumMap<>(Validity.class);
        for (int i = 0; i < 300; i++) {
            Prefix route;
            if (i % 4 == 3) {
                route = randomPrefix(rnd, rnd.nextBoolean(), 8 + rnd.nextInt(17), null);
            } else {
                Prefix base = bases.get(rnd.nextInt(bases.size()));
                int deepest = base.isV6() ? 64 : 28;
                route = randomPrefix(rnd, base.isV6(), base.length() + rnd.nextInt(deepest - base.length() + 1), base);
            }
            // origins of covering VRPs two times in three (one of them from a VRP long enough for the route), so that
            // Valid and Invalid-length are common in the sample
            Set<Vrp> expectedCovering = coveringByScan(route.isV6() ? v6 : v4, route);
            List<Vrp> covering = new ArrayList<>(expectedCovering);
            int routeLength = route.length() & 0xff;
            List<Vrp> longEnough = covering.stream().filter(v -> v.maxLength() >= routeLength).toList();
            int pick = rnd.nextInt(3);
            Long origin;
            if (pick == 0 && !longEnough.isEmpty()) {
                origin = longEnough.get(rnd.nextInt(longEnough.size())).asn();
            } else if (pick <= 1 && !covering.isEmpty()) {
                origin = covering.get(rnd.nextInt(covering.size())).asn();
            } else {
                origin = rnd.nextInt(10) == 0 ? null : (long) (1 + rnd.nextInt(20_000));
            }
            Validity expected = rfc6811(expectedCovering, route, origin);

            List<Vrp> evidence = new ArrayList<>();
            Validity got = set.validate(route, origin, evidence);
            assertEquals(expected, got, route + " from AS" + origin);
            assertEquals(expected, set.validate(route, origin), route + " from AS" + origin);
            assertEquals(expectedCovering, new HashSet<>(evidence), route + " covering");
            assertEquals(expectedCovering.size(), evidence.size(), route + " covering listed once each");
            seen.merge(got, 1, Integer::sum);
        }
        for (Validity v : Validity.values()) {
            assertTrue(seen.getOrDefault(v, 0) >= 10, "too few " + v + " in the sample: " + seen);
        }

        // throughput, for the log only: performance goals are measured elsewhere
        Prefix[] routes = new Prefix[4096];
        Long[] origins = new Long[routes.length];
        for (int i = 0; i < routes.length; i++) {
            Vrp v = vrps.get(rnd.nextInt(vrps.size()));
            routes[i] = i % 2 == 0 ? v.prefix() : randomPrefix(rnd, v.prefix().isV6(), v.prefix().length(), null);
            origins[i] = i % 3 == 0 ? v.asn() : 1L + rnd.nextInt(20_000);
        }
        int valid = 0;
        int lookups = 2_000_000;
        long t1 = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            int k = i & (routes.length - 1);
            if (set.validate(routes[k], origins[k]) == Validity.VALID) {
                valid++;
            }
        }
        long lookupNanos = System.nanoTime() - t1;
        System.out.printf("VrpSet: %,d VRPs (%,d unique) indexed in %d ms; %,d lookups in %d ms = %,.0f lookups/s "
                + "(%.2f us each, %d valid); sample checked against a scan: %s%n", vrps.size(), set.size(),
                loadNanos / 1_000_000, lookups, lookupNanos / 1_000_000, lookups / (lookupNanos / 1e9),
                lookupNanos / 1e3 / lookups, valid, seen);
    }
}

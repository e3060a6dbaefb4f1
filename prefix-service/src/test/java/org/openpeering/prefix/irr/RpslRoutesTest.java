package org.openpeering.prefix.irr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

/** RPSL as the RIPE and RADB dumps write it: comments, other classes, continuation lines, route6, bad objects. */
class RpslRoutesTest {

    static final String DUMP = """
            % This is the RIPE Database split dump (documentation resources only)
            # comment line

            route:          203.0.113.0/24
            descr:          Example customer
            origin:         AS64510
            mnt-by:         EXAMPLE-MNT
            source:         RIPE

            route:          203.0.113.0/24
            origin:         as64511 # a second origin for the same prefix
            source:         RADB

            route:          203.0.113.0/24
            origin:         AS64510
            source:         RADB-DUPLICATE

            aut-num:        AS64510
            as-name:        EXAMPLE
            import:         from AS64500
                            accept ANY
            +               AND NOT {0.0.0.0/0}

            route6:         2001:db8:1::/48
            descr:          continued
                            description line
            origin:         AS65540

            route:          198.51.100.0/24
            descr:          no origin at all

            route:          198.51.100.1/24
            origin:         AS64510

            route6:         198.51.100.0/24
            origin:         AS64510

            route:          192.0.2.0/24
            origin:         ASX
            """;

    @Test
    void readsRouteObjectsAndCountsTheBadOnes() throws Exception {
        RpslRoutes r = new RpslRoutes();
        r.read(new BufferedReader(new StringReader(DUMP)), "test.db");
        assertEquals(Set.of(64510L, 64511L), r.origins(Prefix.parse("203.0.113.0/24")));
        assertEquals(Set.of(65540L), r.origins(Prefix.parse("2001:db8:1::/48")));
        assertEquals(Set.of(), r.origins(Prefix.parse("203.0.113.0/25")), "route objects match exactly");
        assertEquals(3, r.size(), "distinct (prefix, origin) pairs");
        assertEquals(8, r.objects());
        assertEquals(4, r.rejected(), "no origin, host bits, route6 with an IPv4 prefix, bad origin");
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("198.51.100.0/24") && p.contains("no origin")),
                r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> p.startsWith("test.db line ")), r.problems().toString());
    }
}

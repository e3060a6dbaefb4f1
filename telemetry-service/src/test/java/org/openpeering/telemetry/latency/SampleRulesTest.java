package org.openpeering.telemetry.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

class SampleRulesTest {

    static final long NOW = 1_800_000_000_000L;
    static final long RETENTION = 30L * 24 * 3600 * 1000;

    @Test
    void rttAndTimestampLimitsOfDomainSection6() {
        assertNull(SampleRules.check(false, 0.001, NOW, NOW, RETENTION));
        assertNull(SampleRules.check(false, 10_000, NOW, NOW, RETENTION), "10,000 ms is still accepted");
        assertEquals("RttOutOfRange", SampleRules.check(false, 0, NOW, NOW, RETENTION));
        assertEquals("RttOutOfRange", SampleRules.check(false, -3, NOW, NOW, RETENTION));
        assertEquals("RttOutOfRange", SampleRules.check(false, 10_000.01, NOW, NOW, RETENTION));
        assertEquals("RttOutOfRange", SampleRules.check(false, Double.NaN, NOW, NOW, RETENTION));
        assertNull(SampleRules.check(true, 0, NOW, NOW, RETENTION), "a loss carries no RTT");
        assertNull(SampleRules.check(false, 5, NOW + 5 * 60_000, NOW, RETENTION), "5 minutes ahead is allowed");
        assertEquals("TimestampInFuture", SampleRules.check(false, 5, NOW + 5 * 60_000 + 1, NOW, RETENTION));
        assertNull(SampleRules.check(false, 5, NOW - RETENTION, NOW, RETENTION));
        assertEquals("TimestampTooOld", SampleRules.check(false, 5, NOW - RETENTION - 1, NOW, RETENTION));
    }

    @Test
    void clientsAndReportedPrefixes() {
        assertEquals(Prefix.parse("203.0.113.7/32"), SampleRules.client("203.0.113.7"));
        assertEquals(Prefix.parse("203.0.113.0/28"), SampleRules.client("203.0.113.0/28"));
        assertNull(SampleRules.client("203.0.113.7/24"), "host bits set");
        assertNull(SampleRules.client("example.com"));
        assertEquals(Prefix.parse("198.51.100.0/24"), SampleRules.reported(Prefix.parse("198.51.100.128/25")));
        assertEquals(Prefix.parse("203.0.113.0/24"), SampleRules.reported(Prefix.parse("203.0.113.0/24")));
        assertEquals(Prefix.parse("198.51.0.0/16"), SampleRules.reported(Prefix.parse("198.51.0.0/16")));
        assertEquals(Prefix.parse("2001:db8:1::/48"), SampleRules.reported(Prefix.parse("2001:db8:1:8000::/49")));
    }

    @Test
    void edgeLocationsByNameAndAddress() {
        EdgeLocations e = EdgeLocations.parse("Amsterdam=192.0.2.10;2001:db8::10, Frankfurt=192.0.2.20,Dublin");
        assertEquals("Amsterdam", e.location("amsterdam"));
        assertEquals("Dublin", e.location("Dublin"));
        assertNull(e.location("Atlantis"));
        assertEquals("Amsterdam", e.locationOfAddress("2001:db8:0::10"));
        assertEquals("Frankfurt", e.locationOfAddress("192.0.2.20"));
        assertNull(e.locationOfAddress("192.0.2.99"));
        assertNull(e.locationOfAddress("garbage"));
        assertEquals(Set.of("Amsterdam", "Dublin", "Frankfurt"), e.names());
        assertThrows(IllegalArgumentException.class, () -> EdgeLocations.parse("=192.0.2.1"));
    }
}

package org.openpeering.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void parsesAndPrintsBothFamilies() {
        assertEquals("203.0.113.0/24", Prefix.parse("203.0.113.0/24").toString());
        assertEquals("2001:db8::/32", Prefix.parse("2001:0db8::/32").toString());
        assertEquals("0.0.0.0/0", Prefix.parse("0.0.0.0/0").toString());
        assertEquals("192.0.2.1/32", Prefix.host("192.0.2.1").toString());
        assertEquals(3, Prefix.parse("203.0.113.0/24").nlriBytes().length);
        assertEquals(1, Prefix.parse("198.51.100.0/23").bit(21));
        assertEquals(0, Prefix.parse("198.51.100.0/23").bit(22));
        Prefix host6 = Prefix.parse("2001:db8::1/128");
        assertEquals(128, host6.length());
        assertEquals("2001:db8::1/128", host6.toString());
        assertEquals(1, host6.bit(127));
        assertTrue(Prefix.parse("2001:db8::/32").covers(host6));
        assertFalse(host6.covers(Prefix.parse("2001:db8::/32")));
    }

    @Test
    void refusesHostBitsAndNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("10.0.0.1/8"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("10.0.1.0/16"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("2001:db8::1/64"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.parse("example.com/8"));
        assertThrows(IllegalArgumentException.class, () -> Prefix.of(false, 24, new byte[] { (byte) 203, 0 }, 0));
    }

    @Test
    void coversMoreSpecificsOfTheSameFamilyOnly() {
        Prefix p = Prefix.parse("203.0.113.0/24");
        assertTrue(p.covers(Prefix.parse("203.0.113.128/25")));
        assertTrue(p.covers(p));
        assertFalse(p.covers(Prefix.parse("203.0.112.0/23")));
        assertFalse(p.covers(Prefix.parse("203.0.114.0/25")));
        assertFalse(Prefix.parse("0.0.0.0/0").covers(Prefix.parse("::/0")));
        assertTrue(Prefix.parse("2001:db8::/32").covers(Prefix.parse("2001:db8:1::/48")));
        assertTrue(Prefix.parse("198.51.100.0/23").covers(Prefix.parse("198.51.101.0/24")));
    }
}

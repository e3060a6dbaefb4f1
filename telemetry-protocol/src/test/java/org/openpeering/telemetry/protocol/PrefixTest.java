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

    @Test
    void keepsTheAddressInTwoLongsAndComparesWithoutBytes() {
        Prefix v4 = Prefix.parse("203.0.113.0/24");
        assertEquals(0xcb007100_00000000L, v4.hi());
        assertEquals(0, v4.lo());
        assertEquals(v4, Prefix.of(false, 24, v4.hi(), 0));
        assertEquals(v4, Prefix.of(false, 24, new byte[] { (byte) 203, 0, 113 }, 0));
        assertEquals(v4.hashCode(), Prefix.of(false, 24, v4.hi(), 0).hashCode());
        assertEquals("203.0.112.0/20", v4.truncate(20).toString());
        assertEquals(v4, v4.truncate(28));
        Prefix v6 = Prefix.parse("2001:db8:0:1:8000::/65");
        assertEquals(0x20010db800000001L, v6.hi());
        assertEquals(0x8000000000000000L, v6.lo());
        assertEquals(1, v6.bit(64));
        assertEquals(0x80, v6.byteAt(8));
        assertEquals(9, v6.nlriBytes().length);
        assertEquals("2001:db8:0:1::/64", v6.truncate(64).toString());
        assertEquals(64, v6.commonLength(Prefix.parse("2001:db8:0:1::/80")));
        assertEquals(65, v6.commonLength(Prefix.parse("2001:db8:0:1:c000::/66")));
        assertThrows(IllegalArgumentException.class, () -> Prefix.of(true, 64, v6.hi(), 1));
        assertThrows(IllegalArgumentException.class, () -> Prefix.of(false, 24, v4.hi() | 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Prefix.of(false, 33, 0, 0));
        // IPv4 first, then address, then shorter first
        assertTrue(v4.compareTo(v6) < 0);
        assertTrue(Prefix.parse("128.0.0.0/1").compareTo(Prefix.parse("127.0.0.0/8")) > 0);
        assertTrue(v4.truncate(20).compareTo(v4) < 0);
        assertEquals("0.0.0.0/0", Prefix.of(false, 0, 0, 0).toString());
        assertEquals("255.255.255.255/32", Prefix.host("255.255.255.255").toString());
    }
}

package org.openpeering.partner.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openpeering.common.DomainException;
import org.openpeering.partner.peering.AddressPool;

class AddressesTest {

    @Test
    void parsesLiteralsOnlyAndWritesCanonicalText() {
        assertEquals("192.0.2.1", Addresses.address("192.0.2.1").text());
        assertEquals("2001:db8::1", Addresses.address("2001:0DB8:0:0:0:0:0:1").text());
        assertEquals("2001:db8:0:1::", Addresses.address("2001:db8:0:1:0:0:0:0").text());
        assertEquals("::1", Addresses.address("::1").text());
        assertNull(Addresses.address("example.com"));
        assertNull(Addresses.address("192.0.2.256"));
        assertNull(Addresses.address("01.2.3.4"));
        assertNull(Addresses.address("::ffff:192.0.2.1"));
    }

    @Test
    void prefixesMustBeCanonical() {
        assertEquals("203.0.113.0/31", Addresses.prefix("203.0.113.0/31").text());
        assertNull(Addresses.prefix("203.0.113.1/31"));
        assertNull(Addresses.prefix("203.0.113.0/33"));
        assertNull(Addresses.prefix("203.0.113.0"));
        Addresses.Prefix p = Addresses.prefix("2001:db8::/127");
        assertTrue(p.contains(Addresses.address("2001:db8::1")));
        assertFalse(p.contains(Addresses.address("2001:db8::2")));
        assertFalse(p.contains(Addresses.address("203.0.113.0")));
        assertEquals(BigInteger.TWO, p.size());
    }

    @Test
    void thePoolHandsOutTheLowestFreeSessionPrefixAndSaysWhenItIsEmpty() {
        AddressPool pool = new AddressPool("198.51.100.0/30");
        assertEquals("198.51.100.0/31", pool.allocate(Set.of(), "x").text());
        assertEquals("198.51.100.2/31", pool.allocate(Set.of("198.51.100.0/31"), "x").text());
        try {
            pool.allocate(Set.of("198.51.100.0/31", "198.51.100.2/31"), "x");
            throw new AssertionError("allocated from a full pool");
        } catch (DomainException e) {
            assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
        }
        assertEquals("2001:db8::2/127", new AddressPool("2001:db8::/126").allocate(Set.of("2001:db8::/127"), "x").text());
    }
}

package org.openpeering.telemetry.protocol.bgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openpeering.telemetry.protocol.bgp.BgpTestBytes.hex;

import org.junit.jupiter.api.Test;

/** Next-hop text is built without InetAddress; it must still be RFC 5952 canonical. */
class IpTextTest {

    private static String v6(String hex) {
        return IpText.v6(hex(hex), 0);
    }

    @Test
    void writesCanonicalIpv6() {
        assertEquals("2001:db8::1", v6("20010db8000000000000000000000001"));
        assertEquals("::", v6("00000000000000000000000000000000"));
        assertEquals("::1", v6("00000000000000000000000000000001"));
        assertEquals("fe80::", v6("fe800000000000000000000000000000"));
        assertEquals("2001:db8:0:1:1:1:1:1", v6("20010db8000000010001000100010001"), "a single zero group stays");
        assertEquals("2001:0:0:1::1", v6("20010000000000010000000000000001"), "the longer run is compressed");
        assertEquals("2001:db8::1:0:0:1", v6("20010db8000000000001000000000001"), "the first of equal runs");
        assertEquals("::ffff:192.0.2.1", v6("00000000000000000000ffffc0000201"));
        assertEquals("2001:db8:ffff::5", v6("20010db8ffff00000000000000000005"));
    }

    @Test
    void writesIpv4() {
        assertEquals("192.0.2.255", IpText.v4(hex("c00002ff"), 0));
        assertEquals("0.0.0.0", IpText.v4(0));
        assertEquals("255.255.255.255", IpText.v4(0xFFFFFFFFL));
    }

    @Test
    void parsesWhatItWrites() {
        for (String text : new String[] { "2001:db8::1", "::", "::1", "fe80::", "2001:db8:0:1:1:1:1:1",
            "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1::8", "192.0.2.1" }) {
            byte[] raw = IpText.parse(text);
            assertEquals(text, IpText.of(raw, 0, raw.length));
        }
        assertArrayEquals(hex("20010db8000000000000000000000001"), IpText.parse("2001:DB8:0::0:1"));
    }

    @Test
    void refusesMalformedAddresses() {
        for (String bad : new String[] { "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1::2::3", "1:2:3:4:5:6:7:8:9",
            "12345::", "fe80::1%eth0", "1:2:3:4:5:6:7:", ":1:2:3:4:5:6:7", "example.com", "1:2:3:4:5:6:7:1.2.3.4" }) {
            assertThrows(IllegalArgumentException.class, () -> IpText.parse(bad), bad);
        }
    }
}

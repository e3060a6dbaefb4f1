package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpeering.telemetry.protocol.Prefix;

class PrefixTextTest {

    @Test
    void agreesWithPrefixParseOnRandomPrefixesInCompressedAndFullForms() throws Exception {
        Random rnd = new Random(4291);
        for (int i = 0; i < 20_000; i++) {
            boolean v6 = rnd.nextBoolean();
            byte[] addr = new byte[v6 ? 16 : 4];
            rnd.nextBytes(addr);
            // runs of zero groups exercise "::" in every position
            for (int b = 0; b < addr.length; b++) {
                if (rnd.nextInt(3) == 0) {
                    addr[b] = 0;
                }
            }
            int len = rnd.nextInt(addr.length * 8 + 1);
            for (int bit = len; bit < addr.length * 8; bit++) {
                addr[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            Prefix expected = Prefix.of(v6, len, addr, 0);
            // the address part of Prefix's RFC 5952 text; the length written here (Prefix prints a /128 as /-128)
            String printed = expected.toString();
            String compressed = printed.substring(0, printed.indexOf('/')) + "/" + len;
            String full = InetAddress.getByAddress(addr).getHostAddress() + "/" + len;
            assertEquals(expected, PrefixText.parse(compressed), compressed);
            assertEquals(expected, PrefixText.parse(full), full);
            assertEquals(expected, PrefixText.parse(compressed.toUpperCase()), compressed);
        }
    }

    @Test
    void refusesWhatPrefixParseRefuses() {
        for (String bad : new String[] { "1.2.3.4/33", "1.2.3/24", "1.2.3.4.5/32", "1.2.3.4/", "/8",
                "2001:db8:::/32", "2001:db8::1::/64", "1:2:3:4:5:6:7:8:9/128", "2001:db8:/32", "12345::/16",
                "10.0.0.1/8", "2001:db8::1/32", "g::/16", "1.2.3.4/2x" }) {
            assertThrows(IllegalArgumentException.class, () -> PrefixText.parse(bad), bad);
        }
    }

    @Test
    void acceptsWhatRfc4291AllowsBeyondTheCanonicalForm() {
        assertEquals(Prefix.parse("2001:db8::/032"), PrefixText.parse("2001:db8::/032"));
        byte[] oneToSeven = { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0 };
        assertEquals(Prefix.of(true, 128, oneToSeven, 0), PrefixText.parse("1:2:3:4:5:6:7::/128"));
        byte[] zeroToSeven = { 0, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7 };
        assertEquals(Prefix.of(true, 128, zeroToSeven, 0), PrefixText.parse("::1:2:3:4:5:6:7/128"));
    }
}

package org.openpeering.telemetry.protocol.bmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.openpeering.telemetry.protocol.bmp.BmpFixtures.hex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BmpAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "20010db8000000000000000000000001, 2001:db8::1",
        "00000000000000000000000000000000, ::",
        "00000000000000000000000000000001, ::1",
        "20010db8000000000000000000000000, 2001:db8::",
        // a single zero group is not compressed (RFC 5952 4.2.2)
        "20010db8000000010001000100010001, 2001:db8:0:1:1:1:1:1",
        // the longest run wins (4.2.3) ...
        "20010000000000010000000000000001, 2001:0:0:1::1",
        // ... and the first one on a tie
        "00010000000000020000000000030004, 1::2:0:0:3:4",
        "fe800000000000000000000000abcdef, fe80::ab:cdef",
    })
    void formatsIpv6Canonically(String bytes, String text) {
        assertEquals(text, BmpAddresses.format(hex(bytes), 0, true));
        assertArrayEquals(hex(bytes), BmpAddresses.parse(text, true));
    }

    @Test
    void formatsIpv4FromTheLastFourBytesAndParsesIntoThem() {
        byte[] field = hex("000000000000000000000000c6336401");
        assertEquals("198.51.100.1", BmpAddresses.format(field, 0, false));
        assertArrayEquals(field, BmpAddresses.parse("198.51.100.1", false));
    }

    @Test
    void parsesUncompressedAndMixedIpv6Notation() {
        assertArrayEquals(hex("20010db8000000000000000000000001"),
                BmpAddresses.parse("2001:0DB8:0000:0:0:0:0:1", true));
        assertArrayEquals(hex("00000000000000000000ffffc0000201"), BmpAddresses.parse("::ffff:192.0.2.1", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", "01234.1.1.1", "-1.0.0.0",
        "::1"})
    void refusesNonIpv4Literals(String text) {
        assertThrows(IllegalArgumentException.class, () -> BmpAddresses.parse(text, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1::2::3", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8",
        "g::1", "::-1", "::+1", ":1:2:3:4:5:6:7", "1.2.3.4::", "example.com", "192.0.2.1"})
    void refusesNonIpv6Literals(String text) {
        assertThrows(IllegalArgumentException.class, () -> BmpAddresses.parse(text, true));
    }
}

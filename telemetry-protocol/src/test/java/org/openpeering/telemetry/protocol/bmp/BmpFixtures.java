package org.openpeering.telemetry.protocol.bmp;

import java.util.Arrays;
import java.util.HexFormat;

/** Hand-made BGP PDUs and byte helpers shared by the BMP tests (no dependency on the BGP codec). */
final class BmpFixtures {

    private BmpFixtures() {
    }

    /** Hex with spaces, newlines and '|' separators allowed for readability. */
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static final String MARKER = "ffffffffffffffffffffffffffffffff";

    /** BGP OPEN without optional parameters: 29 bytes. */
    static byte[] open(int myAs2, int holdTime, String bgpIdHex) {
        return hex(MARKER + "001d 01 04" + String.format("%04x%04x", myAs2, holdTime) + bgpIdHex + "00");
    }

    /** The IPv4 End-of-RIB marker: an UPDATE with nothing in it, 23 bytes. */
    static byte[] endOfRibUpdate() {
        return hex(MARKER + "0017 02 0000 0000");
    }

    /** UPDATE withdrawing 192.0.2.0/24: 27 bytes. */
    static byte[] withdrawUpdate() {
        return hex(MARKER + "001b 02 0004 18c00002 0000");
    }

    /** NOTIFICATION with error code and subcode: 21 bytes. */
    static byte[] notification(int code, int subcode) {
        return hex(MARKER + "0015 03" + String.format("%02x%02x", code, subcode));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Rewrites the common header length to the array's length, so a doctored message still frames. */
    static byte[] fixLength(byte[] m) {
        byte[] c = m.clone();
        c[1] = (byte) (c.length >>> 24);
        c[2] = (byte) (c.length >>> 16);
        c[3] = (byte) (c.length >>> 8);
        c[4] = (byte) c.length;
        return c;
    }

    /** Copy with bytes overwritten from {@code off}, length untouched. */
    static byte[] patch(byte[] m, int off, int... values) {
        byte[] c = m.clone();
        for (int i = 0; i < values.length; i++) {
            c[off + i] = (byte) values[i];
        }
        return c;
    }

    /** First {@code n} bytes with the header length fixed up. */
    static byte[] truncate(byte[] m, int n) {
        return fixLength(Arrays.copyOf(m, n));
    }

    /** Message followed by extra bytes, header length fixed up. */
    static byte[] append(byte[] m, String hexBytes) {
        return fixLength(concat(m, hex(hexBytes)));
    }
}

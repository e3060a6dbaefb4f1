package org.openpeering.telemetry.protocol.bgp;

/**
 * Address text without InetAddress (no resolver, no intermediate objects): dotted quad, and RFC 5952 canonical
 * IPv6 (lowercase, no leading zeros, the longest run of two or more zero groups as "::", the first on a tie,
 * IPv4-mapped as "::ffff:192.0.2.1").
 */
final class IpText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private IpText() {
    }

    static String of(byte[] b, int off, int len) {
        return len == 4 ? v4(b, off) : v6(b, off);
    }

    static String v4(byte[] b, int off) {
        StringBuilder s = new StringBuilder(15);
        s.append(b[off] & 0xFF).append('.').append(b[off + 1] & 0xFF).append('.').append(b[off + 2] & 0xFF)
                .append('.').append(b[off + 3] & 0xFF);
        return s.toString();
    }

    static String v4(long value) {
        return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "."
                + (value & 0xFF);
    }

    static String v6(byte[] b, int off) {
        boolean mapped = (b[off + 10] & 0xFF) == 0xFF && (b[off + 11] & 0xFF) == 0xFF;
        for (int i = 0; i < 10 && mapped; i++) {
            mapped = b[off + i] == 0;
        }
        if (mapped) {
            return "::ffff:" + v4(b, off + 12);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8;) {
            if (group(b, off, i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(b, off, j) == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            int g = group(b, off, i);
            boolean started = false;
            for (int shift = 12; shift >= 0; shift -= 4) {
                int d = (g >>> shift) & 0xF;
                if (d != 0 || started || shift == 0) {
                    s.append(HEX[d]);
                    started = true;
                }
            }
        }
        return s.toString();
    }

    private static int group(byte[] b, int off, int i) {
        return (b[off + 2 * i] & 0xFF) << 8 | (b[off + 2 * i + 1] & 0xFF);
    }

    /** 4 or 16 octets from an address literal; no zone, no brackets. */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        if (text.indexOf(':') < 0) {
            byte[] out = new byte[4];
            if (!parseV4(text, 0, text.length(), out, 0)) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            return out;
        }
        byte[] out = new byte[16];
        int dbl = text.indexOf("::");
        if (dbl < 0) {
            if (groups(text, 0, text.length(), out, 0, true) != 8) {
                throw new IllegalArgumentException("not an IPv6 address: " + text);
            }
            return out;
        }
        if (text.indexOf("::", dbl + 1) >= 0) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        byte[] head = new byte[16];
        byte[] tail = new byte[16];
        int hn = groups(text, 0, dbl, head, 0, false);
        int tn = groups(text, dbl + 2, text.length(), tail, 0, true);
        if (hn < 0 || tn < 0 || hn + tn > 7) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        System.arraycopy(head, 0, out, 0, 2 * hn);
        System.arraycopy(tail, 0, out, 16 - 2 * tn, 2 * tn);
        return out;
    }

    private static boolean parseV4(String s, int from, int to, byte[] out, int off) {
        int n = 0;
        int digits = 0;
        int value = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (digits == 0 || n == 4) {
                    return false;
                }
                out[off + n++] = (byte) value;
                digits = 0;
                value = 0;
                continue;
            }
            char c = s.charAt(i);
            if (c < '0' || c > '9' || ++digits > 3) {
                return false;
            }
            value = value * 10 + (c - '0');
            if (value > 255) {
                return false;
            }
        }
        return n == 4;
    }

    /** Colon-separated hex groups of s[from, to) written from group g; -1 when malformed. */
    private static int groups(String s, int from, int to, byte[] out, int g, boolean v4Tail) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int j = i;
            while (j < to && s.charAt(j) != ':') {
                j++;
            }
            if (j == to && v4Tail && s.lastIndexOf('.', to - 1) >= i) {
                if (g + count + 2 > 8 || !parseV4(s, i, to, out, 2 * (g + count))) {
                    return -1;
                }
                return count + 2;
            }
            if (j - i < 1 || j - i > 4 || g + count >= 8) {
                return -1;
            }
            int v = 0;
            for (int k = i; k < j; k++) {
                int d = Character.digit(s.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[2 * (g + count)] = (byte) (v >>> 8);
            out[2 * (g + count) + 1] = (byte) v;
            count++;
            if (j == to) {
                return count;
            }
            i = j + 1;
            if (i == to) {
                return -1;
            }
        }
    }
}

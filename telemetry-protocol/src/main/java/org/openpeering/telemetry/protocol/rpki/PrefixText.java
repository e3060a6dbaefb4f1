package org.openpeering.telemetry.protocol.rpki;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * Fast parsing of prefix text for VRP files. {@link Prefix#parse} compiles regular expressions and goes through
 * {@code InetAddress} for every call, which dominates the time to read 800,000 entries; this hand parser handles the
 * plain forms validators emit and falls back to {@link Prefix#parse} for anything else, so that odd input gets the
 * same acceptance and the same error messages as everywhere else in the module.
 */
final class PrefixText {

    private PrefixText() {
    }

    static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            int len = parseLength(text, slash + 1);
            if (len >= 0) {
                byte[] addr = text.indexOf(':') >= 0 ? parseV6(text, 0, slash) : parseV4(text, 0, slash);
                if (addr != null) {
                    checkHostBits(addr, len, text);
                    return Prefix.of(addr.length == 16, len, addr, 0);
                }
            }
        }
        return Prefix.parse(text);
    }

    /**
     * Prefix.of looks at host bits only inside the last byte of the prefix and drops whole bytes past it unseen;
     * a VRP for 203.0.113.1/24 is a broken ROA export, not 203.0.113.0/24.
     */
    private static void checkHostBits(byte[] addr, int len, String text) {
        if (len > addr.length * 8) {
            return; // Prefix.of reports the bad length
        }
        for (int i = (len + 7) / 8; i < addr.length; i++) {
            if (addr[i] != 0) {
                throw new IllegalArgumentException("host bits set past /" + len + ": " + text);
            }
        }
    }

    /** 1 to 3 decimal digits to the end of the text, or -1. */
    private static int parseLength(String s, int from) {
        int n = s.length() - from;
        if (n < 1 || n > 3) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Dotted quad without leading zeros (those are ambiguous: octal to some parsers), or null. */
    static byte[] parseV4(String s, int start, int end) {
        byte[] out = new byte[4];
        int i = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= end || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int digits = 0;
            int v = 0;
            while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (digits > 0 && v == 0) {
                    return null;
                }
                v = v * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || v > 255) {
                return null;
            }
            out[octet] = (byte) v;
        }
        return i == end ? out : null;
    }

    /** RFC 4291 §2.2 text forms 1 and 2 (hex groups, at most one "::"); the embedded-IPv4 form returns null. */
    static byte[] parseV6(String s, int start, int end) {
        byte[] out = new byte[16];
        int groups = 0;
        int gapAt = -1;
        int i = start;
        if (end - start >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            gapAt = 0;
            i += 2;
            if (i == end) {
                return out;
            }
        }
        while (true) {
            int v = 0;
            int digits = 0;
            int h;
            while (i < end && (h = hex(s.charAt(i))) >= 0) {
                v = (v << 4) | h;
                digits++;
                i++;
            }
            if (digits == 0 || digits > 4 || groups == 8) {
                return null;
            }
            out[2 * groups] = (byte) (v >>> 8);
            out[2 * groups + 1] = (byte) v;
            groups++;
            if (i == end) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < end && s.charAt(i) == ':') {
                if (gapAt >= 0) {
                    return null;
                }
                gapAt = groups;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return null;
            }
        }
        if (gapAt < 0) {
            return groups == 8 ? out : null;
        }
        if (groups >= 8) {
            return null;
        }
        // Move the groups written after the "::" to the end and zero the gap they leave.
        int tailBytes = 2 * (groups - gapAt);
        System.arraycopy(out, 2 * gapAt, out, 16 - tailBytes, tailBytes);
        for (int b = 2 * gapAt; b < 16 - tailBytes; b++) {
            out[b] = 0;
        }
        return out;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

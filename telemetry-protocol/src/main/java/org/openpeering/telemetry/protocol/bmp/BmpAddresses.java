package org.openpeering.telemetry.protocol.bmp;

/**
 * Text form of the 16-byte address fields of BMP. Written here rather than via {@link java.net.InetAddress}
 * because InetAddress prints IPv6 uncompressed ("2001:db8:0:0:0:0:0:1") and would resolve non-literal
 * names through DNS when parsing; the station must never block on DNS because of a router's input.
 */
final class BmpAddresses {

    private BmpAddresses() {
    }

    /**
     * Formats the 16-byte field at {@code off}: IPv6 in RFC 5952 canonical form, or for IPv4 the last
     * 4 bytes in dotted quad (RFC 7854 puts an IPv4 address in the low-order bytes, zero-filled above).
     */
    static String format(byte[] b, int off, boolean ipv6) {
        if (!ipv6) {
            return (b[off + 12] & 0xFF) + "." + (b[off + 13] & 0xFF) + "." + (b[off + 14] & 0xFF) + "."
                    + (b[off + 15] & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[off + 2 * i] & 0xFF) << 8) | (b[off + 2 * i + 1] & 0xFF);
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Parses a literal into the 16-byte BMP field; IPv4 goes into the last 4 bytes. */
    static byte[] parse(String text, boolean ipv6) {
        if (text == null) {
            throw new IllegalArgumentException("address is null");
        }
        byte[] out = new byte[16];
        if (ipv6) {
            parseIpv6(text, out);
        } else {
            parseIpv4(text, out, 12, text);
        }
        return out;
    }

    private static void parseIpv4(String s, byte[] out, int off, String whole) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 literal: " + whole);
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an IPv4 literal: " + whole);
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 literal: " + whole);
            }
            out[off + i] = (byte) v;
        }
    }

    private static void parseIpv6(String s, byte[] out) {
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            throw new IllegalArgumentException("more than one '::' in IPv6 literal: " + s);
        }
        String head = dc >= 0 ? s.substring(0, dc) : s;
        String tail = dc >= 0 ? s.substring(dc + 2) : "";
        byte[] h = new byte[16];
        byte[] t = new byte[16];
        int hn = parseGroups(head, h, s, dc < 0);
        int tn = parseGroups(tail, t, s, true);
        if (dc < 0 ? hn != 16 : hn + tn > 14) {
            throw new IllegalArgumentException("wrong number of groups in IPv6 literal: " + s);
        }
        System.arraycopy(h, 0, out, 0, hn);
        System.arraycopy(t, 0, out, 16 - tn, tn);
    }

    /** Parses colon-separated groups (optionally ending in a dotted IPv4) and returns the bytes written. */
    private static int parseGroups(String part, byte[] into, String whole, boolean ipv4TailAllowed) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && ipv4TailAllowed && g.indexOf('.') >= 0) {
                if (n + 4 > 16) {
                    throw new IllegalArgumentException("too many groups in IPv6 literal: " + whole);
                }
                parseIpv4(g, into, n, whole);
                return n + 4;
            }
            if (g.isEmpty() || g.length() > 4 || n + 2 > 16) {
                throw new IllegalArgumentException("not an IPv6 literal: " + whole);
            }
            int v;
            try {
                v = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IPv6 literal: " + whole);
            }
            if (g.charAt(0) == '+' || g.charAt(0) == '-') {
                throw new IllegalArgumentException("not an IPv6 literal: " + whole);
            }
            into[n++] = (byte) (v >>> 8);
            into[n++] = (byte) v;
        }
        return n;
    }
}

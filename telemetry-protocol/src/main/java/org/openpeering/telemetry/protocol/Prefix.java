package org.openpeering.telemetry.protocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 prefix with no host bits set. The address is kept as the minimal bytes of the network part
 * (what BGP NLRI carry), so that millions of them stay small.
 */
public final class Prefix implements Comparable<Prefix> {

    private final boolean v6;
    /** 0..128 (a byte would hold -128 for a /128). */
    private final short length;
    /** ceil(length / 8) bytes of the network address. */
    private final byte[] bits;

    private Prefix(boolean v6, int length, byte[] bits) {
        this.v6 = v6;
        this.length = (short) length;
        this.bits = bits;
    }

    /**
     * From NLRI form: {@code length} bits taken from {@code bytes} starting at {@code offset}. Fails on a length
     * beyond the family's width, too few bytes, or set bits past the length (RFC 4271 requires them zero; RFC 7606
     * treats such NLRI as malformed).
     */
    public static Prefix of(boolean v6, int length, byte[] bytes, int offset) {
        int max = v6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " exceeds " + max);
        }
        int n = (length + 7) / 8;
        if (offset < 0 || offset + n > bytes.length) {
            throw new IllegalArgumentException("prefix truncated");
        }
        byte[] b = Arrays.copyOfRange(bytes, offset, offset + n);
        int spare = n * 8 - length;
        if (n > 0 && spare > 0 && (b[n - 1] & ((1 << spare) - 1)) != 0) {
            throw new IllegalArgumentException("host bits set past /" + length);
        }
        return new Prefix(v6, length, b);
    }

    /**
     * From text such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}; host bits set fail. IPv4-mapped IPv6 text
     * ({@code ::ffff:192.0.2.0/120}) is refused: such routes are not exchanged in unicast BGP.
     */
    public static Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("not a prefix: " + text);
        }
        String addr = text.substring(0, slash).trim();
        String len = text.substring(slash + 1).trim();
        if (!len.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("not a prefix length: " + text);
        }
        byte[] raw = literal(addr);
        int length = Integer.parseInt(len);
        // every bit past the length must be zero, including whole bytes that NLRI form would not carry
        for (int i = (length + 7) / 8; i < raw.length; i++) {
            if (raw[i] != 0 && length <= raw.length * 8) {
                throw new IllegalArgumentException("host bits set past /" + length + ": " + text);
            }
        }
        return of(raw.length == 16, length, raw, 0);
    }

    /** The host prefix (/32 or /128) of an address literal. */
    public static Prefix host(String address) {
        byte[] raw = literal(address);
        return of(raw.length == 16, raw.length * 8, raw, 0);
    }

    private static byte[] literal(String addr) {
        boolean looksV6 = addr.indexOf(':') >= 0;
        if (!looksV6) {
            return dottedQuad(addr);
        }
        if (!addr.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an address literal: " + addr);
        }
        try {
            byte[] raw = InetAddress.getByName(addr).getAddress();
            if (raw.length != 16) {
                throw new IllegalArgumentException("not an address literal: " + addr);
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + addr);
        }
    }

    /** a.b.c.d, each 1 to 3 decimal digits up to 255 (parsed by hand: this is on every latency sample's path). */
    private static byte[] dottedQuad(String addr) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0, n = addr.length(); i <= n; i++) {
            char c = i < n ? addr.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    throw new IllegalArgumentException("not an address literal: " + addr);
                }
            } else if (c == '.' && digits > 0 && part < 4) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                throw new IllegalArgumentException("not an address literal: " + addr);
            }
        }
        if (part != 4) {
            throw new IllegalArgumentException("not an address literal: " + addr);
        }
        return out;
    }

    public boolean isV6() {
        return v6;
    }

    public int length() {
        return length;
    }

    /** Bit {@code i} (0 = most significant) of the network address; 0 past the length. */
    public int bit(int i) {
        if (i >= length) {
            return 0;
        }
        return (bits[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    /** Byte {@code i} of the network address (0 past the NLRI bytes), without copying. */
    public int byteAt(int i) {
        return i < bits.length ? bits[i] & 0xff : 0;
    }

    /** The NLRI bytes (ceil(length/8)), a copy. */
    public byte[] nlriBytes() {
        return bits.clone();
    }

    /** The full address (4 or 16 bytes). */
    public byte[] address() {
        byte[] full = new byte[v6 ? 16 : 4];
        System.arraycopy(bits, 0, full, 0, bits.length);
        return full;
    }

    /** True when {@code other} is this prefix or a more-specific of it (same family). */
    public boolean covers(Prefix other) {
        if (other.v6 != v6 || other.length < length) {
            return false;
        }
        int whole = length / 8;
        for (int i = 0; i < whole; i++) {
            if (bits[i] != other.bits[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bits[whole] & mask) == (other.bits[whole] & mask);
    }

    @Override
    public String toString() {
        try {
            String a = InetAddress.getByAddress(address()).getHostAddress();
            return (v6 ? compress(a) : a) + "/" + length;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 text of an IPv6 address. */
    private static String compress(String full) {
        String[] g = full.split(":");
        for (int i = 0; i < g.length; i++) {
            g[i] = g[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < g.length;) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", g);
        }
        String head = String.join(":", Arrays.copyOfRange(g, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return head + "::" + tail;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefix p && p.v6 == v6 && p.length == length && Arrays.equals(p.bits, bits);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(bits) * 31 + length) * 2 + (v6 ? 1 : 0);
    }

    /** IPv4 before IPv6, then by address, then shorter first. */
    @Override
    public int compareTo(Prefix o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Arrays.compareUnsigned(address(), o.address());
        return c != 0 ? c : Integer.compare(length, o.length);
    }
}

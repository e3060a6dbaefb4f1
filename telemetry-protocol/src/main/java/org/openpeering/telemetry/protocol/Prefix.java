package org.openpeering.telemetry.protocol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 prefix with no host bits set. The address is kept in two longs, most significant bit first (an IPv4
 * address in the top 32 bits of {@link #hi()}), with every bit past the length zero: no array per prefix, so that
 * millions of them stay small and compare without allocating.
 */
public final class Prefix implements Comparable<Prefix> {

    private final long hi;
    private final long lo;
    /** 0..128 (a byte would hold -128 for a /128). */
    private final short length;
    private final boolean v6;

    private Prefix(boolean v6, int length, long hi, long lo) {
        this.v6 = v6;
        this.length = (short) length;
        this.hi = hi;
        this.lo = lo;
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
        long h = 0;
        long l = 0;
        for (int j = 0; j < n; j++) {
            long b = bytes[offset + j] & 0xffL;
            if (j < 8) {
                h |= b << (56 - 8 * j);
            } else {
                l |= b << (56 - 8 * (j - 8));
            }
        }
        if ((h & ~mask(length)) != 0 || (l & ~mask(length - 64)) != 0) {
            throw new IllegalArgumentException("host bits set past /" + length);
        }
        return new Prefix(v6, length, h, l);
    }

    /**
     * From the two halves of the address as {@link #hi()} and {@link #lo()} give them; fails on a length beyond the
     * family's width or set bits past the length.
     */
    public static Prefix of(boolean v6, int length, long hi, long lo) {
        int max = v6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " exceeds " + max);
        }
        if ((hi & ~mask(length)) != 0 || (lo & ~mask(length - 64)) != 0) {
            throw new IllegalArgumentException("host bits set past /" + length);
        }
        return new Prefix(v6, length, hi, lo);
    }

    /** A long with its top {@code bits} bits set (none for 0 or less, all for 64 or more). */
    public static long mask(int bits) {
        if (bits <= 0) {
            return 0;
        }
        return bits >= 64 ? -1L : -1L << (64 - bits);
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
        // by hand, not a regular expression: a warm restart parses a million of these
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
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
        if (!addr.chars().allMatch(c -> c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F'))) {
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

    /** Bits 0..63 of the address (for IPv4, the address in the top 32 bits). */
    public long hi() {
        return hi;
    }

    /** Bits 64..127 of the address (0 for IPv4). */
    public long lo() {
        return lo;
    }

    /** Bit {@code i} (0 = most significant) of the network address; 0 past the length. */
    public int bit(int i) {
        if (i >= length) {
            return 0;
        }
        return (int) ((i < 64 ? hi >>> (63 - i) : lo >>> (127 - i)) & 1);
    }

    /** Byte {@code i} of the network address (0 past the NLRI bytes). */
    public int byteAt(int i) {
        if (i < 8) {
            return (int) (hi >>> (56 - 8 * i)) & 0xff;
        }
        return i < 16 ? (int) (lo >>> (56 - 8 * (i - 8))) & 0xff : 0;
    }

    /** The NLRI bytes (ceil(length/8)). */
    public byte[] nlriBytes() {
        byte[] out = new byte[(length + 7) / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) byteAt(i);
        }
        return out;
    }

    /** The full address (4 or 16 bytes). */
    public byte[] address() {
        byte[] full = new byte[v6 ? 16 : 4];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) byteAt(i);
        }
        return full;
    }

    /** How many leading bits this prefix and {@code other} share, at most the shorter length of the two. */
    public int commonLength(Prefix other) {
        return commonLength(hi, lo, other.hi, other.lo, Math.min(length, other.length));
    }

    /** How many leading bits two addresses share, at most {@code max}. */
    public static int commonLength(long hi1, long lo1, long hi2, long lo2, int max) {
        long x = hi1 ^ hi2;
        int c = x != 0 ? Long.numberOfLeadingZeros(x) : 64 + Long.numberOfLeadingZeros(lo1 ^ lo2);
        return Math.min(c, max);
    }

    /** The covering prefix of {@code bits} length (this prefix when it is not longer). */
    public Prefix truncate(int bits) {
        if (bits >= length) {
            return this;
        }
        if (bits < 0) {
            throw new IllegalArgumentException("negative prefix length");
        }
        return new Prefix(v6, bits, hi & mask(bits), lo & mask(bits - 64));
    }

    /** True when {@code other} is this prefix or a more-specific of it (same family). */
    public boolean covers(Prefix other) {
        return other.v6 == v6 && other.length >= length && commonLength(other) >= length;
    }

    @Override
    public String toString() {
        if (!v6) {
            StringBuilder b = new StringBuilder(18);
            for (int i = 0; i < 4; i++) {
                b.append(byteAt(i)).append(i < 3 ? '.' : '/');
            }
            return b.append(length).toString();
        }
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
        return o instanceof Prefix p && p.hi == hi && p.lo == lo && p.length == length && p.v6 == v6;
    }

    @Override
    public int hashCode() {
        // mixed: addresses of a table differ in a few middle bits and end in zeros, which linear probing and
        // power-of-two tables take badly
        return (int) mix(hi ^ Long.rotateLeft(lo, 32) ^ ((long) length << 1 | (v6 ? 1 : 0)) * 0x9E3779B97F4A7C15L);
    }

    /** A 64-bit finaliser (SplitMix64's): every input bit affects every output bit. */
    public static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }

    /** IPv4 before IPv6, then by address, then shorter first. */
    @Override
    public int compareTo(Prefix o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        if (c == 0) {
            c = Long.compareUnsigned(lo, o.lo);
        }
        return c != 0 ? c : Integer.compare(length, o.length);
    }
}

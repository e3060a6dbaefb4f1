package org.openpeering.partner.catalogue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP addresses and prefixes as the API writes them: parsed strictly, never through DNS. */
public final class Addresses {

    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** An address and its family. */
    public record Address(InetAddress address, boolean v6) {

        public BigInteger value() {
            return new BigInteger(1, address.getAddress());
        }

        public String text() {
            String s = address.getHostAddress();
            return v6 ? compress(s) : s;
        }
    }

    /** A canonical prefix (no host bits). */
    public record Prefix(Address network, int length) {

        public boolean contains(Address a) {
            if (a.v6() != network.v6()) {
                return false;
            }
            int bits = network.v6() ? 128 : 32;
            return a.value().shiftRight(bits - length).equals(network.value().shiftRight(bits - length));
        }

        public BigInteger size() {
            return BigInteger.ONE.shiftLeft((network.v6() ? 128 : 32) - length);
        }

        public Address at(BigInteger offset) {
            return fromValue(network.value().add(offset), network.v6());
        }

        public String text() {
            return network.text() + "/" + length;
        }
    }

    private Addresses() {
    }

    /** The address, or null when the text is not a literal IPv4 or IPv6 address. */
    public static Address address(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        boolean v6 = t.contains(":");
        if (v6 ? !V6.matcher(t).matches() : !V4.matcher(t).matches()) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByName(t);
            if (v6 && a.getAddress().length != 16) {
                return null;
            }
            return new Address(a, a.getAddress().length == 16);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The prefix, or null when malformed or when host bits are set. */
    public static Prefix prefix(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        Address a = address(text.substring(0, slash));
        String len = text.substring(slash + 1).trim();
        if (a == null || !len.matches("\\d{1,3}")) {
            return null;
        }
        int length = Integer.parseInt(len);
        int bits = a.v6() ? 128 : 32;
        if (length > bits) {
            return null;
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
        if (!a.value().and(hostMask).equals(BigInteger.ZERO)) {
            return null;
        }
        return new Prefix(a, length);
    }

    static Address fromValue(BigInteger value, boolean v6) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[v6 ? 16 : 4];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return new Address(InetAddress.getByAddress(out), v6);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 5952 text of an IPv6 address (Java writes every group in full). */
    static String compress(String full) {
        String[] groups = full.split(":");
        StringBuilder sb = new StringBuilder();
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(java.util.Locale.ROOT);
        }
        for (int i = 0; i < groups.length;) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            sb.append(groups[i]);
            if (i < groups.length - 1) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}

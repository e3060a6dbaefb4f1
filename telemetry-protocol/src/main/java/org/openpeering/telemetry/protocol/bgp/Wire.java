package org.openpeering.telemetry.protocol.bgp;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Big-endian reads and the immutable-copy helpers shared by the package. */
final class Wire {

    static final byte[] EMPTY = new byte[0];

    private Wire() {
    }

    static int u8(byte[] b, int p) {
        return b[p] & 0xFF;
    }

    static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    static long u32(byte[] b, int p) {
        return (long) (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    static byte[] copy(byte[] b, int from, int to) {
        return Arrays.copyOfRange(b, from, to);
    }

    // EnumSet.copyOf / new EnumMap(Map) refuse an empty non-enum collection, hence the explicit copies.
    static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> in) {
        EnumSet<E> s = EnumSet.noneOf(type);
        if (in != null) {
            for (E e : in) {
                s.add(Objects.requireNonNull(e));
            }
        }
        return Collections.unmodifiableSet(s);
    }

    static <K extends Enum<K>, V> Map<K, V> enumMap(Class<K> type, Map<K, V> in) {
        EnumMap<K, V> m = new EnumMap<>(type);
        if (in != null) {
            for (Map.Entry<K, V> e : in.entrySet()) {
                m.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    static boolean equalBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hashBytes(List<byte[]> a) {
        int h = 1;
        for (byte[] x : a) {
            h = h * 31 + Arrays.hashCode(x);
        }
        return h;
    }
}

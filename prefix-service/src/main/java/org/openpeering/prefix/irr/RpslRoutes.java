package org.openpeering.prefix.irr;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.openpeering.telemetry.protocol.Prefix;

/**
 * The {@code route:}/{@code route6:} objects of RPSL text (RFC 2622, the format of the RIPE and RADB database dumps):
 * objects are separated by blank lines; an attribute is {@code name: value}, continued on lines starting with a space,
 * a tab or {@code +}; lines starting with {@code #} or {@code %} are comments. Only the route's prefix and its
 * {@code origin:} are kept. An object without an origin, or with a prefix or origin that does not parse, is rejected
 * and counted; other object classes are skipped.
 */
public final class RpslRoutes {

    private final Map<Prefix, long[]> origins = new HashMap<>();
    private int objects;
    private int rejected;
    private final List<String> problems = new ArrayList<>();

    /** Reads every object of the text, adding its route objects to this set. */
    public void read(BufferedReader in, String source) throws IOException {
        Map<String, String> object = new HashMap<>();
        String last = null;
        int lineNo = 0;
        int objectLine = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                finish(object, source, objectLine);
                object.clear();
                last = null;
                continue;
            }
            char c = line.charAt(0);
            if (c == '#' || c == '%') {
                continue;
            }
            if ((c == ' ' || c == '\t' || c == '+') && last != null) {
                object.merge(last, " " + line.substring(1).trim(), String::concat);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            if (object.isEmpty()) {
                objectLine = lineNo;
            }
            last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = stripComment(line.substring(colon + 1)).trim();
            // the first occurrence of an attribute counts (route objects hold one route and one origin)
            object.putIfAbsent(last, value);
        }
        finish(object, source, objectLine);
    }

    private static String stripComment(String value) {
        int hash = value.indexOf('#');
        return hash < 0 ? value : value.substring(0, hash);
    }

    private void finish(Map<String, String> object, String source, int line) {
        String route = object.containsKey("route") ? object.get("route") : object.get("route6");
        if (route == null) {
            return;
        }
        objects++;
        String origin = object.get("origin");
        Prefix prefix;
        long asn;
        try {
            prefix = Prefix.parse(route.trim());
            if (object.containsKey("route") == prefix.isV6()) {
                throw new IllegalArgumentException("route/route6 family mismatch");
            }
            if (origin == null) {
                throw new IllegalArgumentException("no origin");
            }
            String o = origin.trim().toUpperCase(Locale.ROOT);
            if (!o.startsWith("AS")) {
                throw new IllegalArgumentException("origin is not an AS number");
            }
            asn = Long.parseLong(o.substring(2));
            if (asn < 1 || asn > 4294967295L) {
                throw new IllegalArgumentException("origin out of range");
            }
        } catch (IllegalArgumentException e) {
            rejected++;
            if (problems.size() < 20) {
                problems.add(source + " line " + line + ": " + route.trim() + ": " + e.getMessage());
            }
            return;
        }
        long[] known = origins.get(prefix);
        if (known == null) {
            origins.put(prefix, new long[] { asn });
        } else {
            for (long k : known) {
                if (k == asn) {
                    return;
                }
            }
            long[] more = java.util.Arrays.copyOf(known, known.length + 1);
            more[known.length] = asn;
            origins.put(prefix, more);
        }
    }

    /** The origins registered for exactly this prefix (empty when none). */
    public Set<Long> origins(Prefix prefix) {
        Set<Long> out = new TreeSet<>();
        long[] known = origins.get(prefix);
        if (known != null) {
            for (long k : known) {
                out.add(k);
            }
        }
        return out;
    }

    /** Distinct (prefix, origin) pairs held. */
    public int size() {
        int n = 0;
        for (long[] o : origins.values()) {
            n += o.length;
        }
        return n;
    }

    /** Route objects read, including rejected ones. */
    public int objects() {
        return objects;
    }

    public int rejected() {
        return rejected;
    }

    public List<String> problems() {
        return problems;
    }
}

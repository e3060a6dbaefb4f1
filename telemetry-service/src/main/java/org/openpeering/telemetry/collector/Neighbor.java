package org.openpeering.telemetry.collector;

import java.util.ArrayList;
import java.util.List;

import org.openpeering.telemetry.protocol.Prefix;

/** A configured BGP neighbour: the peer's address and ASN, and the operator router the session stands for. */
public record Neighbor(String address, long asn, String router, Integer maxPrefixesV4, Integer maxPrefixesV6) {

    /** Parses {@code address=asn@router[:maxV4[:maxV6]]}, comma-separated; fails naming the bad entry. */
    public static List<Neighbor> parseAll(String text) {
        List<Neighbor> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String raw : text.split(",")) {
            String e = raw.trim();
            if (e.isEmpty()) {
                continue;
            }
            try {
                int eq = e.indexOf('=');
                int at = e.indexOf('@');
                if (eq <= 0 || at <= eq + 1) {
                    throw new IllegalArgumentException("expected address=asn@router");
                }
                String address = canonical(e.substring(0, eq));
                long asn = Long.parseLong(e.substring(eq + 1, at));
                if (asn < 1 || asn > 4294967295L) {
                    throw new IllegalArgumentException("ASN out of range");
                }
                String[] rest = e.substring(at + 1).split(":");
                if (rest[0].isBlank()) {
                    throw new IllegalArgumentException("router name missing");
                }
                Integer v4 = rest.length > 1 && !rest[1].isBlank() ? Integer.valueOf(rest[1]) : null;
                Integer v6 = rest.length > 2 && !rest[2].isBlank() ? Integer.valueOf(rest[2]) : null;
                out.add(new Neighbor(address, asn, rest[0], v4, v6));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("telemetry.bgp.neighbors entry '" + e + "': " + ex.getMessage());
            }
        }
        return out;
    }

    /** The canonical text of an address (so 2001:DB8::1 and 2001:db8:0::1 are the same neighbour). */
    public static String canonical(String address) {
        String t = address.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        String p = Prefix.host(t).toString();
        return p.substring(0, p.indexOf('/'));
    }
}

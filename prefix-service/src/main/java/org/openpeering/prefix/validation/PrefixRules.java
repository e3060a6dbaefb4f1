package org.openpeering.prefix.validation;

import java.util.List;

import org.openpeering.common.DomainException;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * What a prefix must be to be registered or activated (DOMAIN.md §2): a valid canonical IPv4 or IPv6 prefix, public:
 * not inside or covering a private or special-purpose block (RFC 1918, RFC 6598, the RFC 6890 registries, multicast,
 * loopback; documentation ranges unless allowed). IPv6 must be global unicast (2000::/3).
 */
public final class PrefixRules {

    public static final String INVALID = "Invalid Peering Service prefix, the prefix should be a valid, public IPv4 or"
            + " IPv6 prefix.";

    /** IANA IPv4 and IPv6 special-purpose address registries (RFC 6890 and updates), plus RFC 1918 and RFC 6598. */
    private static final List<Prefix> SPECIAL = List.of(
            p("0.0.0.0/8"), p("10.0.0.0/8"), p("100.64.0.0/10"), p("127.0.0.0/8"), p("169.254.0.0/16"),
            p("172.16.0.0/12"), p("192.0.0.0/24"), p("192.31.196.0/24"), p("192.52.193.0/24"), p("192.88.99.0/24"),
            p("192.168.0.0/16"), p("192.175.48.0/24"), p("198.18.0.0/15"), p("224.0.0.0/4"), p("240.0.0.0/4"),
            p("::/128"), p("::1/128"), p("64:ff9b::/96"), p("64:ff9b:1::/48"), p("100::/64"), p("2001::/23"),
            p("2002::/16"), p("5f00::/16"), p("fc00::/7"), p("fe80::/10"), p("ff00::/8"));

    /** Documentation ranges: special-purpose unless the deployment allows them (DOMAIN.md §0). */
    private static final List<Prefix> DOCUMENTATION = List.of(p("192.0.2.0/24"), p("198.51.100.0/24"),
            p("203.0.113.0/24"), p("2001:db8::/32"), p("3fff::/20"));

    private static final Prefix GLOBAL_UNICAST_V6 = p("2000::/3");

    private PrefixRules() {
    }

    private static Prefix p(String text) {
        return Prefix.parse(text);
    }

    /** The prefix, parsed and checked; a 400 on {@code target} with the documented sentence otherwise. */
    public static Prefix publicPrefix(String text, boolean allowDocumentation, String target) {
        Prefix prefix;
        try {
            prefix = text == null ? null : Prefix.parse(text.trim());
        } catch (IllegalArgumentException e) {
            prefix = null;
        }
        if (prefix == null || !isPublic(prefix, allowDocumentation)) {
            throw DomainException.badArgument(target, INVALID);
        }
        return prefix;
    }

    public static boolean isPublic(Prefix prefix, boolean allowDocumentation) {
        if (prefix.isV6() && !GLOBAL_UNICAST_V6.covers(prefix)) {
            return false;
        }
        for (Prefix s : SPECIAL) {
            if (overlaps(s, prefix)) {
                return false;
            }
        }
        for (Prefix d : DOCUMENTATION) {
            if (!allowDocumentation && overlaps(d, prefix)) {
                return false;
            }
        }
        return true;
    }

    static boolean overlaps(Prefix a, Prefix b) {
        return a.isV6() == b.isV6() && (a.covers(b) || b.covers(a));
    }
}

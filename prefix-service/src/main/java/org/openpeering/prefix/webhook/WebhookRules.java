package org.openpeering.prefix.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openpeering.common.DomainException;

/** The rules of a webhook's fields (ARM-API.md extensions), as pure functions; errors name the field. */
public final class WebhookRules {

    /** DOMAIN.md §4 event types, the anomaly boundaries, and the ping a caller can ask for. */
    public static final List<String> EVENT_TYPES = List.of("PrefixAnnouncementEvent", "PrefixWithdrawalEvent",
            "PrefixBackupRouteAnnouncementEvent", "PrefixBackupRouteWithdrawalEvent", "PrefixActivePath",
            "PrefixBackupPath", "PrefixOriginAsChangeEvent", "PrefixBackupRouteOriginAsChangeEvent",
            "PrefixValidationStateChange", "AnomalyStarted", "AnomalyEnded", "WebhookPing");

    public static final List<String> EVENT_LEVELS = List.of("Information", "Warning", "Error", "Critical");

    static final int MAX_URL_LENGTH = 2048;
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 256;

    private WebhookRules() {
    }

    /** The URL as stored: absolute https (http only when allowed), a host, no credentials or fragment. */
    public static String url(String text, boolean allowHttp, boolean allowPrivateTargets) {
        String field = "properties.url";
        if (text == null || text.isBlank()) {
            throw DomainException.badArgument(field, "The value of '" + field + "' is required.");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must be at most " + MAX_URL_LENGTH
                    + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw DomainException.badArgument(field, "The value of '" + field + "' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must be an absolute "
                    + (allowHttp ? "http or https" : "https") + " URL.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must name a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must not carry credentials;"
                    + " deliveries are authenticated by their signature.");
        }
        if (uri.getRawFragment() != null) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must not have a fragment.");
        }
        if (!allowPrivateTargets) {
            InetAddress literal = literal(uri.getHost());
            if ((literal != null && !isPublic(literal)) || uri.getHost().equalsIgnoreCase("localhost")) {
                throw DomainException.badArgument(field, "The value of '" + field + "' must point to a public"
                        + " address.");
            }
        }
        return uri.toString();
    }

    /** The event types, each one of {@link #EVENT_TYPES} (any case, stored in its canonical spelling), once. */
    public static List<String> eventTypes(List<String> in) {
        return oneOf(in, EVENT_TYPES, "properties.eventTypes");
    }

    public static List<String> eventLevels(List<String> in) {
        return oneOf(in, EVENT_LEVELS, "properties.eventLevels");
    }

    private static List<String> oneOf(List<String> in, List<String> allowed, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String v = in.get(i);
            String match = allowed.stream().filter(a -> a.equalsIgnoreCase(v == null ? "" : v.trim())).findFirst()
                    .orElseThrow(() -> DomainException.badArgument(field, "The value '" + v + "' of '" + field
                            + "' is not one of " + String.join(", ", allowed) + "."));
            out.add(match);
        }
        return new ArrayList<>(out);
    }

    /**
     * The secret of a new webhook (required), or of an update (empty keeps the stored one). The message never
     * contains the value.
     */
    public static void secret(String secret, boolean required) {
        String field = "properties.secret";
        if (secret == null || secret.isEmpty()) {
            if (required) {
                throw DomainException.badArgument(field, "The value of '" + field + "' is required for a new webhook.");
            }
            return;
        }
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw DomainException.badArgument(field, "The value of '" + field + "' must be " + MIN_SECRET_LENGTH
                    + " to " + MAX_SECRET_LENGTH + " characters long.");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw DomainException.badArgument(field, "The value of '" + field + "' must consist of printable"
                        + " ASCII characters without spaces.");
            }
        }
    }

    /** True for addresses a webhook may be delivered to when private targets are off. */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 (shared address space), 0.0.0.0/8, 240.0.0.0/4
            return !(first == 100 && second >= 64 && second < 128) && first != 0 && first < 240;
        }
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local
            return (b[0] & 0xfe) != 0xfc;
        }
        return true;
    }

    /**
     * The address when the host is an IP literal, else null (no name lookup). Not telemetry's {@code Prefix.host}:
     * that one refuses IPv4-mapped IPv6 literals, which must be caught here ({@code ::ffff:127.0.0.1} is loopback).
     */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean looksV4 = h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        boolean looksV6 = h.contains(":") && h.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!looksV4 && !looksV6) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}

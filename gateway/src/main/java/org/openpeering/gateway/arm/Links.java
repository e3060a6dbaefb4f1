package org.openpeering.gateway.arm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

/** Absolute links in answers (nextLink), built from the request as the client (or its proxy) addressed it. */
public final class Links {

    private Links() {
    }

    /**
     * The request's own URL (scheme and host as the proxy forwarded them) with {@code $skipToken} set to the
     * token; null when there is no next page.
     */
    public static String next(UriInfo uri, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        URI u = uri.getRequestUri();
        List<String> params = new ArrayList<>();
        if (u.getRawQuery() != null) {
            for (String p : u.getRawQuery().split("&")) {
                String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                if (!key.equalsIgnoreCase("$skipToken") && !key.equalsIgnoreCase("%24skipToken") && !p.isEmpty()) {
                    params.add(p);
                }
            }
        }
        params.add("$skipToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        String base = u.getScheme() + "://" + u.getRawAuthority() + u.getRawPath();
        return base + "?" + String.join("&", params);
    }

    /** {@code $top}: absent gives 0 (the service's default page size), else an integer from 1 to 1000. */
    public static int top(String top) {
        if (top == null || top.isBlank()) {
            return 0;
        }
        if (!top.matches("\\d{1,4}") || Integer.parseInt(top) < 1 || Integer.parseInt(top) > 1000) {
            throw ArmException.badArgument("$top", "$top must be an integer from 1 to 1000.");
        }
        return Integer.parseInt(top);
    }
}

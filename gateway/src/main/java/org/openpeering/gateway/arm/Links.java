package org.openpeering.gateway.arm;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** Absolute links in answers (nextLink), built from the request as the client (or its proxy) addressed it. */
public final class Links {

    private Links() {
    }

    /** The request's own URL with {@code $skipToken} set to the token; null when there is no next page. */
    public static String next(UriInfo uri, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        URI u = uri.getRequestUriBuilder().replaceQueryParam("$skipToken", token).build();
        return u.toString();
    }
}

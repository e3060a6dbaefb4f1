package org.openpeering.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.openpeering.common.DomainException;

/** Opaque list page tokens: the keyset position after which the next page starts. */
public final class PageTokens {

    private PageTokens() {
    }

    /** The token for a position; empty (no next page) for null. */
    public static String encode(String position) {
        return position == null ? "" : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for; null for an empty token; 400 naming {@code $skipToken} when garbled. */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw DomainException.badArgument("$skipToken", "The $skipToken is not valid.");
        }
    }

    /** The page size to use for a request's size (0: the configured default), capped at 1000. */
    public static int size(int requested, int configuredDefault) {
        return requested > 0 ? Math.min(requested, 1000) : configuredDefault;
    }
}

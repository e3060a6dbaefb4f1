package org.openpeering.gateway.auth;

import java.util.Locale;

/** The roles of DOMAIN.md §7, as tokens carry them in the {@code roles} claim. */
public enum Role {
    CUSTOMER, PARTNER, OPERATOR, AGENT;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a claim value names, or null for values that are not roles of this system. */
    public static Role fromClaim(String value) {
        for (Role r : values()) {
            if (r.claim().equals(value)) {
                return r;
            }
        }
        return null;
    }
}

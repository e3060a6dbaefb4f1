package org.openpeering.gateway.auth;

import java.util.Set;

/** The authenticated caller of a request: who, which subscriptions (or "*"), which roles. */
public record Caller(String subject, Set<String> subscriptions, Set<Role> roles) {

    public static final String ALL_SUBSCRIPTIONS = "*";

    public boolean canSee(String subscriptionId) {
        return subscriptions.contains(ALL_SUBSCRIPTIONS) || subscriptions.contains(subscriptionId);
    }
}

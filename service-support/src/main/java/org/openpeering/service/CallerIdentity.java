package org.openpeering.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.openpeering.common.CallerHeaders;

import io.grpc.Context;
import io.grpc.Metadata;

/**
 * The end user a service call acts for, as the gateway propagated it, plus what the audit needs (request id,
 * operation, resource id). Null in the gRPC context for calls that carry no identity (service-internal calls).
 */
public record CallerIdentity(String subject, Set<String> subscriptions, Set<String> roles, String requestId,
        String operation, String resourceId) {

    public static final Context.Key<CallerIdentity> CONTEXT_KEY = Context.key("openpeering.caller");

    /** The identity in the headers, or null when they carry none. */
    static CallerIdentity from(Metadata headers) {
        String subscriptions = headers.get(CallerHeaders.SUBSCRIPTIONS);
        if (subscriptions == null) {
            return null;
        }
        return new CallerIdentity(orEmpty(headers.get(CallerHeaders.SUBJECT)), split(subscriptions),
                split(headers.get(CallerHeaders.ROLES)), headers.get(CallerHeaders.REQUEST_ID),
                headers.get(CallerHeaders.OPERATION), headers.get(CallerHeaders.RESOURCE_ID));
    }

    /** The caller of the current gRPC call, or null. */
    public static CallerIdentity current() {
        return CONTEXT_KEY.get();
    }

    /**
     * Succeeds for the current call when it comes from a service (no caller identity) or from a caller holding one of
     * the roles; fails with AuthorizationFailed and the message otherwise. Checked at the gateway too: a service
     * token alone must not let anyone act as the operator.
     */
    public static io.smallrye.mutiny.Uni<Void> require(String message, String... roles) {
        CallerIdentity caller = current();
        if (caller != null && Arrays.stream(roles).noneMatch(caller.roles()::contains)) {
            return io.smallrye.mutiny.Uni.createFrom().failure(new org.openpeering.common.DomainException(
                    org.openpeering.common.ArmCode.AUTHORIZATION_FAILED, message, null));
        }
        return io.smallrye.mutiny.Uni.createFrom().voidItem();
    }

    public boolean canSee(String subscriptionId) {
        return subscriptions.contains("*") || subscriptions.contains(subscriptionId);
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

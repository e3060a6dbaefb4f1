package org.openpeering.common;

import io.grpc.Metadata;

/**
 * The call metadata the gateway sends to the services: the service token that proves the call comes from inside,
 * and the identity of the caller it acts for, so that every service can check the subscription again.
 */
public final class CallerHeaders {

    public static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> SUBJECT = Metadata.Key.of("x-caller-subject",
            Metadata.ASCII_STRING_MARSHALLER);
    /** Comma-separated subscription ids, or "*". */
    public static final Metadata.Key<String> SUBSCRIPTIONS = Metadata.Key.of("x-caller-subscriptions",
            Metadata.ASCII_STRING_MARSHALLER);
    /** Comma-separated roles. */
    public static final Metadata.Key<String> ROLES = Metadata.Key.of("x-caller-roles",
            Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-ms-request-id",
            Metadata.ASCII_STRING_MARSHALLER);
    /** The ARM operation the call serves, e.g. {@code PUT Microsoft.Peering/peerAsns}. */
    public static final Metadata.Key<String> OPERATION = Metadata.Key.of("x-arm-operation",
            Metadata.ASCII_STRING_MARSHALLER);
    /** The ARM resource id (request path) the call serves. */
    public static final Metadata.Key<String> RESOURCE_ID = Metadata.Key.of("x-arm-resource-id",
            Metadata.ASCII_STRING_MARSHALLER);

    private CallerHeaders() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}

package org.openpeering.gateway.arm;

import java.util.Map;

/** An ARM error decided at the edge: HTTP status, ARM code, message, optional target and extra headers. */
public class ArmException extends RuntimeException {

    private final int status;
    private final String code;
    private final String target;
    private final Map<String, String> headers;

    public ArmException(int status, String code, String message, String target, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.target = target;
        this.headers = headers;
    }

    public ArmException(int status, String code, String message, String target) {
        this(status, code, message, target, Map.of());
    }

    public static ArmException invalidContent(String target, String message) {
        return new ArmException(400, "InvalidRequestContent", message, target);
    }

    public static ArmException badArgument(String target, String message) {
        return new ArmException(400, "BadArgument", message, target);
    }

    public static ArmException invalidName(String target, String value) {
        return new ArmException(400, "InvalidResourceName", "The resource name '" + value
                + "' is invalid: it must match [A-Za-z0-9_.-]{1,63}.", target);
    }

    public static ArmException notImplemented(String operation) {
        return new ArmException(405, "OperationNotSupported",
                "The operation '" + operation + "' is not implemented yet by this Peering Service control plane.",
                null);
    }

    /** The service could not be reached: the request was not applied. */
    public static ArmException serviceUnavailable(String service) {
        return new ArmException(503, "ServiceUnavailable", "The " + service
                + " is unavailable; nothing was changed. Retry later.", null, Map.of("Retry-After", "5"));
    }

    /** The service did not answer in time: the request may or may not have been applied. */
    public static ArmException serviceTimedOut(String service) {
        return new ArmException(503, "ServiceUnavailable", "The " + service
                + " did not answer in time; the request may or may not have been applied. Retry it (PUT and DELETE"
                + " are idempotent).", null, Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String target() {
        return target;
    }

    public Map<String, String> headers() {
        return headers;
    }
}

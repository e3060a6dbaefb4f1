package org.openpeering.common;

/**
 * A rule violation decided by a service: carries the ARM code, a message the caller can act on, and the JSON
 * path of the offending field. Never carries a secret.
 */
public class DomainException extends RuntimeException {

    private final ArmCode code;
    private final String target;

    public DomainException(ArmCode code, String message, String target) {
        super(message, null, false, false);
        this.code = code;
        this.target = target;
    }

    public static DomainException badArgument(String target, String message) {
        return new DomainException(ArmCode.BAD_ARGUMENT, message, target);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ArmCode.RESOURCE_NOT_FOUND, message, null);
    }

    public static DomainException conflict(String message) {
        return new DomainException(ArmCode.CONFLICT, message, null);
    }

    public static DomainException preconditionFailed(String message) {
        return new DomainException(ArmCode.PRECONDITION_FAILED, message, null);
    }

    public ArmCode code() {
        return code;
    }

    /** JSON path of the offending field, or null. */
    public String target() {
        return target;
    }
}

package org.openpeering.partner.peerasn;

import org.openpeering.common.DomainException;

/** ARM's conditional-request headers, as versions (etag = version). */
public record Precondition(Long ifMatchVersion, boolean ifMatchAny, boolean ifNoneMatchAny) {

    public static final Precondition NONE = new Precondition(null, false, false);

    /** Fails with 412 when the stored version (null: absent) does not satisfy the condition. */
    public void check(Long storedVersion) {
        if (ifNoneMatchAny && storedVersion != null) {
            throw DomainException.preconditionFailed("The resource exists and If-None-Match: * was given.");
        }
        if (ifMatchAny && storedVersion == null) {
            throw DomainException.preconditionFailed("The resource does not exist and If-Match: * was given.");
        }
        if (ifMatchVersion != null && !ifMatchVersion.equals(storedVersion)) {
            throw DomainException.preconditionFailed("The resource's etag does not match If-Match.");
        }
    }
}

package org.openpeering.service;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.Precondition;

/** ARM's conditional-request headers (etag = version), as every service checks them. */
public final class Preconditions {

    private Preconditions() {
    }

    /** Fails with 412 when the stored version (null: absent) does not satisfy the condition. */
    public static void check(Long ifMatchVersion, boolean ifMatchAny, boolean ifNoneMatchAny, Long storedVersion) {
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

    public static void check(Precondition p, Long storedVersion) {
        if (p == null) {
            return;
        }
        check(p.hasIfMatchVersion() ? p.getIfMatchVersion() : null, p.getIfMatchAny(), p.getIfNoneMatchAny(),
                storedVersion);
    }
}

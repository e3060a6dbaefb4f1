package org.openpeering.partner.peerasn;

/** ARM's conditional-request headers, as versions (etag = version). */
public record Precondition(Long ifMatchVersion, boolean ifMatchAny, boolean ifNoneMatchAny) {

    public static final Precondition NONE = new Precondition(null, false, false);

    /** Fails with 412 when the stored version (null: absent) does not satisfy the condition. */
    public void check(Long storedVersion) {
        org.openpeering.service.Preconditions.check(ifMatchVersion, ifMatchAny, ifNoneMatchAny, storedVersion);
    }
}

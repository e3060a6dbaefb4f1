package org.openpeering.partner.catalogue;

import org.openpeering.partner.peerasn.Precondition;

/** The contract's precondition message as the domain's {@link Precondition}. */
public final class Preconditions {

    private Preconditions() {
    }

    public static Precondition of(org.openpeering.proto.partner.v1.Precondition p) {
        return new Precondition(p.hasIfMatchVersion() ? p.getIfMatchVersion() : null, p.getIfMatchAny(),
                p.getIfNoneMatchAny());
    }

    public static void check(org.openpeering.proto.partner.v1.Precondition p, Long storedVersion) {
        of(p).check(storedVersion);
    }
}

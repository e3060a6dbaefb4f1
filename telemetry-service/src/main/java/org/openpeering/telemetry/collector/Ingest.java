package org.openpeering.telemetry.collector;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.rib.AttributeInterner;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.telemetry.watch.Detector;

import io.quarkus.arc.ClientProxy;

/**
 * What both collectors (BGP listener, BMP station) do with an UPDATE: intern, apply to the session, detect. One per
 * connection, holding the interner and the detector themselves rather than their CDI client proxies, which would look
 * the bean up again on every UPDATE.
 */
final class Ingest {

    private final AttributeInterner interner;
    private final Detector detector;

    Ingest(RibRegistry registry, Detector detector) {
        this.interner = registry.interner();
        this.detector = ClientProxy.unwrap(detector);
    }

    SessionRib.Applied update(SessionRib rib, Update u) {
        PathAttributes attrs = interner.intern(u.attributes());
        String hopV4 = attrs == null ? null : interner.intern(attrs.nextHop());
        String hopMp = interner.intern(u.mpNextHop());
        SessionRib.Applied applied = rib.apply(u, attrs, hopV4, hopMp, System.currentTimeMillis());
        detector.changed(rib, applied);
        return applied;
    }
}

package org.openpeering.telemetry.collector;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.protocol.bgp.Update;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.telemetry.watch.Detector;

/** What both collectors (BGP listener, BMP station) do with an UPDATE: intern, apply to the session, detect. */
final class Ingest {

    private Ingest() {
    }

    static SessionRib.Applied update(RibRegistry registry, Detector detector, SessionRib rib, Update u) {
        PathAttributes attrs = registry.interner().intern(u.attributes());
        String hopV4 = attrs == null ? null : registry.interner().intern(attrs.nextHop());
        String hopMp = registry.interner().intern(u.mpNextHop());
        SessionRib.Applied applied = rib.apply(u, attrs, hopV4, hopMp, System.currentTimeMillis());
        detector.changed(rib, applied);
        return applied;
    }
}

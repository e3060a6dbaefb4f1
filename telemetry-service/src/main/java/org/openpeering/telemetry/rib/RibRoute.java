package org.openpeering.telemetry.rib;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * One path of a prefix in a session's Adj-RIB-In. Attributes are interned (thousands of routes share one object);
 * further ADD-PATH paths of the same prefix hang off {@code next}.
 */
public final class RibRoute {

    final long pathId;
    final PathAttributes attributes;
    final String nextHop;
    final long receivedAtMillis;
    RibRoute next;

    RibRoute(long pathId, PathAttributes attributes, String nextHop, long receivedAtMillis, RibRoute next) {
        this.pathId = pathId;
        this.attributes = attributes;
        this.nextHop = nextHop;
        this.receivedAtMillis = receivedAtMillis;
        this.next = next;
    }

    public long pathId() {
        return pathId;
    }

    public PathAttributes attributes() {
        return attributes;
    }

    public String nextHop() {
        return nextHop;
    }

    public long receivedAtMillis() {
        return receivedAtMillis;
    }

    public RibRoute next() {
        return next;
    }
}

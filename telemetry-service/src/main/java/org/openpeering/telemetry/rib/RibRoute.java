package org.openpeering.telemetry.rib;

import org.openpeering.telemetry.protocol.bgp.PathAttributes;

/**
 * One path of a prefix in a session's Adj-RIB-In. Attributes are interned (thousands of routes share one object).
 * A prefix's only path is 32 bytes (a million routes: 32 MB); further ADD-PATH paths of the same prefix make a chain of
 * {@link Linked} copies, rebuilt by {@link SessionRib} when it changes (chains are a few paths long).
 */
public class RibRoute {

    /** RFC 7911 path identifier: 32 bits, read unsigned. */
    final int pathId;
    final PathAttributes attributes;
    final String nextHop;
    final long receivedAtMillis;

    RibRoute(int pathId, PathAttributes attributes, String nextHop, long receivedAtMillis) {
        this.pathId = pathId;
        this.attributes = attributes;
        this.nextHop = nextHop;
        this.receivedAtMillis = receivedAtMillis;
    }

    public long pathId() {
        return Integer.toUnsignedLong(pathId);
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

    /** The prefix's next path, or null. */
    public RibRoute next() {
        return null;
    }

    /** This path, ahead of {@code next} (null: the last one). */
    RibRoute linkedTo(RibRoute next) {
        return next == null ? (getClass() == RibRoute.class ? this : new RibRoute(pathId, attributes, nextHop,
                receivedAtMillis)) : new Linked(pathId, attributes, nextHop, receivedAtMillis, next);
    }

    /** A path with another behind it. */
    static final class Linked extends RibRoute {
        private final RibRoute next;

        Linked(int pathId, PathAttributes attributes, String nextHop, long receivedAtMillis, RibRoute next) {
            super(pathId, attributes, nextHop, receivedAtMillis);
            this.next = next;
        }

        @Override
        public RibRoute next() {
            return next;
        }
    }
}

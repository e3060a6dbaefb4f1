package org.openpeering.telemetry.rib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Every session's Adj-RIB-In, by session; the in-memory routing table the read APIs answer from. */
@ApplicationScoped
public class RibRegistry {

    private final ConcurrentHashMap<SessionKey, SessionRib> sessions = new ConcurrentHashMap<>();
    // the same sessions by router and peer address (a connection may change its peer ASN)
    private final ConcurrentHashMap<String, List<SessionRib>> byConnection = new ConcurrentHashMap<>();
    private final AttributeInterner interner = new AttributeInterner();
    private final MeterRegistry meters;
    private volatile boolean persistNewSessions;

    public RibRegistry(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("telemetry.rib.attribute.sets", interner, AttributeInterner::size)
                .description("distinct path attribute sets shared by the routes in memory").register(meters);
    }

    public SessionRib session(SessionKey key) {
        return sessions.computeIfAbsent(key, k -> {
            SessionRib s = new SessionRib(k);
            s.persist(persistNewSessions);
            // per-session figures for SREs and the benchmark harness (GET /q/metrics)
            Tags tags = Tags.of("router", k.router(), "peer", k.peerAddress(), "peer_asn", String.valueOf(k.peerAsn()));
            Gauge.builder("telemetry.session.prefixes", s, r -> r.prefixes(false)).tags(tags).tag("family", "ipv4")
                    .register(meters);
            Gauge.builder("telemetry.session.prefixes", s, r -> r.prefixes(true)).tags(tags).tag("family", "ipv6")
                    .register(meters);
            Gauge.builder("telemetry.session.established", s, r -> r.state().equals("Established") ? 1 : 0).tags(tags)
                    .register(meters);
            FunctionCounter.builder("telemetry.session.updates", s, SessionRib::updates).tags(tags).register(meters);
            byConnection.compute(connection(k.router(), k.peerAddress()), (c, list) -> {
                List<SessionRib> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
                next.add(s);
                return List.copyOf(next);
            });
            return s;
        });
    }

    /** Sessions made from now on record their changes for {@link RibStore}. */
    void persistNewSessions(boolean on) {
        persistNewSessions = on;
        sessions.values().forEach(s -> s.persist(on));
    }

    public SessionRib find(SessionKey key) {
        return sessions.get(key);
    }

    /** Sessions of a router with a peer address (any ASN), for callers that know the connection, not the ASN. */
    public List<SessionRib> find(String router, String peerAddress) {
        List<SessionRib> out = byConnection.get(connection(router, peerAddress));
        return out == null ? List.of() : List.copyOf(out);
    }

    private static String connection(String router, String peerAddress) {
        return router.toLowerCase(java.util.Locale.ROOT) + "|" + peerAddress;
    }

    public Collection<SessionRib> all() {
        return sessions.values();
    }

    public AttributeInterner interner() {
        return interner;
    }

    /** Prefixes visited per hold of a session's monitor during a sweep (a few milliseconds). */
    private static final int SWEEP_CHUNK = 10_000;

    /** Every minute: a sweep of the attribute sets, off the event loops, when one is due. */
    void start(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> {
            long paths = 0;
            for (SessionRib s : sessions.values()) {
                paths += s.paths();
            }
            if (interner.sweepDue(paths)) {
                vertx.executeBlocking(() -> sweepInterner(), false);
            }
        });
    }

    /**
     * Drops the attribute sets that no route in memory holds any more; returns how many. Each session is walked a
     * chunk at a time under its monitor; sets interned meanwhile are kept. A set interned before the sweep and first
     * used by a route after its session was walked is dropped too: that route keeps it, but later equal sets get a new
     * shared copy.
     */
    public synchronized int sweepInterner() {
        interner.beginSweep();
        Set<PathAttributes> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SessionRib s : sessions.values()) {
            for (boolean v6 : new boolean[] { false, true }) {
                Prefix after = null;
                while ((after = s.forEachAfter(v6, after, SWEEP_CHUNK, v -> live.add(v.route().attributes()))) != null) {
                    // the monitor is let go between chunks: the session's UPDATEs wait for one chunk at most
                }
            }
        }
        return interner.endSweep(live);
    }
}

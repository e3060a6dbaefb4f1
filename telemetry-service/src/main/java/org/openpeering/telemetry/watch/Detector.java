package org.openpeering.telemetry.watch;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.protocol.bgp.AsPathSegment;
import org.openpeering.telemetry.protocol.bgp.PathAttributes;
import org.openpeering.telemetry.rib.RibRegistry;
import org.openpeering.telemetry.rib.RibRoute;
import org.openpeering.telemetry.rib.SessionRib;
import org.openpeering.telemetry.rpki.RpkiState;

/**
 * The change detector of DOMAIN.md §4: for every route change of a watched prefix (or of a more-specific of one)
 * it records the prefix events and starts or ends anomalies (exact-prefix and sub-prefix hijack, RPKI invalid,
 * route leak, suboptimal routing, visibility loss), each with the updates that caused it.
 */
@ApplicationScoped
public class Detector {

    /** An active anomaly; the key is type, watched prefix, route prefix and session. */
    static final class Active {
        final long id;
        final String type;
        final List<String> updates = new ArrayList<>();

        Active(long id, String type) {
            this.id = id;
            this.type = type;
        }
    }

    private static final int MAX_UPDATES = 20;

    private final RibRegistry registry;
    private final WatchList watches;
    private final Journal journal;
    private final RpkiState rpki;
    private final Map<String, Active> active = new HashMap<>();
    /** The last path seen per (watched prefix, session), for PrefixActivePath / PrefixBackupPath. */
    private final Map<String, String> lastPath = new HashMap<>();

    /** AS relationships for route leak (b); null without a file. */
    private volatile AsRelationships relationships;
    private final long operatorAsn;

    public Detector(RibRegistry registry, WatchList watches, Journal journal, RpkiState rpki,
            org.openpeering.telemetry.collector.CollectorConfig config, org.openpeering.service.PeeringConfig peering) {
        this.registry = registry;
        // every UPDATE asks the watch list: the bean itself, not a client proxy that looks it up on each call
        this.watches = io.quarkus.arc.ClientProxy.unwrap(watches);
        this.journal = journal;
        this.rpki = rpki;
        this.operatorAsn = peering.operatorAsn();
        config.asRelationshipsFile().filter(f -> !f.isBlank()).ifPresent(this::loadRelationships);
    }

    private volatile boolean stopping;

    /**
     * The collector is shutting down: closing its sessions is not the routers withdrawing anything (and the table
     * is read back at the next start), so nothing is detected from here on.
     */
    void stopping(@jakarta.enterprise.event.Observes @jakarta.annotation.Priority(
            jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Reads a CAIDA as-rel file (plain or .bz2 is not read: plain text or gzip). */
    void loadRelationships(String file) {
        try (java.io.InputStream raw = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file));
                java.io.InputStream in = file.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw;
                java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                        java.nio.charset.StandardCharsets.UTF_8))) {
            relationships = AsRelationships.read(reader);
            org.jboss.logging.Logger.getLogger(Detector.class).infof("AS relationships: %d pairs from %s (%d rejected)",
                    relationships.pairs(), file, relationships.rejected());
        } catch (java.io.IOException e) {
            org.jboss.logging.Logger.getLogger(Detector.class).errorf("AS relationships not read from %s: %s", file,
                    e.toString());
        }
    }

    /** A session's UPDATE was applied: these prefixes were announced (or replaced) and these withdrawn. */
    public void changed(SessionRib rib, SessionRib.Applied applied) {
        if (watches.size() == 0 || stopping) {
            return;
        }
        // most of a table is not watched: those prefixes are passed over without a lock or an allocation
        for (Prefix p : applied.withdrawn()) {
            if (watches.longestMatch(p) != null && rib.routes(p).isEmpty()) {
                withdrawn(rib, p);
            }
        }
        for (Prefix p : applied.announced()) {
            if (watches.longestMatch(p) == null) {
                continue;
            }
            List<RibRoute> routes = rib.routes(p);
            if (!routes.isEmpty()) {
                announced(rib, p, routes.get(0));
            }
        }
    }

    /** A session went down: its routes are gone. */
    public void flushed(SessionRib rib, List<Prefix> gone) {
        if (watches.size() == 0 || stopping) {
            return;
        }
        for (Prefix p : gone) {
            if (watches.longestMatch(p) != null) {
                withdrawn(rib, p);
            }
        }
    }

    /** A watch was added: what the RIB holds already counts. */
    public void evaluate(Watch w) {
        for (SessionRib rib : registry.all()) {
            for (SessionRib.RouteView v : rib.moreSpecific(w.prefix())) {
                announced(rib, v.prefix(), v.route());
            }
        }
    }

    synchronized void announced(SessionRib rib, Prefix p, RibRoute route) {
        String session = Watch.session(rib.key().router(), rib.key().peerAddress());
        PathAttributes a = route.attributes();
        Long origin = a.originAs();
        String path = a.asPathText();
        String update = "announce " + p + " path [" + path + "] from " + rib.key() + " at "
                + java.time.Instant.ofEpochMilli(route.receivedAtMillis());
        for (Watch w : watches.covering(p)) {
            String role = w.role(session);
            boolean expected = w.expectedOrigins().isEmpty() || (origin != null && w.expectedOrigins().contains(origin));
            if (!p.equals(w.prefix())) {
                // a more-specific of a watched prefix
                toggle(!expected, "SubPrefixHijack", "Critical", w, p, rib, update,
                        "More-specific " + p + " of " + w.prefix() + " received from " + rib.key() + " with origin AS"
                                + origin + ", not an expected origin " + w.expectedOrigins() + ".");
                continue;
            }
            String previous = lastPath.put(w.prefix() + "#" + session, path);
            if (role.equals("primary") || role.equals("backup")) {
                boolean primary = role.equals("primary");
                event(w, primary ? "PrefixAnnouncementEvent" : "PrefixBackupRouteAnnouncementEvent", "Information",
                        "Prefix " + p + " received on " + rib.key() + " with path " + path, rib, p, path, origin);
                if (previous != null && !previous.equals(path)) {
                    event(w, primary ? "PrefixActivePath" : "PrefixBackupPath", "Information",
                            "Path of " + p + " on " + rib.key() + " changed from " + previous + " to " + path, rib, p,
                            path, origin);
                }
                if (!expected) {
                    event(w, primary ? "PrefixOriginAsChangeEvent" : "PrefixBackupRouteOriginAsChangeEvent",
                            primary ? "Critical" : "Error", "Prefix " + p + " received on " + rib.key()
                                    + " with origin AS" + origin + ", expected " + w.expectedOrigins(),
                            rib, p, path, origin);
                }
            }
            String rpkiState = rpki.detail(p, origin);
            toggle(!expected && !rpkiState.equals("Valid"), "ExactPrefixHijack", "Critical", w, p, rib, update,
                    "Prefix " + p + " received from " + rib.key() + " with origin AS" + origin + ", not an expected origin "
                            + w.expectedOrigins() + " (RPKI " + rpkiState + ").");
            toggle(rpkiState.startsWith("Invalid"), "RpkiInvalid", "Error", w, p, rib, update,
                    "Prefix " + p + " from origin AS" + origin + " is RPKI " + rpkiState + " (RFC 6811).");
            String leak = leak(w, role, rib, a);
            toggle(leak != null, "RouteLeak", "Error", w, p, rib, update, leak);
            String longer = role.equals("other") ? null : longerThanElsewhere(w, p, session, a);
            toggle((prepended(a) || longer != null) && !role.equals("other"), "SuboptimalRouting", "Warning", w, p, rib,
                    update, prepended(a) ? "Prefix " + p + " arrives prepended on " + rib.key() + ": " + path + "."
                            : longer);
            if (!role.equals("other")) {
                end("VisibilityLoss", w, w.prefix(), null, update);
                checkOnlyBackup(w, p, update);
            }
        }
    }

    synchronized void withdrawn(SessionRib rib, Prefix p) {
        String session = Watch.session(rib.key().router(), rib.key().peerAddress());
        String update = "withdraw " + p + " from " + rib.key() + " at " + java.time.Instant.now();
        for (Watch w : watches.covering(p)) {
            if (!p.equals(w.prefix())) {
                endFor("SubPrefixHijack", w, p, rib, update);
                continue;
            }
            String role = w.role(session);
            lastPath.remove(w.prefix() + "#" + session);
            if (role.equals("primary") || role.equals("backup")) {
                event(w, role.equals("primary") ? "PrefixWithdrawalEvent" : "PrefixBackupRouteWithdrawalEvent",
                        "Warning", "Prefix " + p + " withdrawn on " + rib.key(), rib, p, "", 0L);
            }
            for (String type : List.of("ExactPrefixHijack", "RpkiInvalid", "RouteLeak", "SuboptimalRouting")) {
                endFor(type, w, p, rib, update);
            }
            if (!role.equals("other")) {
                if (!heldByAnyProviderSession(w)) {
                    toggle(true, "VisibilityLoss", "Critical", w, p, rib, update,
                            "Prefix " + p + " is withdrawn from every provider session (last: " + rib.key() + ").");
                }
                checkOnlyBackup(w, p, update);
            }
        }
    }

    /**
     * DOMAIN.md §4 "longer path than on another provider session": the shortest path of the prefix on the other
     * sessions of the primary and backup locations, when this one is longer; else null.
     */
    private String longerThanElsewhere(Watch w, Prefix p, String session, PathAttributes a) {
        int mine = a.asPathLength();
        int best = Integer.MAX_VALUE;
        String where = null;
        java.util.Set<String> sessions = new java.util.TreeSet<>(w.primary());
        sessions.addAll(w.backup());
        for (String s : sessions) {
            if (s.equals(session)) {
                continue;
            }
            int bar = s.indexOf('|');
            for (SessionRib other : registry.find(s.substring(0, bar), s.substring(bar + 1))) {
                for (RibRoute r : other.routes(p)) {
                    if (r.attributes().asPathLength() < best) {
                        best = r.attributes().asPathLength();
                        where = other.key().toString();
                    }
                }
            }
        }
        return best < mine ? "Prefix " + p + " arrives on " + session.replace('|', ' ') + " with an AS path of length "
                + mine + " (" + a.asPathText() + "), longer than " + best + " on " + where + "." : null;
    }

    /** DOMAIN.md §4 route leak (a), (b) with AS relationships loaded, and (c). */
    private String leak(Watch w, String role, SessionRib rib, PathAttributes a) {
        if (a.otc() != null && a.otc() != rib.key().peerAsn()) {
            return "Route from " + rib.key() + " carries Only-To-Customer AS" + a.otc() + " (RFC 9234): leaked.";
        }
        if (role.equals("other") || w.providerAsn() <= 0) {
            return null;
        }
        List<Long> path = flatten(a);
        AsRelationships rel = relationships;
        if (rel != null) {
            String valley = rel.leak(path, operatorAsn);
            if (valley != null) {
                return "Path " + a.asPathText() + " on provider session " + rib.key() + ": " + valley;
            }
        }
        if (path.size() >= 2 && path.get(0) == w.providerAsn() && !w.downstream().isEmpty()
                && !w.downstream().contains(path.get(1))) {
            return "Path " + a.asPathText() + " on provider session " + rib.key() + ": AS" + path.get(1)
                    + " after the provider is not an allowed downstream " + w.downstream() + ".";
        }
        return null;
    }

    private void checkOnlyBackup(Watch w, Prefix p, String update) {
        boolean atPrimary = heldBy(w.primary(), p);
        boolean atBackup = heldBy(w.backup(), p);
        if (!w.primary().isEmpty() && !atPrimary && atBackup) {
            toggleWatch(true, "SuboptimalRouting", "Warning", w, update,
                    "Prefix " + p + " is received only at backup locations, not at the primary.");
        } else {
            end("SuboptimalRouting", w, w.prefix(), "watch", update);
        }
    }

    private boolean heldByAnyProviderSession(Watch w) {
        return heldBy(w.primary(), w.prefix()) || heldBy(w.backup(), w.prefix());
    }

    private boolean heldBy(java.util.Set<String> sessions, Prefix p) {
        for (String s : sessions) {
            int bar = s.indexOf('|');
            for (SessionRib rib : registry.find(s.substring(0, bar), s.substring(bar + 1))) {
                if (!rib.routes(p).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean prepended(PathAttributes a) {
        List<Long> path = flatten(a);
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).equals(path.get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> flatten(PathAttributes a) {
        List<Long> out = new ArrayList<>();
        for (AsPathSegment s : a.asPath()) {
            if (!s.set()) {
                for (long asn : s.asns()) {
                    out.add(asn);
                }
            }
        }
        return out;
    }

    private void event(Watch w, String type, String level, String summary, SessionRib rib, Prefix p, String path,
            Long origin) {
        journal.append(RouteChange.newBuilder().setWatchedPrefix(w.prefix().toString()).setEventType(type)
                .setEventLevel(level).setSummary(summary).setDescription(summary).setRoutePrefix(p.toString())
                .setSession(SessionRef.newBuilder().setRouter(rib.key().router()).setPeerAddress(rib.key().peerAddress()))
                .setAsPath(path == null ? "" : path).setOriginAsn(origin == null ? 0 : origin));
    }

    private void toggle(boolean on, String type, String level, Watch w, Prefix p, SessionRib rib, String update,
            String description) {
        String key = type + "|" + w.prefix() + "|" + p + "|" + Watch.session(rib.key().router(), rib.key().peerAddress());
        if (on) {
            start(key, type, level, w, p, rib.key().router(), rib.key().peerAddress(), update, description);
        } else {
            stop(key, update, "no longer seen");
        }
    }

    private void toggleWatch(boolean on, String type, String level, Watch w, String update, String description) {
        String key = type + "|" + w.prefix() + "|watch";
        if (on) {
            start(key, type, level, w, w.prefix(), "", "0.0.0.0", update, description);
        } else {
            stop(key, update, "resolved");
        }
    }

    private void endFor(String type, Watch w, Prefix p, SessionRib rib, String update) {
        stop(type + "|" + w.prefix() + "|" + p + "|" + Watch.session(rib.key().router(), rib.key().peerAddress()), update,
                "withdrawn");
    }

    /** Ends anomalies of a type on a watched prefix: of one route prefix, or ("watch") the prefix-wide ones. */
    private void end(String type, Watch w, Prefix p, String scope, String update) {
        String prefix = type + "|" + w.prefix() + "|" + (scope == null ? p + "|" : "watch");
        for (String key : new ArrayList<>(active.keySet())) {
            if (key.startsWith(prefix)) {
                stop(key, update, "resolved");
            }
        }
    }

    private void start(String key, String type, String level, Watch w, Prefix p, String router, String peer,
            String update, String description) {
        Active a = active.get(key);
        if (a != null) {
            if (a.updates.size() < MAX_UPDATES) {
                a.updates.add(update);
                journal.anomalyChanged(a.id, null, a.updates);
            }
            return;
        }
        a = new Active(journal.nextAnomalyId(), type);
        a.updates.add(update);
        active.put(key, a);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        journal.anomalyStarted(a.id, type, level, w.prefix().toString(), p.toString(), router, peer, now, description,
                a.updates);
        journal.append(RouteChange.newBuilder().setWatchedPrefix(w.prefix().toString()).setEventType("AnomalyStarted")
                .setEventLevel(level).setSummary(type + ": " + description).setDescription(description)
                .setRoutePrefix(p.toString()).setSession(SessionRef.newBuilder().setRouter(router).setPeerAddress(peer))
                .setAnomalyId(a.id).setAnomalyType(type));
    }

    private void stop(String key, String update, String why) {
        Active a = active.remove(key);
        if (a == null) {
            return;
        }
        a.updates.add(update);
        journal.anomalyChanged(a.id, OffsetDateTime.now(ZoneOffset.UTC), a.updates);
        String[] parts = key.split("\\|");
        journal.append(RouteChange.newBuilder().setWatchedPrefix(parts[1]).setEventType("AnomalyEnded")
                .setEventLevel("Information").setSummary(a.type + " ended: " + why).setDescription(update)
                .setRoutePrefix(parts[2].equals("watch") ? parts[1] : parts[2]).setAnomalyId(a.id)
                .setAnomalyType(a.type));
    }

    /** Active anomalies right now (for tests and status). */
    public synchronized int activeCount() {
        return active.size();
    }
}

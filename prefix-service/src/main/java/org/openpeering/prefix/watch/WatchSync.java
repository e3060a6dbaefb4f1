package org.openpeering.prefix.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.prefix.PrefixConfig;
import org.openpeering.prefix.Upstreams;
import org.openpeering.prefix.irr.IrrState;
import org.openpeering.prefix.validation.Validator;
import org.openpeering.prefix.webhook.SessionOwners;
import org.openpeering.prefix.webhook.WebhookEvent;
import org.openpeering.prefix.webhook.WebhookOutbox;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.ServiceSession;
import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.WatchedPrefix;
import org.openpeering.telemetry.protocol.Prefix;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps telemetry-service's watched prefixes in step with the activated customer prefixes (prefix, provider ASN,
 * expected origins per DOMAIN.md §4, sessions of the primary and backup locations), and consumes its change stream:
 * every change is stored as an event on the prefixes it concerns and the cursor advanced in the same transaction, so
 * a reconnect resumes from the last stored sequence without loss or repetition; the prefixes are then validated again.
 */
@ApplicationScoped
public class WatchSync {

    public static final String OWNER = "prefix-service";
    private static final Logger LOG = Logger.getLogger(WatchSync.class);

    private final Pool pool;
    private final Upstreams upstreams;
    private final IrrState irr;
    private final Validator validator;
    private final PrefixConfig config;
    private final Vertx vertx;
    private final SessionOwners owners;
    private final WebhookOutbox outbox;

    private volatile boolean dirty = true;
    private boolean pushing;
    private Cancellable stream;
    private volatile boolean telemetryWasDown;

    public WatchSync(Pool pool, Upstreams upstreams, IrrState irr, Validator validator, PrefixConfig config,
            Vertx vertx, SessionOwners owners, WebhookOutbox outbox) {
        this.pool = pool;
        this.owners = owners;
        this.outbox = outbox;
        this.upstreams = upstreams;
        this.irr = irr;
        this.validator = validator;
        this.config = config;
        this.vertx = vertx;
    }

    private volatile boolean stopped;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.watch().enabled()) {
            return;
        }
        validator.onFullPass(this::changed);
        timer = vertx.setPeriodic(config.validation().retryInterval().toMillis(), id -> {
            if (dirty) {
                push();
            }
        });
        // the validator's start-up full pass pushes the watch set (see onFullPass)
        connect();
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (stream != null) {
            stream.cancel();
        }
    }

    /** The set of activated prefixes (or their providers' sessions) changed: push it again. */
    public void changed() {
        dirty = true;
        if (config.watch().enabled()) {
            push();
        }
    }

    private synchronized void push() {
        if (pushing || stopped) {
            return;
        }
        pushing = true;
        dirty = false;
        build().chain(list -> upstreams.setWatched(SetWatchedPrefixesRequest.newBuilder().setOwner(OWNER)
                .addAllPrefixes(list).build()))
                .subscribe().with(r -> {
                    synchronized (this) {
                        pushing = false;
                    }
                    LOG.debugf("Watching %d prefixes", r.getWatched());
                    if (telemetryWasDown) {
                        // telemetry-service is back: catch up on whatever changed meanwhile
                        telemetryWasDown = false;
                        LOG.info("telemetry-service answers again; validating every prefix");
                        validator.fullPass();
                    }
                    if (dirty) {
                        push();
                    }
                }, e -> {
                    synchronized (this) {
                        pushing = false;
                    }
                    dirty = true;
                    if (e instanceof Upstreams.Unreachable) {
                        telemetryWasDown = true;
                    }
                    LOG.infof("Watched prefixes not pushed (retrying): %s", e.getMessage());
                });
    }

    /** The watched prefix of every activated customer prefix. */
    Uni<List<WatchedPrefix>> build() {
        return pool.query("select c.prefix::text as prefix, c.allowed_origins, s.peering_service_provider,"
                + " s.provider_primary_peering_location, s.provider_backup_peering_location,"
                + " coalesce(rp.peer_asn, ra.peer_asn) as provider_asn, ra.asn as registered_asn"
                + " from customer_prefix c join peering_service s on s.id = c.peering_service_id"
                + " left join registered_prefix rp on rp.prefix_key = c.prefix_key"
                + " left join registered_asn ra on ra.prefix_key = c.prefix_key order by c.id").execute().chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    Set<String> providers = new TreeSet<>();
                    list.forEach(r -> providers.add(r.getString("peering_service_provider").toLowerCase(Locale.ROOT)));
                    Map<String, ProviderSessions> byName = new HashMap<>();
                    Uni<Void> fetch = Uni.createFrom().voidItem();
                    for (String name : providers) {
                        fetch = fetch.chain(() -> upstreams.provider(name).invoke(p -> byName.put(name, p))
                                .replaceWithVoid());
                    }
                    return fetch.map(x -> {
                        List<WatchedPrefix> out = new ArrayList<>();
                        for (Row r : list) {
                            out.add(watched(r, byName.get(r.getString("peering_service_provider")
                                    .toLowerCase(Locale.ROOT))));
                        }
                        return out;
                    });
                });
    }

    private WatchedPrefix watched(Row r, ProviderSessions provider) {
        Prefix prefix = Prefix.parse(r.getString("prefix"));
        Set<Long> expected = new TreeSet<>();
        Long registered = r.getLong("registered_asn");
        if (registered != null) {
            expected.add(registered);
        }
        expected.addAll(irr.origins(prefix));
        Long[] allowed = r.getArrayOfLongs("allowed_origins");
        if (allowed != null) {
            expected.addAll(List.of(allowed));
        }
        WatchedPrefix.Builder b = WatchedPrefix.newBuilder().setPrefix(prefix.toString()).addAllExpectedOrigins(expected);
        Long providerAsn = r.getLong("provider_asn");
        if (providerAsn != null) {
            b.setProviderAsn(providerAsn);
        }
        if (provider != null) {
            String primary = r.getString("provider_primary_peering_location");
            String backup = r.getString("provider_backup_peering_location");
            for (ServiceSession s : provider.getSessionsList()) {
                if (s.getPeerAddress().contains(":") != prefix.isV6()) {
                    continue;
                }
                SessionRef ref = SessionRef.newBuilder().setRouter(s.getRouterName()).setPeerAddress(s.getPeerAddress())
                        .build();
                if (s.getPeeringLocation().equalsIgnoreCase(primary)) {
                    b.addPrimarySessions(ref);
                } else if (backup != null && s.getPeeringLocation().equalsIgnoreCase(backup)) {
                    b.addBackupSessions(ref);
                }
            }
        }
        return b.build();
    }

    private void connect() {
        if (stopped) {
            return;
        }
        pool.preparedQuery("select last_sequence from change_cursor where owner = $1").execute(Tuple.of(OWNER))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L)
                .subscribe().with(from -> {
                    LOG.infof("Consuming telemetry-service's changes after sequence %d", from);
                    stream = upstreams.changes(from)
                            .onItem().transformToUniAndConcatenate(this::handle)
                            .subscribe().with(ok -> {
                            }, e -> reconnect("failed: " + e.getMessage()), () -> reconnect("ended"));
                }, e -> reconnect("cursor not read: " + e.getMessage()));
    }

    private void reconnect(String why) {
        if (stopped) {
            return;
        }
        if (!telemetryWasDown) {
            // telemetry-service went away: every prefix is validated once (it becomes Pending, never Failed), and
            // again when a push of the watch set succeeds (catching up)
            telemetryWasDown = true;
            dirty = true;
            validator.fullPass();
        }
        LOG.infof("telemetry-service's change stream %s; reconnecting", why);
        try {
            vertx.setTimer(config.watch().reconnectDelay().toMillis(), id -> connect());
        } catch (RuntimeException e) {
            // shutting down: Vert.x no longer takes timers
        }
    }

    /**
     * Stores the change on the prefixes it concerns, queues it for the webhooks of the prefixes' subscriptions and of
     * the partner whose session it was seen on, and advances the cursor, in one transaction.
     */
    public Uni<Void> handle(RouteChange change) {
        return owners.of(change.hasSession() ? change.getSession() : null)
                .chain(owner -> pool.withTransaction(tx -> tx.preparedQuery("select c.id, c.name, s.subscription_id,"
                        + " s.resource_group, s.name as peering_service from customer_prefix c join peering_service s"
                        + " on s.id = c.peering_service_id where c.prefix = $1::text::cidr")
                        .execute(Tuple.of(change.getWatchedPrefix())).chain(rows -> {
                            List<Long> ids = new ArrayList<>();
                            List<Row> prefixes = new ArrayList<>();
                            rows.forEach(r -> {
                                ids.add(r.getLong("id"));
                                prefixes.add(r);
                            });
                            Event e = event(change);
                            Uni<Void> insert = ids.isEmpty() ? Uni.createFrom().voidItem()
                                    : tx.preparedQuery("insert into prefix_event (customer_prefix_id, at, event_type,"
                                            + " event_level, summary, description, change_sequence) select id, $2, $3,"
                                            + " $4, $5, $6, $7 from unnest($1::bigint[]) as id on conflict"
                                            + " (customer_prefix_id, change_sequence) do nothing")
                                            .execute(Tuple.from(new Object[] { ids.toArray(Long[]::new), e.at(), e.type(),
                                                    e.level(), e.summary(), e.description(), change.getSequence() }))
                                            .replaceWithVoid();
                            for (Row r : prefixes) {
                                WebhookEvent we = e.forWebhook(WebhookEvent.customerPrefixId(
                                        r.getString("subscription_id"), r.getString("resource_group"),
                                        r.getString("peering_service"), r.getString("name")), change);
                                insert = insert.chain(() -> outbox.enqueue(tx, r.getString("subscription_id"), we))
                                        .replaceWithVoid();
                            }
                            if (owner != null) {
                                WebhookEvent we = e.forWebhook(WebhookEvent.peeringId(owner.subscriptionId(),
                                        owner.resourceGroup(), owner.peeringName()), change);
                                insert = insert.chain(() -> outbox.enqueue(tx, owner.subscriptionId(), we))
                                        .replaceWithVoid();
                            }
                            return insert.chain(() -> tx.preparedQuery("insert into change_cursor (owner, last_sequence)"
                                    + " values ($1, $2) on conflict (owner) do update set last_sequence = greatest("
                                    + "change_cursor.last_sequence, excluded.last_sequence), updated_at = now()")
                                    .execute(Tuple.of(OWNER, change.getSequence()))).replaceWith(ids);
                        })))
                .invoke(validator::request).replaceWithVoid();
    }

    /** A change as a prefix event (DOMAIN.md §4 fields). */
    record Event(String type, String level, java.time.OffsetDateTime at, String summary, String description) {

        WebhookEvent forWebhook(String resourceId, RouteChange change) {
            io.vertx.core.json.JsonObject data = new io.vertx.core.json.JsonObject().put("sequence", change.getSequence());
            if (!change.getRoutePrefix().isEmpty()) {
                data.put("routePrefix", change.getRoutePrefix());
            }
            if (!change.getAsPath().isEmpty()) {
                data.put("asPath", change.getAsPath());
            }
            if (change.getOriginAsn() != 0) {
                data.put("originAsn", change.getOriginAsn());
            }
            if (change.hasSession() && !change.getSession().getPeerAddress().isEmpty()) {
                data.put("session", new io.vertx.core.json.JsonObject().put("routerName", change.getSession().getRouter())
                        .put("peerAddress", change.getSession().getPeerAddress()));
            }
            if (change.getAnomalyId() != 0) {
                data.put("anomalyId", change.getAnomalyId()).put("anomalyType", change.getAnomalyType());
            }
            return new WebhookEvent(type, level, at, summary, description, resourceId, change.getWatchedPrefix(), data);
        }
    }

    static Event event(RouteChange change) {
        String type = change.getEventType();
        String summary = change.getSummary().isEmpty() ? type : change.getSummary();
        if (!change.getAnomalyType().isEmpty() && !summary.contains(change.getAnomalyType())) {
            summary = change.getAnomalyType() + ": " + summary;
        }
        String description = change.getDescription();
        if (change.hasSession() && !change.getSession().getPeerAddress().isEmpty()) {
            description = (description.isEmpty() ? "" : description + " ") + "(session "
                    + change.getSession().getPeerAddress() + " on router " + change.getSession().getRouter()
                    + (change.getAsPath().isEmpty() ? "" : ", AS path " + change.getAsPath()) + ")";
        }
        java.time.OffsetDateTime at;
        try {
            at = java.time.OffsetDateTime.parse(change.getAt());
        } catch (RuntimeException e) {
            at = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        }
        return new Event(type, change.getEventLevel().isEmpty() ? "Information" : change.getEventLevel(), at, summary,
                description);
    }
}

package org.openpeering.prefix.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.prefix.PrefixConfig;
import org.openpeering.prefix.Upstreams;
import org.openpeering.prefix.customer.CustomerPrefixes;
import org.openpeering.prefix.irr.IrrState;
import org.openpeering.prefix.peeringservice.PeeringServices;
import org.openpeering.prefix.webhook.WebhookEvent;
import org.openpeering.prefix.webhook.WebhookOutbox;
import org.openpeering.proto.partner.v1.PeeringSessions;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.ServiceSession;
import org.openpeering.proto.prefix.v1.PeeringService;
import org.openpeering.proto.prefix.v1.RegisteredPrefix;
import org.openpeering.proto.telemetry.v1.PrefixRoute;
import org.openpeering.proto.telemetry.v1.PrefixView;
import org.openpeering.proto.telemetry.v1.SessionPrefixView;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.service.PeeringConfig;
import org.openpeering.telemetry.protocol.Prefix;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs {@link ValidationEngine} on stored prefixes with what partner-service and telemetry-service report, and stores
 * the outcome (a {@code PrefixValidationStateChange} event when the state changes). Customer prefixes are validated
 * one at a time from a queue (on create, on telemetry's changes, on the retry and full timers), so two runs for one
 * prefix never race. A service that cannot answer makes the prefix Pending, never Failed.
 */
@ApplicationScoped
public class Validator {

    private static final Logger LOG = Logger.getLogger(Validator.class);

    private final Pool pool;
    private final WebhookOutbox outbox;
    private final Upstreams upstreams;
    private final IrrState irr;
    private final PrefixConfig config;
    private final CustomerPrefixes prefixes;
    private final Vertx vertx;
    private final String community;
    private final ValidationEngine.Irr irrView;

    private final Set<Long> queue = new LinkedHashSet<>();
    private boolean draining;
    private final List<Runnable> fullPassListeners = new ArrayList<>();

    public Validator(Pool pool, Upstreams upstreams, IrrState irr, PrefixConfig config, PeeringConfig peering,
            CustomerPrefixes prefixes, Vertx vertx, WebhookOutbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
        this.upstreams = upstreams;
        this.irr = irr;
        this.config = config;
        this.prefixes = prefixes;
        this.vertx = vertx;
        this.community = config.peeringServiceCommunity().filter(c -> !c.isBlank())
                .orElse(peering.operatorAsn() <= 65535 ? peering.operatorAsn() + ":8007" : peering.operatorAsn() + ":8007:0");
        this.irrView = new ValidationEngine.Irr() {
            @Override
            public boolean applies() {
                return irr.configured();
            }

            @Override
            public Set<Long> origins(Prefix prefix) {
                return irr.origins(prefix);
            }
        };
    }

    private final List<Long> timers = new ArrayList<>();
    private volatile boolean stopped;

    void start(@Observes StartupEvent event) {
        timers.add(vertx.setPeriodic(config.validation().retryInterval().toMillis(), id -> retryPending()));
        timers.add(vertx.setPeriodic(config.validation().fullInterval().toMillis(), id -> fullPass()));
        // a restart validates everything once: the other services may have changed meanwhile
        timers.add(vertx.setTimer(1000, id -> fullPass()));
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }

    /**
     * partner-service's answers are reused for {@link #ANSWER_TTL_NANOS}: a full pass over many prefixes of few
     * providers (or peerings) asks once per provider, not once per prefix. Failures are not kept.
     */
    static final long ANSWER_TTL_NANOS = 2_000_000_000L;

    private record Answer<T>(T value, long at) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Answer<ProviderSessions>> providers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Answer<PeeringSessions>> peerings =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Uni<ProviderSessions> provider(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Answer<ProviderSessions> a = providers.get(key);
        if (a != null && System.nanoTime() - a.at() < ANSWER_TTL_NANOS) {
            return Uni.createFrom().item(a.value());
        }
        return upstreams.provider(name).invoke(p -> providers.put(key, new Answer<>(p, System.nanoTime())));
    }

    private Uni<PeeringSessions> peering(String subscriptionId, String resourceGroup, String name) {
        String key = subscriptionId + "|" + resourceGroup.toLowerCase(java.util.Locale.ROOT) + "|"
                + name.toLowerCase(java.util.Locale.ROOT);
        Answer<PeeringSessions> a = peerings.get(key);
        if (a != null && System.nanoTime() - a.at() < ANSWER_TTL_NANOS) {
            return Uni.createFrom().item(a.value());
        }
        return upstreams.peering(subscriptionId, resourceGroup, name)
                .invoke(p -> peerings.put(key, new Answer<>(p, System.nanoTime())));
    }

    /** Called on every full pass (the watch set is refreshed with it). */
    public void onFullPass(Runnable listener) {
        fullPassListeners.add(listener);
    }

    /** Queues customer prefixes for validation. */
    public void request(Collection<Long> ids) {
        synchronized (queue) {
            queue.addAll(ids);
            if (draining) {
                return;
            }
            draining = true;
        }
        drain();
    }

    private void drain() {
        Long next;
        synchronized (queue) {
            if (queue.isEmpty() || stopped) {
                draining = false;
                return;
            }
            next = queue.iterator().next();
            queue.remove(next);
        }
        validateCustomer(next).subscribe().with(ok -> drain(), e -> {
            LOG.warnf("Validation of customer prefix %d failed: %s", next, e.toString());
            drain();
        });
    }

    void retryPending() {
        if (stopped) {
            return;
        }
        prefixes.idsInState(ValidationEngine.PENDING).subscribe().with(this::request,
                e -> LOG.debugf("Pending prefixes not listed: %s", e.toString()));
        pendingRegistered().subscribe().with(ok -> {
        }, e -> LOG.debugf("Pending registered prefixes not validated: %s", e.toString()));
    }

    public void fullPass() {
        if (stopped) {
            return;
        }
        prefixes.all().subscribe().with(all -> request(all.stream().map(CustomerPrefixes.Stored::id).toList()),
                e -> LOG.debugf("Prefixes not listed: %s", e.toString()));
        allRegistered().subscribe().with(ok -> {
        }, e -> LOG.debugf("Registered prefixes not validated: %s", e.toString()));
        fullPassListeners.forEach(Runnable::run);
    }

    private Uni<Void> pendingRegistered() {
        return registeredWhere("validation_state = 'Pending'");
    }

    private Uni<Void> allRegistered() {
        return registeredWhere("true");
    }

    private Uni<Void> registeredWhere(String where) {
        return pool.query("select subscription_id, resource_group, peering_name, name from registered_prefix where "
                + where + " order by id").execute().chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var r : rows) {
                        String s = r.getString(0);
                        String g = r.getString(1);
                        String p = r.getString(2);
                        String n = r.getString(3);
                        chain = chain.chain(() -> validateRegistered(s, g, p, n).replaceWithVoid()
                                .onFailure().recoverWithNull().replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** Validates one customer prefix now and stores the outcome. */
    public Uni<Void> validateCustomer(long id) {
        return prefixes.byId(id).chain(stored -> {
            if (stored == null) {
                return Uni.createFrom().voidItem();
            }
            return PeeringServices.find(pool, stored.value().getSubscriptionId(), stored.value().getResourceGroup(),
                    stored.value().getPeeringServiceName(), false)
                    .chain(ps -> evaluateCustomer(Prefix.parse(stored.value().getPrefix()), ps.value())
                            .onFailure().recoverWithItem(e -> {
                                LOG.infof("Prefix %s stays Pending: %s", stored.value().getPrefix(), e.getMessage());
                                return new ValidationEngine.Outcome(ValidationEngine.PENDING, null,
                                        stored.value().getLearnedType());
                            }))
                    .chain(outcome -> store(id, outcome));
        });
    }

    Uni<ValidationEngine.Outcome> evaluateCustomer(Prefix prefix, PeeringService ps) {
        return provider(ps.getPeeringServiceProvider()).chain(provider -> {
            String primaryLocation = ps.getProviderPrimaryPeeringLocation();
            String backupLocation = ps.getProviderBackupPeeringLocation().isBlank() ? null
                    : ps.getProviderBackupPeeringLocation();
            if (!provider.getProvider()) {
                return Uni.createFrom().item(ValidationEngine.customer(new ValidationEngine.CustomerInput(prefix, false,
                        ps.getPeeringServiceProvider(), primaryLocation, List.of(), backupLocation, List.of(), community,
                        irrView)));
            }
            List<ServiceSession> primary = at(provider, primaryLocation, prefix);
            List<ServiceSession> backup = backupLocation == null ? List.of() : at(provider, backupLocation, prefix);
            List<ServiceSession> all = new ArrayList<>(primary);
            all.addAll(backup);
            return view(prefix, all).map(views -> ValidationEngine.customer(new ValidationEngine.CustomerInput(prefix,
                    true, provider.getName(), primaryLocation, sessions(primary, views), backupLocation,
                    sessions(backup, views), community, irrView)));
        });
    }

    private static List<ServiceSession> at(ProviderSessions provider, String location, Prefix prefix) {
        return provider.getSessionsList().stream().filter(s -> s.getPeeringLocation().equalsIgnoreCase(location)
                && s.getPeerAddress().contains(":") == prefix.isV6()).toList();
    }

    private Uni<Map<String, SessionPrefixView>> view(Prefix prefix, List<ServiceSession> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<SessionRef> refs = sessions.stream().map(s -> SessionRef.newBuilder().setRouter(s.getRouterName())
                .setPeerAddress(s.getPeerAddress()).build()).toList();
        return upstreams.prefixView(prefix.toString(), refs).map((PrefixView v) -> {
            Map<String, SessionPrefixView> out = new HashMap<>();
            v.getSessionsList().forEach(s -> out.put(s.getSession().getRouter() + "|" + s.getSession().getPeerAddress(), s));
            return out;
        });
    }

    private static List<ValidationEngine.Session> sessions(List<ServiceSession> sessions,
            Map<String, SessionPrefixView> views) {
        List<ValidationEngine.Session> out = new ArrayList<>();
        for (ServiceSession s : sessions) {
            SessionPrefixView v = views.get(s.getRouterName() + "|" + s.getPeerAddress());
            List<ValidationEngine.Route> routes = new ArrayList<>();
            if (v != null) {
                for (PrefixRoute r : v.getRoutesList()) {
                    routes.add(new ValidationEngine.Route(r.getAsPathList(), r.getOriginAsn(), r.getCommunitiesList(),
                            r.getRpkiState(), r.getCoveringVrpsList()));
                }
            }
            out.add(new ValidationEngine.Session(s.getPeeringLocation(), s.getRouterName(), s.getPeerAddress(),
                    v != null && v.getKnown(), v != null && v.getTableComplete(), routes));
        }
        return out;
    }

    private Uni<Void> store(long id, ValidationEngine.Outcome outcome) {
        return pool.withTransaction(tx -> tx.preparedQuery("select c.validation_state, c.learned_type, c.error_message,"
                + " c.prefix::text as prefix, c.name, s.subscription_id, s.resource_group, s.name as peering_service"
                + " from customer_prefix c join peering_service s on s.id = c.peering_service_id where c.id = $1"
                + " for update of c").execute(Tuple.of(id)).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = rows.iterator().next();
                    String old = row.getString("validation_state");
                    boolean changed = !old.equals(outcome.state())
                            || !row.getString("learned_type").equals(outcome.learnedType())
                            || !Objects.equals(row.getString("error_message"), outcome.message());
                    Uni<Void> update = tx.preparedQuery("update customer_prefix set validation_state = $2,"
                            + " learned_type = $3, error_message = $4, validated_at = now(),"
                            + " version = version + $5 where id = $1")
                            .execute(Tuple.of(id, outcome.state(), outcome.learnedType(), outcome.message(),
                                    changed ? 1 : 0))
                            .replaceWithVoid();
                    if (old.equals(outcome.state())) {
                        return update;
                    }
                    String subscription = row.getString("subscription_id");
                    WebhookEvent event = stateChange(old, outcome, WebhookEvent.customerPrefixId(subscription,
                            row.getString("resource_group"), row.getString("peering_service"), row.getString("name")),
                            row.getString("prefix"));
                    event.data().put("learnedType", outcome.learnedType());
                    return update.chain(() -> tx.preparedQuery("insert into prefix_event (customer_prefix_id, at,"
                            + " event_type, event_level, summary, description) values ($1, $2,"
                            + " 'PrefixValidationStateChange', $3, $4, $5)").execute(Tuple.of(id, event.at(),
                                    event.level(), event.summary(), event.description())))
                            .chain(() -> outbox.enqueue(tx, subscription, event))
                            .replaceWithVoid();
                }));
    }

    /**
     * A validation state change as an event (DOMAIN.md §4): Warning when the prefix turns Failed, Invalid or Warning,
     * else Information; the evidence as its description.
     */
    static WebhookEvent stateChange(String from, ValidationEngine.Outcome outcome, String resourceId, String prefix) {
        String level = switch (outcome.state()) {
            case ValidationEngine.FAILED, ValidationEngine.INVALID, ValidationEngine.WARNING -> "Warning";
            default -> "Information";
        };
        return new WebhookEvent("PrefixValidationStateChange", level,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC),
                "Validation state changed from " + from + " to " + outcome.state(),
                outcome.message() == null ? "" : outcome.message(), resourceId, prefix,
                new io.vertx.core.json.JsonObject().put("from", from).put("to", outcome.state()));
    }

    /** Validates one registered prefix against its peering's sessions now, stores and returns it (null: none). */
    public Uni<RegisteredPrefix> validateRegistered(String subscriptionId, String resourceGroup, String peering,
            String name) {
        return org.openpeering.prefix.registration.Registrations.find(pool, subscriptionId, resourceGroup, peering, name)
                .chain(registered -> {
                    if (registered == null) {
                        return Uni.createFrom().nullItem();
                    }
                    Prefix prefix = Prefix.parse(registered.getPrefix());
                    return peering(subscriptionId, resourceGroup, peering).chain(p -> {
                        List<ServiceSession> sessions = p.getSessionsList().stream()
                                .filter(s -> s.getPeerAddress().contains(":") == prefix.isV6()).toList();
                        return view(prefix, sessions).map(views -> ValidationEngine.partner(prefix,
                                sessions(sessions, views), community, irrView));
                    }).onFailure().recoverWithItem(e -> {
                        LOG.infof("Registered prefix %s stays Pending: %s", prefix, e.getMessage());
                        return new ValidationEngine.Outcome(ValidationEngine.PENDING, null, "None");
                    }).chain(outcome -> pool.withTransaction(tx -> tx.preparedQuery("with old as (select id,"
                            + " validation_state from registered_prefix where subscription_id = $1 and"
                            + " resource_group_key = $2 and peering_key = $3 and name_key = $4 for update)"
                            + " update registered_prefix r set validation_state = $5, error_message = $6,"
                            + " validated_at = now(), version = r.version + case when r.validation_state is distinct"
                            + " from $5 or r.error_message is distinct from $6 then 1 else 0 end from old"
                            + " where r.id = old.id returning old.validation_state as before, r.resource_group,"
                            + " r.peering_name, r.name, r.prefix::text as prefix").execute(Tuple.from(new Object[] {
                                    subscriptionId, org.openpeering.prefix.Sql.key(resourceGroup),
                                    org.openpeering.prefix.Sql.key(peering), org.openpeering.prefix.Sql.key(name),
                                    outcome.state(), outcome.message() }))
                            .chain(rows -> {
                                if (!rows.iterator().hasNext()) {
                                    return Uni.createFrom().voidItem();
                                }
                                var row = rows.iterator().next();
                                String before = row.getString("before");
                                if (before.equals(outcome.state())) {
                                    return Uni.createFrom().voidItem();
                                }
                                // the partner's webhooks hear of its registered prefix's new state
                                WebhookEvent event = stateChange(before, outcome, WebhookEvent.peeringId(subscriptionId,
                                        row.getString("resource_group"), row.getString("peering_name"))
                                        + "/registeredPrefixes/" + row.getString("name"), row.getString("prefix"));
                                return outbox.enqueue(tx, subscriptionId, event).replaceWithVoid();
                            })))
                            .chain(() -> org.openpeering.prefix.registration.Registrations.find(pool, subscriptionId,
                                    resourceGroup, peering, name));
                });
    }
}

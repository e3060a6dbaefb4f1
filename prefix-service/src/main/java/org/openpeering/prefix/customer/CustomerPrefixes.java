package org.openpeering.prefix.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.prefix.Page;
import org.openpeering.prefix.Sql;
import org.openpeering.prefix.Upstreams;
import org.openpeering.prefix.peeringservice.PeeringServiceGrpcService;
import org.openpeering.prefix.peeringservice.PeeringServices;
import org.openpeering.prefix.validation.PrefixRules;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.ServiceSession;
import org.openpeering.proto.prefix.v1.CustomerPrefix;
import org.openpeering.proto.prefix.v1.PrefixEvent;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.service.Preconditions;
import org.openpeering.telemetry.protocol.Prefix;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Customer prefixes (DOMAIN.md §2): a public canonical prefix, a key that matches a registration of the chosen
 * provider, no overlap with another activated prefix (an exclusion constraint, so two customers cannot race), and
 * {@code prefix} and key immutable. The events stored with each prefix are read here too.
 */
@ApplicationScoped
public class CustomerPrefixes {

    public static final String KEY_MISMATCH = "The peering service prefix key doesn't match a prefix or ASN registered"
            + " by the provider.";
    public static final String OVERLAP = "Prefix overlaps with an existing prefix, contact Peering Service provider";
    static final int EXPANDED_EVENTS = 100;

    /** A stored prefix with the ids validation and watching need. */
    public record Stored(long id, long peeringServiceId, CustomerPrefix value) {
    }

    static final String COLUMNS = "c.id, c.peering_service_id, s.subscription_id, s.resource_group, s.name as ps_name,"
            + " c.name, c.prefix::text as prefix, c.prefix_key::text as prefix_key, c.allowed_origins,"
            + " c.validation_state, c.learned_type, c.error_message, c.version";
    static final String FROM = " from customer_prefix c join peering_service s on s.id = c.peering_service_id";

    private final Pool pool;
    private final PeeringConfig config;
    private final Upstreams upstreams;

    public CustomerPrefixes(Pool pool, PeeringConfig config, Upstreams upstreams) {
        this.pool = pool;
        this.config = config;
        this.upstreams = upstreams;
    }

    public Uni<Map.Entry<Stored, Boolean>> put(CustomerPrefix in, Precondition precondition) {
        Prefix prefix = PrefixRules.publicPrefix(in.getPrefix(), config.allowDocumentationResources(),
                "properties.prefix");
        String keyText = in.getPeeringServicePrefixKey().trim();
        if (keyText.isEmpty()) {
            throw DomainException.badArgument("properties.peeringServicePrefixKey",
                    "The peeringServicePrefixKey is required: the key the provider gave for the prefix.");
        }
        UUID key;
        try {
            key = UUID.fromString(keyText);
        } catch (IllegalArgumentException e) {
            throw DomainException.badArgument("properties.peeringServicePrefixKey", KEY_MISMATCH);
        }
        for (long asn : in.getAllowedOriginAsnsList()) {
            if (asn < 1 || asn > 4294967295L) {
                throw DomainException.badArgument("properties.allowedOriginAsns", "Allowed origins are AS numbers from"
                        + " 1 to 4294967295; " + asn + " is not.");
            }
        }
        // the checks that need other services run before the transaction (no lock is held across a remote call)
        return PeeringServices.find(pool, in.getSubscriptionId(), in.getResourceGroup(), in.getPeeringServiceName(), false)
                .chain(ps -> {
                    if (ps == null) {
                        throw PeeringServiceGrpcService.notFound(in.getPeeringServiceName(), in.getResourceGroup());
                    }
                    return find(pool, in.getSubscriptionId(), in.getResourceGroup(), in.getPeeringServiceName(),
                            in.getName(), false).chain(existing -> {
                                if (existing != null) {
                                    immutable(existing.value(), prefix, key);
                                    return Uni.createFrom().item(ps.id());
                                }
                                return upstreams.provider(ps.value().getPeeringServiceProvider())
                                        .chain(provider -> matchKey(prefix, key, provider)).replaceWith(ps.id());
                            });
                })
                .chain(psId -> pool.withTransaction(tx -> find(tx, in.getSubscriptionId(), in.getResourceGroup(),
                        in.getPeeringServiceName(), in.getName(), true).chain(existing -> {
                            Preconditions.check(precondition, existing == null ? null : existing.value().getVersion());
                            if (existing != null) {
                                immutable(existing.value(), prefix, key);
                                return tx.preparedQuery("update customer_prefix set allowed_origins = $2,"
                                        + " version = version + 1 where id = $1")
                                        .execute(Tuple.of(existing.id(), (Object) allowed(in)))
                                        .replaceWith(false);
                            }
                            return tx.preparedQuery("insert into customer_prefix (peering_service_id, name, name_key,"
                                    + " prefix, prefix_key, allowed_origins, version) values ($1, $2, $3, $4::text::cidr, $5,"
                                    + " $6, 1)").execute(Tuple.of(psId, in.getName(), Sql.key(in.getName()),
                                            prefix.toString(), key, (Object) allowed(in)))
                                    .onFailure(e -> Sql.violates(e, "customer_prefix_overlap_ex"))
                                    .transform(e -> new DomainException(org.openpeering.common.ArmCode.CONFLICT, OVERLAP,
                                            "properties.prefix"))
                                    .replaceWith(true);
                        }).chain(created -> find(tx, in.getSubscriptionId(), in.getResourceGroup(),
                                in.getPeeringServiceName(), in.getName(), false).map(s -> Map.entry(s, created)))));
    }

    private static Long[] allowed(CustomerPrefix in) {
        return in.getAllowedOriginAsnsList().stream().distinct().sorted().toArray(Long[]::new);
    }

    private static void immutable(CustomerPrefix existing, Prefix prefix, UUID key) {
        if (!existing.getPrefix().equals(prefix.toString())) {
            throw DomainException.badArgument("properties.prefix", "The prefix of a customer prefix cannot change (it is "
                    + existing.getPrefix() + "); delete it and create the new one.");
        }
        if (!existing.getPeeringServicePrefixKey().equalsIgnoreCase(key.toString())) {
            throw DomainException.badArgument("properties.peeringServicePrefixKey", "The peeringServicePrefixKey of a"
                    + " customer prefix cannot change; delete it and create it again with the new key.");
        }
    }

    /**
     * The key must be a registration of the provider: a registered prefix equal to or covering the prefix, or a
     * registered ASN that originates the prefix in the routes the provider's sessions deliver.
     */
    private Uni<Void> matchKey(Prefix prefix, UUID key, ProviderSessions provider) {
        if (!provider.getProvider()) {
            throw DomainException.badArgument("properties.peeringServicePrefixKey", KEY_MISMATCH);
        }
        Long[] asns = provider.getPeerAsnsList().toArray(Long[]::new);
        return pool.preparedQuery("select 1 from registered_prefix where prefix_key = $1 and prefix >>= $2::text::cidr"
                + " and peer_asn = any($3)").execute(Tuple.of(key, prefix.toString(), (Object) asns)).chain(rows -> {
                    if (rows.iterator().hasNext()) {
                        return Uni.createFrom().voidItem();
                    }
                    return pool.preparedQuery("select asn from registered_asn where prefix_key = $1 and peer_asn = any($2)")
                            .execute(Tuple.of(key, (Object) asns)).chain(asnRows -> {
                                if (!asnRows.iterator().hasNext()) {
                                    throw DomainException.badArgument("properties.peeringServicePrefixKey", KEY_MISMATCH);
                                }
                                long registered = asnRows.iterator().next().getLong("asn");
                                List<SessionRef> sessions = new ArrayList<>();
                                for (ServiceSession s : provider.getSessionsList()) {
                                    if (s.getPeerAddress().contains(":") == prefix.isV6()) {
                                        sessions.add(SessionRef.newBuilder().setRouter(s.getRouterName())
                                                .setPeerAddress(s.getPeerAddress()).build());
                                    }
                                }
                                return upstreams.prefixView(prefix.toString(), sessions).map(view -> {
                                    boolean originated = view.getSessionsList().stream()
                                            .flatMap(v -> v.getRoutesList().stream())
                                            .anyMatch(r -> r.getOriginAsn() == registered);
                                    if (!originated) {
                                        throw DomainException.badArgument("properties.peeringServicePrefixKey",
                                                KEY_MISMATCH);
                                    }
                                    return null;
                                });
                            });
                });
    }

    /** A prefix's events, newest first, after {@code before} ("at|id"); null when the prefix does not exist. */
    public Uni<List<PrefixEvent>> events(String subscriptionId, String resourceGroup, String peeringService, String name,
            String before, int limit) {
        return find(pool, subscriptionId, resourceGroup, peeringService, name, false)
                .chain(stored -> stored == null ? Uni.createFrom().<List<PrefixEvent>>nullItem() : events(stored.id(), before, limit));
    }

    public static Uni<Stored> find(SqlClient client, String subscriptionId, String resourceGroup, String peeringService,
            String name, boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + FROM + " where s.subscription_id = $1 and"
                + " s.resource_group_key = $2 and s.name_key = $3 and c.name_key = $4"
                + (forUpdate ? " for update of c" : ""))
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(peeringService), Sql.key(name)))
                .map(rows -> rows.iterator().hasNext() ? toStored(rows.iterator().next()) : null);
    }

    public Uni<CustomerPrefix> get(String subscriptionId, String resourceGroup, String peeringService, String name,
            boolean withEvents) {
        return find(pool, subscriptionId, resourceGroup, peeringService, name, false).chain(s -> {
            if (s == null || !withEvents) {
                return Uni.createFrom().item(s == null ? null : s.value());
            }
            return events(s.id(), null, EXPANDED_EVENTS).map(events -> s.value().toBuilder().addAllEvents(events).build());
        });
    }

    public Uni<Stored> byId(long id) {
        return pool.preparedQuery("select " + COLUMNS + FROM + " where c.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? toStored(rows.iterator().next()) : null);
    }

    /** Every activated prefix (for watching and full re-validation). */
    public Uni<List<Stored>> all() {
        return pool.query("select " + COLUMNS + FROM + " order by c.id").execute().map(rows -> {
            List<Stored> out = new ArrayList<>();
            rows.forEach(r -> out.add(toStored(r)));
            return out;
        });
    }

    /** Ids of the prefixes in a validation state. */
    public Uni<List<Long>> idsInState(String state) {
        return pool.preparedQuery("select id from customer_prefix where validation_state = $1 order by id")
                .execute(Tuple.of(state)).map(rows -> {
                    List<Long> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getLong("id")));
                    return out;
                });
    }

    public Uni<Boolean> delete(String subscriptionId, String resourceGroup, String peeringService, String name,
            Precondition precondition) {
        return pool.withTransaction(tx -> find(tx, subscriptionId, resourceGroup, peeringService, name, true)
                .chain(existing -> {
                    Preconditions.check(precondition, existing == null ? null : existing.value().getVersion());
                    if (existing == null) {
                        return Uni.createFrom().item(false);
                    }
                    return tx.preparedQuery("delete from customer_prefix where id = $1").execute(Tuple.of(existing.id()))
                            .replaceWith(true);
                }));
    }

    public Uni<Page<CustomerPrefix>> list(String subscriptionId, String resourceGroup, String peeringService,
            String after, int requestedSize, boolean withEvents) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        return PeeringServices.find(pool, subscriptionId, resourceGroup, peeringService, false).chain(ps -> {
            if (ps == null) {
                throw PeeringServiceGrpcService.notFound(peeringService, resourceGroup);
            }
            return pool.preparedQuery("select " + COLUMNS + FROM + " where c.peering_service_id = $1 and c.name_key > $2"
                    + " order by c.name_key limit $3").execute(Tuple.of(ps.id(), after == null ? "" : after, size + 1));
        }).chain(rows -> {
            List<Stored> items = new ArrayList<>();
            rows.forEach(r -> items.add(toStored(r)));
            String next = items.size() > size ? Sql.key(items.get(size - 1).value().getName()) : null;
            List<Stored> page = items.size() > size ? items.subList(0, size) : items;
            if (!withEvents) {
                return Uni.createFrom().item(new Page<>(page.stream().map(Stored::value).toList(), next));
            }
            List<Uni<CustomerPrefix>> expanded = page.stream().map(s -> events(s.id(), null, EXPANDED_EVENTS)
                    .map(e -> s.value().toBuilder().addAllEvents(e).build())).toList();
            return expanded.isEmpty() ? Uni.createFrom().item(new Page<CustomerPrefix>(List.of(), next))
                    : Uni.join().all(expanded).andFailFast().map(list -> new Page<>(list, next));
        });
    }

    /** Newest first; {@code before} is "at|id" of the last event seen. */
    public Uni<List<PrefixEvent>> events(long prefixId, String before, int limit) {
        String where = "customer_prefix_id = $1";
        Tuple args = Tuple.of(prefixId, limit);
        if (before != null) {
            int bar = before.indexOf('|');
            try {
                args = Tuple.of(prefixId, limit, java.time.OffsetDateTime.parse(before.substring(0, bar)),
                        Long.parseLong(before.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw DomainException.badArgument("$skipToken", "The $skipToken is not valid.");
            }
            where += " and (at, id) < ($3, $4)";
        }
        return pool.preparedQuery("select id, at, event_type, event_level, summary, description from prefix_event where "
                + where + " order by at desc, id desc limit $2").execute(args).map(rows -> {
                    List<PrefixEvent> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(PrefixEvent.newBuilder().setId(r.getLong("id"))
                                .setEventTimestamp(Sql.at(r.getOffsetDateTime("at")))
                                .setEventType(r.getString("event_type")).setEventLevel(r.getString("event_level"))
                                .setEventSummary(r.getString("summary"))
                                .setEventDescription(r.getString("description")).build());
                    }
                    return out;
                });
    }

    static Stored toStored(Row r) {
        CustomerPrefix.Builder b = CustomerPrefix.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                .setResourceGroup(r.getString("resource_group")).setPeeringServiceName(r.getString("ps_name"))
                .setName(r.getString("name")).setPrefix(r.getString("prefix"))
                .setPeeringServicePrefixKey(r.getString("prefix_key"))
                .setPrefixValidationState(r.getString("validation_state")).setLearnedType(r.getString("learned_type"))
                .setVersion(r.getLong("version"));
        if (r.getString("error_message") != null) {
            b.setErrorMessage(r.getString("error_message"));
        }
        Long[] allowed = r.getArrayOfLongs("allowed_origins");
        if (allowed != null) {
            for (Long a : allowed) {
                b.addAllowedOriginAsns(a);
            }
        }
        return new Stored(r.getLong("id"), r.getLong("peering_service_id"), b.build());
    }
}

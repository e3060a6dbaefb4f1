package org.openpeering.prefix.peeringservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.prefix.Page;
import org.openpeering.prefix.Sql;
import org.openpeering.prefix.Upstreams;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.prefix.v1.PeeringService;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.service.Preconditions;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Customer peering services (DOMAIN.md §2): the provider must be a Peering Service provider, the primary (and optional
 * backup) location ones it can serve as such, the customer location one of the catalogue's. Plain SQL.
 */
@ApplicationScoped
public class PeeringServices {

    /** A stored peering service with its row id. */
    public record Stored(long id, PeeringService value) {
    }

    private static final String COLUMNS = "id, subscription_id, resource_group, name, location, sku_name,"
            + " peering_service_location, peering_service_provider, provider_primary_peering_location,"
            + " provider_backup_peering_location, version, (select coalesce(jsonb_object_agg(t.tag_key, t.tag_value),"
            + " '{}'::jsonb)::text from peering_service_tag t where t.peering_service_id = peering_service.id) as tags";

    private final Pool pool;
    private final PeeringConfig config;
    private final Upstreams upstreams;

    public PeeringServices(Pool pool, PeeringConfig config, Upstreams upstreams) {
        this.pool = pool;
        this.config = config;
        this.upstreams = upstreams;
    }

    public static Uni<Stored> find(SqlClient client, String subscriptionId, String resourceGroup, String name,
            boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + " from peering_service where subscription_id = $1"
                + " and resource_group_key = $2 and name_key = $3" + (forUpdate ? " for update" : ""))
                .execute(Tuple.of(subscriptionId, Sql.key(resourceGroup), Sql.key(name)))
                .map(rows -> rows.iterator().hasNext() ? toStored(rows.iterator().next()) : null);
    }

    public Uni<PeeringService> get(String subscriptionId, String resourceGroup, String name) {
        return find(pool, subscriptionId, resourceGroup, name, false).map(s -> s == null ? null : s.value());
    }

    /** Creates or replaces; the boolean of the result says whether it was created. */
    public Uni<Map.Entry<PeeringService, Boolean>> put(PeeringService in, Precondition precondition) {
        PeeringServiceRules.checkShape(in);
        return upstreams.provider(in.getPeeringServiceProvider())
                .chain(provider -> upstreams.serviceLocations().map(locations -> {
                    PeeringServiceRules.checkAgainst(in, provider, locations);
                    return provider;
                }))
                .chain(provider -> pool.withTransaction(tx -> find(tx, in.getSubscriptionId(), in.getResourceGroup(),
                        in.getName(), true).chain(existing -> {
                            Preconditions.check(precondition, existing == null ? null : existing.value().getVersion());
                            if (existing != null && !existing.value().getLocation().equalsIgnoreCase(in.getLocation())) {
                                throw DomainException.badArgument("location", "The location of a peering service"
                                        + " cannot change (it is '" + existing.value().getLocation() + "').");
                            }
                            return existing == null ? insert(tx, in) : update(tx, existing, in);
                        }).chain(created -> find(tx, in.getSubscriptionId(), in.getResourceGroup(), in.getName(), false)
                                .map(s -> Map.entry(s.value(), created)))));
    }

    private Uni<Boolean> insert(SqlClient tx, PeeringService in) {
        return tx.preparedQuery("insert into peering_service (subscription_id, resource_group, resource_group_key, name,"
                + " name_key, location, sku_name, peering_service_location, peering_service_provider,"
                + " provider_primary_peering_location, provider_backup_peering_location, version)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) returning id")
                .execute(Tuple.from(new Object[] { in.getSubscriptionId(), in.getResourceGroup(),
                        Sql.key(in.getResourceGroup()), in.getName(), Sql.key(in.getName()), in.getLocation(),
                        blankNull(in.getSkuName()), in.getPeeringServiceLocation(), in.getPeeringServiceProvider(),
                        in.getProviderPrimaryPeeringLocation(), blankNull(in.getProviderBackupPeeringLocation()) }))
                .chain(rows -> tags(tx, rows.iterator().next().getLong("id"), in.getTagsMap())).replaceWith(true);
    }

    private Uni<Boolean> update(SqlClient tx, Stored existing, PeeringService in) {
        return tx.preparedQuery("update peering_service set sku_name = $2, peering_service_location = $3,"
                + " peering_service_provider = $4, provider_primary_peering_location = $5,"
                + " provider_backup_peering_location = $6, version = version + 1, updated_at = now() where id = $1")
                .execute(Tuple.from(new Object[] { existing.id(), blankNull(in.getSkuName()),
                        in.getPeeringServiceLocation(), in.getPeeringServiceProvider(),
                        in.getProviderPrimaryPeeringLocation(), blankNull(in.getProviderBackupPeeringLocation()) }))
                .chain(() -> tags(tx, existing.id(), in.getTagsMap())).replaceWith(false);
    }

    private static Uni<Void> tags(SqlClient tx, long id, Map<String, String> tags) {
        return tx.preparedQuery("delete from peering_service_tag where peering_service_id = $1").execute(Tuple.of(id))
                .chain(() -> tags.isEmpty() ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into peering_service_tag (peering_service_id, tag_key, tag_value)"
                                + " select $1, k, v from unnest($2::text[], $3::text[]) as t(k, v)")
                                .execute(Tuple.of(id, (Object) tags.keySet().toArray(String[]::new),
                                        (Object) tags.values().toArray(String[]::new)))
                                .replaceWithVoid());
    }

    public Uni<PeeringService> updateTags(String subscriptionId, String resourceGroup, String name,
            Map<String, String> tags, Precondition precondition) {
        PeeringServiceRules.checkTags(tags);
        return pool.withTransaction(tx -> find(tx, subscriptionId, resourceGroup, name, true).chain(existing -> {
            Preconditions.check(precondition, existing == null ? null : existing.value().getVersion());
            if (existing == null) {
                return Uni.createFrom().<PeeringService>nullItem();
            }
            return tags(tx, existing.id(), tags)
                    .chain(() -> tx.preparedQuery("update peering_service set version = version + 1, updated_at = now()"
                            + " where id = $1").execute(Tuple.of(existing.id())))
                    .chain(() -> find(tx, subscriptionId, resourceGroup, name, false)).map(Stored::value);
        }));
    }

    /** False when it did not exist; 409 while it holds prefixes. */
    public Uni<Boolean> delete(String subscriptionId, String resourceGroup, String name, Precondition precondition) {
        return pool.withTransaction(tx -> find(tx, subscriptionId, resourceGroup, name, true).chain(existing -> {
            Preconditions.check(precondition, existing == null ? null : existing.value().getVersion());
            if (existing == null) {
                return Uni.createFrom().item(false);
            }
            return tx.preparedQuery("select name from customer_prefix where peering_service_id = $1 order by name_key")
                    .execute(Tuple.of(existing.id())).chain(rows -> {
                        List<String> prefixes = new ArrayList<>();
                        rows.forEach(r -> prefixes.add(r.getString("name")));
                        if (!prefixes.isEmpty()) {
                            throw DomainException.conflict("The peering service '" + existing.value().getName()
                                    + "' has prefixes; delete them first: " + String.join(", ", prefixes) + ".");
                        }
                        return tx.preparedQuery("delete from peering_service where id = $1")
                                .execute(Tuple.of(existing.id())).replaceWith(true);
                    });
        }));
    }

    /** {@code position} is "resourceGroupKey/nameKey" of the last item seen, or null for the first page. */
    public Uni<Page<PeeringService>> list(String subscriptionId, String resourceGroup, String position, int requestedSize) {
        int size = PageTokens.size(requestedSize, config.pageSize());
        String afterGroup = "";
        String afterName = "";
        if (position != null) {
            int slash = position.indexOf('/');
            afterGroup = slash < 0 ? position : position.substring(0, slash);
            afterName = slash < 0 ? "" : position.substring(slash + 1);
        }
        List<Object> args = new ArrayList<>(List.of(subscriptionId, afterGroup, afterName));
        String where = "subscription_id = $1 and (resource_group_key, name_key) > ($2, $3)";
        if (resourceGroup != null && !resourceGroup.isEmpty()) {
            args.add(Sql.key(resourceGroup));
            where += " and resource_group_key = $4";
        }
        args.add(size + 1);
        return pool.preparedQuery("select " + COLUMNS + " from peering_service where " + where
                + " order by resource_group_key, name_key limit $" + args.size()).execute(Tuple.from(args)).map(rows -> {
                    List<PeeringService> items = new ArrayList<>();
                    rows.forEach(r -> items.add(toStored(r).value()));
                    return Page.of(items, size, last -> Sql.key(last.getResourceGroup()) + "/" + Sql.key(last.getName()));
                });
    }

    static Stored toStored(Row r) {
        PeeringService.Builder b = PeeringService.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                .setResourceGroup(r.getString("resource_group")).setName(r.getString("name"))
                .setLocation(r.getString("location")).setVersion(r.getLong("version"));
        set(r.getString("sku_name"), b::setSkuName);
        set(r.getString("peering_service_location"), b::setPeeringServiceLocation);
        set(r.getString("peering_service_provider"), b::setPeeringServiceProvider);
        set(r.getString("provider_primary_peering_location"), b::setProviderPrimaryPeeringLocation);
        set(r.getString("provider_backup_peering_location"), b::setProviderBackupPeeringLocation);
        new JsonObject(r.getString("tags")).forEach(e -> b.putTags(e.getKey(), String.valueOf(e.getValue())));
        return new Stored(r.getLong("id"), b.build());
    }

    private static void set(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package org.openpeering.prefix.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.prefix.Page;
import org.openpeering.prefix.PrefixConfig;
import org.openpeering.prefix.Sql;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.prefix.v1.Webhook;
import org.openpeering.proto.prefix.v1.WebhookDelivery;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;
import org.openpeering.service.Preconditions;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** A subscription's webhooks and their delivery log. Secrets are sealed ({@link WebhookSecrets}) and never returned. */
@ApplicationScoped
public class Webhooks {

    private static final String COLUMNS = "id, subscription_id, name, url, event_types, event_levels, version,"
            + " created_at, updated_at";
    private static final String DELIVERY_COLUMNS = "id, event_id::text as event_id, event_type, event_level, status,"
            + " attempts, created_at, last_attempt_at, next_attempt_at, delivered_at, last_status_code, last_error";

    private final Pool pool;
    private final PrefixConfig.Webhooks config;
    private final PeeringConfig peering;
    private final WebhookSecrets secrets;
    private final WebhookDispatcher dispatcher;

    public Webhooks(Pool pool, PrefixConfig config, PeeringConfig peering, WebhookDispatcher dispatcher,
            WebhookSecrets secrets) {
        this.pool = pool;
        this.config = config.webhooks();
        this.peering = peering;
        this.secrets = secrets;
        this.dispatcher = dispatcher;
    }

    public Uni<Map.Entry<Webhook, Boolean>> put(Webhook in, Precondition precondition) {
        String url = WebhookRules.url(in.getUrl(), config.allowHttp(), config.allowPrivateTargets());
        List<String> types = WebhookRules.eventTypes(in.getEventTypesList());
        List<String> levels = WebhookRules.eventLevels(in.getEventLevelsList());
        String key = Sql.key(in.getName());
        return pool.withTransaction(tx -> find(tx, in.getSubscriptionId(), in.getName(), true).chain(existing -> {
            Preconditions.check(precondition, existing == null ? null : existing.getVersion());
            WebhookRules.secret(in.getSecret(), existing == null);
            String sealed = in.getSecret().isEmpty() ? null
                    : secrets.seal(in.getSecret(), in.getSubscriptionId(), key);
            Uni<?> write;
            if (existing == null) {
                write = tx.preparedQuery("insert into webhook (subscription_id, name, name_key, url, secret_sealed,"
                        + " event_types, event_levels, version) values ($1, $2, $3, $4, $5, $6, $7, 1)")
                        .execute(Tuple.from(new Object[] { in.getSubscriptionId(), in.getName(), key, url, sealed,
                                types.toArray(String[]::new), levels.toArray(String[]::new) }))
                        .onFailure(e -> Sql.violates(e, "webhook_name_uq")).transform(e -> DomainException.conflict(
                                "The webhook '" + in.getName() + "' was created concurrently; retry."));
            } else {
                boolean changed = !existing.getUrl().equals(url) || !existing.getEventTypesList().equals(types)
                        || !existing.getEventLevelsList().equals(levels) || sealed != null;
                write = tx.preparedQuery("update webhook set url = $3, secret_sealed = coalesce($4, secret_sealed),"
                        + " event_types = $5, event_levels = $6, version = version + $7, updated_at = case when $7 = 1"
                        + " then now() else updated_at end where subscription_id = $1 and name_key = $2")
                        .execute(Tuple.from(new Object[] { in.getSubscriptionId(), key, url, sealed,
                                types.toArray(String[]::new), levels.toArray(String[]::new), changed ? 1 : 0 }));
            }
            return write.chain(() -> find(tx, in.getSubscriptionId(), in.getName(), false))
                    .map(w -> Map.entry(w, existing == null));
        }));
    }

    public Uni<Webhook> get(String subscriptionId, String name) {
        return find(pool, subscriptionId, name, false);
    }

    public Uni<Boolean> delete(String subscriptionId, String name, Precondition precondition) {
        return pool.withTransaction(tx -> find(tx, subscriptionId, name, true).chain(existing -> {
            Preconditions.check(precondition, existing == null ? null : existing.getVersion());
            if (existing == null) {
                return Uni.createFrom().item(false);
            }
            // the delivery log goes with it (on delete cascade)
            return tx.preparedQuery("delete from webhook where subscription_id = $1 and name_key = $2")
                    .execute(Tuple.of(subscriptionId, Sql.key(name))).replaceWith(true);
        }));
    }

    public Uni<Page<Webhook>> list(String subscriptionId, String after, int requestedSize) {
        int size = PageTokens.size(requestedSize, peering.pageSize());
        return pool.preparedQuery("select " + COLUMNS + " from webhook where subscription_id = $1 and name_key > $2"
                + " order by name_key limit $3").execute(Tuple.of(subscriptionId, after == null ? "" : after, size + 1))
                .map(rows -> {
                    List<Webhook> out = new ArrayList<>();
                    rows.forEach(r -> out.add(toProto(r)));
                    return Page.of(out, size, w -> Sql.key(w.getName()));
                });
    }

    /** The delivery log of a webhook, newest first; null when the webhook does not exist. */
    public Uni<Page<WebhookDelivery>> deliveries(String subscriptionId, String name, String after, int requestedSize) {
        int size = PageTokens.size(requestedSize, peering.pageSize());
        long before;
        try {
            before = after == null || after.isEmpty() ? Long.MAX_VALUE : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw DomainException.badArgument("$skipToken", "The value of '$skipToken' is not valid.");
        }
        return pool.preparedQuery("select id from webhook where subscription_id = $1 and name_key = $2")
                .execute(Tuple.of(subscriptionId, Sql.key(name))).chain(found -> {
                    if (!found.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    long webhookId = found.iterator().next().getLong(0);
                    return pool.preparedQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery where webhook_id = $1"
                            + " and id < $2 order by id desc limit $3").execute(Tuple.of(webhookId, before, size + 1))
                            .map(rows -> {
                                List<WebhookDelivery> out = new ArrayList<>();
                                rows.forEach(r -> out.add(delivery(r)));
                                return Page.of(out, size, d -> Long.toString(d.getId()));
                            });
                });
    }

    /** Queues a WebhookPing for this webhook alone (whatever its filters); null when it does not exist. */
    public Uni<WebhookDelivery> ping(String subscriptionId, String name) {
        UUID id = UUID.randomUUID();
        String resource = "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/webhooks/" + name;
        WebhookEvent event = new WebhookEvent("WebhookPing", "Information", OffsetDateTime.now(), "Webhook ping",
                "A test delivery asked for by the webhook's owner.", resource, null, new JsonObject());
        return pool.preparedQuery("insert into webhook_delivery (webhook_id, event_id, event_type, event_level, payload)"
                + " select id, $3, $4, $5, $6 from webhook where subscription_id = $1 and name_key = $2 returning "
                + DELIVERY_COLUMNS).execute(Tuple.of(subscriptionId, Sql.key(name), id, event.type(), event.level(),
                        event.payload(id, subscriptionId)))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    dispatcher.wakeSoon();
                    return delivery(rows.iterator().next());
                });
    }

    private static Uni<Webhook> find(SqlClient client, String subscriptionId, String name, boolean forUpdate) {
        return client.preparedQuery("select " + COLUMNS + " from webhook where subscription_id = $1 and name_key = $2"
                + (forUpdate ? " for update" : "")).execute(Tuple.of(subscriptionId, Sql.key(name)))
                .map(rows -> rows.iterator().hasNext() ? toProto(rows.iterator().next()) : null);
    }

    private static Webhook toProto(Row r) {
        Webhook.Builder b = Webhook.newBuilder().setSubscriptionId(r.getString("subscription_id"))
                .setName(r.getString("name")).setUrl(r.getString("url")).setVersion(r.getLong("version"))
                .setCreatedAt(Sql.at(r.getOffsetDateTime("created_at")))
                .setUpdatedAt(Sql.at(r.getOffsetDateTime("updated_at")));
        for (String t : r.getArrayOfStrings("event_types")) {
            b.addEventTypes(t);
        }
        for (String l : r.getArrayOfStrings("event_levels")) {
            b.addEventLevels(l);
        }
        return b.build();
    }

    private static WebhookDelivery delivery(Row r) {
        WebhookDelivery.Builder b = WebhookDelivery.newBuilder().setId(r.getLong("id"))
                .setEventId(r.getString("event_id")).setEventType(r.getString("event_type"))
                .setEventLevel(r.getString("event_level")).setStatus(r.getString("status"))
                .setAttempts(r.getInteger("attempts")).setCreatedAt(Sql.at(r.getOffsetDateTime("created_at")));
        OffsetDateTime last = r.getOffsetDateTime("last_attempt_at");
        if (last != null) {
            b.setLastAttemptAt(Sql.at(last));
        }
        if ("Pending".equals(r.getString("status"))) {
            b.setNextAttemptAt(Sql.at(r.getOffsetDateTime("next_attempt_at")));
        }
        OffsetDateTime delivered = r.getOffsetDateTime("delivered_at");
        if (delivered != null) {
            b.setDeliveredAt(Sql.at(delivered));
        }
        Integer code = r.getInteger("last_status_code");
        if (code != null) {
            b.setLastStatusCode(code);
        }
        String error = r.getString("last_error");
        if (error != null) {
            b.setLastError(error);
        }
        return b.build();
    }
}

package org.openpeering.prefix.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Queues an event for every webhook of a subscription whose filters take it, in the caller's transaction: the event
 * and its deliveries are stored together or not at all (the outbox half of at-least-once delivery).
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookDispatcher dispatcher;

    public WebhookOutbox(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The number of deliveries queued. */
    public Uni<Integer> enqueue(SqlClient tx, String subscriptionId, WebhookEvent event) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("insert into webhook_delivery (webhook_id, event_id, event_type, event_level, payload)"
                + " select id, $2, $3, $4, $5 from webhook where subscription_id = $1"
                + " and (cardinality(event_types) = 0 or $3 = any(event_types))"
                + " and (cardinality(event_levels) = 0 or $4 = any(event_levels))")
                .execute(Tuple.of(subscriptionId, id, event.type(), event.level(), event.payload(id, subscriptionId)))
                .map(rows -> {
                    if (rows.rowCount() > 0) {
                        dispatcher.wakeSoon();
                    }
                    return rows.rowCount();
                });
    }
}

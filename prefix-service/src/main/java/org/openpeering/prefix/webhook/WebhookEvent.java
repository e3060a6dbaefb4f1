package org.openpeering.prefix.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.openpeering.prefix.Sql;

import io.vertx.core.json.JsonObject;

/**
 * One event as webhooks deliver it: the fields of a prefix event (DOMAIN.md §4), the ARM id of the resource it
 * concerns, and details (route, session, anomaly) under {@code data}.
 */
public record WebhookEvent(String type, String level, OffsetDateTime at, String summary, String description,
        String resourceId, String prefix, JsonObject data) {

    /** The delivery body for one subscription; {@code id} is the same on every attempt. */
    public String payload(UUID id, String subscriptionId) {
        JsonObject o = new JsonObject().put("id", id.toString()).put("subscriptionId", subscriptionId)
                .put("eventType", type).put("eventLevel", level).put("eventTimestamp", Sql.at(at))
                .put("eventSummary", summary).put("eventDescription", description == null ? "" : description);
        if (resourceId != null) {
            o.put("resourceId", resourceId);
        }
        if (prefix != null) {
            o.put("prefix", prefix);
        }
        o.put("data", data == null ? new JsonObject() : data);
        return o.encode();
    }

    public static String customerPrefixId(String subscriptionId, String resourceGroup, String peeringService,
            String prefixName) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peeringServices/" + peeringService + "/prefixes/" + prefixName;
    }

    public static String peeringId(String subscriptionId, String resourceGroup, String peering) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.Peering/peerings/" + peering;
    }
}

package org.openpeering.gateway.webhook;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.prefix.v1.ListWebhookDeliveriesRequest;
import org.openpeering.proto.prefix.v1.ListWebhooksRequest;
import org.openpeering.proto.prefix.v1.MutinyWebhookServiceGrpc;
import org.openpeering.proto.prefix.v1.PutWebhookRequest;
import org.openpeering.proto.prefix.v1.Webhook;
import org.openpeering.proto.prefix.v1.WebhookDelivery;
import org.openpeering.proto.prefix.v1.WebhookRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * Webhooks (ARM-API.md extensions), subscription-level, for customers and partners, owned by prefix-service:
 * {@code {url, secret (write-only), eventTypes[], eventLevels[]}}, plus the delivery log and a test ping.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    static final String SERVICE = "prefix-service";
    private static final String WEBHOOKS = "subscriptions/{subscriptionId}/providers/Microsoft.Peering/webhooks";

    private final MutinyWebhookServiceGrpc.MutinyWebhookServiceStub stub;
    private final BackendDeadline deadline;

    public WebhookResource(@GrpcClient("prefix") MutinyWebhookServiceGrpc.MutinyWebhookServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    @Access({ Role.CUSTOMER, Role.PARTNER })
    @GET
    @Path(WEBHOOKS)
    public Uni<ObjectNode> list(@PathParam("subscriptionId") String s, @QueryParam("$skipToken") String skipToken,
            @Context UriInfo uri) {
        ArmNames.subscription(s);
        return Backends.call(SERVICE, deadline.on(stub).listWebhooks(ListWebhooksRequest.newBuilder().setSubscriptionId(s)
                .setPageToken(skipToken == null ? "" : skipToken).build()))
                .map(page -> ArmResponses.list(page.getWebhooksList().stream().map(WebhookResource::toArm), uri,
                        page.getNextPageToken()));
    }

    @Access({ Role.CUSTOMER, Role.PARTNER })
    @GET
    @Path(WEBHOOKS + "/{webhookName}")
    public Uni<Response> get(@PathParam("subscriptionId") String s, @PathParam("webhookName") String name) {
        return Backends.call(SERVICE, deadline.on(stub).getWebhook(ref(s, name, null))).map(w -> ok(200, w));
    }

    @Access({ Role.CUSTOMER, Role.PARTNER })
    @PUT
    @Path(WEBHOOKS + "/{webhookName}")
    public Uni<Response> put(@PathParam("subscriptionId") String s, @PathParam("webhookName") String name,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ref(s, name, null);
        ObjectNode props = ArmJson.object(ArmJson.parseObject(body), "properties", "properties");
        if (props == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        Webhook.Builder w = Webhook.newBuilder().setSubscriptionId(s).setName(name);
        String url = ArmJson.string(props, "url", "properties.url");
        if (url == null) {
            throw ArmException.badArgument("properties.url", "The url is required, e.g. https://hooks.example.net/peering.");
        }
        w.setUrl(url);
        String secret = ArmJson.string(props, "secret", "properties.secret");
        if (secret != null) {
            w.setSecret(secret);
        }
        w.addAllEventTypes(strings(props, "eventTypes"));
        w.addAllEventLevels(strings(props, "eventLevels"));
        return Backends.call(SERVICE, deadline.on(stub).putWebhook(PutWebhookRequest.newBuilder().setWebhook(w)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build()))
                .map(r -> ok(r.getCreated() ? 201 : 200, r.getWebhook()));
    }

    @Access({ Role.CUSTOMER, Role.PARTNER })
    @DELETE
    @Path(WEBHOOKS + "/{webhookName}")
    public Uni<Response> delete(@PathParam("subscriptionId") String s, @PathParam("webhookName") String name,
            @HeaderParam("If-Match") String ifMatch) {
        return Backends.call(SERVICE, deadline.on(stub).deleteWebhook(ref(s, name, ifMatch)))
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    /** The delivery log, newest first ({@code $top} per page, at most 1000). */
    @Access({ Role.CUSTOMER, Role.PARTNER })
    @GET
    @Path(WEBHOOKS + "/{webhookName}/deliveries")
    public Uni<ObjectNode> deliveries(@PathParam("subscriptionId") String s, @PathParam("webhookName") String name,
            @QueryParam("$top") String top, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ref(s, name, null);
        int size = Links.top(top);
        return Backends.call(SERVICE, deadline.on(stub).listWebhookDeliveries(ListWebhookDeliveriesRequest.newBuilder()
                .setSubscriptionId(s).setName(name).setPageSize(size).setPageToken(skipToken == null ? "" : skipToken)
                .build())).map(page -> ArmResponses.list(page.getDeliveriesList().stream().map(WebhookResource::toArm),
                        uri, page.getNextPageToken()));
    }

    /** Queues a WebhookPing delivery to this webhook alone; 202 with the delivery, then visible in the log. */
    @Access({ Role.CUSTOMER, Role.PARTNER })
    @POST
    @Path(WEBHOOKS + "/{webhookName}/ping")
    public Uni<Response> ping(@PathParam("subscriptionId") String s, @PathParam("webhookName") String name) {
        return Backends.call(SERVICE, deadline.on(stub).pingWebhook(ref(s, name, null)))
                .map(d -> Response.status(202).entity(toArm(d)).type(ArmResponses.JSON).build());
    }

    private static java.util.List<String> strings(ObjectNode props, String field) {
        String path = "properties." + field;
        JsonNode array = ArmJson.array(props, field, path);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isTextual()) {
                throw ArmException.invalidContent(path + "[" + i + "]", "The value of '" + path + "[" + i
                        + "]' must be a string.");
            }
            out.add(array.get(i).asText());
        }
        return out;
    }

    private static WebhookRef ref(String s, String name, String ifMatch) {
        ArmNames.subscription(s);
        ArmNames.name(name, "webhookName");
        return WebhookRef.newBuilder().setSubscriptionId(s).setName(name)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null)).build();
    }

    static ObjectNode toArm(Webhook w) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/subscriptions/" + w.getSubscriptionId() + "/providers/Microsoft.Peering/webhooks/" + w.getName());
        o.put("name", w.getName());
        o.put("type", "Microsoft.Peering/webhooks");
        o.put("etag", Etags.of(w.getVersion()));
        ObjectNode props = o.putObject("properties");
        props.put("url", w.getUrl());
        ArrayNode types = props.putArray("eventTypes");
        w.getEventTypesList().forEach(types::add);
        ArrayNode levels = props.putArray("eventLevels");
        w.getEventLevelsList().forEach(levels::add);
        props.put("createdAt", w.getCreatedAt());
        props.put("updatedAt", w.getUpdatedAt());
        props.put("provisioningState", "Succeeded");
        return o;
    }

    static ObjectNode toArm(WebhookDelivery d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", Long.toString(d.getId()));
        o.put("eventId", d.getEventId());
        o.put("eventType", d.getEventType());
        o.put("eventLevel", d.getEventLevel());
        o.put("status", d.getStatus());
        o.put("attempts", d.getAttempts());
        o.put("createdAt", d.getCreatedAt());
        putIf(o, "lastAttemptAt", d.getLastAttemptAt());
        putIf(o, "nextAttemptAt", d.getNextAttemptAt());
        putIf(o, "deliveredAt", d.getDeliveredAt());
        if (d.getLastStatusCode() != 0) {
            o.put("lastStatusCode", d.getLastStatusCode());
        }
        putIf(o, "lastError", d.getLastError());
        return o;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }

    private static Response ok(int status, Webhook w) {
        return ArmResponses.versioned(status, toArm(w), w.getVersion());
    }
}

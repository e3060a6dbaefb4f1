package org.openpeering.gateway.peeringservice;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.prefix.v1.PeeringServiceRef;
import org.openpeering.proto.prefix.v1.PutPeeringServiceRequest;
import org.openpeering.proto.prefix.v1.UpdatePeeringServiceTagsRequest;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.PeeringService;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** ARM {@code peeringServices} (tracked), owned by prefix-service. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PeeringServiceResource {

    private final PeeringServiceClient client;

    public PeeringServiceResource(PeeringServiceClient client) {
        this.client = client;
    }

    private static final String ONE = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.Peering/peeringServices/{peeringServiceName}";

    @Access({Role.CUSTOMER})
    @GET
    @Path(ONE)
    public Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringServiceName") String name) {
        return client.get(ref(subscriptionId, resourceGroup, name, null).build()).map(p -> ok(200, p));
    }

    @Access({Role.CUSTOMER})
    @PUT
    @Path(ONE)
    public Uni<Response> put(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringServiceName") String name,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ref(subscriptionId, resourceGroup, name, null);
        var json = ArmJson.parseObject(body);
        PeeringService.Builder p = PeeringService.newBuilder().setSubscriptionId(subscriptionId)
                .setResourceGroup(resourceGroup).setName(name);
        String location = ArmJson.string(json, "location", "location");
        if (location != null) {
            p.setLocation(location);
        }
        var sku = ArmJson.object(json, "sku", "sku");
        if (sku != null && ArmJson.string(sku, "name", "sku.name") != null) {
            p.setSkuName(ArmJson.string(sku, "name", "sku.name"));
        }
        var tags = ArmJson.stringMap(json, "tags", "tags");
        if (tags != null) {
            p.putAllTags(tags);
        }
        var props = ArmJson.object(json, "properties", "properties");
        if (props == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        set(ArmJson.string(props, "peeringServiceLocation", "properties.peeringServiceLocation"),
                p::setPeeringServiceLocation);
        set(ArmJson.string(props, "peeringServiceProvider", "properties.peeringServiceProvider"),
                p::setPeeringServiceProvider);
        set(ArmJson.string(props, "providerPrimaryPeeringLocation", "properties.providerPrimaryPeeringLocation"),
                p::setProviderPrimaryPeeringLocation);
        set(ArmJson.string(props, "providerBackupPeeringLocation", "properties.providerBackupPeeringLocation"),
                p::setProviderBackupPeeringLocation);
        return client.put(PutPeeringServiceRequest.newBuilder().setPeeringService(p)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build())
                .map(r -> ok(r.getCreated() ? 201 : 200, r.getPeeringService()));
    }

    @Access({Role.CUSTOMER})
    @PATCH
    @Path(ONE)
    public Uni<Response> patch(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringServiceName") String name,
            @HeaderParam("If-Match") String ifMatch, String body) {
        ref(subscriptionId, resourceGroup, name, null);
        var tags = ArmJson.stringMap(ArmJson.parseObject(body), "tags", "tags");
        if (tags == null) {
            throw ArmException.badArgument("tags", "PATCH takes {\"tags\":{...}}: the tags object is required.");
        }
        return client.updateTags(UpdatePeeringServiceTagsRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setResourceGroup(resourceGroup).setName(name).putAllTags(tags)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null)).build()).map(p -> ok(200, p));
    }

    @Access({Role.CUSTOMER})
    @DELETE
    @Path(ONE)
    public Uni<Response> delete(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringServiceName") String name,
            @HeaderParam("If-Match") String ifMatch) {
        return client.delete(ref(subscriptionId, resourceGroup, name, ifMatch).build())
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    private static PeeringServiceRef.Builder ref(String subscriptionId, String resourceGroup, String name,
            String ifMatch) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        ArmNames.name(name, "peeringServiceName");
        return PeeringServiceRef.newBuilder().setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup)
                .setName(name).setPrecondition(PeerAsnResource.precondition(ifMatch, null));
    }

    private static void set(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    static Response ok(int status, PeeringService p) {
        return Response.status(status).entity(toArm(p)).type(ArmResponses.JSON)
                .tag(new EntityTag(String.valueOf(p.getVersion()))).build();
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peeringServices")
    public Uni<ObjectNode> listBySubscription(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        return client.list(subscriptionId, null, skipToken).map(page -> toArmList(page, uri));
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices")
    public Uni<ObjectNode> listByResourceGroup(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @QueryParam("$skipToken") String skipToken,
            @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        return client.list(subscriptionId, resourceGroup, skipToken).map(page -> toArmList(page, uri));
    }

    private static ObjectNode toArmList(ListPeeringServicesResponse page, UriInfo uri) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var value = body.putArray("value");
        page.getPeeringServicesList().forEach(p -> value.add(toArm(p)));
        String next = Links.next(uri, page.getNextPageToken());
        if (next != null) {
            body.put("nextLink", next);
        }
        return body;
    }

    static ObjectNode toArm(PeeringService p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/subscriptions/" + p.getSubscriptionId() + "/resourceGroups/" + p.getResourceGroup()
                + "/providers/Microsoft.Peering/peeringServices/" + p.getName());
        o.put("name", p.getName());
        o.put("type", "Microsoft.Peering/peeringServices");
        o.put("etag", Etags.of(p.getVersion()));
        o.put("location", p.getLocation());
        ObjectNode tags = o.putObject("tags");
        p.getTagsMap().forEach(tags::put);
        if (!p.getSkuName().isEmpty()) {
            o.putObject("sku").put("name", p.getSkuName());
        }
        ObjectNode props = o.putObject("properties");
        putIfSet(props, "peeringServiceLocation", p.getPeeringServiceLocation());
        putIfSet(props, "peeringServiceProvider", p.getPeeringServiceProvider());
        putIfSet(props, "providerPrimaryPeeringLocation", p.getProviderPrimaryPeeringLocation());
        putIfSet(props, "providerBackupPeeringLocation", p.getProviderBackupPeeringLocation());
        props.put("provisioningState", "Succeeded");
        return o;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (!value.isEmpty()) {
            o.put(field, value);
        }
    }
}

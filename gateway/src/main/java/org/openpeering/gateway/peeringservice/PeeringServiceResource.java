package org.openpeering.gateway.peeringservice;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.PeeringService;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** ARM {@code peeringServices} lists, owned by prefix-service. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PeeringServiceResource {

    private final PeeringServiceClient client;

    public PeeringServiceResource(PeeringServiceClient client) {
        this.client = client;
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
        o.put("etag", "\"" + p.getVersion() + "\"");
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

package org.openpeering.gateway.peering;

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
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.partner.v1.DeletePeeringRequest;
import org.openpeering.proto.partner.v1.ListPeeringsRequest;
import org.openpeering.proto.partner.v1.ListPeeringsResponse;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.UpdatePeeringTagsRequest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** ARM {@code peerings} (tracked, Direct and Exchange) and the read-only {@code legacyPeerings} view. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PeeringResource {

    private static final String ONE = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.Peering/peerings/{peeringName}";

    private final PeeringClient client;
    private final SessionStates sessions;

    public PeeringResource(PeeringClient client, SessionStates sessions) {
        this.client = client;
        this.sessions = sessions;
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(ONE)
    public Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name) {
        check(subscriptionId, resourceGroup, name);
        return client.get(subscriptionId, resourceGroup, name).chain(sessions::live).map(p -> ok(200, p));
    }

    @Access({ Role.PARTNER })
    @PUT
    @Path(ONE)
    public Uni<Response> put(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        check(subscriptionId, resourceGroup, name);
        var request = PeeringJson.fromArm(subscriptionId, resourceGroup, name, ArmJson.parseObject(body))
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build();
        return client.put(request).map(r -> ok(r.getCreated() ? 201 : 200, r.getPeering()));
    }

    @Access({ Role.PARTNER })
    @PATCH
    @Path(ONE)
    public Uni<Response> patch(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @HeaderParam("If-Match") String ifMatch, String body) {
        check(subscriptionId, resourceGroup, name);
        var tags = ArmJson.stringMap(ArmJson.parseObject(body), "tags", "tags");
        if (tags == null) {
            throw ArmException.badArgument("tags", "PATCH takes {\"tags\":{...}}: the tags object is required.");
        }
        return client.updateTags(UpdatePeeringTagsRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setResourceGroup(resourceGroup).setName(name).putAllTags(tags)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null)).build()).map(p -> ok(200, p));
    }

    @Access({ Role.PARTNER })
    @DELETE
    @Path(ONE)
    public Uni<Response> delete(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @HeaderParam("If-Match") String ifMatch) {
        check(subscriptionId, resourceGroup, name);
        return client.delete(DeletePeeringRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setResourceGroup(resourceGroup).setName(name)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null)).build())
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    @Access({ Role.PARTNER })
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings")
    public Uni<ObjectNode> listByResourceGroup(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @QueryParam("$skipToken") String skipToken,
            @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        return client.list(request(subscriptionId, skipToken).setResourceGroup(resourceGroup).build())
                .map(page -> page(page, uri));
    }

    @Access({ Role.PARTNER })
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerings")
    public Uni<ObjectNode> listBySubscription(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        return client.list(request(subscriptionId, skipToken).build()).map(page -> page(page, uri));
    }

    /** The subscription's peerings at a location and of a kind, as ARM's legacy view lists them. */
    @Access({ Role.PARTNER })
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/legacyPeerings")
    public Uni<ObjectNode> legacy(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("peeringLocation") String peeringLocation, @QueryParam("kind") String kind,
            @QueryParam("asn") String asn, @QueryParam("directPeeringType") String directPeeringType,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        if (peeringLocation == null || peeringLocation.isBlank()) {
            throw ArmException.badArgument("peeringLocation", "The peeringLocation query parameter is required.");
        }
        if (kind == null || !(kind.equalsIgnoreCase("Direct") || kind.equalsIgnoreCase("Exchange"))) {
            throw ArmException.badArgument("kind", "The kind query parameter is required: Direct or Exchange.");
        }
        long asnValue = 0;
        if (asn != null && !asn.isBlank()) {
            if (!asn.matches("\\d{1,10}") || Long.parseLong(asn) > 4294967295L || Long.parseLong(asn) == 0) {
                throw ArmException.badArgument("asn", "The asn query parameter must be an ASN (1 to 4294967295).");
            }
            asnValue = Long.parseLong(asn);
        }
        ListPeeringsRequest.Builder r = request(subscriptionId, skipToken).setPeeringLocation(peeringLocation)
                .setKind(kind).setAsn(asnValue);
        if (directPeeringType != null) {
            r.setDirectPeeringType(directPeeringType);
        }
        return client.list(r.build()).map(page -> page(page, uri));
    }

    private static ListPeeringsRequest.Builder request(String subscriptionId, String skipToken) {
        return ListPeeringsRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setPageToken(skipToken == null ? "" : skipToken);
    }

    private static ObjectNode page(ListPeeringsResponse page, UriInfo uri) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var value = body.putArray("value");
        page.getPeeringsList().forEach(p -> value.add(PeeringJson.toArm(p)));
        String next = Links.next(uri, page.getNextPageToken());
        if (next != null) {
            body.put("nextLink", next);
        }
        return body;
    }

    static Response ok(int status, Peering p) {
        return Response.status(status).entity(PeeringJson.toArm(p)).type(ArmResponses.JSON)
                .tag(new EntityTag(String.valueOf(p.getVersion()))).build();
    }

    private static void check(String subscriptionId, String resourceGroup, String name) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        ArmNames.name(name, "peeringName");
    }
}

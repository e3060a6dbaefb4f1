package org.openpeering.gateway.peering;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.partner.v1.SetConnectionStateRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** The operator's connection workflow: approve, assign a router, drive the states. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorPeeringResource {

    private final PeeringClient client;

    public OperatorPeeringResource(PeeringClient client) {
        this.client = client;
    }

    /** Body {@code {"state": "...", "routerName": "...", "errorMessage": "..."}}; answers with the peering. */
    @Access({ Role.OPERATOR })
    @POST
    @Path("operator/v1/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/peerings/{peeringName}"
            + "/connections/{connectionIdentifier}/state")
    public Uni<Response> setState(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @PathParam("connectionIdentifier") String connection, String body) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        ArmNames.name(name, "peeringName");
        ArmNames.name(connection, "connectionIdentifier");
        ObjectNode b = ArmJson.parseObject(body);
        String state = ArmJson.string(b, "state", "state");
        if (state == null || state.isBlank()) {
            throw ArmException.badArgument("state", "The state is required.");
        }
        String router = ArmJson.string(b, "routerName", "routerName");
        String error = ArmJson.string(b, "errorMessage", "errorMessage");
        return client.setConnectionState(SetConnectionStateRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setResourceGroup(resourceGroup).setPeeringName(name).setConnectionIdentifier(connection)
                .setState(state).setRouterName(router == null ? "" : router).setErrorMessage(error == null ? "" : error)
                .build()).map(p -> PeeringResource.ok(200, p));
    }
}

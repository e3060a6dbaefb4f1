package org.openpeering.gateway.peerasn;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** The operator's decisions on peer ASN registrations (ARM-API.md extensions, {@code /operator/v1}). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorPeerAsnResource {

    private final PeerAsnClient client;

    public OperatorPeerAsnResource(PeerAsnClient client) {
        this.client = client;
    }

    /** Approves the registration; answers with the peer ASN as ARM shows it. */
    @Access({ Role.OPERATOR })
    @POST
    @Path("operator/v1/subscriptions/{subscriptionId}/peerAsns/{peerAsnName}/approve")
    public Uni<ObjectNode> approve(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        return client.decide(subscriptionId, name, "Approved", null).map(PeerAsnResource.PeerAsnJson::toArm);
    }

    /** Rejects it: body {@code {"errorMessage": "..."}}, which the partner then sees on the resource. */
    @Access({ Role.OPERATOR })
    @POST
    @Path("operator/v1/subscriptions/{subscriptionId}/peerAsns/{peerAsnName}/reject")
    public Uni<ObjectNode> reject(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name, String body) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        String message = ArmJson.string(ArmJson.parseObject(body), "errorMessage", "errorMessage");
        return client.decide(subscriptionId, name, "Failed", message).map(PeerAsnResource.PeerAsnJson::toArm);
    }
}

package org.openpeering.gateway.receivedroutes;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peering.PeeringClient;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.telemetry.v1.ListReceivedRoutesRequest;
import org.openpeering.proto.telemetry.v1.MutinyReceivedRoutesServiceGrpc;
import org.openpeering.proto.telemetry.v1.ReceivedRoute;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * ARM {@code receivedRoutes}: the routes a peering's sessions deliver, read from telemetry-service's in-memory RIB.
 * partner-service says which sessions (router and peer address of each connection) belong to the peering.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedRoutesResource {

    private static final java.util.List<String> STATES = java.util.List.of("Valid", "Invalid", "NotFound", "Unknown");

    private final PeeringClient peerings;
    private final MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub routes;
    private final BackendDeadline deadline;

    public ReceivedRoutesResource(PeeringClient peerings,
            @GrpcClient("telemetry") MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub routes,
            BackendDeadline deadline) {
        this.peerings = peerings;
        this.routes = routes;
        this.deadline = deadline;
    }

    @Access({ Role.PARTNER })
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings"
            + "/{peeringName}/receivedRoutes")
    public Uni<ObjectNode> list(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @QueryParam("prefix") String prefix, @QueryParam("asPath") String asPath,
            @QueryParam("originAsValidationState") String originState,
            @QueryParam("rpkiValidationState") String rpkiState, @QueryParam("$skipToken") String skipToken,
            @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        ArmNames.name(name, "peeringName");
        ListReceivedRoutesRequest.Builder r = ListReceivedRoutesRequest.newBuilder()
                .setPrefix(prefix == null ? "" : prefix.trim()).setAsPath(asPath == null ? "" : asPath.trim())
                .setOriginAsValidationState(state(originState, "originAsValidationState"))
                .setRpkiValidationState(state(rpkiState, "rpkiValidationState"))
                .setPageToken(skipToken == null ? "" : skipToken);
        return peerings.get(subscriptionId, resourceGroup, name).chain(p -> {
            sessions(p, r);
            return Backends.call("telemetry-service", deadline.on(routes).listReceivedRoutes(r.build()));
        }).map(page -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var value = body.putArray("value");
            for (ReceivedRoute route : page.getRoutesList()) {
                ObjectNode o = value.addObject();
                o.put("prefix", route.getPrefix());
                o.put("nextHop", route.getNextHop());
                o.put("asPath", route.getAsPath());
                o.put("originAsValidationState", route.getOriginAsValidationState());
                o.put("rpkiValidationState", route.getRpkiValidationState());
                o.put("trustAnchor", route.getTrustAnchor());
                o.put("receivedTimestamp", route.getReceivedTimestamp());
            }
            String next = Links.next(uri, page.getNextPageToken());
            if (next != null) {
                body.put("nextLink", next);
            }
            return body;
        });
    }

    /** The sessions of the peering's connections that the operator has placed on a router. */
    private static void sessions(Peering p, ListReceivedRoutesRequest.Builder r) {
        r.addAllSessions(org.openpeering.gateway.peering.SessionRefs.of(p, false));
    }

    private static String state(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return STATES.stream().filter(s -> s.equalsIgnoreCase(value.trim())).findFirst().orElseThrow(
                () -> ArmException.badArgument(parameter, "The " + parameter + " must be one of "
                        + String.join(", ", STATES) + "."));
    }
}

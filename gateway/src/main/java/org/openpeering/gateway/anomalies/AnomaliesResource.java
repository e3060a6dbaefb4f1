package org.openpeering.gateway.anomalies;

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
import org.openpeering.gateway.peering.PeeringJson;
import org.openpeering.proto.telemetry.v1.Anomaly;
import org.openpeering.proto.telemetry.v1.ListAnomaliesRequest;
import org.openpeering.proto.telemetry.v1.MutinyWatchServiceGrpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** Extension: the anomalies telemetry-service saw on a peering's sessions (ARM-API.md, DOMAIN.md §4). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AnomaliesResource {

    private final PeeringClient peerings;
    private final MutinyWatchServiceGrpc.MutinyWatchServiceStub watch;
    private final BackendDeadline deadline;

    public AnomaliesResource(PeeringClient peerings,
            @GrpcClient("telemetry") MutinyWatchServiceGrpc.MutinyWatchServiceStub watch, BackendDeadline deadline) {
        this.peerings = peerings;
        this.watch = watch;
        this.deadline = deadline;
    }

    @Access({ Role.PARTNER })
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings"
            + "/{peeringName}/anomalies")
    public Uni<ObjectNode> list(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("resourceGroupName") String resourceGroup, @PathParam("peeringName") String name,
            @QueryParam("active") String active, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        ArmNames.resourceGroup(resourceGroup);
        ArmNames.name(name, "peeringName");
        if (active != null && !active.equalsIgnoreCase("true") && !active.equalsIgnoreCase("false")) {
            throw ArmException.badArgument("active", "The active query parameter must be true or false.");
        }
        return peerings.get(subscriptionId, resourceGroup, name).chain(p -> {
            ListAnomaliesRequest.Builder r = ListAnomaliesRequest.newBuilder()
                    .setActiveOnly("true".equalsIgnoreCase(active)).setPageToken(skipToken == null ? "" : skipToken);
            r.addAllSessions(org.openpeering.gateway.peering.SessionRefs.of(p, false));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var value = body.putArray("value");
            if (r.getSessionsCount() == 0) {
                // no connection is on a router yet: nothing can have been seen
                return Uni.createFrom().item(body);
            }
            String base = PeeringJson.id(p) + "/anomalies/";
            return Backends.call("telemetry-service", deadline.on(watch).listAnomalies(r.build())).map(page -> {
                for (Anomaly a : page.getAnomaliesList()) {
                    ObjectNode o = value.addObject();
                    o.put("id", base + a.getId());
                    o.put("name", String.valueOf(a.getId()));
                    o.put("type", "Microsoft.Peering/peerings/anomalies");
                    ObjectNode props = o.putObject("properties");
                    props.put("anomalyType", a.getType());
                    props.put("level", a.getLevel());
                    props.put("watchedPrefix", a.getWatchedPrefix());
                    props.put("prefix", a.getRoutePrefix());
                    props.putObject("session").put("routerName", a.getSession().getRouter())
                            .put("peerAddress", a.getSession().getPeerAddress());
                    props.put("startedAt", a.getStartedAt());
                    if (!a.getEndedAt().isEmpty()) {
                        props.put("endedAt", a.getEndedAt());
                    }
                    props.put("active", a.getEndedAt().isEmpty());
                    props.put("description", a.getDescription());
                    var updates = props.putArray("updates");
                    a.getUpdatesList().forEach(updates::add);
                }
                String next = Links.next(uri, page.getNextPageToken());
                if (next != null) {
                    body.put("nextLink", next);
                }
                return body;
            });
        });
    }
}

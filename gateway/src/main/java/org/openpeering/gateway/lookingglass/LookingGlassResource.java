package org.openpeering.gateway.lookingglass;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.telemetry.v1.Route;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** ARM {@code lookingGlass}: BgpRoute answered from the routes telemetry-service holds. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class LookingGlassResource {

    private final RouteLookupClient client;

    public LookingGlassResource(RouteLookupClient client) {
        this.client = client;
    }

    @Access({Role.CUSTOMER, Role.PARTNER})
    @POST
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/lookingGlass")
    public Uni<ObjectNode> run(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("command") String command, @QueryParam("sourceType") String sourceType,
            @QueryParam("sourceLocation") String sourceLocation, @QueryParam("destinationIP") String destinationIp) {
        ArmNames.subscription(subscriptionId);
        String c = command == null ? "" : command.toLowerCase(Locale.ROOT);
        switch (c) {
            case "bgproute":
                break;
            case "ping":
            case "traceroute":
                throw ArmException.notImplemented("lookingGlass " + command
                        + " (it needs measurement agents at the edge sites)");
            default:
                throw new ArmException(400, "BadArgument", "The command must be one of Traceroute, Ping, BgpRoute.",
                        "command");
        }
        return client.covering(destinationIp).map(routes -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("command", "BgpRoute");
            o.put("output", render(destinationIp, routes));
            return o;
        });
    }

    /** A router-style text answer, most specific route first. */
    static String render(String destination, List<Route> routes) {
        if (routes.isEmpty()) {
            return "% Network not in table: " + destination + "\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("BGP routing table entries for ").append(destination).append('\n');
        for (Route r : routes) {
            sb.append(r.getPrefix()).append(" from ").append(r.getPeerAddress()).append(" (AS").append(r.getPeerAsn())
                    .append(") on ").append(r.getRouter()).append('\n');
            sb.append("  AS path: ").append(r.getAsPath()).append(", next hop ").append(r.getNextHop());
            if (r.getCommunitiesCount() > 0) {
                sb.append(", communities ").append(String.join(" ", r.getCommunitiesList()));
            }
            sb.append(", received ").append(r.getReceivedAt()).append('\n');
        }
        return sb.toString();
    }
}

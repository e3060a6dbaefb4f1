package org.openpeering.gateway.provider;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.catalogue.CatalogueClient;
import org.openpeering.proto.partner.v1.CheckAvailabilityRequest;
import org.openpeering.proto.partner.v1.GetReadinessRequest;
import org.openpeering.proto.partner.v1.ListProvidersRequest;
import org.openpeering.proto.partner.v1.LocationReadiness;
import org.openpeering.proto.partner.v1.Provider;
import org.openpeering.proto.partner.v1.Readiness;
import org.openpeering.proto.partner.v1.ReadinessConnection;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.smallrye.mutiny.Uni;

/** The provider directory, the availability check and a partner's readiness report. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderResource {

    private static final String P = "subscriptions/{subscriptionId}/providers/Microsoft.Peering/";

    private final CatalogueClient client;

    public ProviderResource(CatalogueClient client) {
        this.client = client;
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path(P + "peeringServiceProviders")
    public Uni<ObjectNode> providers(@PathParam("subscriptionId") String subscriptionId) {
        ArmNames.subscription(subscriptionId);
        return client.directory(s -> s.listProviders(ListProvidersRequest.getDefaultInstance())).map(r -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var value = body.putArray("value");
            for (Provider p : r.getProvidersList()) {
                ObjectNode o = value.addObject();
                o.put("id", "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peeringServiceProviders/"
                        + p.getName());
                o.put("name", p.getName());
                o.put("type", "Microsoft.Peering/peeringServiceProviders");
                ObjectNode props = o.putObject("properties");
                props.put("serviceProviderName", p.getName());
                var all = props.putArray("peeringLocations");
                p.getPrimaryLocationsList().forEach(all::add);
                p.getBackupLocationsList().forEach(all::add);
                var primary = props.putArray("primaryPeeringLocations");
                p.getPrimaryLocationsList().forEach(primary::add);
                var backup = props.putArray("backupPeeringLocations");
                p.getBackupLocationsList().forEach(backup::add);
            }
            return body;
        });
    }

    /** ARM answers with a bare JSON string: {@code "Available"} or {@code "Unavailable"}. */
    @Access({ Role.CUSTOMER })
    @POST
    @Path(P + "checkServiceProviderAvailability")
    public Uni<Response> check(@PathParam("subscriptionId") String subscriptionId, String body) {
        ArmNames.subscription(subscriptionId);
        ObjectNode in = ArmJson.parseObject(body);
        String location = ArmJson.string(in, "peeringServiceLocation", "peeringServiceLocation");
        String provider = ArmJson.string(in, "peeringServiceProvider", "peeringServiceProvider");
        return client.directory(s -> s.checkAvailability(CheckAvailabilityRequest.newBuilder()
                .setPeeringServiceLocation(location == null ? "" : location)
                .setPeeringServiceProvider(provider == null ? "" : provider).build()))
                .map(r -> Response.ok(TextNode.valueOf(r.getAvailable() ? "Available" : "Unavailable").toString())
                        .type(ArmResponses.JSON).build());
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(P + "peerAsns/{peerAsnName}/peeringServiceReadiness")
    public Uni<ObjectNode> readiness(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        return client.directory(s -> s.getReadiness(GetReadinessRequest.newBuilder().setSubscriptionId(subscriptionId)
                .setPeerAsnName(name).build())).map(ProviderResource::toArm);
    }

    static ObjectNode toArm(Readiness r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/subscriptions/" + r.getSubscriptionId() + "/providers/Microsoft.Peering/peerAsns/"
                + r.getPeerAsnName() + "/peeringServiceReadiness");
        o.put("name", "peeringServiceReadiness");
        o.put("type", "Microsoft.Peering/peerAsns/peeringServiceReadiness");
        ObjectNode p = o.putObject("properties");
        p.put("peerAsn", r.getPeerAsn());
        p.put("validationState", r.getValidationState());
        p.put("isPeeringServiceProvider", r.getProvider());
        p.put("geoRedundant", r.getGeoRedundant());
        var locations = p.putArray("locations");
        for (LocationReadiness l : r.getLocationsList()) {
            ObjectNode ln = locations.addObject();
            ln.put("peeringLocation", l.getPeeringLocation());
            ln.put("canServeAsPrimary", l.getPrimaryCapable());
            ln.put("canServeAsBackup", l.getBackupCapable());
            var routers = ln.putArray("routers");
            l.getRoutersList().forEach(routers::add);
            var bandwidths = ln.putArray("bandwidthsInMbps");
            l.getBandwidthsInMbpsList().forEach(bandwidths::add);
            var connections = ln.putArray("connections");
            for (ReadinessConnection c : l.getConnectionsList()) {
                ObjectNode cn = connections.addObject();
                cn.put("peeringName", c.getPeeringName());
                cn.put("connectionIdentifier", c.getConnectionIdentifier());
                cn.put("connectionState", c.getConnectionState());
                cn.put("bandwidthInMbps", c.getBandwidthInMbps());
                if (!c.getRouterName().isEmpty()) {
                    cn.put("routerName", c.getRouterName());
                }
                cn.put("useForPeeringService", c.getUseForPeeringService());
                cn.put("countsForPeeringService", c.getQualifies());
            }
            var unmet = ln.putArray("unmetRequirements");
            l.getUnmetList().forEach(unmet::add);
        }
        var unmet = p.putArray("unmetRequirements");
        r.getUnmetList().forEach(unmet::add);
        return o;
    }
}

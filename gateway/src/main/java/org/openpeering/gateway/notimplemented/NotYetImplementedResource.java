package org.openpeering.gateway.notimplemented;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;

/**
 * Every operation of ARM-API.md that no work item has implemented yet: routed (so api-version, names and, later,
 * authorization apply) and answered with 405 OperationNotSupported, never a 500 or an empty success. A method
 * leaves this class when its real resource lands.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class NotYetImplementedResource {

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredAsns/{registeredAsnName}")
    public Response getRegisteredAsns() {
        throw ArmException.notImplemented("GET registeredAsns");
    }

    @Access({Role.PARTNER})
    @PUT
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredAsns/{registeredAsnName}")
    public Response putRegisteredAsns() {
        throw ArmException.notImplemented("PUT registeredAsns");
    }

    @Access({Role.PARTNER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredAsns/{registeredAsnName}")
    public Response deleteRegisteredAsns() {
        throw ArmException.notImplemented("DELETE registeredAsns");
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredAsns")
    public Response getRegisteredAsns2() {
        throw ArmException.notImplemented("GET registeredAsns");
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredPrefixes/{registeredPrefixName}")
    public Response getRegisteredPrefixes() {
        throw ArmException.notImplemented("GET registeredPrefixes");
    }

    @Access({Role.PARTNER})
    @PUT
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredPrefixes/{registeredPrefixName}")
    public Response putRegisteredPrefixes() {
        throw ArmException.notImplemented("PUT registeredPrefixes");
    }

    @Access({Role.PARTNER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredPrefixes/{registeredPrefixName}")
    public Response deleteRegisteredPrefixes() {
        throw ArmException.notImplemented("DELETE registeredPrefixes");
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredPrefixes")
    public Response getRegisteredPrefixes2() {
        throw ArmException.notImplemented("GET registeredPrefixes");
    }

    @Access({Role.PARTNER})
    @POST
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/registeredPrefixes/{registeredPrefixName}/validate")
    public Response postRegisteredPrefixesValidate() {
        throw ArmException.notImplemented("POST registeredPrefixes/validate");
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/rpUnbilledPrefixes")
    public Response getRpUnbilledPrefixes() {
        throw ArmException.notImplemented("GET rpUnbilledPrefixes");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}")
    public Response getPeeringServices() {
        throw ArmException.notImplemented("GET peeringServices");
    }

    @Access({Role.CUSTOMER})
    @PUT
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}")
    public Response putPeeringServices() {
        throw ArmException.notImplemented("PUT peeringServices");
    }

    @Access({Role.CUSTOMER})
    @PATCH
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}")
    public Response patchPeeringServices() {
        throw ArmException.notImplemented("PATCH peeringServices");
    }

    @Access({Role.CUSTOMER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}")
    public Response deletePeeringServices() {
        throw ArmException.notImplemented("DELETE peeringServices");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes/{prefixName}")
    public Response getPrefixes() {
        throw ArmException.notImplemented("GET prefixes");
    }

    @Access({Role.CUSTOMER})
    @PUT
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes/{prefixName}")
    public Response putPrefixes() {
        throw ArmException.notImplemented("PUT prefixes");
    }

    @Access({Role.CUSTOMER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes/{prefixName}")
    public Response deletePrefixes() {
        throw ArmException.notImplemented("DELETE prefixes");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes")
    public Response getPrefixes2() {
        throw ArmException.notImplemented("GET prefixes");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/connectionMonitorTests/{connectionMonitorTestName}")
    public Response getConnectionMonitorTests() {
        throw ArmException.notImplemented("GET connectionMonitorTests");
    }

    @Access({Role.CUSTOMER})
    @PUT
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/connectionMonitorTests/{connectionMonitorTestName}")
    public Response putConnectionMonitorTests() {
        throw ArmException.notImplemented("PUT connectionMonitorTests");
    }

    @Access({Role.CUSTOMER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/connectionMonitorTests/{connectionMonitorTestName}")
    public Response deleteConnectionMonitorTests() {
        throw ArmException.notImplemented("DELETE connectionMonitorTests");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/connectionMonitorTests")
    public Response getConnectionMonitorTests2() {
        throw ArmException.notImplemented("GET connectionMonitorTests");
    }

    @Access({Role.CUSTOMER})
    @POST
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/initializeConnectionMonitor")
    public Response postInitializeConnectionMonitor() {
        throw ArmException.notImplemented("POST initializeConnectionMonitor");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes/{prefixName}/events")
    public Response getPrefixEvents() {
        throw ArmException.notImplemented("GET prefix events");
    }

    @Access({Role.CUSTOMER})
    @GET
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peeringServices/{peeringServiceName}/prefixes/{prefixName}/latency")
    public Response getPrefixLatency() {
        throw ArmException.notImplemented("GET prefix latency");
    }

    @Access({Role.CUSTOMER, Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/webhooks/{webhookName}")
    public Response getWebhooks() {
        throw ArmException.notImplemented("GET webhooks");
    }

    @Access({Role.CUSTOMER, Role.PARTNER})
    @PUT
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/webhooks/{webhookName}")
    public Response putWebhooks() {
        throw ArmException.notImplemented("PUT webhooks");
    }

    @Access({Role.CUSTOMER, Role.PARTNER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/webhooks/{webhookName}")
    public Response deleteWebhooks() {
        throw ArmException.notImplemented("DELETE webhooks");
    }

    @Access({Role.CUSTOMER, Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/webhooks")
    public Response getWebhooks2() {
        throw ArmException.notImplemented("GET webhooks");
    }

    @Access({Role.AGENT})
    @POST
    @Path("telemetry/v1/latencySamples")
    public Response postLatencySamples() {
        throw ArmException.notImplemented("POST latencySamples");
    }

    @Access({Role.OPERATOR})
    @POST
    @Path("operator/v1/irr/reload")
    public Response postOperatorIrrReload() {
        throw ArmException.notImplemented("POST operator irr reload");
    }
}

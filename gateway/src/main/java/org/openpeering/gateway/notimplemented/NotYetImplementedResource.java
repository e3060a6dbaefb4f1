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
    @Path("subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Peering/peerings/{peeringName}/rpUnbilledPrefixes")
    public Response getRpUnbilledPrefixes() {
        throw ArmException.notImplemented("GET rpUnbilledPrefixes");
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
}

package org.openpeering.gateway.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Two deliberately broken endpoints, present only in the build of {@link AuthorizationMatrixFindsNewEndpointsTest}:
 * one open to anybody, one that nobody may call. The matrix must report both.
 */
@Path("/")
@IfBuildProperty(name = "openpeering.test.matrix-probe", stringValue = "true")
public class UnprotectedProbeResource {

    @GET
    @PermitAll
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/matrixProbeOpen")
    public String open(@PathParam("subscriptionId") String subscriptionId) {
        return "{}";
    }

    @POST
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/matrixProbeForgotten")
    public String forgotten(@PathParam("subscriptionId") String subscriptionId) {
        return "{}";
    }
}

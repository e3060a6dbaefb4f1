package org.openpeering.gateway.catalogue;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.partner.v1.DeletePeeringLocationRequest;
import org.openpeering.proto.partner.v1.DeleteRouterRequest;
import org.openpeering.proto.partner.v1.GetPeeringLocationRequest;
import org.openpeering.proto.partner.v1.GetRouterRequest;
import org.openpeering.proto.partner.v1.ListRoutersRequest;
import org.openpeering.proto.partner.v1.PutRouterRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** The operator manages the catalogue: peering locations (with facilities, offers, exchanges, CDN prefixes), routers. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorCatalogueResource {

    private final CatalogueClient client;

    public OperatorCatalogueResource(CatalogueClient client) {
        this.client = client;
    }

    @Access({ Role.OPERATOR })
    @GET
    @Path("operator/v1/peeringLocations/{peeringLocationName}")
    public Uni<Response> getLocation(@PathParam("peeringLocationName") String name) {
        return client.catalogue(s -> s.getPeeringLocation(GetPeeringLocationRequest.newBuilder().setName(name).build()))
                .map(l -> json(200, CatalogueJson.location(null, l, null), l.getVersion()));
    }

    @Access({ Role.OPERATOR })
    @PUT
    @Path("operator/v1/peeringLocations/{peeringLocationName}")
    public Uni<Response> putLocation(@PathParam("peeringLocationName") String name,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        var request = CatalogueJson.locationFromArm(name, ArmJson.parseObject(body))
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build();
        return client.catalogue(s -> s.putPeeringLocation(request)).map(r -> json(r.getCreated() ? 201 : 200,
                CatalogueJson.location(null, r.getPeeringLocation(), null), r.getPeeringLocation().getVersion()));
    }

    @Access({ Role.OPERATOR })
    @DELETE
    @Path("operator/v1/peeringLocations/{peeringLocationName}")
    public Uni<Response> deleteLocation(@PathParam("peeringLocationName") String name) {
        return client.catalogue(s -> s.deletePeeringLocation(DeletePeeringLocationRequest.newBuilder().setName(name)
                .build())).map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    @Access({ Role.OPERATOR })
    @GET
    @Path("operator/v1/routers")
    public Uni<ObjectNode> listRouters(@QueryParam("peeringLocation") String location) {
        return client.catalogue(s -> s.listRouters(ListRoutersRequest.newBuilder()
                .setPeeringLocation(location == null ? "" : location).build())).map(r -> {
                    List<ObjectNode> items = new ArrayList<>();
                    r.getRoutersList().forEach(x -> items.add(CatalogueJson.router(x)));
                    return CatalogueJson.list(items);
                });
    }

    @Access({ Role.OPERATOR })
    @GET
    @Path("operator/v1/routers/{routerName}")
    public Uni<Response> getRouter(@PathParam("routerName") String name) {
        ArmNames.name(name, "routerName");
        return client.catalogue(s -> s.getRouter(GetRouterRequest.newBuilder().setName(name).build()))
                .map(r -> json(200, CatalogueJson.router(r), r.getVersion()));
    }

    @Access({ Role.OPERATOR })
    @PUT
    @Path("operator/v1/routers/{routerName}")
    public Uni<Response> putRouter(@PathParam("routerName") String name, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ArmNames.name(name, "routerName");
        var request = PutRouterRequest.newBuilder().setRouter(CatalogueJson.routerFromArm(name, ArmJson.parseObject(body)))
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build();
        return client.catalogue(s -> s.putRouter(request)).map(r -> json(r.getCreated() ? 201 : 200,
                CatalogueJson.router(r.getRouter()), r.getRouter().getVersion()));
    }

    @Access({ Role.OPERATOR })
    @DELETE
    @Path("operator/v1/routers/{routerName}")
    public Uni<Response> deleteRouter(@PathParam("routerName") String name) {
        ArmNames.name(name, "routerName");
        return client.catalogue(s -> s.deleteRouter(DeleteRouterRequest.newBuilder().setName(name).build()))
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    private static Response json(int status, ObjectNode body, long version) {
        return Response.status(status).entity(body).type(ArmResponses.JSON).tag(new EntityTag(String.valueOf(version)))
                .build();
    }
}

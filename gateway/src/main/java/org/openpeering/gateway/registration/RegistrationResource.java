package org.openpeering.gateway.registration;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.prefix.v1.ListRegistrationsRequest;
import org.openpeering.proto.prefix.v1.MutinyRegistrationServiceGrpc;
import org.openpeering.proto.prefix.v1.PutRegisteredAsnRequest;
import org.openpeering.proto.prefix.v1.PutRegisteredPrefixRequest;
import org.openpeering.proto.prefix.v1.RegisteredAsn;
import org.openpeering.proto.prefix.v1.RegisteredPrefix;
import org.openpeering.proto.prefix.v1.RegistrationRef;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** ARM {@code registeredPrefixes} and {@code registeredAsns} under a partner's peering, owned by prefix-service. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    static final String SERVICE = "prefix-service";
    private static final String PEERING = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.Peering/peerings/{peeringName}";

    private final MutinyRegistrationServiceGrpc.MutinyRegistrationServiceStub stub;
    private final BackendDeadline deadline;

    public RegistrationResource(@GrpcClient("prefix") MutinyRegistrationServiceGrpc.MutinyRegistrationServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    // ---- registeredPrefixes

    @Access({ Role.PARTNER })
    @GET
    @Path(PEERING + "/registeredPrefixes/{name}")
    public Uni<Response> getPrefix(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name) {
        return Backends.call(SERVICE, deadline.on(stub).getRegisteredPrefix(ref(s, g, p, name, null, "registeredPrefixName")))
                .map(r -> ok(200, r));
    }

    @Access({ Role.PARTNER })
    @PUT
    @Path(PEERING + "/registeredPrefixes/{name}")
    public Uni<Response> putPrefix(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ref(s, g, p, name, null, "registeredPrefixName");
        ObjectNode props = properties(body);
        String prefix = ArmJson.string(props, "prefix", "properties.prefix");
        if (prefix == null) {
            throw ArmException.badArgument("properties.prefix", "The prefix is required, e.g. 203.0.113.0/24.");
        }
        return Backends.call(SERVICE, deadline.on(stub).putRegisteredPrefix(PutRegisteredPrefixRequest.newBuilder()
                .setRegisteredPrefix(RegisteredPrefix.newBuilder().setSubscriptionId(s).setResourceGroup(g)
                        .setPeeringName(p).setName(name).setPrefix(prefix))
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build()))
                .map(r -> ok(r.getCreated() ? 201 : 200, r.getRegisteredPrefix()));
    }

    @Access({ Role.PARTNER })
    @DELETE
    @Path(PEERING + "/registeredPrefixes/{name}")
    public Uni<Response> deletePrefix(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
        return Backends.call(SERVICE, deadline.on(stub).deleteRegisteredPrefix(ref(s, g, p, name, ifMatch,
                "registeredPrefixName"))).map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    @Access({ Role.PARTNER })
    @POST
    @Path(PEERING + "/registeredPrefixes/{name}/validate")
    public Uni<Response> validatePrefix(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name) {
        return Backends.call(SERVICE, deadline.on(stub).validateRegisteredPrefix(ref(s, g, p, name, null,
                "registeredPrefixName"))).map(r -> ok(200, r));
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(PEERING + "/registeredPrefixes")
    public Uni<ObjectNode> listPrefixes(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        return Backends.call(SERVICE, deadline.on(stub).listRegisteredPrefixes(list(s, g, p, skipToken)))
                .map(page -> ArmResponses.list(page.getRegisteredPrefixesList().stream().map(RegistrationResource::toArm),
                        uri, page.getNextPageToken()));
    }

    // ---- registeredAsns

    @Access({ Role.PARTNER })
    @GET
    @Path(PEERING + "/registeredAsns/{name}")
    public Uni<Response> getAsn(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name) {
        return Backends.call(SERVICE, deadline.on(stub).getRegisteredAsn(ref(s, g, p, name, null, "registeredAsnName")))
                .map(r -> ok(200, r));
    }

    @Access({ Role.PARTNER })
    @PUT
    @Path(PEERING + "/registeredAsns/{name}")
    public Uni<Response> putAsn(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ref(s, g, p, name, null, "registeredAsnName");
        ObjectNode props = properties(body);
        Long asn = ArmJson.integer(props, "asn", "properties.asn");
        if (asn == null) {
            throw ArmException.badArgument("properties.asn", "The asn is required.");
        }
        return Backends.call(SERVICE, deadline.on(stub).putRegisteredAsn(PutRegisteredAsnRequest.newBuilder()
                .setRegisteredAsn(RegisteredAsn.newBuilder().setSubscriptionId(s).setResourceGroup(g).setPeeringName(p)
                        .setName(name).setAsn(asn))
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build()))
                .map(r -> ok(r.getCreated() ? 201 : 200, r.getRegisteredAsn()));
    }

    @Access({ Role.PARTNER })
    @DELETE
    @Path(PEERING + "/registeredAsns/{name}")
    public Uni<Response> deleteAsn(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
        return Backends.call(SERVICE, deadline.on(stub).deleteRegisteredAsn(ref(s, g, p, name, ifMatch,
                "registeredAsnName"))).map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(PEERING + "/registeredAsns")
    public Uni<ObjectNode> listAsns(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringName") String p, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        return Backends.call(SERVICE, deadline.on(stub).listRegisteredAsns(list(s, g, p, skipToken)))
                .map(page -> ArmResponses.list(page.getRegisteredAsnsList().stream().map(RegistrationResource::toArm),
                        uri, page.getNextPageToken()));
    }

    // ---- shapes

    private static ObjectNode properties(String body) {
        ObjectNode props = ArmJson.object(ArmJson.parseObject(body), "properties", "properties");
        if (props == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        return props;
    }

    private static RegistrationRef ref(String s, String g, String p, String name, String ifMatch, String parameter) {
        ArmNames.subscription(s);
        ArmNames.resourceGroup(g);
        ArmNames.name(p, "peeringName");
        ArmNames.name(name, parameter);
        return RegistrationRef.newBuilder().setSubscriptionId(s).setResourceGroup(g).setPeeringName(p).setName(name)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null)).build();
    }

    private static ListRegistrationsRequest list(String s, String g, String p, String skipToken) {
        ArmNames.subscription(s);
        ArmNames.resourceGroup(g);
        ArmNames.name(p, "peeringName");
        return ListRegistrationsRequest.newBuilder().setSubscriptionId(s).setResourceGroup(g).setPeeringName(p)
                .setPageToken(skipToken == null ? "" : skipToken).build();
    }

    private static String peeringId(String s, String g, String p) {
        return "/subscriptions/" + s + "/resourceGroups/" + g + "/providers/Microsoft.Peering/peerings/" + p;
    }

    static ObjectNode toArm(RegisteredPrefix r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", peeringId(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName()) + "/registeredPrefixes/"
                + r.getName());
        o.put("name", r.getName());
        o.put("type", "Microsoft.Peering/peerings/registeredPrefixes");
        o.put("etag", Etags.of(r.getVersion()));
        ObjectNode props = o.putObject("properties");
        props.put("prefix", r.getPrefix());
        props.put("prefixValidationState", r.getPrefixValidationState());
        props.put("peeringServicePrefixKey", r.getPeeringServicePrefixKey());
        if (!r.getErrorMessage().isEmpty()) {
            props.put("errorMessage", r.getErrorMessage());
        }
        props.put("provisioningState", "Succeeded");
        return o;
    }

    static ObjectNode toArm(RegisteredAsn r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", peeringId(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName()) + "/registeredAsns/"
                + r.getName());
        o.put("name", r.getName());
        o.put("type", "Microsoft.Peering/peerings/registeredAsns");
        o.put("etag", Etags.of(r.getVersion()));
        ObjectNode props = o.putObject("properties");
        props.put("asn", r.getAsn());
        props.put("peeringServicePrefixKey", r.getPeeringServicePrefixKey());
        props.put("provisioningState", "Succeeded");
        return o;
    }

    private static Response ok(int status, RegisteredPrefix r) {
        return ArmResponses.versioned(status, toArm(r), r.getVersion());
    }

    private static Response ok(int status, RegisteredAsn r) {
        return ArmResponses.versioned(status, toArm(r), r.getVersion());
    }
}

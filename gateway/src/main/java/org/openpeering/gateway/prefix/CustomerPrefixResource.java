package org.openpeering.gateway.prefix;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.gateway.peerasn.PeerAsnResource;
import org.openpeering.proto.prefix.v1.CustomerPrefix;
import org.openpeering.proto.prefix.v1.ListPrefixEventsRequest;
import org.openpeering.proto.prefix.v1.ListPrefixesRequest;
import org.openpeering.proto.prefix.v1.MutinyCustomerPrefixServiceGrpc;
import org.openpeering.proto.prefix.v1.PrefixEvent;
import org.openpeering.proto.prefix.v1.PrefixRef;
import org.openpeering.proto.prefix.v1.PutPrefixRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** ARM {@code prefixes} of a customer's peering service, and the paged {@code events} extension. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPrefixResource {

    static final String SERVICE = "prefix-service";
    private static final String PS = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.Peering/peeringServices/{peeringServiceName}";

    private final MutinyCustomerPrefixServiceGrpc.MutinyCustomerPrefixServiceStub stub;
    private final BackendDeadline deadline;

    public CustomerPrefixResource(
            @GrpcClient("prefix") MutinyCustomerPrefixServiceGrpc.MutinyCustomerPrefixServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path(PS + "/prefixes/{prefixName}")
    public Uni<Response> get(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @PathParam("prefixName") String name,
            @QueryParam("$expand") String expand) {
        PrefixRef ref = ref(s, g, ps, name, null).setWithEvents(events(expand)).build();
        return Backends.call(SERVICE, deadline.on(stub).getPrefix(ref)).map(p -> ok(200, p, ref.getWithEvents()));
    }

    @Access({ Role.CUSTOMER })
    @PUT
    @Path(PS + "/prefixes/{prefixName}")
    public Uni<Response> put(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @PathParam("prefixName") String name,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ref(s, g, ps, name, null);
        ObjectNode props = ArmJson.object(ArmJson.parseObject(body), "properties", "properties");
        if (props == null) {
            throw ArmException.badArgument("properties", "The properties object is required.");
        }
        String prefix = ArmJson.string(props, "prefix", "properties.prefix");
        if (prefix == null) {
            throw ArmException.badArgument("properties.prefix", "The prefix is required, e.g. 203.0.113.0/24.");
        }
        String key = ArmJson.string(props, "peeringServicePrefixKey", "properties.peeringServicePrefixKey");
        CustomerPrefix.Builder p = CustomerPrefix.newBuilder().setSubscriptionId(s).setResourceGroup(g)
                .setPeeringServiceName(ps).setName(name).setPrefix(prefix).setPeeringServicePrefixKey(key == null ? "" : key);
        JsonNode allowed = ArmJson.array(props, "allowedOriginAsns", "properties.allowedOriginAsns");
        if (allowed != null) {
            for (int i = 0; i < allowed.size(); i++) {
                JsonNode a = allowed.get(i);
                if (!a.isIntegralNumber() || !a.canConvertToLong()) {
                    throw ArmException.invalidContent("properties.allowedOriginAsns[" + i + "]",
                            "The value of 'properties.allowedOriginAsns[" + i + "]' must be an integer.");
                }
                p.addAllowedOriginAsns(a.longValue());
            }
        }
        return Backends.call(SERVICE, deadline.on(stub).putPrefix(PutPrefixRequest.newBuilder().setPrefix(p)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, ifNoneMatch)).build()))
                .map(r -> ok(r.getCreated() ? 201 : 200, r.getPrefix(), false));
    }

    @Access({ Role.CUSTOMER })
    @DELETE
    @Path(PS + "/prefixes/{prefixName}")
    public Uni<Response> delete(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @PathParam("prefixName") String name,
            @HeaderParam("If-Match") String ifMatch) {
        return Backends.call(SERVICE, deadline.on(stub).deletePrefix(ref(s, g, ps, name, ifMatch).build()))
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path(PS + "/prefixes")
    public Uni<ObjectNode> list(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @QueryParam("$expand") String expand,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(s);
        ArmNames.resourceGroup(g);
        ArmNames.name(ps, "peeringServiceName");
        boolean withEvents = events(expand);
        return Backends.call(SERVICE, deadline.on(stub).listPrefixes(ListPrefixesRequest.newBuilder().setSubscriptionId(s)
                .setResourceGroup(g).setPeeringServiceName(ps).setWithEvents(withEvents)
                .setPageToken(skipToken == null ? "" : skipToken).build()))
                .map(page -> ArmResponses.list(page.getPrefixesList().stream().map(p -> toArm(p, withEvents)), uri,
                        page.getNextPageToken()));
    }

    /** The full event history, newest first, paged ({@code $top} per page, at most 1000). */
    @Access({ Role.CUSTOMER })
    @GET
    @Path(PS + "/prefixes/{prefixName}/events")
    public Uni<ObjectNode> events(@PathParam("subscriptionId") String s, @PathParam("resourceGroupName") String g,
            @PathParam("peeringServiceName") String ps, @PathParam("prefixName") String name,
            @QueryParam("$top") String top, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ref(s, g, ps, name, null);
        int size = Links.top(top);
        return Backends.call(SERVICE, deadline.on(stub).listPrefixEvents(ListPrefixEventsRequest.newBuilder()
                .setSubscriptionId(s).setResourceGroup(g).setPeeringServiceName(ps).setName(name).setPageSize(size)
                .setPageToken(skipToken == null ? "" : skipToken).build()))
                .map(page -> ArmResponses.list(page.getEventsList().stream().map(CustomerPrefixResource::toArm), uri,
                        page.getNextPageToken()));
    }

    private static boolean events(String expand) {
        if (expand == null || expand.isBlank()) {
            return false;
        }
        if (!expand.trim().equalsIgnoreCase("events")) {
            throw ArmException.badArgument("$expand", "$expand supports 'events' only.");
        }
        return true;
    }

    private static PrefixRef.Builder ref(String s, String g, String ps, String name, String ifMatch) {
        ArmNames.subscription(s);
        ArmNames.resourceGroup(g);
        ArmNames.name(ps, "peeringServiceName");
        ArmNames.name(name, "prefixName");
        return PrefixRef.newBuilder().setSubscriptionId(s).setResourceGroup(g).setPeeringServiceName(ps).setName(name)
                .setPrecondition(PeerAsnResource.precondition(ifMatch, null));
    }

    static ObjectNode toArm(CustomerPrefix p, boolean withEvents) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", "/subscriptions/" + p.getSubscriptionId() + "/resourceGroups/" + p.getResourceGroup()
                + "/providers/Microsoft.Peering/peeringServices/" + p.getPeeringServiceName() + "/prefixes/" + p.getName());
        o.put("name", p.getName());
        o.put("type", "Microsoft.Peering/peeringServices/prefixes");
        o.put("etag", Etags.of(p.getVersion()));
        ObjectNode props = o.putObject("properties");
        props.put("prefix", p.getPrefix());
        props.put("prefixValidationState", p.getPrefixValidationState());
        props.put("learnedType", p.getLearnedType());
        if (!p.getErrorMessage().isEmpty()) {
            props.put("errorMessage", p.getErrorMessage());
        }
        props.put("peeringServicePrefixKey", p.getPeeringServicePrefixKey());
        if (p.getAllowedOriginAsnsCount() > 0) {
            ArrayNode allowed = props.putArray("allowedOriginAsns");
            p.getAllowedOriginAsnsList().forEach(allowed::add);
        }
        if (withEvents) {
            ArrayNode events = props.putArray("events");
            p.getEventsList().forEach(e -> events.add(toArm(e)));
        }
        props.put("provisioningState", "Succeeded");
        return o;
    }

    static ObjectNode toArm(PrefixEvent e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("eventTimestamp", e.getEventTimestamp());
        o.put("eventType", e.getEventType());
        o.put("eventSummary", e.getEventSummary());
        o.put("eventLevel", e.getEventLevel());
        o.put("eventDescription", e.getEventDescription());
        return o;
    }

    private static Response ok(int status, CustomerPrefix p, boolean withEvents) {
        return ArmResponses.versioned(status, toArm(p, withEvents), p.getVersion());
    }
}

package org.openpeering.gateway.peerasn;

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

import org.openpeering.gateway.arm.ArmJson;
import org.openpeering.gateway.arm.ArmNames;
import org.openpeering.gateway.arm.ArmResponses;
import org.openpeering.gateway.arm.Etags;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.partner.v1.ContactDetail;
import org.openpeering.proto.partner.v1.DeletePeerAsnRequest;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.partner.v1.PutPeerAsnRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** ARM {@code peerAsns}: a subscription-level proxy resource owned by partner-service. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PeerAsnResource {

    private final PeerAsnClient client;

    public PeerAsnResource(PeerAsnClient client) {
        this.client = client;
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns")
    public Uni<ObjectNode> list(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        return client.list(subscriptionId, skipToken).map(page -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var value = body.putArray("value");
            page.getPeerAsnsList().forEach(p -> value.add(PeerAsnJson.toArm(p)));
            String next = Links.next(uri, page.getNextPageToken());
            if (next != null) {
                body.put("nextLink", next);
            }
            return body;
        });
    }

    @Access({Role.PARTNER})
    @GET
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns/{peerAsnName}")
    public Uni<Response> get(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        return client.get(subscriptionId, name)
                .map(p -> Response.ok(PeerAsnJson.toArm(p)).type(ArmResponses.JSON).tag(new jakarta.ws.rs.core.EntityTag(
                        String.valueOf(p.getVersion()))).build());
    }

    @Access({Role.PARTNER})
    @PUT
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns/{peerAsnName}")
    public Uni<Response> put(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("If-None-Match") String ifNoneMatch, String body) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        PutPeerAsnRequest request = PeerAsnJson.fromArm(subscriptionId, name, ArmJson.parseObject(body))
                .setPrecondition(precondition(ifMatch, ifNoneMatch)).build();
        return client.put(request).map(r -> Response.status(r.getCreated() ? 201 : 200)
                .entity(PeerAsnJson.toArm(r.getPeerAsn())).type(ArmResponses.JSON)
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(r.getPeerAsn().getVersion()))).build());
    }

    @Access({Role.PARTNER})
    @DELETE
    @Path("subscriptions/{subscriptionId}/providers/Microsoft.Peering/peerAsns/{peerAsnName}")
    public Uni<Response> delete(@PathParam("subscriptionId") String subscriptionId,
            @PathParam("peerAsnName") String name, @HeaderParam("If-Match") String ifMatch) {
        ArmNames.subscription(subscriptionId);
        ArmNames.name(name, "peerAsnName");
        return client.delete(DeletePeerAsnRequest.newBuilder().setSubscriptionId(subscriptionId).setName(name)
                .setPrecondition(precondition(ifMatch, null)).build())
                .map(r -> Response.status(r.getExisted() ? 200 : 204).build());
    }

    public static Precondition precondition(String ifMatch, String ifNoneMatch) {
        Etags.Condition c = Etags.condition(ifMatch, ifNoneMatch);
        Precondition.Builder b = Precondition.newBuilder().setIfMatchAny(c.ifMatchAny())
                .setIfNoneMatchAny(c.ifNoneMatchAny());
        if (c.ifMatchVersion() != null) {
            b.setIfMatchVersion(c.ifMatchVersion());
        }
        return b.build();
    }

    /** The ARM JSON of a peer ASN, both ways. */
    static final class PeerAsnJson {

        private PeerAsnJson() {
        }

        static ObjectNode toArm(org.openpeering.proto.partner.v1.PeerAsn p) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("id", "/subscriptions/" + p.getSubscriptionId() + "/providers/Microsoft.Peering/peerAsns/"
                    + p.getName());
            o.put("name", p.getName());
            o.put("type", "Microsoft.Peering/peerAsns");
            o.put("etag", Etags.of(p.getVersion()));
            ObjectNode props = o.putObject("properties");
            props.put("peerAsn", p.getPeerAsn());
            var contacts = props.putArray("peerContactDetail");
            for (ContactDetail c : p.getPeerContactDetailList()) {
                ObjectNode cn = contacts.addObject();
                cn.put("role", c.getRole());
                cn.put("email", c.getEmail());
                if (!c.getPhone().isEmpty()) {
                    cn.put("phone", c.getPhone());
                }
            }
            props.put("peerName", p.getPeerName());
            props.put("validationState", p.getValidationState());
            if (!p.getErrorMessage().isEmpty()) {
                props.put("errorMessage", p.getErrorMessage());
            }
            return o;
        }

        /** The writable fields of the body; read-only ones (validationState, errorMessage) are ignored. */
        static PutPeerAsnRequest.Builder fromArm(String subscriptionId, String name, ObjectNode body) {
            PutPeerAsnRequest.Builder b = PutPeerAsnRequest.newBuilder().setSubscriptionId(subscriptionId)
                    .setName(name);
            ObjectNode props = ArmJson.object(body, "properties", "properties");
            if (props == null) {
                return b;
            }
            Long asn = ArmJson.integer(props, "peerAsn", "properties.peerAsn");
            if (asn != null) {
                b.setPeerAsn(asn);
            }
            String peerName = ArmJson.string(props, "peerName", "properties.peerName");
            if (peerName != null) {
                b.setPeerName(peerName);
            }
            JsonNode contacts = ArmJson.array(props, "peerContactDetail", "properties.peerContactDetail");
            if (contacts != null) {
                for (int i = 0; i < contacts.size(); i++) {
                    String at = "properties.peerContactDetail[" + i + "]";
                    JsonNode c = contacts.get(i);
                    if (!c.isObject()) {
                        throw org.openpeering.gateway.arm.ArmException.invalidContent(at,
                                "The value of '" + at + "' must be an object.");
                    }
                    ContactDetail.Builder cb = ContactDetail.newBuilder();
                    String role = ArmJson.string(c, "role", at + ".role");
                    String email = ArmJson.string(c, "email", at + ".email");
                    String phone = ArmJson.string(c, "phone", at + ".phone");
                    if (role != null) {
                        cb.setRole(role);
                    }
                    if (email != null) {
                        cb.setEmail(email);
                    }
                    if (phone != null) {
                        cb.setPhone(phone);
                    }
                    b.addPeerContactDetail(cb);
                }
            }
            return b;
        }
    }
}

package org.openpeering.gateway.catalogue;

import java.util.ArrayList;
import java.util.List;

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
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.partner.v1.CdnPeeringPrefix;
import org.openpeering.proto.partner.v1.ListCdnPeeringPrefixesRequest;
import org.openpeering.proto.partner.v1.ListPeeringLocationsRequest;
import org.openpeering.proto.partner.v1.ListServiceCountriesRequest;
import org.openpeering.proto.partner.v1.ListServiceLocationsRequest;
import org.openpeering.proto.partner.v1.ServiceLocation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/** The catalogue as partners and customers read it: peering locations, CDN prefixes, customer geography. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

    private static final String P = "subscriptions/{subscriptionId}/providers/Microsoft.Peering/";

    private final CatalogueClient client;

    public CatalogueResource(CatalogueClient client) {
        this.client = client;
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(P + "peeringLocations")
    public Uni<ObjectNode> peeringLocations(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("kind") String kind, @QueryParam("directPeeringType") String directPeeringType,
            @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        ArmNames.subscription(subscriptionId);
        if (kind == null || !(kind.equalsIgnoreCase("Direct") || kind.equalsIgnoreCase("Exchange"))) {
            throw ArmException.badArgument("kind", "The kind query parameter is required: Direct or Exchange.");
        }
        String k = kind.equalsIgnoreCase("Direct") ? "Direct" : "Exchange";
        return client.catalogue(s -> s.listPeeringLocations(ListPeeringLocationsRequest.newBuilder().setKind(k)
                .setDirectPeeringType(directPeeringType == null ? "" : directPeeringType)
                .setPageToken(skipToken == null ? "" : skipToken).build())).map(page -> {
                    List<ObjectNode> items = new ArrayList<>();
                    page.getPeeringLocationsList().forEach(l -> items.add(CatalogueJson.location(subscriptionId, l, k)));
                    ObjectNode body = CatalogueJson.list(items);
                    String next = Links.next(uri, page.getNextPageToken());
                    if (next != null) {
                        body.put("nextLink", next);
                    }
                    return body;
                });
    }

    @Access({ Role.PARTNER })
    @GET
    @Path(P + "cdnPeeringPrefixes")
    public Uni<ObjectNode> cdnPeeringPrefixes(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("peeringLocation") String peeringLocation) {
        ArmNames.subscription(subscriptionId);
        if (peeringLocation == null || peeringLocation.isBlank()) {
            throw ArmException.badArgument("peeringLocation", "The peeringLocation query parameter is required.");
        }
        return client.catalogue(s -> s.listCdnPeeringPrefixes(ListCdnPeeringPrefixesRequest.newBuilder()
                .setPeeringLocation(peeringLocation).build())).map(r -> {
                    List<ObjectNode> items = new ArrayList<>();
                    for (CdnPeeringPrefix c : r.getCdnPeeringPrefixesList()) {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        String name = c.getPrefix().replace('/', '_').replace(':', '-');
                        o.put("id", "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/cdnPeeringPrefixes/"
                                + name);
                        o.put("name", name);
                        o.put("type", "Microsoft.Peering/cdnPeeringPrefixes");
                        o.set("properties", CatalogueJson.cdnProperties(c));
                        items.add(o);
                    }
                    return CatalogueJson.list(items);
                });
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path(P + "peeringServiceCountries")
    public Uni<ObjectNode> countries(@PathParam("subscriptionId") String subscriptionId) {
        ArmNames.subscription(subscriptionId);
        return client.catalogue(s -> s.listServiceCountries(ListServiceCountriesRequest.getDefaultInstance())).map(r -> {
            List<ObjectNode> items = new ArrayList<>();
            for (String c : r.getCountriesList()) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("id", "/subscriptions/" + subscriptionId + "/providers/Microsoft.Peering/peeringServiceCountries/" + c);
                o.put("name", c);
                o.put("type", "Microsoft.Peering/peeringServiceCountries");
                items.add(o);
            }
            return CatalogueJson.list(items);
        });
    }

    @Access({ Role.CUSTOMER })
    @GET
    @Path(P + "peeringServiceLocations")
    public Uni<ObjectNode> serviceLocations(@PathParam("subscriptionId") String subscriptionId,
            @QueryParam("country") String country) {
        ArmNames.subscription(subscriptionId);
        return client.catalogue(s -> s.listServiceLocations(ListServiceLocationsRequest.newBuilder()
                .setCountry(country == null ? "" : country).build())).map(r -> {
                    List<ObjectNode> items = new ArrayList<>();
                    for (ServiceLocation l : r.getServiceLocationsList()) {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        o.put("id", "/subscriptions/" + subscriptionId
                                + "/providers/Microsoft.Peering/peeringServiceLocations/" + l.getState());
                        o.put("name", l.getState());
                        o.put("type", "Microsoft.Peering/peeringServiceLocations");
                        o.putObject("properties").put("country", l.getCountry()).put("state", l.getState())
                                .put("azureRegion", l.getAzureRegion()).put("latitude", l.getLatitude())
                                .put("longitude", l.getLongitude());
                        items.add(o);
                    }
                    return CatalogueJson.list(items);
                });
    }
}

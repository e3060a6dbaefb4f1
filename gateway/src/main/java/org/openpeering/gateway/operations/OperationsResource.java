package org.openpeering.gateway.operations;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ARM {@code operations}: what this resource provider offers, as ARM lists it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private record Operation(String resource, String operation, String verb, String description) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("peerAsns", "Read", "read", "Reads peer ASN registrations"),
            new Operation("peerAsns", "Write", "write", "Creates or replaces a peer ASN registration"),
            new Operation("peerAsns", "Delete", "delete", "Deletes a peer ASN registration"),
            new Operation("peerings", "Read", "read", "Reads peerings"),
            new Operation("peerings", "Write", "write", "Creates or replaces a peering"),
            new Operation("peerings", "Delete", "delete", "Deletes a peering"),
            new Operation("peerings/registeredAsns", "Read", "read", "Reads registered ASNs"),
            new Operation("peerings/registeredAsns", "Write", "write", "Registers an ASN for Peering Service"),
            new Operation("peerings/registeredAsns", "Delete", "delete", "Deletes a registered ASN"),
            new Operation("peerings/registeredPrefixes", "Read", "read", "Reads registered prefixes"),
            new Operation("peerings/registeredPrefixes", "Write", "write", "Registers a prefix for Peering Service"),
            new Operation("peerings/registeredPrefixes", "Delete", "delete", "Deletes a registered prefix"),
            new Operation("peerings/receivedRoutes", "Read", "read", "Reads the routes received from the peer"),
            new Operation("peeringLocations", "Read", "read", "Reads peering locations"),
            new Operation("peeringServices", "Read", "read", "Reads peering services"),
            new Operation("peeringServices", "Write", "write", "Creates or replaces a peering service"),
            new Operation("peeringServices", "Delete", "delete", "Deletes a peering service"),
            new Operation("peeringServices/prefixes", "Read", "read", "Reads peering service prefixes"),
            new Operation("peeringServices/prefixes", "Write", "write", "Activates a peering service prefix"),
            new Operation("peeringServices/prefixes", "Delete", "delete", "Deletes a peering service prefix"),
            new Operation("peeringServiceProviders", "Read", "read", "Reads Peering Service providers"),
            new Operation("peeringServiceCountries", "Read", "read", "Reads Peering Service countries"),
            new Operation("peeringServiceLocations", "Read", "read", "Reads Peering Service locations"),
            new Operation("lookingGlass", "Action", "action", "Runs a looking glass command"));

    @Access({Role.CUSTOMER, Role.PARTNER, Role.OPERATOR, Role.AGENT})
    @GET
    @Path("providers/Microsoft.Peering/operations")
    public ObjectNode list() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var value = body.putArray("value");
        for (Operation op : OPERATIONS) {
            ObjectNode o = value.addObject();
            o.put("name", "Microsoft.Peering/" + op.resource() + "/" + op.verb());
            ObjectNode d = o.putObject("display");
            d.put("provider", "Microsoft Peering");
            d.put("resource", op.resource());
            d.put("operation", op.operation());
            d.put("description", op.description());
            o.put("isDataAction", false);
        }
        return body;
    }
}

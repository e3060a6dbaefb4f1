package org.openpeering.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Issue acceptance: a partner registers its ASN, the operator approves it, the partner builds Direct peerings at two
 * locations, the operator assigns routers and drives the connections to Active; readiness, the provider directory
 * and the 1000-mile availability rule follow; with both connections on one router the primary location is lost.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerRegistrationIT {

    static final String SUB = "sub-partner-reg";
    static final String RG = "rg-peering";
    static final String MD5 = "Md5-Secret-For-Log-Grep-7f3a";
    static final String C1 = UUID.nameUUIDFromBytes("ams-1".getBytes()).toString();
    static final String C2 = UUID.nameUUIDFromBytes("ams-2".getBytes()).toString();
    static final String C3 = UUID.nameUUIDFromBytes("fra-1".getBytes()).toString();

    static RequestSpecification partner() {
        return ArmRequests.as(List.of(SUB), List.of("partner"));
    }

    static RequestSpecification operator() {
        return ArmRequests.as(List.of("*"), List.of("operator"));
    }

    static RequestSpecification customer() {
        return ArmRequests.as(List.of("sub-customer-reg"), List.of("customer"));
    }

    static String peeringPath(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/" + name;
    }

    static String peerAsnId() {
        return "/subscriptions/" + SUB + "/providers/Microsoft.Peering/peerAsns/contoso";
    }

    /** A Direct connection with the peer's own /31. */
    static String peerConnection(String id, int facility, String prefix, String peer, String ms, String md5) {
        return "{\"bandwidthInMbps\":10000,\"sessionAddressProvider\":\"Peer\",\"useForPeeringService\":true,"
                + "\"peeringDBFacilityId\":" + facility + ",\"connectionIdentifier\":\"" + id + "\","
                + "\"bgpSession\":{\"sessionPrefixV4\":\"" + prefix + "\",\"peerSessionIPv4Address\":\"" + peer + "\","
                + "\"microsoftSessionIPv4Address\":\"" + ms + "\",\"maxPrefixesAdvertisedV4\":1000"
                + (md5 == null ? "" : ",\"md5AuthenticationKey\":\"" + md5 + "\"") + "}}";
    }

    static String directPeering(String location, String sku, String... connections) {
        return "{\"location\":\"West Europe\",\"kind\":\"Direct\",\"sku\":{\"name\":\"" + sku + "\"},"
                + "\"properties\":{\"peeringLocation\":\"" + location + "\",\"direct\":{\"directPeeringType\":\"Edge\","
                + "\"peerAsn\":{\"id\":\"" + peerAsnId() + "\"},\"connections\":[" + String.join(",", connections)
                + "]}}}";
    }

    static String router(String location, int facility, String bgpId, String sysName) {
        return "{\"properties\":{\"peeringLocation\":\"" + location + "\",\"peeringDBFacilityId\":" + facility
                + ",\"bgpIdentifier\":\"" + bgpId + "\",\"sysName\":\"" + sysName + "\"}}";
    }

    @Test
    @Order(1)
    void partnerRegistersAndCannotPeerBeforeApproval() {
        partner().body(ArmRequests.peerAsnBody(65538, "Contoso Transit", "noc@contoso.example"))
                .put(ArmRequests.peerAsnPath(SUB, "contoso") + "?" + ArmRequests.V)
                .then().statusCode(201).body("properties.validationState", equalTo("Pending"));
        partner().body(directPeering("Amsterdam", "Basic_Direct_Free",
                peerConnection(C1, 64, "203.0.113.0/31", "203.0.113.1", "203.0.113.0", null)))
                .put(peeringPath("ams") + "?" + ArmRequests.V)
                .then().statusCode(400).body("error.code", equalTo("BadArgument"))
                .body("error.message", equalTo("PeerAsn is not approved for the subscription"))
                .body("error.target", equalTo("properties.direct.peerAsn.id"));
        partner().get(peeringPath("ams") + "?" + ArmRequests.V).then().statusCode(404);
    }

    @Test
    @Order(2)
    void operatorApprovesAndPlacesRouters() {
        operator().post("/operator/v1/subscriptions/" + SUB + "/peerAsns/contoso/approve?" + ArmRequests.V)
                .then().statusCode(200).body("properties.validationState", equalTo("Approved"));
        operator().body(router("Amsterdam", 64, "192.0.2.1", "ams-r1.e2e.example"))
                .put("/operator/v1/routers/ams-r1?" + ArmRequests.V).then().statusCode(201)
                .body("properties.peeringDBFacilityId", equalTo(64));
        operator().body(router("Amsterdam", 64, "192.0.2.2", "ams-r2.e2e.example"))
                .put("/operator/v1/routers/ams-r2?" + ArmRequests.V).then().statusCode(201);
        operator().body(router("Frankfurt", 58, "192.0.2.3", "fra-r1.e2e.example"))
                .put("/operator/v1/routers/fra-r1?" + ArmRequests.V).then().statusCode(201);
        // a partner cannot place routers
        partner().body(router("Frankfurt", 58, "192.0.2.4", "fra-r9.e2e.example"))
                .put("/operator/v1/routers/fra-r9?" + ArmRequests.V).then().statusCode(403);
        operator().get("/operator/v1/routers/fra-r9?" + ArmRequests.V).then().statusCode(404);
    }

    @Test
    @Order(3)
    void partnerCreatesDirectPeeringsAndPeeringServiceUpgradesTheSku() {
        JsonPath ams = partner().body(directPeering("Amsterdam", "Basic_Direct_Free",
                peerConnection(C1, 64, "203.0.113.0/31", "203.0.113.1", "203.0.113.0", MD5),
                peerConnection(C2, 64, "203.0.113.2/31", "203.0.113.3", "203.0.113.2", MD5)))
                .put(peeringPath("ams") + "?" + ArmRequests.V)
                .then().statusCode(201)
                .body("sku.name", equalTo("Premium_Direct_Free")).body("sku.tier", equalTo("Premium"))
                .body("sku.family", equalTo("Direct")).body("sku.size", equalTo("Free"))
                .body("properties.direct.useForPeeringService", equalTo(true))
                .body("properties.direct.connections.connectionState", everyItem(equalTo("PendingApproval")))
                .body("properties.direct.connections.provisionedBandwidthInMbps", everyItem(equalTo(0)))
                .body("properties.direct.connections.bgpSession.sessionStateV4", everyItem(equalTo("PendingAdd")))
                .body("properties.provisioningState", equalTo("Succeeded"))
                .extract().jsonPath();
        assertFalse(ams.prettify().contains(MD5), "the MD5 key came back");
        assertFalse(ams.prettify().contains("md5AuthenticationKey"), "md5AuthenticationKey is write-only");

        // the operator allocates from its pool for sessionAddressProvider Microsoft
        partner().body(directPeering("Frankfurt", "Premium_Direct_Free",
                "{\"bandwidthInMbps\":10000,\"sessionAddressProvider\":\"Microsoft\",\"useForPeeringService\":true,"
                        + "\"peeringDBFacilityId\":58,\"connectionIdentifier\":\"" + C3 + "\"}"))
                .put(peeringPath("fra") + "?" + ArmRequests.V)
                .then().statusCode(201)
                .body("properties.direct.connections[0].bgpSession.sessionPrefixV4", equalTo("198.51.100.128/31"))
                .body("properties.direct.connections[0].bgpSession.microsoftSessionIPv4Address", equalTo("198.51.100.128"))
                .body("properties.direct.connections[0].bgpSession.peerSessionIPv4Address", equalTo("198.51.100.129"))
                .body("properties.direct.connections[0].bgpSession.sessionPrefixV6", equalTo("2001:db8:ffff::/127"));

        // PUT again without the key keeps it (and changes nothing else): idempotent, 200
        partner().body(directPeering("Amsterdam", "Basic_Direct_Free",
                peerConnection(C1, 64, "203.0.113.0/31", "203.0.113.1", "203.0.113.0", null),
                peerConnection(C2, 64, "203.0.113.2/31", "203.0.113.3", "203.0.113.2", null)))
                .put(peeringPath("ams") + "?" + ArmRequests.V).then().statusCode(200)
                .body("properties.direct.connections", org.hamcrest.Matchers.hasSize(2));
    }

    @Test
    @Order(4)
    void peeringsAreListedPagedAndTagged() {
        // a third peering so that the lists (page size 2 in this suite) cross a page
        partner().body(directPeering("Frankfurt", "Basic_Direct_Free",
                "{\"bandwidthInMbps\":10000,\"sessionAddressProvider\":\"Microsoft\",\"peeringDBFacilityId\":58}"))
                .put(peeringPath("fra-spare") + "?" + ArmRequests.V).then().statusCode(201)
                .body("sku.name", equalTo("Basic_Direct_Free"))
                .body("properties.direct.connections[0].connectionIdentifier", notNullValue());
        JsonPath first = partner().get("/subscriptions/" + SUB + "/providers/Microsoft.Peering/peerings?" + ArmRequests.V)
                .then().statusCode(200).body("value", org.hamcrest.Matchers.hasSize(2))
                .body("nextLink", notNullValue()).extract().jsonPath();
        String next = first.getString("nextLink");
        partner().get(next).then().statusCode(200).body("value.name", equalTo(List.of("fra-spare")))
                .body("nextLink", nullValue());
        partner().get("/subscriptions/" + SUB + "/resourceGroups/" + RG.toUpperCase()
                + "/providers/Microsoft.Peering/peerings?" + ArmRequests.V).then().statusCode(200)
                .body("value.name", hasItem("ams"));
        partner().body("{\"tags\":{\"env\":\"e2e\"}}").patch(peeringPath("ams") + "?" + ArmRequests.V)
                .then().statusCode(200).body("tags.env", equalTo("e2e"))
                .body("properties.direct.connections", org.hamcrest.Matchers.hasSize(2));
        partner().get("/subscriptions/" + SUB + "/providers/Microsoft.Peering/legacyPeerings?peeringLocation=Frankfurt"
                + "&kind=Direct&" + ArmRequests.V).then().statusCode(200)
                .body("value.name", hasItem("fra")).body("value.name", not(hasItem("ams")));
        partner().delete(peeringPath("fra-spare") + "?" + ArmRequests.V).then().statusCode(200);
        partner().delete(peeringPath("fra-spare") + "?" + ArmRequests.V).then().statusCode(204);
    }

    @Test
    @Order(5)
    void operatorDrivesConnectionsToActive() {
        drive("ams", C1, "ams-r1");
        drive("ams", C2, "ams-r2");
        drive("fra", C3, "fra-r1");
        partner().get(peeringPath("ams") + "?" + ArmRequests.V).then().statusCode(200)
                .body("properties.direct.connections.connectionState", everyItem(equalTo("Active")))
                .body("properties.direct.connections.provisionedBandwidthInMbps", everyItem(equalTo(10000)))
                .body("properties.direct.connections.routerName", equalTo(List.of("ams-r1", "ams-r2")))
                .body("properties.direct.connections.bgpSession.sessionStateV4", everyItem(equalTo("Idle")));
    }

    static void drive(String peering, String connection, String router) {
        String path = "/operator/v1/subscriptions/" + SUB + "/resourceGroups/" + RG + "/peerings/" + peering
                + "/connections/" + connection + "/state?" + ArmRequests.V;
        // a router of another facility is refused
        operator().body("{\"state\":\"Approved\",\"routerName\":\"" + (router.startsWith("ams") ? "fra-r1" : "ams-r1")
                + "\"}").post(path).then().statusCode(400).body("error.target", equalTo("routerName"));
        operator().body("{\"state\":\"Approved\",\"routerName\":\"" + router + "\"}").post(path).then().statusCode(200);
        for (String state : List.of("ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active")) {
            operator().body("{\"state\":\"" + state + "\"}").post(path).then().statusCode(200);
        }
    }

    @Test
    @Order(6)
    void readinessDirectoryAndAvailabilityFollow() {
        partner().get("/subscriptions/" + SUB + "/providers/Microsoft.Peering/peerAsns/contoso/peeringServiceReadiness?"
                + ArmRequests.V).then().statusCode(200)
                .body("properties.isPeeringServiceProvider", equalTo(true))
                .body("properties.geoRedundant", equalTo(true))
                .body("properties.locations.find { it.peeringLocation == 'Amsterdam' }.canServeAsPrimary", equalTo(true))
                .body("properties.locations.find { it.peeringLocation == 'Amsterdam' }.routers",
                        equalTo(List.of("ams-r1", "ams-r2")))
                .body("properties.locations.find { it.peeringLocation == 'Frankfurt' }.canServeAsPrimary", equalTo(false))
                .body("properties.locations.find { it.peeringLocation == 'Frankfurt' }.canServeAsBackup", equalTo(true))
                .body("properties.locations.find { it.peeringLocation == 'Frankfurt' }.unmetRequirements[0]",
                        equalTo("Frankfurt: 1 connection on router fra-r1; a primary location needs 2 on different routers."));
        customer().get("/subscriptions/sub-customer-reg/providers/Microsoft.Peering/peeringServiceProviders?" + ArmRequests.V)
                .then().statusCode(200)
                .body("value.find { it.name == 'Contoso Transit' }.properties.peeringLocations",
                        equalTo(List.of("Amsterdam", "Frankfurt")))
                .body("value.find { it.name == 'Contoso Transit' }.properties.primaryPeeringLocations",
                        equalTo(List.of("Amsterdam")));
        assertAvailability("Noord-Holland", "Available");
        assertAvailability("noord-holland", "Available");
        assertAvailability("Washington", "Unavailable");
    }

    static void assertAvailability(String location, String expected) {
        String body = customer().body("{\"peeringServiceLocation\":\"" + location + "\",\"peeringServiceProvider\":"
                + "\"Contoso Transit\"}").post("/subscriptions/sub-customer-reg/providers/Microsoft.Peering/"
                        + "CheckServiceProviderAvailability?" + ArmRequests.V)
                .then().statusCode(200).contentType(containsString("application/json")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals("\"" + expected + "\"", body, location);
    }

    @Test
    @Order(7)
    void bothConnectionsOnOneRouterLoseThePrimaryLocation() {
        String path = "/operator/v1/subscriptions/" + SUB + "/resourceGroups/" + RG + "/peerings/ams/connections/" + C2
                + "/state?" + ArmRequests.V;
        operator().body("{\"state\":\"Active\",\"routerName\":\"ams-r1\"}").post(path).then().statusCode(200)
                .body("properties.direct.connections.routerName", equalTo(List.of("ams-r1", "ams-r1")));
        partner().get("/subscriptions/" + SUB + "/providers/Microsoft.Peering/peerAsns/contoso/peeringServiceReadiness?"
                + ArmRequests.V).then().statusCode(200)
                .body("properties.isPeeringServiceProvider", equalTo(false))
                .body("properties.locations.find { it.peeringLocation == 'Amsterdam' }.canServeAsPrimary", equalTo(false))
                .body("properties.locations.find { it.peeringLocation == 'Amsterdam' }.canServeAsBackup", equalTo(true))
                .body("properties.locations.find { it.peeringLocation == 'Amsterdam' }.unmetRequirements[0]",
                        equalTo("Amsterdam: 2 connections all on router ams-r1; a primary location needs 2 on different"
                                + " routers."));
        customer().get("/subscriptions/sub-customer-reg/providers/Microsoft.Peering/peeringServiceProviders?" + ArmRequests.V)
                .then().statusCode(200).body("value.name", not(hasItem("Contoso Transit")));
        assertAvailability("Noord-Holland", "Unavailable");
        operator().body("{\"state\":\"Active\",\"routerName\":\"ams-r2\"}").post(path).then().statusCode(200);
        assertAvailability("Noord-Holland", "Available");
    }

    @Test
    @Order(8)
    void theMd5KeyNeverReachesALog() throws IOException {
        Path logs = SuiteExtension.suite().logDirectory();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.toList();
            assertTrue(all.size() >= 4, "service logs: " + all);
            for (Path f : all) {
                assertFalse(Files.readString(f).contains(MD5), f + " contains the MD5 key");
            }
        }
    }

    @Test
    @Order(9)
    void theOperatorManagesTheCatalogueAndExchangePeeringsUseIt() {
        String location = "/operator/v1/peeringLocations/Testville?" + ArmRequests.V;
        operator().body("{\"properties\":{\"country\":\"Netherlands\",\"azureRegion\":\"West Europe\","
                + "\"latitude\":52.1,\"longitude\":5.1,"
                + "\"direct\":{\"peeringFacilities\":[{\"peeringDBFacilityId\":990001,\"name\":\"Test DC\","
                + "\"address\":\"1 Test Street\",\"directPeeringType\":\"Edge\"}],"
                + "\"bandwidthOffers\":[{\"offerName\":\"10Gbps\",\"valueInMbps\":10000}]},"
                + "\"exchange\":{\"peeringFacilities\":[{\"peeringDBFacilityId\":990002,\"exchangeName\":\"TEST-IX\","
                + "\"bandwidthInMbps\":10000,\"microsoftIPv4Address\":\"198.51.100.1\","
                + "\"facilityIPv4Prefix\":\"198.51.100.0/26\"}]},"
                + "\"cdnPeeringPrefixes\":[{\"prefix\":\"203.0.113.128/25\",\"azureRegion\":\"West Europe\","
                + "\"azureService\":\"CDN\",\"isPrimaryRegion\":true,\"bgpCommunity\":\"64496:8007\"}]}}")
                .put(location).then().statusCode(201)
                .body("properties.exchange.peeringFacilities[0].source", equalTo("operator"));
        partner().get("/subscriptions/" + SUB + "/providers/Microsoft.Peering/cdnPeeringPrefixes?peeringLocation=Testville&"
                + ArmRequests.V).then().statusCode(200)
                .body("value[0].properties.prefix", equalTo("203.0.113.128/25"))
                .body("value[0].properties.bgpCommunity", equalTo("64496:8007"));

        String path = peeringPath("tix") + "?" + ArmRequests.V;
        String exchange = "{\"location\":\"West Europe\",\"kind\":\"Exchange\",\"sku\":{\"name\":\"Basic_Exchange_Free\"},"
                + "\"properties\":{\"peeringLocation\":\"Testville\",\"exchange\":{\"peerAsn\":{\"id\":\"" + peerAsnId()
                + "\"},\"connections\":[{\"peeringDBFacilityId\":990002,\"bgpSession\":{\"peerSessionIPv4Address\":"
                + "\"%s\",\"maxPrefixesAdvertisedV4\":100}}]}}}";
        partner().body(String.format(exchange, "198.51.100.99")).put(path).then().statusCode(400)
                .body("error.target", equalTo("properties.exchange.connections[0].bgpSession.peerSessionIPv4Address"));
        partner().body(String.format(exchange, "198.51.100.10")).put(path).then().statusCode(201)
                .body("kind", equalTo("Exchange")).body("sku.family", equalTo("Exchange"))
                .body("properties.exchange.connections[0].bgpSession.microsoftSessionIPv4Address", equalTo("198.51.100.1"))
                .body("properties.exchange.connections[0].connectionState", equalTo("PendingApproval"));

        // a facility in use cannot leave the catalogue, nor can the location
        operator().body("{\"properties\":{\"country\":\"Netherlands\",\"azureRegion\":\"West Europe\","
                + "\"latitude\":52.1,\"longitude\":5.1}}").put(location).then().statusCode(409)
                .body("error.code", equalTo("Conflict"));
        operator().delete(location).then().statusCode(409);
        operator().get(location).then().statusCode(200)
                .body("properties.exchange.peeringFacilities[0].exchangeName", equalTo("TEST-IX"));
        partner().delete(path).then().statusCode(200);
        operator().delete(location).then().statusCode(200);
        operator().get(location).then().statusCode(404);
    }
}

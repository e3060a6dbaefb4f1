package org.openpeering.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.bgp.Daemon;
import org.openpeering.testsupport.bgp.GoBgp;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * receivedRoutes through the gateway: a partner's peering, its connection placed on an operator router, a real
 * gobgpd speaking BGP from the connection's peer address to telemetry-service's listener; the routes come back
 * with RPKI states from the suite's VRP file, filtered and paged; after a restart of telemetry-service they are
 * read back from its database at once, and flushed when the router does not return.
 */
class ReceivedRoutesIT {

    static final String SUB = "sub-routes";
    static final String RG = "rg-routes";
    // gobgpd at 127.0.0.7, AS 65550: the collector accepts it because partner-service places the connection with
    // that peer address on router e2e-r1 (no neighbour is configured in telemetry-service)

    static GoBgp gobgp;

    @AfterAll
    static void stop() {
        if (gobgp != null) {
            gobgp.close();
        }
    }

    static RequestSpecification partner() {
        return ArmRequests.as(List.of(SUB), List.of("partner"));
    }

    static RequestSpecification operator() {
        return ArmRequests.as(List.of("*"), List.of("operator"));
    }

    @Test
    void theRoutesOfAPeeringsSessionsComeBackWithTheirRpkiState() throws Exception {
        Daemon.require("gobgpd", "gobgp");
        String peering = "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/r1";
        String connection = UUID.nameUUIDFromBytes("routes-1".getBytes()).toString();
        partner().body(ArmRequests.peerAsnBody(65550, "Routes Net", "noc@routes.example"))
                .put(ArmRequests.peerAsnPath(SUB, "routes") + "?" + ArmRequests.V).then().statusCode(201);
        operator().post("/operator/v1/subscriptions/" + SUB + "/peerAsns/routes/approve?" + ArmRequests.V)
                .then().statusCode(200);
        operator().body("{\"properties\":{\"peeringLocation\":\"Amsterdam\",\"peeringDBFacilityId\":64,"
                + "\"bgpIdentifier\":\"192.0.2.70\",\"sysName\":\"e2e-r1.example\"}}")
                .put("/operator/v1/routers/e2e-r1?" + ArmRequests.V).then().statusCode(201);
        partner().body("{\"location\":\"West Europe\",\"kind\":\"Direct\",\"sku\":{\"name\":\"Basic_Direct_Free\"},"
                + "\"properties\":{\"peeringLocation\":\"Amsterdam\",\"direct\":{\"peerAsn\":{\"id\":\"/subscriptions/" + SUB
                + "/providers/Microsoft.Peering/peerAsns/routes\"},\"connections\":[{\"connectionIdentifier\":\""
                + connection + "\",\"bandwidthInMbps\":10000,\"sessionAddressProvider\":\"Peer\",\"peeringDBFacilityId\":64,"
                + "\"bgpSession\":{\"sessionPrefixV4\":\"127.0.0.6/31\",\"microsoftSessionIPv4Address\":\"127.0.0.6\","
                + "\"peerSessionIPv4Address\":\"127.0.0.7\"}}]}}}")
                .put(peering + "?" + ArmRequests.V).then().statusCode(201);
        operator().body("{\"state\":\"Approved\",\"routerName\":\"e2e-r1\"}")
                .post("/operator/v1/subscriptions/" + SUB + "/resourceGroups/" + RG + "/peerings/r1/connections/"
                        + connection + "/state?" + ArmRequests.V).then().statusCode(200);

        int port = Integer.parseInt(SuiteExtension.suite().environment("TELEMETRY_BGP_PORT"));
        gobgp = new GoBgp("127.0.0.7", 65550, "127.0.0.1", 64496, port);
        gobgp.announce("203.0.113.0/24", "64510", "64496:8007");
        gobgp.announce("198.51.100.0/24", "64505", null);
        gobgp.announce("192.0.2.0/24", "64512", null);

        String routes = peering + "/receivedRoutes?" + ArmRequests.V;
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                partner().get(routes + "&prefix=203.0.113.0/24").then().statusCode(200)
                        .body("value", hasSize(1))
                        .body("value[0].asPath", equalTo("65550 64510"))
                        .body("value[0].nextHop", equalTo("127.0.0.7"))
                        .body("value[0].rpkiValidationState", equalTo("Valid"))
                        .body("value[0].receivedTimestamp", notNullValue()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                partner().get(routes + "&rpkiValidationState=Invalid").then().statusCode(200)
                        .body("value.prefix", equalTo(List.of("198.51.100.0/24"))));
        partner().get(routes + "&rpkiValidationState=NotFound").then().statusCode(200)
                .body("value.prefix", equalTo(List.of("192.0.2.0/24")));
        // page size 2 in this suite: three routes cross a page
        JsonPath first = partner().get(routes).then().statusCode(200).body("value", hasSize(2))
                .body("nextLink", notNullValue()).extract().jsonPath();
        partner().get(first.getString("nextLink")).then().statusCode(200).body("value", hasSize(1))
                .body("nextLink", nullValue());
        partner().get(routes + "&rpkiValidationState=Sideways").then().statusCode(400)
                .body("error.target", equalTo("rpkiValidationState"));
        // another subscription sees nothing of it
        ArmRequests.as(List.of("sub-someone-else"), List.of("partner")).get(routes).then().statusCode(403);
        operator().post("/operator/v1/rpki/reload?" + ArmRequests.V).then().statusCode(200)
                .body("vrps", equalTo(3)).body("source", org.hamcrest.Matchers.startsWith("file:"));
        ArmRequests.as(List.of(SUB), List.of("partner")).post("/operator/v1/rpki/reload?" + ArmRequests.V).then()
                .statusCode(403);
        // a withdrawal leaves the table
        gobgp.withdraw("192.0.2.0/24");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                partner().get(routes + "&prefix=192.0.2.0/24").then().statusCode(200).body("value", hasSize(0)));
        partner().get(routes).then().body("value.prefix", hasItem("203.0.113.0/24"));

        // once Active, the connection's session state is the live one from telemetry-service
        for (String state : List.of("ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active")) {
            operator().body("{\"state\":\"" + state + "\"}").post("/operator/v1/subscriptions/" + SUB
                    + "/resourceGroups/" + RG + "/peerings/r1/connections/" + connection + "/state?" + ArmRequests.V)
                    .then().statusCode(200);
        }
        partner().get(peering + "?" + ArmRequests.V).then().statusCode(200)
                .body("properties.direct.connections[0].bgpSession.sessionStateV4", equalTo("Established"));

        // warm restart: telemetry-service stops (writing its table), the router goes away meanwhile, and the
        // restarted service answers from the stored table at once, with the session not up
        SuiteExtension.suite().stopService("telemetry-service");
        gobgp.close();
        SuiteExtension.suite().restartService("telemetry-service", Duration.ofSeconds(120));
        partner().get(routes + "&prefix=203.0.113.0/24").then().statusCode(200)
                .body("value", hasSize(1))
                .body("value[0].asPath", equalTo("65550 64510"))
                .body("value[0].nextHop", equalTo("127.0.0.7"))
                .body("value[0].rpkiValidationState", equalTo("Valid"));
        partner().get(routes + "&prefix=192.0.2.0/24").then().statusCode(200).body("value", hasSize(0));
        partner().get(peering + "?" + ArmRequests.V).then().statusCode(200)
                .body("properties.direct.connections[0].bgpSession.sessionStateV4", equalTo("Idle"));
        // the router does not come back within the hold (10 s here): its restored routes are flushed
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                partner().get(routes).then().statusCode(200).body("value", hasSize(0)));
        partner().get(peering + "?" + ArmRequests.V).then().statusCode(200)
                .body("properties.direct.connections[0].bgpSession.sessionStateV4", equalTo("Idle"));
    }
}

package org.openpeering.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpeering.testsupport.JwtTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;

/**
 * The ARM conventions the gateway applies itself, before any backing service is involved. No service runs in
 * this test (their ports are closed), so every call that gets past the gateway's own checks meets 503.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class ArmConventionsTest {

    /** A caller allowed everything on every subscription. */
    private static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer "
                + JwtTestResource.token(List.of("*"), List.of("customer", "partner", "operator", "agent")));
    }

    private static final String PEER_ASN = "/subscriptions/sub1/providers/Microsoft.Peering/peerAsns/contoso";
    private static final String V = "?api-version=2025-05-01";
    private static final String BODY = "{\"properties\":{\"peerAsn\":64500,\"peerName\":\"Contoso\","
            + "\"peerContactDetail\":[{\"role\":\"Noc\",\"email\":\"noc@example.com\"}]}}";

    @Test
    void missingApiVersionIsRejectedWithTheArmError() {
        given().get(PEER_ASN).then().statusCode(400)
                .contentType(containsString("application/json"))
                .body("error.code", equalTo("MissingApiVersionParameter"))
                .body("error.message", equalTo(
                        "The api-version query parameter (?api-version=) is required for all requests."));
    }

    @Test
    void unknownApiVersionNamesTheSupportedOnes() {
        given().get(PEER_ASN + "?api-version=2099-01-01").then().statusCode(400)
                .body("error.code", equalTo("InvalidApiVersionParameter"))
                .body("error.message", containsString("2025-05-01"))
                .body("error.message", containsString("2021-06-01"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON             | {\"properties\":                         | InvalidRequestContent |",
            "an array             | []                                         | InvalidRequestContent |",
            "empty                | ''                                         | InvalidRequestContent |",
            "peerAsn as a string  | {\"properties\":{\"peerAsn\":\"64500\"}}   | InvalidRequestContent | properties.peerAsn",
            "peerAsn as a float   | {\"properties\":{\"peerAsn\":64500.5}}     | InvalidRequestContent | properties.peerAsn",
            "properties a string  | {\"properties\":\"x\"}                     | InvalidRequestContent | properties",
            "contacts an object   | {\"properties\":{\"peerContactDetail\":{}}} | InvalidRequestContent | properties.peerContactDetail",
            "email a number       | {\"properties\":{\"peerContactDetail\":[{\"email\":5}]}} | InvalidRequestContent | properties.peerContactDetail[0].email",
    })
    void malformedBodiesAreRejectedBeforeAnyServiceIsCalled(String why, String body, String code, String target) {
        var then = given().contentType(ContentType.JSON).body(body).put(PEER_ASN + V).then()
                .statusCode(400).body("error.code", equalTo(code));
        if (target != null) {
            then.body("error.target", equalTo(target));
        }
    }

    @ParameterizedTest
    @CsvSource({ "a b", "name!", "0123456789012345678901234567890123456789012345678901234567890123", "caf%C3%A9" })
    void illegalNamesAreRejected(String name) {
        given().contentType(ContentType.JSON).body(BODY)
                .urlEncodingEnabled(!name.contains("%"))
                .put("/subscriptions/sub1/providers/Microsoft.Peering/peerAsns/" + name + V)
                .then().statusCode(400).body("error.code", equalTo("InvalidResourceName"))
                .body("error.target", equalTo("peerAsnName"));
    }

    @Test
    void aBackingServiceThatIsDownGivesServiceUnavailableWithRetryAfter() {
        given().contentType(ContentType.JSON).body(BODY).put(PEER_ASN + V).then()
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("ServiceUnavailable"))
                .body("error.message", containsString("partner-service"));
    }

    @Test
    void pathsAreCaseInsensitive() {
        // reaches the peer ASN route (and so the missing partner-service), not a 404
        given().get("/SUBSCRIPTIONS/sub1/Providers/microsoft.peering/PEERASNS/contoso" + V).then()
                .statusCode(503).body("error.code", equalTo("ServiceUnavailable"));
        given().get("/Providers/Microsoft.Peering/Operations" + V).then().statusCode(200);
    }

    @Test
    void everyAnswerCarriesRequestIdsAndEchoesTheClientsCorrelationId() {
        given().header("x-ms-client-request-id", "client-1").get(PEER_ASN).then()
                .header("x-ms-request-id", notNullValue())
                .header("x-ms-correlation-request-id", equalTo("client-1"));
        given().header("x-ms-correlation-request-id", "corr-7").get("/providers/Microsoft.Peering/operations" + V)
                .then().statusCode(200)
                .header("x-ms-correlation-request-id", equalTo("corr-7"))
                .header("Content-Type", equalTo("application/json; charset=utf-8"));
    }

    @Test
    void operationsListsWhatTheProviderOffers() {
        given().get("/providers/Microsoft.Peering/operations" + V).then().statusCode(200)
                .body("value.size()", greaterThan(10))
                .body("value.find { it.name == 'Microsoft.Peering/peerAsns/write' }.display.resource",
                        equalTo("peerAsns"))
                .body("value[0].isDataAction", equalTo(false))
                .body("nextLink", nullValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /subscriptions/s/resourceGroups/rg/providers/Microsoft.Peering/peerings/p/rpUnbilledPrefixes",
            "GET,    /subscriptions/s/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps/connectionMonitorTests/x",
            "POST,   /subscriptions/s/providers/Microsoft.Peering/initializeConnectionMonitor",
            "GET,    /subscriptions/s/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps/connectionMonitorTests",
    })
    void operationsNotImplementedYetSayOperationNotSupported(String method, String path) {
        given().contentType(ContentType.JSON).body("{}").request(method, path + V).then()
                .statusCode(405).body("error.code", equalTo("OperationNotSupported"))
                .body("error.message", containsString("not implemented yet"));
    }

    @Test
    void lookingGlassPingWaitsForAgentsAndUnknownCommandsAreBadArguments() {
        String lg = "/subscriptions/s/providers/Microsoft.Peering/lookingGlass" + V;
        given().post(lg + "&command=Ping&sourceType=EdgeSite&sourceLocation=Amsterdam&destinationIP=192.0.2.1")
                .then().statusCode(405).body("error.code", equalTo("OperationNotSupported"));
        given().post(lg + "&command=Dig&destinationIP=192.0.2.1").then().statusCode(400)
                .body("error.code", equalTo("BadArgument")).body("error.target", equalTo("command"));
    }

    @Test
    void unknownPathsGetAnArmNotFound() {
        given().get("/subscriptions/s/providers/Microsoft.Peering/nothingHere" + V).then().statusCode(404)
                .body("error.code", equalTo("NotFound"));
    }

    @Test
    void readinessIsTheGatewaysOwnWhileTheServicesGroupReportsThemDown() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/group/services").then().statusCode(503)
                .body("checks[0].data.partner-service", containsString("UNREACHABLE"));
    }
}

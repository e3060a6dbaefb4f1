package org.openpeering.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.openpeering.e2e.ArmRequests.V;
import static org.openpeering.e2e.ArmRequests.anonymous;
import static org.openpeering.e2e.ArmRequests.as;
import static org.openpeering.e2e.ArmRequests.gateway;
import static org.openpeering.e2e.ArmRequests.peerAsnBody;
import static org.openpeering.e2e.ArmRequests.peerAsnPath;
import static org.openpeering.e2e.ArmRequests.peerAsnsPath;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openpeering.local.DevTokens;

/** Subscription isolation and roles, through the gateway, against the real services. */
class TenancyIT {

    private static String sub() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCallerOfSubscriptionACannotReadListChangeOrDeleteAnythingOfSubscriptionB() {
        String a = sub();
        String b = sub();
        String path = peerAsnPath(b, "bees");
        as(List.of(b), List.of("partner")).body(peerAsnBody(65540)).put(path + "?" + V).then().statusCode(201);

        var callerOfA = as(List.of(a), DevTokens.ALL_ROLES);
        for (var call : List.<java.util.function.Supplier<io.restassured.response.Response>>of(
                () -> as(List.of(a), DevTokens.ALL_ROLES).get(path + "?" + V),
                () -> as(List.of(a), DevTokens.ALL_ROLES).get(peerAsnsPath(b) + "?" + V),
                () -> as(List.of(a), DevTokens.ALL_ROLES).body(peerAsnBody(65540, "Stolen", "x@example.com"))
                        .put(path + "?" + V),
                () -> as(List.of(a), DevTokens.ALL_ROLES).delete(path + "?" + V))) {
            call.get().then().statusCode(403).body("error.code", equalTo("AuthorizationFailed"));
        }
        callerOfA.get(peerAsnsPath(a) + "?" + V).then().statusCode(200).body("value", hasSize(0));
        as(List.of(b), List.of("partner")).get(path + "?" + V).then().statusCode(200)
                .body("properties.peerName", equalTo("Contoso Networks")).body("etag", equalTo("\"1\""));
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        String s = sub();
        // a customer may not register ASNs; a partner may
        as(List.of(s), List.of("customer")).body(peerAsnBody(65541)).put(peerAsnPath(s, "c") + "?" + V).then()
                .statusCode(403).body("error.code", equalTo("AuthorizationFailed"));
        as(List.of(s), List.of("partner")).body(peerAsnBody(65541)).put(peerAsnPath(s, "p") + "?" + V).then()
                .statusCode(201);
        // the operator reads everything but does not write partner resources
        as(List.of("*"), List.of("operator")).get(peerAsnsPath(s) + "?" + V).then().statusCode(200)
                .body("value", hasSize(1));
        as(List.of("*"), List.of("operator")).delete(peerAsnPath(s, "p") + "?" + V).then().statusCode(403);
        // a partner cannot approve its own ASN; only the operator may
        as(List.of(s), List.of("partner")).post("/operator/v1/subscriptions/" + s + "/peerAsns/p/approve?" + V)
                .then().statusCode(403).body("error.code", equalTo("AuthorizationFailed"));
        gateway().get(peerAsnPath(s, "p") + "?" + V).then().body("properties.validationState", equalTo("Pending"));
        as(List.of("*"), List.of("operator")).body("{\"errorMessage\":\"No route object for AS65541\"}")
                .post("/operator/v1/subscriptions/" + s + "/peerAsns/p/reject?" + V).then().statusCode(200)
                .body("properties.validationState", equalTo("Failed"))
                .body("properties.errorMessage", equalTo("No route object for AS65541"));
        as(List.of("*"), List.of("operator")).body("{}")
                .post("/operator/v1/subscriptions/" + s + "/peerAsns/p/reject?" + V).then().statusCode(400)
                .body("error.target", equalTo("errorMessage"));
        as(List.of("*"), List.of("operator")).post("/operator/v1/subscriptions/" + s + "/peerAsns/p/approve?" + V)
                .then().statusCode(200).body("properties.validationState", equalTo("Approved"))
                .body("etag", equalTo("\"3\""));
        as(List.of("*"), List.of("operator")).post("/operator/v1/subscriptions/" + s + "/peerAsns/none/approve?"
                + V).then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        gateway().get(peerAsnPath(s, "p") + "?" + V).then().body("properties.validationState", equalTo("Approved"))
                .body("properties.errorMessage", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theGatewayAlsoServesTlsWithItsConfiguredCertificate() {
        io.restassured.RestAssured.given().relaxedHTTPSValidation()
                .baseUri(SuiteExtension.suite().gatewayHttpsUrl())
                .header("Authorization", "Bearer " + SuiteExtension.suite().devTokens().mint("tls", List.of("*"),
                        DevTokens.ALL_ROLES, java.time.Duration.ofMinutes(5)))
                .get(peerAsnsPath(sub()) + "?" + V).then().statusCode(200).body("value", hasSize(0));
    }

    @Test
    void noTokenIsAuthenticationFailedWithAChallenge() {
        anonymous().get(peerAsnsPath(sub()) + "?" + V).then().statusCode(401)
                .header("WWW-Authenticate", notNullValue()).body("error.code", equalTo("AuthenticationFailed"));
    }
}

package org.openpeering.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpeering.e2e.ArmRequests.V;
import static org.openpeering.e2e.ArmRequests.gateway;
import static org.openpeering.e2e.ArmRequests.peerAsnBody;
import static org.openpeering.e2e.ArmRequests.peerAsnPath;
import static org.openpeering.e2e.ArmRequests.peerAsnsPath;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.path.json.JsonPath;

/**
 * The walking skeleton through every layer: gateway → gRPC → service → PostgreSQL and back, on the packaged
 * applications as separate processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static String sub() {
        return "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void createsReadsReplacesListsAndDeletesAPeerAsn() {
        String s = sub();
        String path = peerAsnPath(s, "contoso");
        gateway().body(peerAsnBody(64500)).put(path + "?" + V).then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", equalTo(path))
                .body("name", equalTo("contoso"))
                .body("type", equalTo("Microsoft.Peering/peerAsns"))
                .body("etag", equalTo("\"1\""))
                .body("properties.peerAsn", equalTo(64500))
                .body("properties.peerName", equalTo("Contoso Networks"))
                .body("properties.peerContactDetail[0].email", equalTo("noc@example.com"))
                // the client said Approved; only the operator decides that
                .body("properties.validationState", equalTo("Pending"));

        gateway().get(path + "?" + V).then().statusCode(200).header("ETag", "\"1\"")
                .header("x-ms-request-id", notNullValue())
                .body("properties.peerAsn", equalTo(64500));

        gateway().body(peerAsnBody(64500, "Contoso Two", "peering@example.com")).put(path + "?" + V).then()
                .statusCode(200).body("etag", equalTo("\"2\"")).body("properties.peerName", equalTo("Contoso Two"));

        gateway().get(peerAsnsPath(s) + "?" + V).then().statusCode(200)
                .body("value", hasSize(1)).body("value[0].name", equalTo("contoso")).body("nextLink", nullValue());

        gateway().delete(path + "?" + V).then().statusCode(200).body(emptyOrNullString());
        gateway().delete(path + "?" + V).then().statusCode(204);
        gateway().get(path + "?" + V).then().statusCode(404).body("error.code", equalTo("ResourceNotFound"))
                .body("error.message", containsString("contoso"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing api-version    | 400 | MissingApiVersionParameter |                                 | good | ",
            "unknown api-version    | 400 | InvalidApiVersionParameter |                                 | good | api-version=2017-01-01",
            "malformed JSON         | 400 | InvalidRequestContent      |                                 | {\"properties\": | " + V,
            "peerAsn a string       | 400 | InvalidRequestContent      | properties.peerAsn              | {\"properties\":{\"peerAsn\":\"x\"}} | " + V,
            "private ASN            | 400 | BadArgument                | properties.peerAsn              | asn:64512 | " + V,
            "4-byte private ASN     | 400 | BadArgument                | properties.peerAsn              | asn:4200000001 | " + V,
            "the operator's ASN     | 400 | BadArgument                | properties.peerAsn              | asn:64496 | " + V,
            "no properties          | 400 | BadArgument                | properties.peerAsn              | {} | " + V,
            "non-ASCII peer name    | 400 | BadArgument                | properties.peerName             | name:Contosö | " + V,
            "bad e-mail             | 400 | BadArgument                | properties.peerContactDetail[0].email | email:not-an-address | " + V,
    })
    @Order(2)
    void badRequestsGetTheArmErrorAndStoreNothing(String why, int status, String code, String target, String body,
            String query) {
        String s = sub();
        String path = peerAsnPath(s, "bad");
        String json = switch (body.contains(":") && !body.startsWith("{") ? body.substring(0, body.indexOf(':')) : body) {
            case "good" -> peerAsnBody(64501);
            case "asn" -> peerAsnBody(Long.parseLong(body.substring(4)));
            case "name" -> peerAsnBody(64501, body.substring(5), "noc@example.com");
            case "email" -> peerAsnBody(64501, "Contoso", body.substring(6));
            default -> body;
        };
        var then = gateway().body(json).put(path + (query == null ? "" : "?" + query)).then()
                .statusCode(status).body("error.code", equalTo(code)).body("error.message", not(emptyOrNullString()));
        if (target != null) {
            then.body("error.target", equalTo(target));
        }
        gateway().get(path + "?" + V).then().statusCode(404);
        gateway().get(peerAsnsPath(s) + "?" + V).then().statusCode(200).body("value", hasSize(0));
    }

    @Test
    @Order(3)
    void anIllegalNameIsRejectedAndNothingIsStored() {
        String s = sub();
        gateway().body(peerAsnBody(64502)).put(peerAsnsPath(s) + "/bad!name?" + V).then().statusCode(400)
                .body("error.code", equalTo("InvalidResourceName"));
        gateway().get(peerAsnsPath(s) + "?" + V).then().statusCode(200).body("value", hasSize(0));
    }

    @Test
    @Order(4)
    void anAsnTakenByAnotherSubscriptionIsAConflict() {
        String a = sub();
        String b = sub();
        gateway().body(peerAsnBody(64503)).put(peerAsnPath(a, "mine") + "?" + V).then().statusCode(201);
        gateway().body(peerAsnBody(64503)).put(peerAsnPath(b, "theirs") + "?" + V).then().statusCode(409)
                .body("error.code", equalTo("Conflict")).body("error.message", not(containsString(a)));
        gateway().get(peerAsnsPath(b) + "?" + V).then().body("value", hasSize(0));
    }

    @Test
    @Order(5)
    void etagsGuardConcurrentWrites() {
        String s = sub();
        String path = peerAsnPath(s, "guarded");
        gateway().body(peerAsnBody(64504)).put(path + "?" + V).then().statusCode(201);
        gateway().header("If-Match", "\"9\"").body(peerAsnBody(64504, "Changed", "noc@example.com"))
                .put(path + "?" + V).then().statusCode(412).body("error.code", equalTo("PreconditionFailed"));
        gateway().header("If-None-Match", "*").body(peerAsnBody(64504)).put(path + "?" + V).then().statusCode(412);
        gateway().header("If-Match", "\"9\"").delete(path + "?" + V).then().statusCode(412);
        gateway().get(path + "?" + V).then().statusCode(200).body("properties.peerName", equalTo("Contoso Networks"));
        gateway().header("If-Match", "\"1\"").body(peerAsnBody(64504, "Changed", "noc@example.com"))
                .put(path + "?" + V).then().statusCode(200).body("etag", equalTo("\"2\""));
    }

    @Test
    @Order(6)
    void listsPageWithAbsoluteNextLinksThatHonourTheProxy() {
        String s = sub();
        long[] asns = { 64505, 64506, 64507, 65536, 65537 };
        for (int i = 0; i < asns.length; i++) {
            gateway().body(peerAsnBody(asns[i])).put(peerAsnPath(s, "asn" + i) + "?" + V).then().statusCode(201);
        }
        List<String> names = new ArrayList<>();
        String url = SuiteExtension.suite().gatewayUrl() + peerAsnsPath(s) + "?" + V;
        int pages = 0;
        while (url != null) {
            JsonPath page = gateway().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("value.name"));
            url = page.getString("nextLink");
            pages++;
        }
        assertEquals(List.of("asn0", "asn1", "asn2", "asn3", "asn4"), names);
        assertEquals(3, pages, "page size is 2 in this suite");

        gateway().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "peering.example.com")
                .get(peerAsnsPath(s) + "?" + V).then().statusCode(200)
                .body("nextLink", startsWith("https://peering.example.com/subscriptions/" + s))
                .body("nextLink", containsString("api-version=2025-05-01"))
                .body("nextLink", containsString("$skipToken="));
    }

    @Test
    @Order(7)
    void prefixServiceAndTelemetryServiceAnswerThroughTheGateway() {
        String s = sub();
        gateway().get("/subscriptions/" + s + "/providers/Microsoft.Peering/peeringServices?" + V).then()
                .statusCode(200).body("value", hasSize(0));
        gateway().get("/subscriptions/" + s + "/resourceGroups/rg1/providers/Microsoft.Peering/peeringServices?" + V)
                .then().statusCode(200).body("value", hasSize(0));
        gateway().post("/subscriptions/" + s + "/providers/Microsoft.Peering/lookingGlass?" + V
                + "&command=BgpRoute&sourceType=EdgeSite&sourceLocation=Amsterdam&destinationIP=203.0.113.1")
                .then().statusCode(200).body("command", equalTo("BgpRoute"))
                .body("output", containsString("Network not in table"));
        gateway().post("/subscriptions/" + s + "/providers/Microsoft.Peering/lookingGlass?" + V
                + "&command=BgpRoute&destinationIP=not-an-ip").then().statusCode(400)
                .body("error.code", equalTo("BadArgument")).body("error.target", equalTo("destinationIP"));
    }

    @Test
    @Order(8)
    void theServicesHealthGroupSeesEveryServiceUp() {
        gateway().get("/q/health/group/services").then().statusCode(200)
                .body("checks[0].data.partner-service", equalTo("SERVING"))
                .body("checks[0].data.prefix-service", equalTo("SERVING"))
                .body("checks[0].data.telemetry-service", equalTo("SERVING"));
    }

    @Test
    @Order(100)
    void aStoppedServiceGivesServiceUnavailableWhileTheGatewayStaysReadyAndRecoversWhenItReturns() throws Exception {
        String s = sub();
        SuiteExtension.suite().stopService("partner-service");
        try {
            assertPartnerServiceMissed(s);
        } finally {
            SuiteExtension.suite().restartService("partner-service", java.time.Duration.ofSeconds(120));
        }
        // the gateway's channel reconnects on its own (gRPC backoff): the same request succeeds again soon
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> gateway().body(peerAsnBody(64508)).put(peerAsnPath(s, "late") + "?" + V)
                        .statusCode() == 201);
    }

    private static void assertPartnerServiceMissed(String s) {
        gateway().body(peerAsnBody(64508)).put(peerAsnPath(s, "late") + "?" + V).then().statusCode(503)
                .header("Retry-After", notNullValue()).body("error.code", equalTo("ServiceUnavailable"));
        gateway().get("/q/health/ready").then().statusCode(200);
        gateway().get("/q/health/group/services").then().statusCode(503)
                .body("checks[0].data.partner-service", startsWith("UNREACHABLE"))
                .body("checks[0].data.prefix-service", equalTo("SERVING"));
        // other services keep answering
        gateway().get("/subscriptions/" + s + "/providers/Microsoft.Peering/peeringServices?" + V).then()
                .statusCode(200);
    }
}

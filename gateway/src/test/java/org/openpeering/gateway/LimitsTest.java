package org.openpeering.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.gateway.auth.BackendCallInterceptor;
import org.openpeering.testsupport.JwtTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class LimitsTest {

    private static final String V = "?api-version=2025-05-01";

    @Inject
    BackendCallInterceptor backend;

    private static RequestSpecification partnerOf(String sub) {
        return RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer " + JwtTestResource.token(List.of(sub), List.of("partner")));
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedBeforeAnyServiceIsCalled() {
        long before = backend.calls();
        String big = "{\"properties\":{\"peerName\":\"" + "A".repeat(1_100_000) + "\"}}";
        partnerOf("big").body(big).put("/subscriptions/big/providers/Microsoft.Peering/peerAsns/a" + V).then()
                .statusCode(413).body("error.code", equalTo("RequestEntityTooLarge"));
        assertEquals(before, backend.calls());
    }

    @Test
    void writesBeyondTheSubscriptionsAllowanceGetTooManyRequestsWhileReadsGoOn() {
        String sub = "busy-" + System.nanoTime();
        // an operation that answers at once (405: not implemented yet) still counts against the allowance
        String url = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Peering/peerings/p"
                + "/registeredAsns/a" + V;
        for (int i = 99; i >= 0; i--) {
            partnerOf(sub).body("{}").put(url).then()
                    .header("x-ms-ratelimit-remaining-subscription-writes", String.valueOf(i));
        }
        long before = backend.calls();
        Response r = partnerOf(sub).body("{}").put(url);
        assertEquals(429, r.statusCode());
        assertEquals("TooManyRequests", r.jsonPath().getString("error.code"));
        assertTrue(Long.parseLong(r.header("Retry-After")) >= 1);
        assertEquals(before, backend.calls(), "a limited request reaches no service");
        partnerOf(sub).get(url).then().header("x-ms-ratelimit-remaining-subscription-reads", "11999");
        partnerOf("other-" + sub).body("{}").put(url.replace(sub, "other-" + sub)).then()
                .header("x-ms-ratelimit-remaining-subscription-writes", "99");
    }
}

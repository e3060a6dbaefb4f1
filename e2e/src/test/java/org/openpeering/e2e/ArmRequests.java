package org.openpeering.e2e;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;

import org.openpeering.local.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Test-data builders for ARM requests against the running suite. */
final class ArmRequests {

    static final String V = "api-version=2025-05-01";

    private ArmRequests() {
    }

    /** As a developer holding every role on every subscription. */
    static RequestSpecification gateway() {
        return as(List.of("*"), DevTokens.ALL_ROLES);
    }

    /** As a caller holding these roles on these subscriptions. */
    static RequestSpecification as(List<String> subscriptions, List<String> roles) {
        return anonymous().header("Authorization", "Bearer " + SuiteExtension.suite().devTokens()
                .mint("e2e", subscriptions, roles, Duration.ofMinutes(30)));
    }

    /** Without a token. */
    static RequestSpecification anonymous() {
        return given().baseUri(SuiteExtension.suite().gatewayUrl()).contentType(ContentType.JSON);
    }

    static String peerAsnPath(String subscription, String name) {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns/" + name;
    }

    static String peerAsnsPath(String subscription) {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns";
    }

    /** A valid peer ASN body; documentation resources only (DOMAIN.md §0). */
    static String peerAsnBody(long asn, String peerName, String email) {
        return "{\"properties\":{\"peerAsn\":" + asn + ",\"peerName\":\"" + peerName + "\","
                + "\"peerContactDetail\":[{\"role\":\"Noc\",\"email\":\"" + email + "\",\"phone\":\"+1 555 0100\"}],"
                + "\"validationState\":\"Approved\"}}";
    }

    static String peerAsnBody(long asn) {
        return peerAsnBody(asn, "Contoso Networks", "noc@example.com");
    }
}

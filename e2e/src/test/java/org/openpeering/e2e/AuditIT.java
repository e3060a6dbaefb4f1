package org.openpeering.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openpeering.e2e.ArmRequests.V;
import static org.openpeering.e2e.ArmRequests.as;
import static org.openpeering.e2e.ArmRequests.peerAsnBody;
import static org.openpeering.e2e.ArmRequests.peerAsnPath;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Every write is audited by the service that owns the resource; the operator reads the merged log. */
class AuditIT {

    @Test
    void theOperatorSeesWhoChangedWhatWithTheRequestIdPageByPage() {
        String s = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        var partner = as(List.of(s), List.of("partner"));
        String created = partner.body(peerAsnBody(65542)).put(peerAsnPath(s, "one") + "?" + V).then().statusCode(201)
                .extract().header("x-ms-request-id");
        as(List.of(s), List.of("partner")).delete(peerAsnPath(s, "one") + "?" + V).then().statusCode(200);
        as(List.of(s), List.of("partner")).body(peerAsnBody(64512)).put(peerAsnPath(s, "bad") + "?" + V).then()
                .statusCode(400);

        var operator = as(List.of("*"), List.of("operator"));
        String first = "/operator/v1/audit?" + V + "&subscription=" + s + "&$top=1";
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(3, walk(first).size()));
        List<Map<String, Object>> events = walk(first);
        assertEquals(List.of("PutPeerAsn INVALID_ARGUMENT", "DeletePeerAsn OK", "PutPeerAsn OK"),
                events.stream().map(e -> e.get("method") + " " + e.get("result")).toList());
        Map<String, Object> put = events.get(2);
        assertEquals("e2e", put.get("caller"));
        assertEquals("PUT Microsoft.Peering/peerAsns", put.get("operation"));
        assertEquals(peerAsnPath(s, "one"), put.get("resourceId"));
        assertEquals("partner-service", put.get("service"));
        assertEquals(created, put.get("requestId"));

        operator.get("/operator/v1/audit?" + V + "&resource=" + peerAsnPath(s, "bad")).then().statusCode(200)
                .body("value.size()", equalTo(1));
        as(List.of(s), List.of("partner", "customer", "agent")).get("/operator/v1/audit?" + V).then()
                .statusCode(403);
    }

    /** All events, following nextLink page by page. */
    private static List<Map<String, Object>> walk(String first) {
        List<Map<String, Object>> out = new ArrayList<>();
        String url = first;
        while (url != null) {
            JsonPath page = as(List.of("*"), List.of("operator")).urlEncodingEnabled(!url.startsWith("http"))
                    .get(url).then().statusCode(200).extract().jsonPath();
            out.addAll(page.getList("value"));
            url = page.getString("nextLink");
        }
        return out;
    }
}

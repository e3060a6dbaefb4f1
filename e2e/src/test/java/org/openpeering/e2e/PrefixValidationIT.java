package org.openpeering.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpeering.testsupport.WebhookReceiver;
import org.openpeering.testsupport.bgp.Daemon;
import org.openpeering.testsupport.bgp.GoBgp;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Issue acceptance for prefix validation, on routes real gobgpd daemons announce: a provider (AS 65548) with a
 * primary location (Amsterdam: two sessions on two operator routers) and a backup location (Frankfurt: one session);
 * the partner registers 203.0.113.0/24 and gets a key; the customer creates a peering service and the prefix with
 * that key; it becomes Verified / ViaServiceProvider; a withdrawal on one primary session makes it Failed naming
 * that session, recorded in its events; re-announcing makes it Verified; a withdrawal on the backup session only
 * makes it Warning. Then checks 6 to 10 and RPKI Invalid, each made to fail by what a daemon announces.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrefixValidationIT {

    static final String PARTNER = "sub-ps-partner";
    static final String CUSTOMER = "sub-ps-customer";
    static final String RG = "rg-ps";
    static final long PROVIDER_ASN = 65548;
    static final String COMMUNITY = "64496:8007";
    static final Duration WAIT = Duration.ofSeconds(45);

    static final String CA = UUID.nameUUIDFromBytes("ps-ams-a".getBytes()).toString();
    static final String CB = UUID.nameUUIDFromBytes("ps-ams-b".getBytes()).toString();
    static final String CC = UUID.nameUUIDFromBytes("ps-fra-c".getBytes()).toString();
    static final String CP = UUID.nameUUIDFromBytes("plain-ams".getBytes()).toString();

    // gobgpd speakers: primary sessions A and B in Amsterdam, backup C in Frankfurt
    static GoBgp a;
    static GoBgp b;
    static GoBgp c;
    static String webKey;
    static WebhookReceiver hooks;
    static final String HOOK_SECRET = "e2e-webhook-secret-0123456789";
    static String docKey2;
    static String docKey1;

    static RequestSpecification partner() {
        return ArmRequests.as(List.of(PARTNER), List.of("partner"));
    }

    static RequestSpecification customer() {
        return ArmRequests.as(List.of(CUSTOMER), List.of("customer"));
    }

    static RequestSpecification operator() {
        return ArmRequests.as(List.of("*"), List.of("operator"));
    }

    static String peering(String name) {
        return "/subscriptions/" + PARTNER + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/" + name;
    }

    static String registered(String peering, String name) {
        return peering(peering) + "/registeredPrefixes/" + name + "?" + ArmRequests.V;
    }

    static String ps(String name) {
        return "/subscriptions/" + CUSTOMER + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peeringServices/"
                + name;
    }

    static String prefix(String name) {
        return ps("ps1") + "/prefixes/" + name + "?" + ArmRequests.V;
    }

    static String connection(String id, int facility, String sessionPrefix, String peer, String ms, boolean ps) {
        return "{\"bandwidthInMbps\":10000,\"sessionAddressProvider\":\"Peer\",\"useForPeeringService\":" + ps + ","
                + "\"peeringDBFacilityId\":" + facility + ",\"connectionIdentifier\":\"" + id + "\","
                + "\"bgpSession\":{\"sessionPrefixV4\":\"" + sessionPrefix + "\",\"peerSessionIPv4Address\":\"" + peer
                + "\",\"microsoftSessionIPv4Address\":\"" + ms + "\"}}";
    }

    static String directPeering(String location, String sku, String... connections) {
        return "{\"location\":\"West Europe\",\"kind\":\"Direct\",\"sku\":{\"name\":\"" + sku + "\"},"
                + "\"properties\":{\"peeringLocation\":\"" + location + "\",\"direct\":{\"directPeeringType\":\"Edge\","
                + "\"peerAsn\":{\"id\":\"/subscriptions/" + PARTNER + "/providers/Microsoft.Peering/peerAsns/fabrikam\"},"
                + "\"connections\":[" + String.join(",", connections) + "]}}}";
    }

    static void activate(String peeringName, String connection, String router) {
        String path = "/operator/v1/subscriptions/" + PARTNER + "/resourceGroups/" + RG + "/peerings/" + peeringName
                + "/connections/" + connection + "/state?" + ArmRequests.V;
        operator().body("{\"state\":\"Approved\",\"routerName\":\"" + router + "\"}").post(path).then().statusCode(200);
        for (String state : List.of("ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active")) {
            operator().body("{\"state\":\"" + state + "\"}").post(path).then().statusCode(200);
        }
    }

    static void router(String name, String location, int facility, String bgpId) {
        operator().body("{\"properties\":{\"peeringLocation\":\"" + location + "\",\"peeringDBFacilityId\":" + facility
                + ",\"bgpIdentifier\":\"" + bgpId + "\",\"sysName\":\"" + name + ".example\"}}")
                .put("/operator/v1/routers/" + name + "?" + ArmRequests.V).then().statusCode(201);
    }

    static String register(String peering, String name, String prefix) {
        return partner().body("{\"properties\":{\"prefix\":\"" + prefix + "\"}}").put(registered(peering, name)).then()
                .statusCode(201).body("properties.prefix", equalTo(prefix))
                .body("properties.peeringServicePrefixKey", matchesPattern("[0-9a-f-]{36}"))
                .body("type", equalTo("Microsoft.Peering/peerings/registeredPrefixes"))
                .extract().path("properties.peeringServicePrefixKey");
    }

    static String prefixBody(String prefix, String key) {
        return "{\"properties\":{\"prefix\":\"" + prefix + "\",\"peeringServicePrefixKey\":\"" + key + "\"}}";
    }

    static void awaitState(String path, String state) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> customer().get(path).then().statusCode(200)
                .body("properties.prefixValidationState", equalTo(state)));
    }

    @BeforeAll
    static void provider() throws Exception {
        Daemon.require("gobgpd", "gobgp");
        hooks = new WebhookReceiver();
        partner().body(ArmRequests.peerAsnBody(PROVIDER_ASN, "Fabrikam Transit", "noc@fabrikam.example"))
                .put(ArmRequests.peerAsnPath(PARTNER, "fabrikam") + "?" + ArmRequests.V).then().statusCode(201);
        operator().post("/operator/v1/subscriptions/" + PARTNER + "/peerAsns/fabrikam/approve?" + ArmRequests.V)
                .then().statusCode(200);
        router("ps-ams-r1", "Amsterdam", 64, "192.0.2.81");
        router("ps-ams-r2", "Amsterdam", 64, "192.0.2.82");
        router("ps-fra-r1", "Frankfurt", 58, "192.0.2.83");
        partner().body(directPeering("Amsterdam", "Premium_Direct_Free",
                connection(CA, 64, "127.0.0.20/31", "127.0.0.21", "127.0.0.20", true),
                connection(CB, 64, "127.0.0.22/31", "127.0.0.23", "127.0.0.22", true)))
                .put(peering("ps-ams") + "?" + ArmRequests.V).then().statusCode(201);
        partner().body(directPeering("Frankfurt", "Premium_Direct_Free",
                connection(CC, 58, "127.0.0.24/31", "127.0.0.25", "127.0.0.24", true)))
                .put(peering("ps-fra") + "?" + ArmRequests.V).then().statusCode(201);
        partner().body(directPeering("Amsterdam", "Basic_Direct_Free",
                connection(CP, 64, "127.0.0.26/31", "127.0.0.27", "127.0.0.26", false)))
                .put(peering("plain-ams") + "?" + ArmRequests.V).then().statusCode(201);

        // before any connection is Active, nothing can be registered
        partner().body("{\"properties\":{\"prefix\":\"203.0.113.0/24\"}}").put(registered("ps-ams", "early")).then()
                .statusCode(400).body("error.code", equalTo("BadArgument"))
                .body("error.message", containsString(CA));
        partner().get(registered("ps-ams", "early")).then().statusCode(404);

        activate("ps-ams", CA, "ps-ams-r1");
        activate("ps-ams", CB, "ps-ams-r2");
        activate("ps-fra", CC, "ps-fra-r1");

        int port = Integer.parseInt(SuiteExtension.suite().environment("TELEMETRY_BGP_PORT"));
        a = new GoBgp("127.0.0.21", PROVIDER_ASN, "127.0.0.1", 64496, port);
        b = new GoBgp("127.0.0.23", PROVIDER_ASN, "127.0.0.1", 64496, port);
        c = new GoBgp("127.0.0.25", PROVIDER_ASN, "127.0.0.1", 64496, port);
        for (GoBgp g : List.of(a, b, c)) {
            g.announce("203.0.113.0/24", "64510", COMMUNITY);
        }
        for (GoBgp g : List.of(a, b)) {
            // one prefix per check of DOMAIN.md §3 that the announcement makes fail (gobgp prepends AS 65548)
            g.announce("198.51.100.0/25", "64510", null);
            g.announce("198.51.100.128/25", "65548,64510", COMMUNITY);
            g.announce("192.0.2.0/26", "64502,64503,64510", COMMUNITY);
            g.announce("192.0.2.64/26", "64512,64510", COMMUNITY);
            g.announce("192.0.2.128/26", "64510", COMMUNITY);
            g.announce("192.0.2.192/26", "64510", COMMUNITY);
        }
    }

    @AfterAll
    static void stop() {
        if (hooks != null) {
            hooks.close();
        }
        for (GoBgp g : new GoBgp[] { a, b, c }) {
            if (g != null) {
                g.close();
            }
        }
    }

    @Test
    @Order(1)
    void partnerRegistersPrefixesAndTheyAreValidatedOnItsOwnSessions() {
        webKey = register("ps-ams", "web", "203.0.113.0/24");
        docKey2 = register("ps-ams", "doc2", "198.51.100.0/24");
        docKey1 = register("ps-ams", "doc1", "192.0.2.0/24");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner().get(registered("ps-ams", "web")).then()
                .statusCode(200).body("properties.prefixValidationState", equalTo("Verified")));
        partner().post(peering("ps-ams") + "/registeredPrefixes/web/validate?" + ArmRequests.V).then().statusCode(200)
                .body("properties.prefixValidationState", equalTo("Verified"))
                .body("properties.peeringServicePrefixKey", equalTo(webKey));
        // nobody announces the /24 itself: the partner-side wording names a session
        JsonPath doc2 = partner().post(peering("ps-ams") + "/registeredPrefixes/doc2/validate?" + ArmRequests.V).then()
                .statusCode(200).body("properties.prefixValidationState", equalTo("Failed")).extract().jsonPath();
        assertTrue(doc2.getString("properties.errorMessage").startsWith("Prefix not received from IP 127.0.0.21 Observed: "),
                doc2.getString("properties.errorMessage"));
        partner().get(peering("ps-ams") + "/registeredPrefixes?" + ArmRequests.V).then().statusCode(200)
                .body("value.name", equalTo(List.of("doc1", "doc2")))
                .body("nextLink", containsString("skipToken"));
        // a prefix is registered under one peering only; the same PUT again is idempotent
        partner().body("{\"properties\":{\"prefix\":\"203.0.113.0/24\"}}").put(registered("ps-fra", "web-again")).then()
                .statusCode(409).body("error.code", equalTo("Conflict"));
        partner().get(registered("ps-fra", "web-again")).then().statusCode(404);
        partner().body("{\"properties\":{\"prefix\":\"203.0.113.0/24\"}}").put(registered("ps-ams", "web")).then()
                .statusCode(200).body("properties.peeringServicePrefixKey", equalTo(webKey));
        // not on a peering without Peering Service
        partner().body("{\"properties\":{\"prefix\":\"198.51.100.0/24\"}}").put(registered("plain-ams", "x")).then()
                .statusCode(405).body("error.code", equalTo("OperationNotSupported"))
                .body("error.message", equalTo("Operation is not supported for this peering type"));
        partner().body("{\"properties\":{\"asn\":64510}}")
                .put(peering("plain-ams") + "/registeredAsns/x?" + ArmRequests.V).then().statusCode(405);
    }

    @Test
    @Order(2)
    void customerPrefixIsVerifiedFailsOnAPrimaryWithdrawalAndWarnsOnABackupWithdrawal() throws Exception {
        // webhooks: the customer's for withdrawals and validation changes, the partner's for everything on its sessions
        customer().body(webhookBody(hooks.url("/customer"), HOOK_SECRET,
                "[\"PrefixWithdrawalEvent\",\"prefixvalidationstatechange\"]")).put(webhook(CUSTOMER, "alerts"))
                .then().statusCode(201).body("type", equalTo("Microsoft.Peering/webhooks"))
                .body("properties.eventTypes", equalTo(List.of("PrefixWithdrawalEvent", "PrefixValidationStateChange")))
                .body("properties.secret", org.hamcrest.Matchers.nullValue())
                .body("etag", equalTo("\"1\""));
        partner().body(webhookBody(hooks.url("/partner"), HOOK_SECRET, "[]")).put(webhook(PARTNER, "noc"))
                .then().statusCode(201);
        customer().body("{\"location\":\"West Europe\",\"tags\":{\"env\":\"e2e\"},\"properties\":{"
                + "\"peeringServiceLocation\":\"Noord-Holland\",\"peeringServiceProvider\":\"Fabrikam Transit\","
                + "\"providerPrimaryPeeringLocation\":\"Amsterdam\",\"providerBackupPeeringLocation\":\"Frankfurt\"}}")
                .put(ps("ps1") + "?" + ArmRequests.V).then().statusCode(201)
                .body("type", equalTo("Microsoft.Peering/peeringServices"))
                .body("properties.peeringServiceProvider", equalTo("Fabrikam Transit"))
                .body("properties.provisioningState", equalTo("Succeeded"));
        customer().body("{\"tags\":{\"env\":\"prod\"}}").patch(ps("ps1") + "?" + ArmRequests.V).then().statusCode(200)
                .body("tags.env", equalTo("prod")).body("etag", equalTo("\"2\""))
                .body("properties.providerBackupPeeringLocation", equalTo("Frankfurt"));
        customer().get("/subscriptions/" + CUSTOMER + "/providers/Microsoft.Peering/peeringServices?" + ArmRequests.V)
                .then().statusCode(200).body("value.name", equalTo(List.of("ps1")));
        // another customer, with its own peering service, for the overlap rule below
        ArmRequests.as(List.of("sub-ps-other"), List.of("customer")).body(psBody("West Europe", "Utrecht",
                "fabrikam transit", "Amsterdam", null)).put("/subscriptions/sub-ps-other/resourceGroups/" + RG
                        + "/providers/Microsoft.Peering/peeringServices/ps1?" + ArmRequests.V).then().statusCode(201);
        customer().body(prefixBody("203.0.113.0/24", webKey)).put(prefix("web")).then().statusCode(201)
                .body("properties.prefixValidationState", equalTo("Pending"))
                .body("properties.learnedType", equalTo("None"))
                .body("properties.peeringServicePrefixKey", equalTo(webKey));
        awaitState(prefix("web"), "Verified");
        customer().get(prefix("web")).then().body("properties.learnedType", equalTo("ViaServiceProvider"));

        a.withdraw("203.0.113.0/24");
        awaitState(prefix("web"), "Failed");
        String message = customer().get(prefix("web")).then().extract().path("properties.errorMessage");
        assertTrue(message.startsWith("Prefix wasn't received from Peering Service provider, contact Peering Service"
                + " provider. Observed: "), message);
        assertTrue(message.contains("127.0.0.21 (router ps-ams-r1)") && !message.contains("127.0.0.23"), message);
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            JsonPath events = customer().get(ps("ps1") + "/prefixes/web/events?$top=50&" + ArmRequests.V).then()
                    .statusCode(200).extract().jsonPath();
            List<String> types = events.getList("value.eventType");
            assertTrue(types.contains("PrefixWithdrawalEvent"), types.toString());
            assertTrue(events.getList("value.eventSummary").contains("Validation state changed from Verified to Failed"),
                    events.getList("value.eventSummary").toString());
        });
        customer().get(prefix("web") + "&$expand=events").then().statusCode(200)
                .body("properties.events.find { it.eventType == 'PrefixWithdrawalEvent' }.eventLevel", equalTo("Warning"));

        a.announce("203.0.113.0/24", "64510", COMMUNITY);
        awaitState(prefix("web"), "Verified");

        c.withdraw("203.0.113.0/24");
        awaitState(prefix("web"), "Warning");
        customer().get(prefix("web")).then().body("properties.errorMessage",
                containsString("backup session 127.0.0.25 (router ps-fra-r1)"));
        c.announce("203.0.113.0/24", "64510", COMMUNITY);
        awaitState(prefix("web"), "Verified");
        // the history is paged, newest first
        JsonPath page = customer().get(ps("ps1") + "/prefixes/web/events?$top=2&" + ArmRequests.V).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(page.getList("value").size() == 2 && page.getString("nextLink") != null, page.prettify());
        customer().get(page.getString("nextLink")).then().statusCode(200);
    }

    /** Each prefix below is announced so that exactly one check fails; the documented sentence is compared exactly. */
    @Test
    @Order(3)
    void eachCheckFailsOnWhatTheDaemonsAnnounce() {
        List<String[]> cases = List.of(
                new String[] { "no-community", "198.51.100.0/25", docKey2, "Failed",
                    "Prefix announcement doesn't have a valid BGP community, contact Peering Service provider." },
                new String[] { "prepended", "198.51.100.128/25", docKey2, "Failed", "AS path isn't correct" },
                new String[] { "long-path", "192.0.2.0/26", docKey1, "Failed",
                    "Prefix received with longer AS path(>3), contact Peering Service provider." },
                new String[] { "private-as", "192.0.2.64/26", docKey1, "Failed",
                    "Prefix received with private AS in the path, contact Peering Service provider." },
                new String[] { "not-in-irr", "192.0.2.128/26", docKey1, "Failed",
                    "Origin ASN isn't registered for the prefix in a routing registry" },
                new String[] { "rpki-invalid", "192.0.2.192/26", docKey1, "Invalid",
                    "Prefix announcement is RPKI invalid, contact Peering Service provider." });
        for (String[] k : cases) {
            customer().body(prefixBody(k[1], k[2])).put(prefix(k[0])).then().statusCode(201);
        }
        List<String> wrong = new ArrayList<>();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            wrong.clear();
            for (String[] k : cases) {
                JsonPath p = customer().get(prefix(k[0])).then().statusCode(200).extract().jsonPath();
                String message = p.getString("properties.errorMessage");
                if (!k[3].equals(p.getString("properties.prefixValidationState"))
                        || message == null || !message.startsWith(k[4] + " Observed: ")) {
                    wrong.add(k[0] + ": " + p.getString("properties.prefixValidationState") + " / " + message);
                }
            }
            assertTrue(wrong.isEmpty(), wrong.toString());
        });
        customer().get(prefix("private-as")).then().body("properties.errorMessage", containsString("AS64512"));
        customer().get(prefix("not-in-irr")).then().body("properties.errorMessage", containsString("AS64511"));
        customer().get(prefix("rpki-invalid")).then().body("properties.errorMessage",
                containsString("192.0.2.192/26-26 AS64511"));
    }

    @Test
    @Order(4)
    void aRegisteredAsnKeyMatchesPrefixesThatAsnOriginates() {
        String asnKey = partner().body("{\"properties\":{\"asn\":64510}}")
                .put(peering("ps-ams") + "/registeredAsns/customer-asn?" + ArmRequests.V).then().statusCode(201)
                .body("properties.asn", equalTo(64510)).extract().path("properties.peeringServicePrefixKey");
        partner().body("{\"properties\":{\"asn\":64510}}")
                .put(peering("ps-fra") + "/registeredAsns/again?" + ArmRequests.V).then().statusCode(409);
        // an IPv6 prefix nobody announces: AS 64510 does not originate it, so the key does not match
        customer().body(prefixBody("2001:db8:1::/48", asnKey)).put(prefix("v6")).then().statusCode(400)
                .body("error.message", equalTo("The peering service prefix key doesn't match a prefix or ASN registered"
                        + " by the provider."));
        customer().get(prefix("v6")).then().statusCode(404);
        // deleting what customers use is refused, naming them
        partner().delete(registered("ps-ams", "web")).then().statusCode(409).body("error.code", equalTo("Conflict"))
                .body("error.message", containsString("/peeringServices/ps1/prefixes/web"));
        partner().get(registered("ps-ams", "web")).then().statusCode(200);
        customer().delete(ps("ps1") + "?" + ArmRequests.V).then().statusCode(409)
                .body("error.message", containsString("web"));
        customer().get(ps("ps1") + "?" + ArmRequests.V).then().statusCode(200);
        // a peering with registrations cannot be deleted (partner-service asks prefix-service)
        partner().delete(peering("ps-ams") + "?" + ArmRequests.V).then().statusCode(409)
                .body("error.message", containsString("registeredAsns/customer-asn"))
                .body("error.message", containsString("registeredPrefixes/web"));
        partner().get(peering("ps-ams") + "?" + ArmRequests.V).then().statusCode(200);
        partner().delete(peering("ps-ams") + "/registeredAsns/customer-asn?" + ArmRequests.V).then().statusCode(200);
        partner().delete(peering("ps-ams") + "/registeredAsns/customer-asn?" + ArmRequests.V).then().statusCode(204);
    }

    @Test
    @Order(5)
    void operatorSeesAndReloadsTheRoutingRegistry() {
        operator().get("/operator/v1/irr?" + ArmRequests.V).then().statusCode(200)
                .body("routeObjects", equalTo(8)).body("rejected", equalTo(0));
        operator().post("/operator/v1/irr/reload?" + ArmRequests.V).then().statusCode(200)
                .body("routeObjects", equalTo(8)).body("sources[0]", startsWith("/"));
        customer().post("/operator/v1/irr/reload?" + ArmRequests.V).then().statusCode(403);
    }

    /** Without telemetry-service a prefix is Pending, never Failed; when it returns, validation catches up. */
    @Test
    @Order(7)
    void prefixesArePendingWhileTelemetryIsAwayAndCatchUpWhenItReturns() throws Exception {
        awaitState(prefix("web"), "Verified");
        SuiteExtension.suite().stopService("telemetry-service");
        try {
            awaitState(prefix("web"), "Pending");
            customer().get(prefix("web")).then().body("properties.errorMessage", org.hamcrest.Matchers.nullValue());
            partner().post(peering("ps-ams") + "/registeredPrefixes/web/validate?" + ArmRequests.V).then()
                    .statusCode(200).body("properties.prefixValidationState", equalTo("Pending"));
            // the failing checks stay where they were decided: nothing became Failed for want of data
            customer().get(prefix("no-community")).then().body("properties.prefixValidationState",
                    org.hamcrest.Matchers.oneOf("Failed", "Pending"));
        } finally {
            SuiteExtension.suite().restartService("telemetry-service", Duration.ofSeconds(120));
        }
        awaitState(prefix("web"), "Verified");
        awaitState(prefix("no-community"), "Failed");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> partner().post(peering("ps-ams")
                + "/registeredPrefixes/web/validate?" + ArmRequests.V).then().statusCode(200)
                .body("properties.prefixValidationState", equalTo("Verified")));
        JsonPath events = customer().get(ps("ps1") + "/prefixes/web/events?$top=100&" + ArmRequests.V).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(events.getList("value.eventSummary").contains("Validation state changed from Verified to Pending"),
                events.getList("value.eventSummary").toString());
    }

    /** Latency: an agent uploads JSON lines; the customer reads the report of its prefix. */
    @Test
    @Order(8)
    void agentsUploadSamplesAndCustomersReadTheirPrefixesLatency() {
        long now = java.time.Instant.now().toEpochMilli();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            lines.append("{\"timestamp\":").append(now - i * 1000L).append(",\"location\":\"Amsterdam\",\"client\":"
                    + "\"203.0.113.").append(i % 250).append("\",\"rttMs\":").append(i / 10.0).append(",\"source\":"
                    + "\"e2e-agent\"}\n");
        }
        lines.append("{\"timestamp\":").append(now).append(",\"location\":\"Amsterdam\",\"client\":\"203.0.113.1\","
                + "\"loss\":true}\n");
        lines.append("not json\n");
        lines.append("{\"timestamp\":").append(now).append(",\"location\":\"Atlantis\",\"client\":\"203.0.113.1\","
                + "\"rttMs\":5}\n");
        RequestSpecification agent = ArmRequests.as(List.of("*"), List.of("agent"));
        agent.body(lines.toString()).post("/telemetry/v1/latencySamples?" + ArmRequests.V).then().statusCode(200)
                .body("accepted", equalTo(201)).body("losses", equalTo(1))
                .body("rejected.Malformed", equalTo(1)).body("rejected.UnknownLocation", equalTo(1));
        // only agents upload
        customer().body(lines.toString()).post("/telemetry/v1/latencySamples?" + ArmRequests.V).then().statusCode(403);
        String report = ps("ps1") + "/prefixes/web/latency?window=PT6H&" + ArmRequests.V;
        Awaitility.await().atMost(WAIT).untilAsserted(() -> customer().get(report).then().statusCode(200)
                .body("properties.overall.count", equalTo(200)));
        JsonPath latency = customer().get(report).then().body("properties.overall.losses", equalTo(1))
                .body("properties.locations[0].location", equalTo("Amsterdam")).extract().jsonPath();
        // 0.1 ... 20.0 ms: the exact median is 10.0 ms, kept within the histogram's 2 significant digits (1 %)
        assertEquals(10.0, latency.getDouble("properties.overall.p50Ms"), 0.101);
        assertEquals(20.0, latency.getDouble("properties.overall.maxMs"), 0.201);
        customer().get(report).then()
                .body("properties.hourly.size()", equalTo(7))
                .body("properties.reportedPrefix", equalTo("203.0.113.0/24"));
        customer().get(ps("ps1") + "/prefixes/web/latency?window=P2D&" + ArmRequests.V).then().statusCode(400)
                .body("error.target", equalTo("window"));
        ArmRequests.as(List.of("sub-ps-other"), List.of("customer")).get(report).then().statusCode(403);
    }

    static String webhook(String subscription, String name) {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/webhooks/" + name + "?" + ArmRequests.V;
    }

    static String webhookBody(String url, String secret, String eventTypes) {
        return "{\"properties\":{\"url\":\"" + url + "\"" + (secret == null ? "" : ",\"secret\":\"" + secret + "\"")
                + ",\"eventTypes\":" + eventTypes + "}}";
    }

    /**
     * The webhooks registered in order 2 received, signed, the customer's prefix events (filtered by type) and the
     * partner's session events; both delivery logs show them delivered; a ping arrives; the secret never comes back.
     */
    @Test
    @Order(9)
    void webhooksDeliveredTheEventsOfTheirSubscriptions() {
        String customerPrefixId = "/subscriptions/" + CUSTOMER + "/resourceGroups/" + RG
                + "/providers/Microsoft.Peering/peeringServices/ps1/prefixes/web";
        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            List<WebhookReceiver.Received> withdrawals = hooks.of("/customer", "PrefixWithdrawalEvent");
            assertEquals(1, withdrawals.size(), "the primary withdrawal: " + withdrawals);
            List<WebhookReceiver.Received> changes = hooks.of("/customer", "PrefixValidationStateChange");
            assertTrue(changes.stream().anyMatch(r -> r.body().contains("Validation state changed from Verified to"
                    + " Failed")), changes.toString());
        });
        assertTrue(hooks.of("/customer", "PrefixAnnouncementEvent").isEmpty(), "the customer's filter holds");
        assertTrue(hooks.of("/customer", "PrefixBackupRouteWithdrawalEvent").isEmpty(), "the customer's filter holds");
        for (WebhookReceiver.Received r : hooks.all()) {
            assertEquals(WebhookReceiver.expectedSignature(HOOK_SECRET, r), r.signature(), r.toString());
        }
        JsonPath withdrawal = JsonPath.from(hooks.of("/customer", "PrefixWithdrawalEvent").get(0).body());
        assertEquals(CUSTOMER, withdrawal.getString("subscriptionId"));
        assertEquals(customerPrefixId, withdrawal.getString("resourceId"));
        assertEquals("203.0.113.0/24", withdrawal.getString("prefix"));
        assertEquals("Warning", withdrawal.getString("eventLevel"));

        // the partner hears of the same withdrawal as an event on its peering's session
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertTrue(hooks.of("/partner", "PrefixWithdrawalEvent")
                .stream().map(r -> JsonPath.from(r.body())).anyMatch(j -> j.getString("resourceId").equals(
                        peering("ps-ams")) && "127.0.0.21".equals(j.getString("data.session.peerAddress"))
                        && PARTNER.equals(j.getString("subscriptionId"))), hooks.all().toString()));
        // and of the backup withdrawal on its Frankfurt peering (the partner's webhook takes every type)
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertTrue(hooks.of("/partner",
                "PrefixBackupRouteWithdrawalEvent").stream().map(r -> JsonPath.from(r.body())).anyMatch(j -> j.getString(
                        "resourceId").equals(peering("ps-fra")) && "127.0.0.25".equals(j.getString(
                                "data.session.peerAddress"))), hooks.all().toString()));
        // validation changes reach the partner only for its own registered prefixes (a customer prefix's state is
        // the customer's business)
        for (WebhookReceiver.Received r : hooks.of("/partner", "PrefixValidationStateChange")) {
            String resource = JsonPath.from(r.body()).getString("resourceId");
            assertTrue(resource.startsWith(peering("ps-")) && resource.contains("/registeredPrefixes/"), resource);
        }

        // the delivery log, and a ping
        String log = webhook(CUSTOMER, "alerts").replace("?", "/deliveries?");
        Awaitility.await().atMost(WAIT).untilAsserted(() -> customer().get(log).then().statusCode(200)
                .body("value.status", org.hamcrest.Matchers.everyItem(equalTo("Succeeded"))));
        customer().post(webhook(CUSTOMER, "alerts").replace("?", "/ping?")).then().statusCode(202)
                .body("eventType", equalTo("WebhookPing")).body("status", equalTo("Pending"));
        Awaitility.await().atMost(WAIT).until(() -> hooks.of("/customer", "WebhookPing").size() == 1);
        customer().get(webhook(CUSTOMER, "alerts")).then().statusCode(200)
                .body("properties.url", equalTo(hooks.url("/customer")))
                .body("properties", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        customer().get("/subscriptions/" + CUSTOMER + "/providers/Microsoft.Peering/webhooks?" + ArmRequests.V).then()
                .statusCode(200).body("value.name", equalTo(List.of("alerts")));
        // another subscription's webhooks are not visible
        customer().get(webhook(PARTNER, "noc")).then().statusCode(403);
    }

    /** A rejected customer (or partner) request: its status, code and target, and the read-back that must not change. */
    record Case(String name, String method, String path, Supplier<String> body, Supplier<RequestSpecification> caller,
            int status, String code, String target, String message, String readBack) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> badRequests() {
        String v = "?" + ArmRequests.V;
        String psNew = ps("ps-bad") + v;
        String ps1 = ps("ps1") + v;
        String newPrefix = prefix("bad");
        String invalid = "Invalid Peering Service prefix, the prefix should be a valid, public IPv4 or IPv6 prefix.";
        String mismatch = "The peering service prefix key doesn't match a prefix or ASN registered by the provider.";
        Supplier<RequestSpecification> cust = PrefixValidationIT::customer;
        List<Case> c = new ArrayList<>();
        // peering services
        c.add(new Case("peering service without a body", "PUT", psNew, () -> "", cust, 400, "InvalidRequestContent", null,
                null, psNew));
        c.add(new Case("peering service body not JSON", "PUT", psNew, () -> "{\"location\":", cust, 400,
                "InvalidRequestContent", null, null, psNew));
        c.add(new Case("peering service without properties", "PUT", psNew, () -> "{\"location\":\"West Europe\"}", cust,
                400, "BadArgument", "properties", null, psNew));
        c.add(new Case("peering service without location", "PUT", psNew, () -> psBody(null, "Noord-Holland",
                "Fabrikam Transit", "Amsterdam", null), cust, 400, "BadArgument", "location", null, psNew));
        c.add(new Case("peering service without customer location", "PUT", psNew, () -> psBody("West Europe", null,
                "Fabrikam Transit", "Amsterdam", null), cust, 400, "BadArgument", "properties.peeringServiceLocation",
                null, psNew));
        c.add(new Case("unknown customer location", "PUT", psNew, () -> psBody("West Europe", "Atlantis",
                "Fabrikam Transit", "Amsterdam", null), cust, 400, "BadArgument", "properties.peeringServiceLocation",
                "Atlantis", psNew));
        c.add(new Case("peering service without provider", "PUT", psNew, () -> psBody("West Europe", "Noord-Holland",
                null, "Amsterdam", null), cust, 400, "BadArgument", "properties.peeringServiceProvider", null, psNew));
        c.add(new Case("unknown provider", "PUT", psNew, () -> psBody("West Europe", "Noord-Holland", "Nobody Networks",
                "Amsterdam", null), cust, 400, "BadArgument", "properties.peeringServiceProvider", "Nobody Networks",
                psNew));
        c.add(new Case("peering service without primary location", "PUT", psNew, () -> psBody("West Europe",
                "Noord-Holland", "Fabrikam Transit", null, null), cust, 400, "BadArgument",
                "properties.providerPrimaryPeeringLocation", null, psNew));
        c.add(new Case("primary location the provider cannot serve as primary", "PUT", psNew, () -> psBody("West Europe",
                "Noord-Holland", "Fabrikam Transit", "Frankfurt", null), cust, 400, "BadArgument",
                "properties.providerPrimaryPeeringLocation", "Amsterdam", psNew));
        c.add(new Case("backup location the provider does not serve", "PUT", psNew, () -> psBody("West Europe",
                "Noord-Holland", "Fabrikam Transit", "Amsterdam", "Dublin"), cust, 400, "BadArgument",
                "properties.providerBackupPeeringLocation", null, psNew));
        c.add(new Case("backup location equal to the primary", "PUT", psNew, () -> psBody("West Europe",
                "Noord-Holland", "Fabrikam Transit", "Amsterdam", "Amsterdam"), cust, 400, "BadArgument",
                "properties.providerBackupPeeringLocation", null, psNew));
        c.add(new Case("provider of the wrong type", "PUT", psNew, () -> "{\"location\":\"West Europe\",\"properties\":"
                + "{\"peeringServiceProvider\":5}}", cust, 400, "InvalidRequestContent",
                "properties.peeringServiceProvider", null, psNew));
        c.add(new Case("illegal peering service name", "PUT", ps("bad name!") + v, () -> psBody("West Europe",
                "Noord-Holland", "Fabrikam Transit", "Amsterdam", null), cust, 400, "InvalidResourceName", null, null,
                null));
        c.add(new Case("location of a peering service cannot change", "PUT", ps1, () -> psBody("North Europe",
                "Noord-Holland", "Fabrikam Transit", "Amsterdam", "Frankfurt"), cust, 400, "BadArgument", "location",
                null, ps1));
        c.add(new Case("PATCH without tags", "PATCH", ps1, () -> "{}", cust, 400, "BadArgument", "tags", null, ps1));
        c.add(new Case("peering service of a subscription the caller lacks", "PUT", "/subscriptions/" + PARTNER
                + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peeringServices/ps-bad" + v,
                () -> psBody("West Europe", "Noord-Holland", "Fabrikam Transit", "Amsterdam", null), cust, 403,
                "AuthorizationFailed", null, null, null));
        // customer prefixes: malformed, non-canonical, private or special-purpose prefixes store nothing
        for (String bad : List.of("203.0.113.0/33", "203.0.113.1/24", "203.0.113.0", "10.0.0.0/24", "172.16.5.0/24",
                "192.168.0.0/24", "100.64.0.0/24", "127.0.0.0/24", "169.254.0.0/24", "224.0.1.0/24", "240.0.0.0/24",
                "0.0.0.0/0", "fe80::/64", "fd00::/48", "ff02::/16", "2002::/24", "::1/128")) {
            c.add(new Case("prefix " + bad, "PUT", newPrefix, () -> prefixBody(bad, webKey), cust, 400, "BadArgument",
                    "properties.prefix", invalid, newPrefix));
        }
        c.add(new Case("prefix of the wrong type", "PUT", newPrefix, () -> "{\"properties\":{\"prefix\":42}}", cust, 400,
                "InvalidRequestContent", "properties.prefix", null, newPrefix));
        c.add(new Case("prefix missing", "PUT", newPrefix, () -> "{\"properties\":{\"peeringServicePrefixKey\":\""
                + webKey + "\"}}", cust, 400, "BadArgument", "properties.prefix", null, newPrefix));
        c.add(new Case("key missing", "PUT", newPrefix, () -> "{\"properties\":{\"prefix\":\"198.51.100.0/24\"}}", cust,
                400, "BadArgument", "properties.peeringServicePrefixKey", null, newPrefix));
        c.add(new Case("key that is not a GUID", "PUT", newPrefix, () -> prefixBody("2001:db8:5::/48", "not-a-key"), cust,
                400, "BadArgument", "properties.peeringServicePrefixKey", mismatch, newPrefix));
        c.add(new Case("key nobody registered", "PUT", newPrefix, () -> prefixBody("2001:db8:5::/48",
                UUID.randomUUID().toString()), cust, 400, "BadArgument", "properties.peeringServicePrefixKey", mismatch,
                newPrefix));
        c.add(new Case("key of a registered prefix that does not cover it", "PUT", newPrefix,
                () -> prefixBody("2001:db8:5::/48", webKey), cust, 400, "BadArgument",
                "properties.peeringServicePrefixKey", mismatch, newPrefix));
        c.add(new Case("overlap with another customer's prefix", "PUT", "/subscriptions/sub-ps-other/resourceGroups/"
                + RG + "/providers/Microsoft.Peering/peeringServices/ps1/prefixes/x" + v,
                () -> prefixBody("203.0.113.128/25", webKey), () -> ArmRequests.as(List.of("sub-ps-other"),
                        List.of("customer")), 409, "Conflict", null,
                "Prefix overlaps with an existing prefix, contact Peering Service provider", null));
        c.add(new Case("prefix of an existing prefix cannot change", "PUT", prefix("web"),
                () -> prefixBody("203.0.113.0/25", webKey), cust, 400, "BadArgument", "properties.prefix", null,
                prefix("web")));
        c.add(new Case("key of an existing prefix cannot change", "PUT", prefix("web"),
                () -> prefixBody("203.0.113.0/24", docKey1), cust, 400, "BadArgument",
                "properties.peeringServicePrefixKey", null, prefix("web")));
        c.add(new Case("prefix under a peering service that does not exist", "PUT", ps("ps-none") + "/prefixes/x" + v,
                () -> prefixBody("2001:db8:5::/48", webKey), cust, 404, "ResourceNotFound", null, null, null));
        c.add(new Case("allowed origins that are not numbers", "PUT", newPrefix, () -> "{\"properties\":{\"prefix\":"
                + "\"2001:db8:5::/48\",\"peeringServicePrefixKey\":\"" + webKey + "\",\"allowedOriginAsns\":[\"x\"]}}",
                cust, 400, "InvalidRequestContent", "properties.allowedOriginAsns[0]", null, newPrefix));
        c.add(new Case("$expand other than events", "GET", prefix("web") + "&$expand=everything", null, cust, 400,
                "BadArgument", "$expand", null, null));
        c.add(new Case("$top out of range", "GET", ps("ps1") + "/prefixes/web/events?$top=0&" + ArmRequests.V, null, cust,
                400, "BadArgument", "$top", null, null));
        c.add(new Case("illegal prefix name", "PUT", ps("ps1") + "/prefixes/bad%20name" + v,
                () -> prefixBody("2001:db8:5::/48", webKey), cust, 400, "InvalidResourceName", null, null, null));
        c.add(new Case("partner cannot create customer prefixes", "PUT", newPrefix, () -> prefixBody("2001:db8:5::/48",
                webKey), () -> ArmRequests.as(List.of(CUSTOMER), List.of("partner")), 403, "AuthorizationFailed", null,
                null, newPrefix));
        // partner side
        c.add(new Case("registered prefix that is private", "PUT", registered("ps-ams", "bad"),
                () -> "{\"properties\":{\"prefix\":\"10.0.0.0/8\"}}", PrefixValidationIT::partner, 400, "BadArgument",
                "properties.prefix", invalid, registered("ps-ams", "bad")));
        c.add(new Case("registered ASN that is private", "PUT", peering("ps-ams") + "/registeredAsns/bad" + v,
                () -> "{\"properties\":{\"asn\":64512}}", PrefixValidationIT::partner, 400, "BadArgument",
                "properties.asn", null, peering("ps-ams") + "/registeredAsns/bad" + v));
        c.add(new Case("registered prefix under a peering that does not exist", "PUT", registered("nope", "x"),
                () -> "{\"properties\":{\"prefix\":\"198.51.100.0/24\"}}", PrefixValidationIT::partner, 404,
                "ResourceNotFound", null, null, null));
        c.add(new Case("registered prefix whose prefix changes", "PUT", registered("ps-ams", "web"),
                () -> "{\"properties\":{\"prefix\":\"203.0.113.0/25\"}}", PrefixValidationIT::partner, 400,
                "BadArgument", "properties.prefix", null, registered("ps-ams", "web")));
        // webhooks
        String hookNew = webhook(CUSTOMER, "bad");
        String hookOld = webhook(CUSTOMER, "alerts");
        for (String[] w : new String[][] { { "ftp://127.0.0.1/x", "properties.url" },
            { "http://user:pw@127.0.0.1/x", "properties.url" }, { "relative/path", "properties.url" } }) {
            c.add(new Case("webhook url " + w[0], "PUT", hookNew, () -> webhookBody(w[0], HOOK_SECRET, "[]"), cust, 400,
                    "BadArgument", w[1], null, hookNew));
        }
        c.add(new Case("webhook without url", "PUT", hookNew, () -> "{\"properties\":{\"secret\":\"" + HOOK_SECRET
                + "\"}}", cust, 400, "BadArgument", "properties.url", null, hookNew));
        c.add(new Case("webhook without secret", "PUT", hookNew, () -> webhookBody("http://127.0.0.1/x", null, "[]"),
                cust, 400, "BadArgument", "properties.secret", null, hookNew));
        c.add(new Case("webhook secret too short", "PUT", hookNew, () -> webhookBody("http://127.0.0.1/x", "short",
                "[]"), cust, 400, "BadArgument", "properties.secret", null, hookNew));
        c.add(new Case("webhook unknown event type", "PUT", hookNew, () -> webhookBody("http://127.0.0.1/x", HOOK_SECRET,
                "[\"PrefixExploded\"]"), cust, 400, "BadArgument", "properties.eventTypes", null, hookNew));
        c.add(new Case("webhook event type not a string", "PUT", hookNew, () -> webhookBody("http://127.0.0.1/x",
                HOOK_SECRET, "[7]"), cust, 400, "InvalidRequestContent", "properties.eventTypes[0]", null, hookNew));
        c.add(new Case("webhook stale If-Match", "PUT", hookOld, () -> webhookBody("http://127.0.0.1/elsewhere",
                HOOK_SECRET, "[]"), () -> customer().header("If-Match", "\"99\""), 412, "PreconditionFailed", null,
                null, hookOld));
        c.add(new Case("agent cannot register webhooks", "PUT", hookNew, () -> webhookBody("http://127.0.0.1/x",
                HOOK_SECRET, "[]"), () -> ArmRequests.as(List.of(CUSTOMER), List.of("agent")), 403,
                "AuthorizationFailed", null, null, hookNew));
        return c;
    }

    static String psBody(String location, String customerLocation, String provider, String primary, String backup) {
        StringBuilder p = new StringBuilder();
        for (String[] f : new String[][] { { "peeringServiceLocation", customerLocation },
            { "peeringServiceProvider", provider }, { "providerPrimaryPeeringLocation", primary },
            { "providerBackupPeeringLocation", backup } }) {
            if (f[1] != null) {
                p.append(p.length() == 0 ? "" : ",").append("\"").append(f[0]).append("\":\"").append(f[1]).append("\"");
            }
        }
        return "{" + (location == null ? "" : "\"location\":\"" + location + "\",") + "\"properties\":{" + p + "}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    @Order(6)
    void rejectedRequestsAnswerTheDocumentedErrorAndStoreNothing(Case k) {
        String before = k.readBack() == null ? null : read(k.readBack());
        RequestSpecification spec = k.caller().get();
        if (k.body() != null) {
            spec = spec.body(k.body().get());
        }
        io.restassured.response.Response r = spec.request(k.method(), k.path());
        String body = r.asString();
        assertEquals(k.status(), r.statusCode(), k.name() + ": " + body);
        assertEquals(k.code(), r.jsonPath().getString("error.code"), k.name() + ": " + body);
        if (k.target() != null) {
            assertEquals(k.target(), r.jsonPath().getString("error.target"), k.name() + ": " + body);
        }
        if (k.message() != null) {
            assertTrue(r.jsonPath().getString("error.message").contains(k.message()), k.name() + ": " + body);
        }
        if (k.readBack() != null) {
            assertEquals(before, read(k.readBack()), k.name() + ": the resource changed");
        }
    }

    /** Status and body as the operator reads them: what "nothing changed" compares. */
    static String read(String path) {
        io.restassured.response.Response r = operator().get(path);
        return r.statusCode() + " " + r.asString();
    }
}

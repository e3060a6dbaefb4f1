package org.openpeering.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue acceptance: a table of bad requests across the partner endpoints. Each gets the documented status, code and
 * {@code target}, and a follow-up read shows that nothing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerBadRequestsIT {

    static final String SUB = "sub-bad-requests";
    static final String OTHER = "sub-bad-requests-other";
    static final String RG = "rg-bad";
    static final String CONN = UUID.nameUUIDFromBytes("bad-base".getBytes()).toString();
    static final String SECRET = "Bad-Requests-Md5-9c1e";

    /** One bad request and what must follow. */
    record Case(String name, String method, String path, String body, Supplier<RequestSpecification> caller,
            int status, String code, String target, String messagePart, String readBack) {

        @Override
        public String toString() {
            return name;
        }
    }

    static RequestSpecification partner() {
        return ArmRequests.as(List.of(SUB), List.of("partner", "customer"));
    }

    static RequestSpecification other() {
        return ArmRequests.as(List.of(OTHER), List.of("partner"));
    }

    static RequestSpecification operator() {
        return ArmRequests.as(List.of("*"), List.of("operator"));
    }

    static String peerAsn(String name) {
        return ArmRequests.peerAsnPath(SUB, name) + "?" + ArmRequests.V;
    }

    static String peering(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/" + name
                + "?" + ArmRequests.V;
    }

    static String connection(String id, int facility, int bandwidth, String provider, String session) {
        return "{\"bandwidthInMbps\":" + bandwidth + ",\"sessionAddressProvider\":\"" + provider + "\","
                + "\"useForPeeringService\":false,\"peeringDBFacilityId\":" + facility
                + (id == null ? "" : ",\"connectionIdentifier\":\"" + id + "\"")
                + (session == null ? "" : ",\"bgpSession\":" + session) + "}";
    }

    static String v4(String prefix, String peer, String ms) {
        return "{\"sessionPrefixV4\":\"" + prefix + "\",\"peerSessionIPv4Address\":\"" + peer
                + "\",\"microsoftSessionIPv4Address\":\"" + ms + "\"}";
    }

    static String direct(String sub, String asnName, String location, String sku, String region, String... connections) {
        return "{\"location\":\"" + region + "\",\"kind\":\"Direct\",\"sku\":{\"name\":\"" + sku + "\"},"
                + "\"properties\":{\"peeringLocation\":\"" + location + "\",\"direct\":{\"directPeeringType\":\"Edge\","
                + "\"peerAsn\":{\"id\":\"/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/" + asnName
                + "\"},\"connections\":[" + String.join(",", connections) + "]}}}";
    }

    static String ok(String... connections) {
        return direct(SUB, "bad", "Amsterdam", "Basic_Direct_Free", "West Europe", connections);
    }

    static final String GOOD_SESSION = v4("203.0.113.64/31", "203.0.113.65", "203.0.113.64");

    @BeforeAll
    void setUp() {
        partner().body(ArmRequests.peerAsnBody(65544, "Bad Requests Net", "noc@bad.example"))
                .put(peerAsn("bad")).then().statusCode(201);
        partner().body(ArmRequests.peerAsnBody(65545, "Pending Net", "noc@pending.example"))
                .put(peerAsn("pending")).then().statusCode(201);
        operator().post("/operator/v1/subscriptions/" + SUB + "/peerAsns/bad/approve?" + ArmRequests.V)
                .then().statusCode(200);
        partner().body(ok(connection(CONN, 64, 10000, "Peer", v4("203.0.113.66/31", "203.0.113.67", "203.0.113.66"))))
                .put(peering("base")).then().statusCode(201);
        // another partner's session at 203.0.113.70/31
        other().body(ArmRequests.peerAsnBody(65546, "Other Net", "noc@other.example"))
                .put(ArmRequests.peerAsnPath(OTHER, "other") + "?" + ArmRequests.V).then().statusCode(201);
        operator().post("/operator/v1/subscriptions/" + OTHER + "/peerAsns/other/approve?" + ArmRequests.V)
                .then().statusCode(200);
        other().body(direct(OTHER, "other", "Amsterdam", "Basic_Direct_Free", "West Europe",
                connection(null, 64, 10000, "Peer", v4("203.0.113.70/31", "203.0.113.71", "203.0.113.70"))))
                .put("/subscriptions/" + OTHER + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/o1?"
                        + ArmRequests.V).then().statusCode(201);
        operator().body("{\"properties\":{\"peeringLocation\":\"Amsterdam\",\"peeringDBFacilityId\":64,"
                + "\"bgpIdentifier\":\"192.0.2.91\",\"sysName\":\"ams-bad-r1.example\"}}")
                .put("/operator/v1/routers/ams-bad-r1?" + ArmRequests.V).then().statusCode(201);
    }

    List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String newAsn = peerAsn("new-asn");
        // ---- peer ASNs: each private/reserved range, names, contacts, types ----
        long[][] asns = { { 0 }, { 23456 }, { 64512 }, { 65534 }, { 4200000000L }, { 4294967294L }, { 65535 },
                { 65552 }, { 131071 }, { 4294967295L }, { 64496 }, { 8069 } };
        for (long[] a : asns) {
            c.add(new Case("peerAsn " + a[0], "PUT", newAsn, ArmRequests.peerAsnBody(a[0]), PartnerBadRequestsIT::partner,
                    400, "BadArgument", "properties.peerAsn", "public ASN", newAsn));
        }
        c.add(new Case("peerAsn above 32 bits", "PUT", newAsn, ArmRequests.peerAsnBody(4294967296L),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.peerAsn", null, newAsn));
        c.add(new Case("bad e-mail", "PUT", newAsn, ArmRequests.peerAsnBody(65547, "Good Name", "not-an-address"),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.peerContactDetail[0].email", null, newAsn));
        c.add(new Case("non-ASCII name", "PUT", newAsn, ArmRequests.peerAsnBody(65547, "Contöso", "noc@x.example"),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.peerName", null, newAsn));
        c.add(new Case("no contacts", "PUT", newAsn, "{\"properties\":{\"peerAsn\":65547,\"peerName\":\"Good Name\"}}",
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.peerContactDetail", null, newAsn));
        c.add(new Case("peerAsn of the wrong type", "PUT", newAsn, "{\"properties\":{\"peerAsn\":\"65547\"}}",
                PartnerBadRequestsIT::partner, 400, "InvalidRequestContent", "properties.peerAsn", null, newAsn));
        c.add(new Case("malformed JSON", "PUT", newAsn, "{\"properties\":{\"peerAsn\":65547,", PartnerBadRequestsIT::partner,
                400, "InvalidRequestContent", null, "not valid JSON", newAsn));
        c.add(new Case("unknown api-version", "PUT", ArmRequests.peerAsnPath(SUB, "new-asn") + "?api-version=2099-01-01",
                ArmRequests.peerAsnBody(65547), PartnerBadRequestsIT::partner, 400, "InvalidApiVersionParameter", null,
                "2025-05-01", newAsn));
        c.add(new Case("illegal peer ASN name", "PUT", ArmRequests.peerAsnPath(SUB, "bad name!") + "?" + ArmRequests.V,
                ArmRequests.peerAsnBody(65547), PartnerBadRequestsIT::partner, 400, "InvalidResourceName", null, null,
                newAsn));
        c.add(new Case("ASN of another subscription", "PUT", ArmRequests.peerAsnPath(OTHER, "dup") + "?" + ArmRequests.V,
                ArmRequests.peerAsnBody(65544), PartnerBadRequestsIT::other, 409, "Conflict", null,
                "another subscription", ArmRequests.peerAsnPath(OTHER, "dup") + "?" + ArmRequests.V));
        c.add(new Case("delete a peer ASN with peerings", "DELETE", peerAsn("bad"), null, PartnerBadRequestsIT::partner,
                409, "Conflict", null, "base", peerAsn("bad")));

        // ---- new peerings ----
        String np = peering("p-new");
        String good = connection(null, 64, 10000, "Peer", GOOD_SESSION);
        c.add(new Case("unknown location", "PUT", np, direct(SUB, "bad", "Atlantis", "Basic_Direct_Free", "West Europe", good),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.peeringLocation", "Atlantis", np));
        c.add(new Case("unknown facility", "PUT", np, ok(connection(null, 999999, 10000, "Peer", GOOD_SESSION)),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.connections[0].peeringDBFacilityId",
                "999999", np));
        c.add(new Case("facility of another location", "PUT", np, ok(connection(null, 58, 10000, "Peer", GOOD_SESSION)),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.connections[0].peeringDBFacilityId",
                null, np));
        c.add(new Case("wrong SKU family", "PUT", np, direct(SUB, "bad", "Amsterdam", "Basic_Exchange_Free", "West Europe",
                good), PartnerBadRequestsIT::partner, 400, "BadArgument", "sku.name", "Peering SKU is invalid for Direct", np));
        c.add(new Case("Premium SKU other than Free with Peering Service", "PUT", np,
                direct(SUB, "bad", "Amsterdam", "Premium_Direct_Metered", "West Europe",
                        good.replace("\"useForPeeringService\":false", "\"useForPeeringService\":true")),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "sku.name", "Peering SKU is invalid for Direct", np));
        c.add(new Case("unknown SKU", "PUT", np, direct(SUB, "bad", "Amsterdam", "Gold", "West Europe", good),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "sku.name", null, np));
        c.add(new Case("bandwidth not offered", "PUT", np, ok(connection(null, 64, 3000, "Peer", GOOD_SESSION)),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.connections[0].bandwidthInMbps",
                "3000", np));
        c.add(new Case("session IP used by another ASN", "PUT", np,
                ok(connection(null, 64, 10000, "Peer", v4("203.0.113.70/31", "203.0.113.71", "203.0.113.70"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.peerSessionIPv4Address",
                "IPv4 address is already configured with a different ASN", np));
        c.add(new Case("/31 with the peer address outside", "PUT", np,
                ok(connection(null, 64, 10000, "Peer", v4("203.0.113.64/31", "203.0.113.99", "203.0.113.64"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.peerSessionIPv4Address", "not inside", np));
        c.add(new Case("/31 with the operator address outside", "PUT", np,
                ok(connection(null, 64, 10000, "Peer", v4("203.0.113.64/31", "203.0.113.65", "203.0.113.98"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.microsoftSessionIPv4Address", "not inside", np));
        c.add(new Case("session prefix /29", "PUT", np,
                ok(connection(null, 64, 10000, "Peer", v4("203.0.113.64/29", "203.0.113.65", "203.0.113.66"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.sessionPrefixV4", null, np));
        c.add(new Case("session prefix with host bits", "PUT", np,
                ok(connection(null, 64, 10000, "Peer", v4("203.0.113.65/31", "203.0.113.65", "203.0.113.64"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.sessionPrefixV4", null, np));
        c.add(new Case("operator-allocated addresses sent by the peer", "PUT", np,
                ok(connection(null, 64, 10000, "Microsoft", GOOD_SESSION)), PartnerBadRequestsIT::partner, 400,
                "BadArgument", "properties.direct.connections[0].bgpSession.sessionPrefixV4", null, np));
        c.add(new Case("MD5 key with spaces", "PUT", np, ok(connection(null, 64, 10000, "Peer",
                GOOD_SESSION.replace("}", ",\"md5AuthenticationKey\":\"" + SECRET + " x\"}"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.md5AuthenticationKey", null, np));
        c.add(new Case("connectionIdentifier not a GUID", "PUT", np, ok(connection("conn-1", 64, 10000, "Peer", GOOD_SESSION)),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].connectionIdentifier", "GUID", np));
        c.add(new Case("no location", "PUT", np, ok(good).replace("\"location\":\"West Europe\",", ""),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "location", null, np));
        c.add(new Case("unknown kind", "PUT", np, ok(good).replace("\"kind\":\"Direct\"", "\"kind\":\"Partial\""),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "kind", null, np));
        c.add(new Case("peer ASN of another subscription", "PUT", np,
                direct(OTHER, "other", "Amsterdam", "Basic_Direct_Free", "West Europe", good),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.peerAsn.id", "not found", np));
        c.add(new Case("peer ASN not approved", "PUT", np,
                direct(SUB, "pending", "Amsterdam", "Basic_Direct_Free", "West Europe", good),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.peerAsn.id",
                "PeerAsn is not approved for the subscription", np));
        c.add(new Case("bandwidth of the wrong type", "PUT", np, ok(good).replace("\"bandwidthInMbps\":10000",
                "\"bandwidthInMbps\":\"10G\""), PartnerBadRequestsIT::partner, 400, "InvalidRequestContent",
                "properties.direct.connections[0].bandwidthInMbps", null, np));
        c.add(new Case("boolean of the wrong type", "PUT", np, ok(good).replace("\"useForPeeringService\":false",
                "\"useForPeeringService\":\"yes\""), PartnerBadRequestsIT::partner, 400, "InvalidRequestContent",
                "properties.direct.connections[0].useForPeeringService", null, np));
        c.add(new Case("connections not an array", "PUT", np, ok(good).replace("\"connections\":[" + good + "]",
                "\"connections\":{}"), PartnerBadRequestsIT::partner, 400, "InvalidRequestContent",
                "properties.direct.connections", null, np));
        c.add(new Case("no connections", "PUT", np, ok(good).replace("\"connections\":[" + good + "]",
                "\"connections\":[]"), PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections", null, np));
        c.add(new Case("illegal peering name", "PUT", peering("p..new*"), ok(good), PartnerBadRequestsIT::partner, 400,
                "InvalidResourceName", null, null, np));

        // ---- the existing peering "base" (its connection is PendingApproval) ----
        String base = peering("base");
        String baseConn = connection(CONN, 64, 10000, "Peer", v4("203.0.113.66/31", "203.0.113.67", "203.0.113.66"));
        c.add(new Case("dropping a connection", "PUT", base, ok(good), PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections", "cannot be removed", base));
        c.add(new Case("changing the peering location", "PUT", base, direct(SUB, "bad", "Frankfurt", "Basic_Direct_Free",
                "West Europe", baseConn.replace(":64,", ":58,")), PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.peeringLocation", "cannot change", base));
        c.add(new Case("changing the region", "PUT", base, direct(SUB, "bad", "Amsterdam", "Basic_Direct_Free",
                "North Europe", baseConn), PartnerBadRequestsIT::partner, 400, "BadArgument", "location", "cannot change",
                base));
        c.add(new Case("changing the kind", "PUT", base, ok(baseConn).replace("\"kind\":\"Direct\"", "\"kind\":\"Exchange\"")
                .replace("Basic_Direct_Free", "Basic_Exchange_Free").replace("\"direct\":", "\"exchange\":"),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "kind", "cannot change", base));
        c.add(new Case("changing the peer ASN", "PUT", base, direct(SUB, "pending", "Amsterdam", "Basic_Direct_Free",
                "West Europe", baseConn), PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.peerAsn.id",
                null, base));
        c.add(new Case("bandwidth change on a connection that is not Active", "PUT", base,
                ok(baseConn.replace("\"bandwidthInMbps\":10000", "\"bandwidthInMbps\":100000")),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.connections[0].bandwidthInMbps",
                "only on Active connections", base));
        c.add(new Case("changing a connection's facility", "PUT", base, ok(baseConn.replace(":64,", ":1236,")),
                PartnerBadRequestsIT::partner, 400, "BadArgument", "properties.direct.connections[0].peeringDBFacilityId",
                "cannot change", base));
        c.add(new Case("changing the session prefix", "PUT", base,
                ok(connection(CONN, 64, 10000, "Peer", v4("203.0.113.68/31", "203.0.113.69", "203.0.113.68"))),
                PartnerBadRequestsIT::partner, 400, "BadArgument",
                "properties.direct.connections[0].bgpSession.sessionPrefixV4", "cannot change", base));
        c.add(new Case("stale etag", "PUT", base, ok(baseConn), () -> partner().header("If-Match", "\"999\""), 412,
                "PreconditionFailed", null, null, base));
        c.add(new Case("If-None-Match on an existing peering", "PUT", base, ok(baseConn),
                () -> partner().header("If-None-Match", "*"), 412, "PreconditionFailed", null, null, base));
        c.add(new Case("PATCH with tags of the wrong type", "PATCH", base, "{\"tags\":{\"env\":1}}",
                PartnerBadRequestsIT::partner, 400, "InvalidRequestContent", "tags.env", null, base));
        c.add(new Case("PATCH without tags", "PATCH", base, "{\"properties\":{}}", PartnerBadRequestsIT::partner, 400,
                "BadArgument", "tags", null, base));

        // ---- operator workflow and reads with bad parameters ----
        String state = "/operator/v1/subscriptions/" + SUB + "/resourceGroups/" + RG + "/peerings/base/connections/"
                + CONN + "/state?" + ArmRequests.V;
        c.add(new Case("skipping states", "POST", state, "{\"state\":\"Active\"}", PartnerBadRequestsIT::operator, 400,
                "BadArgument", "state", "cannot move from PendingApproval to Active", base));
        c.add(new Case("approval without a router", "POST", state, "{\"state\":\"Approved\"}",
                PartnerBadRequestsIT::operator, 400, "BadArgument", "routerName", null, base));
        c.add(new Case("unknown router", "POST", state, "{\"state\":\"Approved\",\"routerName\":\"nowhere-r1\"}",
                PartnerBadRequestsIT::operator, 400, "BadArgument", "routerName", null, base));
        c.add(new Case("failure without a message", "POST", state, "{\"state\":\"ProvisioningFailed\"}",
                PartnerBadRequestsIT::operator, 400, "BadArgument", "errorMessage", null, base));
        c.add(new Case("partner moving its own connection", "POST", state, "{\"state\":\"Approved\",\"routerName\":"
                + "\"ams-bad-r1\"}", PartnerBadRequestsIT::partner, 403, "AuthorizationFailed", null, null, base));
        String locations = "/subscriptions/" + SUB + "/providers/Microsoft.Peering/peeringLocations?" + ArmRequests.V;
        c.add(new Case("peeringLocations without kind", "GET", locations, null, PartnerBadRequestsIT::partner, 400,
                "BadArgument", "kind", null, null));
        c.add(new Case("legacyPeerings without kind", "GET", "/subscriptions/" + SUB + "/providers/Microsoft.Peering/"
                + "legacyPeerings?peeringLocation=Amsterdam&" + ArmRequests.V, null, PartnerBadRequestsIT::partner, 400,
                "BadArgument", "kind", null, null));
        String check = "/subscriptions/" + SUB + "/providers/Microsoft.Peering/checkServiceProviderAvailability?"
                + ArmRequests.V;
        c.add(new Case("availability for an unknown location", "POST", check, "{\"peeringServiceLocation\":\"Atlantis\","
                + "\"peeringServiceProvider\":\"Bad Requests Net\"}", PartnerBadRequestsIT::partner, 400, "BadArgument",
                "peeringServiceLocation", null, null));
        c.add(new Case("availability for an unknown provider", "POST", check, "{\"peeringServiceLocation\":\"Noord-Holland\","
                + "\"peeringServiceProvider\":\"Nobody Networks\"}", PartnerBadRequestsIT::partner, 400, "BadArgument",
                "peeringServiceProvider", null, null));
        c.add(new Case("router with a bad BGP identifier", "PUT", "/operator/v1/routers/ams-bad-r2?" + ArmRequests.V,
                "{\"properties\":{\"peeringLocation\":\"Amsterdam\",\"peeringDBFacilityId\":64,\"bgpIdentifier\":"
                        + "\"2001:db8::1\",\"sysName\":\"ams-bad-r2.example\"}}", PartnerBadRequestsIT::operator, 400,
                "BadArgument", "properties.bgpIdentifier", null, "/operator/v1/routers/ams-bad-r2?" + ArmRequests.V));
        c.add(new Case("router in a facility of another location", "PUT", "/operator/v1/routers/ams-bad-r2?" + ArmRequests.V,
                "{\"properties\":{\"peeringLocation\":\"Amsterdam\",\"peeringDBFacilityId\":58,\"bgpIdentifier\":"
                        + "\"192.0.2.92\",\"sysName\":\"ams-bad-r2.example\"}}", PartnerBadRequestsIT::operator, 400,
                "BadArgument", "properties.peeringDBFacilityId", null, "/operator/v1/routers/ams-bad-r2?" + ArmRequests.V));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheDocumentedErrorAndChangesNothing(Case k) {
        String before = k.readBack() == null ? null : read(k.readBack());
        RequestSpecification spec = k.caller().get();
        if (k.body() != null) {
            spec = spec.body(k.body());
        }
        Response r = spec.request(k.method(), k.path());
        String body = r.asString();
        assertEquals(k.status(), r.statusCode(), k.name() + ": " + body);
        assertEquals(k.code(), r.jsonPath().getString("error.code"), k.name() + ": " + body);
        if (k.target() != null) {
            assertEquals(k.target(), r.jsonPath().getString("error.target"), k.name() + ": " + body);
        }
        if (k.messagePart() != null) {
            assertTrue(r.jsonPath().getString("error.message").contains(k.messagePart()), k.name() + ": " + body);
        }
        assertFalse(body.contains(SECRET), "an error echoed the MD5 key: " + body);
        if (k.readBack() != null) {
            assertEquals(before, read(k.readBack()), k.name() + ": the resource changed");
        }
    }

    /** The resource as the operator reads it (status and body): what "nothing changed" compares. */
    static String read(String path) {
        Response r = operator().get(path);
        return r.statusCode() + " " + r.asString();
    }
}

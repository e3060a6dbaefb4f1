package org.openpeering.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.bgp.Daemon;
import org.openpeering.testsupport.bgp.GoBgp;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The detection benchmark of issue #5 (run by {@code bench/detection.sh}, not in CI): 100 customer prefixes are
 * activated and watched (2001:db8:100::/48 … , expected origin AS64510); a gobgpd on another partner's session
 * (AS 65549) then announces each of them with origin AS64511, one at a time. For each: the time from the
 * injection command (the gobgp CLI call) until the exact-prefix hijack is readable through the gateway
 * ({@code GET …/peerings/{p}/anomalies?active=true}, polled every 2 ms), split into the daemon's own propagation
 * (command → the UPDATE applied by the collector: the route's receivedTimestamp) and the rest (detection, the
 * anomaly stored, the gateway read). Prints a table; {@code target/detection-benchmark.md} keeps it.
 */
@Tag("benchmark")
class DetectionBenchmarkIT {

    static final String PROVIDER = "sub-det-provider";
    static final String HIJACKER = "sub-det-hijacker";
    static final String CUSTOMER = "sub-det-customer";
    static final String RG = "rg-det";
    static final int HIJACKS = 100;

    static GoBgp hijacker;

    @AfterAll
    static void stop() {
        if (hijacker != null) {
            hijacker.close();
        }
    }

    static RequestSpecification as(String subscription, String role) {
        return ArmRequests.as(List.of(subscription), List.of(role));
    }

    static RequestSpecification operator() {
        return ArmRequests.as(List.of("*"), List.of("operator"));
    }

    static String peering(String sub, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + RG + "/providers/Microsoft.Peering/peerings/" + name;
    }

    static String prefix(int i) {
        return "2001:db8:" + Integer.toHexString(0x100 + i) + "::/48";
    }

    /** One connection: its router (created here), and the session's addresses. */
    record Link(String router, String bgpId, String peerAddress, String msAddress, String sessionPrefix) {
    }

    /**
     * A partner with Direct connections at Amsterdam, each on its own router, driven to Active (a Peering Service
     * provider needs two, on two routers, to be ready).
     */
    static void partner(String sub, long asn, String name, String peeringName, String sku, boolean ps, Link... links) {
        as(sub, "partner").body(ArmRequests.peerAsnBody(asn, name, "noc@det.example"))
                .put(ArmRequests.peerAsnPath(sub, "asn") + "?" + ArmRequests.V).then().statusCode(201);
        operator().post("/operator/v1/subscriptions/" + sub + "/peerAsns/asn/approve?" + ArmRequests.V).then()
                .statusCode(200);
        List<String> connections = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Link l : links) {
            operator().body("{\"properties\":{\"peeringLocation\":\"Amsterdam\",\"peeringDBFacilityId\":64,"
                    + "\"bgpIdentifier\":\"" + l.bgpId() + "\",\"sysName\":\"" + l.router() + ".example\"}}")
                    .put("/operator/v1/routers/" + l.router() + "?" + ArmRequests.V).then().statusCode(201);
            String id = UUID.nameUUIDFromBytes((peeringName + l.router()).getBytes()).toString();
            ids.add(id);
            connections.add("{\"connectionIdentifier\":\"" + id + "\",\"bandwidthInMbps\":10000,"
                    + "\"sessionAddressProvider\":\"Peer\",\"useForPeeringService\":" + ps + ",\"peeringDBFacilityId\":64,"
                    + "\"bgpSession\":{\"sessionPrefixV4\":\"" + l.sessionPrefix() + "\",\"microsoftSessionIPv4Address\":\""
                    + l.msAddress() + "\",\"peerSessionIPv4Address\":\"" + l.peerAddress() + "\"}}");
        }
        as(sub, "partner").body("{\"location\":\"West Europe\",\"kind\":\"Direct\",\"sku\":{\"name\":\"" + sku + "\"},"
                + "\"properties\":{\"peeringLocation\":\"Amsterdam\",\"direct\":{\"directPeeringType\":\"Edge\","
                + "\"peerAsn\":{\"id\":\"/subscriptions/" + sub + "/providers/Microsoft.Peering/peerAsns/asn\"},"
                + "\"connections\":[" + String.join(",", connections) + "]}}}")
                .put(peering(sub, peeringName) + "?" + ArmRequests.V).then().log().ifValidationFails().statusCode(201);
        for (int i = 0; i < links.length; i++) {
            String path = "/operator/v1/subscriptions/" + sub + "/resourceGroups/" + RG + "/peerings/" + peeringName
                    + "/connections/" + ids.get(i) + "/state?" + ArmRequests.V;
            operator().body("{\"state\":\"Approved\",\"routerName\":\"" + links[i].router() + "\"}").post(path).then()
                    .statusCode(200);
            for (String state : List.of("ProvisioningStarted", "ProvisioningCompleted", "Validating", "Active")) {
                operator().body("{\"state\":\"" + state + "\"}").post(path).then().statusCode(200);
            }
        }
    }

    static void activate(String key, int i) {
        as(CUSTOMER, "customer").body("{\"properties\":{\"prefix\":\"" + prefix(i) + "\",\"peeringServicePrefixKey\":\""
                + key + "\",\"allowedOriginAsns\":[64510]}}").put("/subscriptions/" + CUSTOMER + "/resourceGroups/" + RG
                        + "/providers/Microsoft.Peering/peeringServices/ps/prefixes/p" + i + "?" + ArmRequests.V)
                .then().statusCode(201);
    }

    /** Polls the hijacker's peering until an active exact-prefix hijack of the prefix is listed; nanoTime then. */
    static long awaitHijack(String prefix, long deadlineNanos) {
        String anomalies = peering(HIJACKER, "det-h") + "/anomalies?active=true&" + ArmRequests.V;
        RequestSpecification partner = as(HIJACKER, "partner");
        while (System.nanoTime() < deadlineNanos) {
            JsonPath page = partner.get(anomalies).then().statusCode(200).extract().jsonPath();
            List<String> prefixes = page.getList("value.properties.prefix");
            List<String> types = page.getList("value.properties.anomalyType");
            for (int j = 0; j < prefixes.size(); j++) {
                if (prefix.equals(prefixes.get(j)) && "ExactPrefixHijack".equals(types.get(j))) {
                    return System.nanoTime();
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        throw new AssertionError("no hijack of " + prefix + " listed in time");
    }

    @Test
    void hijacksAreReadableThroughTheGatewaySoonAfterTheInjection() throws Exception {
        Daemon.require("gobgpd", "gobgp");
        partner(PROVIDER, 65547, "Detection Transit", "det-ps", "Premium_Direct_Free", true,
                new Link("det-r1", "192.0.2.91", "127.0.0.41", "127.0.0.40", "127.0.0.40/31"),
                new Link("det-r3", "192.0.2.93", "127.0.0.45", "127.0.0.44", "127.0.0.44/31"));
        partner(HIJACKER, 65549, "Detection Hijack Net", "det-h", "Basic_Direct_Free", false,
                new Link("det-r2", "192.0.2.92", "127.0.0.43", "127.0.0.42", "127.0.0.42/31"));
        String key = as(PROVIDER, "partner").body("{\"properties\":{\"prefix\":\"2001:db8::/32\"}}")
                .put(peering(PROVIDER, "det-ps") + "/registeredPrefixes/doc?" + ArmRequests.V).then().statusCode(201)
                .extract().path("properties.peeringServicePrefixKey");
        as(CUSTOMER, "customer").body("{\"location\":\"West Europe\",\"properties\":{\"peeringServiceLocation\":"
                + "\"Noord-Holland\",\"peeringServiceProvider\":\"Detection Transit\",\"providerPrimaryPeeringLocation\":"
                + "\"Amsterdam\"}}").put("/subscriptions/" + CUSTOMER + "/resourceGroups/" + RG
                        + "/providers/Microsoft.Peering/peeringServices/ps?" + ArmRequests.V).then().log().ifValidationFails()
                        .statusCode(201);
        for (int i = 0; i <= HIJACKS; i++) {
            activate(key, i);
        }
        int port = Integer.parseInt(SuiteExtension.suite().environment("TELEMETRY_BGP_PORT"));
        hijacker = new GoBgp("127.0.0.43", 65549, "127.0.0.1", 64496, port);
        // warm-up: the session is up and the watch set pushed once prefix 0's hijack is listed
        hijacker.announce(prefix(0), "64511", null);
        awaitHijack(prefix(0), System.nanoTime() + TimeUnit.SECONDS.toNanos(120));

        List<Double> total = new ArrayList<>();
        List<Double> command = new ArrayList<>();
        List<Double> propagation = new ArrayList<>();
        List<Double> pipeline = new ArrayList<>();
        String routes = peering(HIJACKER, "det-h") + "/receivedRoutes?" + ArmRequests.V + "&prefix=";
        for (int i = 1; i <= HIJACKS; i++) {
            long wall = System.currentTimeMillis();
            long t0 = System.nanoTime();
            hijacker.announce(prefix(i), "64511", null);
            long tCommand = System.nanoTime();
            long t1 = awaitHijack(prefix(i), t0 + TimeUnit.SECONDS.toNanos(30));
            total.add((t1 - t0) / 1e6);
            command.add((tCommand - t0) / 1e6);
            String received = as(HIJACKER, "partner").get(routes + prefix(i)).then().statusCode(200).extract()
                    .path("value[0].receivedTimestamp");
            double propagated = Instant.parse(received).toEpochMilli() - wall;
            propagation.add(propagated);
            pipeline.add((t1 - t0) / 1e6 - propagated);
        }
        assertEquals(HIJACKS, total.size());
        String report = String.format(Locale.ROOT, """
                Detection: %d exact-prefix hijacks injected one at a time with `gobgp global rib add` (gobgpd, AS 65549)

                | from the injection command | p50 | p90 | p99 | max |
                |---|---|---|---|---|
                | until readable through the gateway (total) | %s | %s | %s | %s |
                | the gobgp CLI call itself | %s | %s | %s | %s |
                | until the collector applied the UPDATE (the daemon's propagation; ms clock) | %s | %s | %s | %s |
                | from then until readable (detection, storage, gateway read) | %s | %s | %s | %s |
                """, HIJACKS, q(total, 50), q(total, 90), q(total, 99), q(total, 100), q(command, 50), q(command, 90),
                q(command, 99), q(command, 100), q(propagation, 50), q(propagation, 90), q(propagation, 99),
                q(propagation, 100), q(pipeline, 50), q(pipeline, 90), q(pipeline, 99), q(pipeline, 100));
        System.out.println(report);
        Path out = Path.of("target", "detection-benchmark.md");
        try {
            Files.writeString(out, report);
        } catch (IOException e) {
            System.out.println("(not written to " + out + ": " + e + ")");
        }
        assertTrue(Collections.max(total) < Duration.ofSeconds(30).toMillis(), "every hijack was detected");
    }

    /** The nearest-rank percentile, in ms with one decimal. */
    static String q(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return String.format(Locale.ROOT, "%.1f ms", sorted.get(Math.max(0, rank - 1)));
    }
}

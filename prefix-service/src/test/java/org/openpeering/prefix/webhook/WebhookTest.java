package org.openpeering.prefix.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;


import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpeering.prefix.watch.WatchSync;
import org.openpeering.prefix.validation.Validator;
import org.openpeering.proto.partner.v1.Precondition;
import org.openpeering.proto.prefix.v1.ListWebhookDeliveriesRequest;
import org.openpeering.proto.prefix.v1.ListWebhooksRequest;
import org.openpeering.proto.prefix.v1.PutWebhookRequest;
import org.openpeering.proto.prefix.v1.PutWebhookResponse;
import org.openpeering.proto.prefix.v1.Webhook;
import org.openpeering.proto.prefix.v1.WebhookDelivery;
import org.openpeering.proto.prefix.v1.WebhookRef;
import org.openpeering.proto.prefix.v1.WebhookService;
import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.testsupport.PostgresTestResource;
import org.openpeering.testsupport.ServiceCaller;
import org.openpeering.testsupport.WebhookReceiver;


import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Webhooks end to end inside prefix-service: registration rules, sealed write-only secrets, signed deliveries to a
 * real HTTP endpoint, retries with backoff until success or until the attempts run out (3 in tests), the delivery
 * log, and the fan-out of stored prefix events (telemetry changes, validation state changes) by the webhooks' filters.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "prefix"))
class WebhookTest {

    private static final Duration T = Duration.ofSeconds(15);
    private static final String SECRET = "whsec-0123456789abcdef";

    @GrpcClient("prefix")
    @RegisterClientInterceptor(ServiceCaller.class)
    WebhookService webhooks;

    @Inject
    Pool pool;

    @Inject
    WatchSync watch;

    @Inject
    Validator validator;

    @Inject
    WebhookDispatcher dispatcher;

    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private long count(String table) {
        return pool.query("select count(*) from " + table).execute().await().atMost(T).iterator().next().getLong(0);
    }

    private PutWebhookResponse put(Webhook.Builder w) {
        return webhooks.putWebhook(PutWebhookRequest.newBuilder().setWebhook(w).build()).await().atMost(T);
    }

    private static Webhook.Builder hook(String sub, String name, String url) {
        return Webhook.newBuilder().setSubscriptionId(sub).setName(name).setUrl(url).setSecret(SECRET);
    }

    private List<WebhookDelivery> log(String sub, String name) {
        return webhooks.listWebhookDeliveries(ListWebhookDeliveriesRequest.newBuilder().setSubscriptionId(sub)
                .setName(name).build()).await().atMost(T).getDeliveriesList();
    }

    @Test
    void rejectedRegistrationsNameTheFieldAndStoreNothing() {
        long before = count("webhook");
        record Case(Webhook.Builder w, String field) {
        }
        List<Case> cases = List.of(
                new Case(hook("s-bad", "w", ""), "properties.url"),
                new Case(hook("s-bad", "w", "ftp://127.0.0.1/x"), "properties.url"),
                new Case(hook("s-bad", "w", "http://user:pw@127.0.0.1/x"), "properties.url"),
                new Case(hook("s-bad", "w", "http://127.0.0.1/x#frag"), "properties.url"),
                new Case(hook("s-bad", "w", "not a url"), "properties.url"),
                new Case(hook("s-bad", "w", receiver.url("/hook")).addEventTypes("PrefixNonsense"), "properties.eventTypes"),
                new Case(hook("s-bad", "w", receiver.url("/hook")).addEventLevels("Fatal"), "properties.eventLevels"),
                new Case(hook("s-bad", "w", receiver.url("/hook")).setSecret("short"), "properties.secret"),
                new Case(hook("s-bad", "w", receiver.url("/hook")).setSecret("has a space in it 12345"), "properties.secret"),
                new Case(hook("s-bad", "w", receiver.url("/hook")).clearSecret(), "properties.secret"));
        for (Case c : cases) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> put(c.w()), c.toString());
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), c.toString());
            assertTrue(e.getStatus().getDescription().contains(c.field()), e.getStatus().getDescription());
            assertFalse(e.getStatus().getDescription().contains("0123456789"), "the secret is never echoed");
        }
        assertEquals(before, count("webhook"));
    }

    @Test
    void urlsMustBePublicHttpsWhenNotRelaxed() {
        for (String url : List.of("http://203.0.113.9/x", "https://127.0.0.1/x", "https://[::1]/x", "https://10.1.2.3/x",
                "https://192.168.1.1/x", "https://169.254.169.254/latest", "https://[::ffff:127.0.0.1]/x", "https://100.64.0.1/x", "https://[fd00::1]/x",
                "https://localhost/x")) {
            var e = assertThrows(org.openpeering.common.DomainException.class,
                    () -> WebhookRules.url(url, false, false), url);
            assertEquals("properties.url", e.target());
        }
        assertEquals("https://hooks.example.net/peering?x=1",
                WebhookRules.url("https://hooks.example.net/peering?x=1", false, false));
        assertEquals("https://203.0.113.9/x", WebhookRules.url("https://203.0.113.9/x", false, false));
    }

    @Test
    void secretsAreWriteOnlyAndSealed() {
        PutWebhookResponse created = put(hook("s-secret", "Alerts", receiver.url("/hook")).addEventTypes("anomalystarted"));
        assertTrue(created.getCreated());
        assertEquals("", created.getWebhook().getSecret());
        assertEquals(List.of("AnomalyStarted"), created.getWebhook().getEventTypesList(), "canonical spelling");
        String sealed = pool.preparedQuery("select secret_sealed from webhook where subscription_id = $1")
                .execute(Tuple.of("s-secret")).await().atMost(T).iterator().next().getString(0);
        assertFalse(sealed.contains(SECRET));

        // the same body without a secret keeps the stored one and changes nothing
        PutWebhookResponse again = put(hook("s-secret", "alerts", receiver.url("/hook")).addEventTypes("AnomalyStarted")
                .clearSecret());
        assertFalse(again.getCreated());
        assertEquals(created.getWebhook().getVersion(), again.getWebhook().getVersion());
        assertEquals(sealed, pool.preparedQuery("select secret_sealed from webhook where subscription_id = $1")
                .execute(Tuple.of("s-secret")).await().atMost(T).iterator().next().getString(0));

        // a stale If-Match changes nothing
        StatusRuntimeException stale = assertThrows(StatusRuntimeException.class, () -> webhooks.putWebhook(
                PutWebhookRequest.newBuilder().setWebhook(hook("s-secret", "alerts", receiver.url("/hook/other")))
                        .setPrecondition(Precondition.newBuilder().setIfMatchVersion(99)).build()).await().atMost(T));
        assertEquals(Status.Code.FAILED_PRECONDITION, stale.getStatus().getCode());
        assertEquals(receiver.url("/hook"), webhooks.getWebhook(WebhookRef.newBuilder().setSubscriptionId("s-secret")
                .setName("ALERTS").build()).await().atMost(T).getUrl());

        assertEquals(1, webhooks.listWebhooks(ListWebhooksRequest.newBuilder().setSubscriptionId("s-secret").build())
                .await().atMost(T).getWebhooksCount());
        assertEquals(0, webhooks.listWebhooks(ListWebhooksRequest.newBuilder().setSubscriptionId("s-other").build())
                .await().atMost(T).getWebhooksCount());
    }

    @Test
    void aPingIsSignedAndRetriedUntilAccepted() throws Exception {
        put(hook("s-ping", "ops", receiver.url("/hook")));
        receiver.answer(500, 503);
        WebhookDelivery queued = webhooks.pingWebhook(WebhookRef.newBuilder().setSubscriptionId("s-ping").setName("ops")
                .build()).await().atMost(T);
        assertEquals("Pending", queued.getStatus());

        await().atMost(T).until(() -> log("s-ping", "ops").get(0).getStatus().equals("Succeeded"));
        WebhookDelivery done = log("s-ping", "ops").get(0);
        assertEquals(3, done.getAttempts());
        assertEquals(200, done.getLastStatusCode());
        assertEquals(queued.getEventId(), done.getEventId());

        List<WebhookReceiver.Received> got = receiver.of("/", "WebhookPing");
        assertEquals(3, got.size(), "two refusals, then the accepted attempt");
        for (WebhookReceiver.Received r : got) {
            assertEquals(queued.getEventId(), r.delivery(), "the same event id on every attempt");
            assertEquals(WebhookReceiver.expectedSignature(SECRET, r), r.signature());
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - System.currentTimeMillis() / 1000) < 60);
            assertEquals("application/json", r.contentType());
            assertEquals(WebhookDispatcher.USER_AGENT, r.userAgent());
            JsonObject body = new JsonObject(r.body());
            assertEquals(queued.getEventId(), body.getString("id"));
            assertEquals("s-ping", body.getString("subscriptionId"));
            assertEquals("WebhookPing", body.getString("eventType"));
        }
        assertNotEquals(WebhookReceiver.expectedSignature("another-secret-000000", got.get(0)), got.get(0).signature());
    }

    @Test
    void anUnreachableEndpointIsGivenUpAfterTheLastAttempt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        put(hook("s-dead", "gone", "http://127.0.0.1:" + closed + "/hook"));
        webhooks.pingWebhook(WebhookRef.newBuilder().setSubscriptionId("s-dead").setName("gone").build())
                .await().atMost(T);
        await().atMost(T).until(() -> log("s-dead", "gone").get(0).getStatus().equals("Failed"));
        WebhookDelivery failed = log("s-dead", "gone").get(0);
        assertEquals(3, failed.getAttempts());
        assertEquals(0, failed.getLastStatusCode());
        assertFalse(failed.getLastError().isEmpty());
        assertEquals("", failed.getNextAttemptAt(), "no further attempt");

        // deleting the webhook deletes its log
        assertTrue(webhooks.deleteWebhook(WebhookRef.newBuilder().setSubscriptionId("s-dead").setName("gone").build())
                .await().atMost(T).getExisted());
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> log("s-dead", "gone"));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals(0L, pool.query("select count(*) from webhook_delivery d where not exists (select 1 from webhook w"
                + " where w.id = d.webhook_id)").execute().await().atMost(T).iterator().next().getLong(0));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        // tests: 100 ms initial, 400 ms at most, ±20 % jitter
        for (int i = 0; i < 20; i++) {
            long first = dispatcher.backoff(1).toMillis();
            long second = dispatcher.backoff(2).toMillis();
            long capped = dispatcher.backoff(9).toMillis();
            assertTrue(first >= 80 && first <= 120, "first " + first);
            assertTrue(second >= 160 && second <= 240, "second " + second);
            assertTrue(capped >= 320 && capped <= 480, "capped " + capped);
        }
    }

    @Test
    void storedEventsFanOutByTheWebhooksFilters() {
        long ps = pool.preparedQuery("insert into peering_service (subscription_id, resource_group, resource_group_key,"
                + " name, name_key, location, peering_service_provider, version) values ('s-cust', 'RG1', 'rg1', 'ps1',"
                + " 'ps1', 'eastus', 'Fabrikam Transit', 1) returning id").execute().await().atMost(T).iterator().next()
                .getLong(0);
        pool.preparedQuery("insert into customer_prefix (peering_service_id, name, name_key, prefix, prefix_key,"
                + " validation_state, learned_type, version) values ($1, 'web', 'web', '203.0.113.0/24', gen_random_uuid(),"
                + " 'Verified', 'ViaServiceProvider', 1)").execute(Tuple.of(ps)).await().atMost(T);
        put(hook("s-cust", "withdrawals", receiver.url("/hook")).addEventTypes("PrefixWithdrawalEvent"));
        put(hook("s-cust", "critical", receiver.url("/critical")).addEventLevels("Critical"));
        put(hook("s-cust", "validation", receiver.url("/validation")).addEventTypes("PrefixValidationStateChange"));
        put(hook("s-elsewhere", "all", receiver.url("/other")));

        watch.handle(RouteChange.newBuilder().setSequence(424242).setAt("2026-11-27T06:00:00Z")
                .setWatchedPrefix("203.0.113.0/24").setEventType("PrefixWithdrawalEvent").setEventLevel("Warning")
                .setSummary("Withdrawn from a primary session").setRoutePrefix("203.0.113.0/24")
                .setSession(SessionRef.newBuilder().setRouter("ps-ams-r1").setPeerAddress("192.0.2.1")).build())
                .await().atMost(T);
        assertEquals(424242L, pool.query("select last_sequence from change_cursor where owner = 'prefix-service'")
                .execute().await().atMost(T).iterator().next().getLong(0));

        await().atMost(T).until(() -> receiver.of("/", "PrefixWithdrawalEvent").size() == 1);
        JsonObject body = new JsonObject(receiver.of("/", "PrefixWithdrawalEvent").get(0).body());
        assertEquals("s-cust", body.getString("subscriptionId"));
        assertEquals("Warning", body.getString("eventLevel"));
        assertEquals("2026-11-27T06:00:00.000000Z", body.getString("eventTimestamp"));
        assertEquals("/subscriptions/s-cust/resourceGroups/RG1/providers/Microsoft.Peering/peeringServices/ps1/prefixes/web",
                body.getString("resourceId"));
        assertEquals("203.0.113.0/24", body.getString("prefix"));
        assertEquals("192.0.2.1", body.getJsonObject("data").getJsonObject("session").getString("peerAddress"));
        assertEquals(424242L, body.getJsonObject("data").getLong("sequence"));
        assertTrue(body.getString("eventDescription").contains("ps-ams-r1"), body.getString("eventDescription"));

        // validation (partner- and telemetry-service are down here) makes the prefix Pending: a state change
        Long id = pool.query("select id from customer_prefix where name = 'web'").execute().await().atMost(T).iterator()
                .next().getLong(0);
        validator.request(List.of(id));
        await().atMost(T).until(() -> receiver.of("/", "PrefixValidationStateChange").size() == 1);
        JsonObject change = new JsonObject(receiver.of("/", "PrefixValidationStateChange").get(0).body());
        assertEquals("Validation state changed from Verified to Pending", change.getString("eventSummary"));
        assertEquals("Pending", change.getJsonObject("data").getString("to"));

        // neither the Critical-only webhook nor another subscription's received anything; the log agrees
        await().atMost(T).until(() -> log("s-cust", "validation").stream().allMatch(d -> d.getStatus().equals("Succeeded")));
        assertEquals(0, log("s-cust", "critical").size());
        assertEquals(0, log("s-elsewhere", "all").size());
        assertEquals(1, log("s-cust", "withdrawals").size());
        assertEquals(2, receiver.all().size(), receiver.all().toString());
    }

    @Test
    void aRegisteredPrefixsNewStateReachesThePartnersWebhooks() {
        pool.preparedQuery("insert into registered_prefix (subscription_id, resource_group, resource_group_key,"
                + " peering_name, peering_key, name, name_key, prefix, peer_asn, peer_name, prefix_key, validation_state,"
                + " version) values ('s-partner', 'RG2', 'rg2', 'ams', 'ams', 'web', 'web', '198.51.100.0/24', 64500,"
                + " 'Contoso', gen_random_uuid(), 'Verified', 1)").execute().await().atMost(T);
        put(hook("s-partner", "noc", receiver.url("/partner")));
        // partner-service is down here: the prefix becomes Pending, a change the partner hears of
        validator.validateRegistered("s-partner", "rg2", "AMS", "web").await().atMost(T);
        await().atMost(T).until(() -> receiver.of("/partner", "PrefixValidationStateChange").size() == 1);
        JsonObject body = new JsonObject(receiver.of("/partner", "PrefixValidationStateChange").get(0).body());
        assertEquals("/subscriptions/s-partner/resourceGroups/RG2/providers/Microsoft.Peering/peerings/ams"
                + "/registeredPrefixes/web", body.getString("resourceId"));
        assertEquals("Validation state changed from Verified to Pending", body.getString("eventSummary"));
        // validated again in the same state: nothing new
        validator.validateRegistered("s-partner", "rg2", "ams", "web").await().atMost(T);
        assertEquals(1, log("s-partner", "noc").size());
    }

    @Inject
    WebhookSecretRotation rotation;

    @Test
    void secretsSealedWithAnOlderKeyAreReSealedAndStillSign() throws Exception {
        put(hook("s-rotate", "old", receiver.url("/rotate")));
        // as an earlier start with only the older key would have sealed it
        org.openpeering.common.SecretBox older = org.openpeering.common.SecretBox
                .fromKeyRing("test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        String sealedOld = older.encrypt(SECRET, WebhookSecrets.context("s-rotate", "old"));
        pool.preparedQuery("update webhook set secret_sealed = $1 where subscription_id = 's-rotate'")
                .execute(Tuple.of(sealedOld)).await().atMost(T);
        assertTrue(rotation.rotate().await().atMost(T) >= 1);
        String now = pool.preparedQuery("select secret_sealed from webhook where subscription_id = 's-rotate'")
                .execute().await().atMost(T).iterator().next().getString(0);
        assertNotEquals(sealedOld, now);
        assertTrue(now.startsWith("v1:test2:"), "sealed with the current key");
        assertEquals(0, rotation.rotate().await().atMost(T), "nothing left to rotate");
        // the re-sealed secret still signs deliveries
        webhooks.pingWebhook(WebhookRef.newBuilder().setSubscriptionId("s-rotate").setName("old").build())
                .await().atMost(T);
        await().atMost(T).until(() -> receiver.of("/rotate", "WebhookPing").size() == 1);
        WebhookReceiver.Received r = receiver.of("/rotate", "WebhookPing").get(0);
        assertEquals(WebhookReceiver.expectedSignature(SECRET, r), r.signature());
    }
}

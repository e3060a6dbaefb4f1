package org.openpeering.prefix.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.prefix.PrefixConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends queued webhook deliveries: claims due ones (a lease, so several replicas never send the same delivery at
 * once and a crashed replica's claims expire), POSTs each signed body, and records the outcome. Any 2xx answer is
 * success; anything else (another status, a redirect, a timeout, a refused connection, a private address when those
 * are not allowed) is retried with exponential backoff and jitter until the attempts run out. Each attempt is in the
 * delivery log.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final String USER_AGENT = "openpeering-webhooks/1";
    private static final int MAX_ERROR_LENGTH = 300;

    private final Pool pool;
    private final Vertx vertx;
    private final PrefixConfig.Webhooks config;
    private final WebhookSecrets secrets;
    private HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean again;
    private volatile boolean stopped;
    private final List<Long> timers = new ArrayList<>();

    public WebhookDispatcher(Pool pool, Vertx vertx, PrefixConfig config, WebhookSecrets secrets) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.webhooks();
        this.secrets = secrets;
    }

    void start(@Observes StartupEvent event) {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.requestTimeout().toMillis())
                .setMaxPoolSize(Math.max(2, config.concurrency()))
                .setKeepAlive(true).setVerifyHost(true));
        timers.add(vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick()));
        timers.add(vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> purge().subscribe().with(n -> {
        }, e -> LOG.debugf("Delivery log not purged: %s", e.toString()))));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
    }

    /** New deliveries were queued (by a transaction about to commit): look for them shortly. */
    public void wakeSoon() {
        if (stopped) {
            return;
        }
        try {
            vertx.setTimer(50, id -> tick());
        } catch (RuntimeException e) {
            // shutting down
        }
    }

    /** One round: claim due deliveries and send them; another round follows at once if there may be more. */
    void tick() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again = true;
            return;
        }
        again = false;
        int batch = Math.max(1, config.concurrency()) * 4;
        claim(batch).chain(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUni(this::deliver).merge(Math.max(1, config.concurrency()))
                .collect().asList().map(x -> claimed.size()))
                .subscribe().with(n -> {
                    running.set(false);
                    if (n == batch || again) {
                        vertx.runOnContext(this::tick);
                    }
                }, e -> {
                    running.set(false);
                    LOG.debugf("Webhook round failed: %s", e.toString());
                });
    }

    record Claimed(long id, String eventId, String eventType, String payload, int attempts, String url,
            String sealedSecret, String subscriptionId, String nameKey) {
    }

    private Uni<List<Claimed>> claim(int limit) {
        // the lease outlives an attempt (resolution, request deadline, and the write of the outcome)
        double leaseSeconds = config.requestTimeout().toMillis() / 1000.0 * 3 + 30;
        return pool.preparedQuery("update webhook_delivery d set claimed_until = now() + make_interval(secs => $2)"
                + " from webhook w where w.id = d.webhook_id and d.id in (select id from webhook_delivery where"
                + " status = 'Pending' and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())"
                + " order by next_attempt_at limit $1 for update skip locked) returning d.id, d.event_id::text as event_id,"
                + " d.event_type, d.payload, d.attempts, w.url, w.secret_sealed, w.subscription_id, w.name_key")
                .execute(Tuple.of(limit, leaseSeconds)).map(rows -> {
                    List<Claimed> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Claimed(r.getLong("id"), r.getString("event_id"), r.getString("event_type"),
                                r.getString("payload"), r.getInteger("attempts"), r.getString("url"),
                                r.getString("secret_sealed"), r.getString("subscription_id"), r.getString("name_key")));
                    }
                    return out;
                });
    }

    private record Outcome(int status, String error) {
        boolean success() {
            return status >= 200 && status < 300;
        }
    }

    private Uni<Void> deliver(Claimed c) {
        return target(c.url()).chain(() -> send(c))
                .onFailure().recoverWithItem(e -> new Outcome(0, describe(e)))
                .chain(outcome -> record(c, outcome));
    }

    /** Refuses a host that resolves to a non-public address, unless private targets are allowed. */
    private Uni<Void> target(String url) {
        if (config.allowPrivateTargets()) {
            return Uni.createFrom().voidItem();
        }
        String host = URI.create(url).getHost();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                for (InetAddress a : InetAddress.getAllByName(host.startsWith("[") ? host.substring(1,
                        host.length() - 1) : host)) {
                    if (!WebhookRules.isPublic(a)) {
                        throw new IllegalStateException("the host resolves to " + a.getHostAddress()
                                + ", which is not a public address");
                    }
                }
                return null;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("the host " + host + " does not resolve");
            }
        }), false).replaceWithVoid();
    }

    private Uni<Outcome> send(Claimed c) {
        String secret = secrets.open(c.sealedSecret(), c.subscriptionId(), c.nameKey());
        byte[] body = c.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = System.currentTimeMillis() / 1000;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(c.url())
                .setTimeout(config.requestTimeout().toMillis()).setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("X-Peering-Event", c.eventType())
                .putHeader("X-Peering-Delivery", c.eventId())
                .putHeader("X-Peering-Timestamp", Long.toString(timestamp))
                .putHeader("X-Peering-Signature", Signatures.sign(secret, timestamp, body));
        return http.request(options).chain(request -> request.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(b -> new Outcome(response.statusCode(),
                        response.statusCode() >= 200 && response.statusCode() < 300 ? null
                                : "HTTP " + response.statusCode() + (response.statusMessage() == null ? ""
                                        : " " + response.statusMessage()))));
    }

    private Uni<Void> record(Claimed c, Outcome outcome) {
        int attempts = c.attempts() + 1;
        if (outcome.success()) {
            return pool.preparedQuery("update webhook_delivery set status = 'Succeeded', attempts = $2,"
                    + " last_attempt_at = now(), delivered_at = now(), last_status_code = $3, last_error = null,"
                    + " claimed_until = null where id = $1").execute(Tuple.of(c.id(), attempts, outcome.status()))
                    .replaceWithVoid();
        }
        boolean giveUp = attempts >= config.maxAttempts();
        if (giveUp) {
            LOG.infof("Webhook delivery %d (%s) failed %d times; giving up: %s", c.id(), c.eventType(), attempts,
                    outcome.error());
        }
        double backoff = backoff(attempts).toMillis() / 1000.0;
        return pool.preparedQuery("update webhook_delivery set status = $2, attempts = $3, last_attempt_at = now(),"
                + " next_attempt_at = now() + make_interval(secs => $4), last_status_code = $5, last_error = $6,"
                + " claimed_until = null where id = $1")
                .execute(Tuple.from(new Object[] { c.id(), giveUp ? "Failed" : "Pending", attempts, backoff,
                        outcome.status() == 0 ? null : outcome.status(), truncate(outcome.error()) }))
                .replaceWithVoid();
    }

    /** The wait after the given number of failed attempts: initial × 2^(n−1), at most the maximum, ±20 % jitter. */
    Duration backoff(int failedAttempts) {
        long initial = config.retryInitial().toMillis();
        long max = config.retryMax().toMillis();
        long base = initial;
        for (int i = 1; i < failedAttempts && base < max; i++) {
            base *= 2;
        }
        base = Math.min(base, max);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (base * jitter)));
    }

    private Uni<Integer> purge() {
        return pool.preparedQuery("delete from webhook_delivery where status <> 'Pending' and created_at < now()"
                + " - make_interval(secs => $1)").execute(Tuple.of((double) config.retention().toSeconds()))
                .map(rows -> rows.rowCount());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e instanceof IllegalStateException ? m
                : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH);
    }
}

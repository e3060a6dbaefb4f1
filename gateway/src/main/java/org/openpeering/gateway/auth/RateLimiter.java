package org.openpeering.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-subscription rate limits, reads and writes counted apart (ARM's
 * {@code x-ms-ratelimit-remaining-subscription-reads|writes}): token buckets that hold an hour's allowance and
 * refill continuously. Kept in memory per gateway replica.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of taking one request from a bucket. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private static final int MAX_BUCKETS = 100_000;

    private final long readsPerHour;
    private final long writesPerHour;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(@ConfigProperty(name = "gateway.rate-limit.reads-per-hour") long readsPerHour,
            @ConfigProperty(name = "gateway.rate-limit.writes-per-hour") long writesPerHour) {
        this(readsPerHour, writesPerHour, System::nanoTime);
    }

    RateLimiter(long readsPerHour, long writesPerHour, LongSupplier nanoClock) {
        this.readsPerHour = readsPerHour;
        this.writesPerHour = writesPerHour;
        this.nanoClock = nanoClock;
    }

    /** Takes one read or write of the scope (a subscription, or a caller for unscoped paths). */
    public Decision take(String scope, boolean write) {
        long perHour = write ? writesPerHour : readsPerHour;
        if (buckets.size() > MAX_BUCKETS) {
            long now = nanoClock.getAsLong();
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent((write ? "w:" : "r:") + scope, k -> new Bucket(perHour,
                nanoClock.getAsLong()));
        return bucket.take(nanoClock.getAsLong());
    }

    /** Tokens refill at capacity per hour; one request costs one token. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last;

        Bucket(long perHour, long now) {
            this.capacity = perHour;
            this.perNano = perHour / 3_600e9;
            this.tokens = perHour;
            this.last = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) Math.floor(tokens), 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / perNano / 1e9);
            return new Decision(false, 0, Math.max(1, wait));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
        }
    }
}

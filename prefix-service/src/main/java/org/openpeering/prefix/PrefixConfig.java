package org.openpeering.prefix;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** prefix-service's own settings (every key under {@code prefix.}); environment variables as in application.properties. */
@ConfigMapping(prefix = "prefix")
public interface PrefixConfig {

    /** Routing-registry data. */
    Irr irr();

    /** When validation runs besides create, validate and telemetry's change stream. */
    Validation validation();

    /** Keeping telemetry-service's watched prefixes in step, and consuming its change stream. */
    Watch watch();

    /**
     * The Peering Service community routes must carry; empty: {@code <operator ASN>:8007} when the ASN fits 16 bits,
     * else the large community {@code <operator ASN>:8007:0} (DOMAIN.md §0).
     */
    Optional<String> peeringServiceCommunity();

    /** The key ring that seals webhook secrets at rest ({@code id:base64key,...}; SECRETS_KEY_RING). */
    String secretKeys();

    /** Webhook deliveries. */
    Webhooks webhooks();

    interface Irr {
        /** RPSL files (RIPE / RADB dump format, optionally gzipped), read at start and on reload; none: check 10 off. */
        Optional<List<String>> files();
    }

    interface Validation {
        /** How often prefixes that are Pending are validated again (tables completing, a service returning). */
        @WithDefault("30S")
        Duration retryInterval();

        /** How often every prefix is validated again and the watch set refreshed (sessions and providers change). */
        @WithDefault("10M")
        Duration fullInterval();
    }

    interface Watch {
        @WithDefault("true")
        boolean enabled();

        /** Delay before reconnecting to telemetry-service's change stream after it ends or fails. */
        @WithDefault("2S")
        Duration reconnectDelay();
    }

    interface Webhooks {
        /** Accept {@code http://} URLs (local runs and tests); production endpoints must use HTTPS. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Deliver to loopback, private, link-local and unique-local addresses (local runs and tests). Off in
         * production, so a webhook cannot reach into the operator's own network.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often due deliveries are looked for (new events also wake the dispatcher at once). */
        @WithDefault("1S")
        Duration pollInterval();

        /** A delivery attempt's deadline (connect, send, answer). */
        @WithDefault("10S")
        Duration requestTimeout();

        /** Backoff after the first failed attempt; doubled per attempt (with jitter) up to {@link #retryMax()}. */
        @WithDefault("10S")
        Duration retryInitial();

        @WithDefault("1H")
        Duration retryMax();

        /** Attempts before a delivery is given up as Failed (15 with the defaults: about 8 hours). */
        @WithDefault("15")
        int maxAttempts();

        /** Deliveries in flight at once. */
        @WithDefault("8")
        int concurrency();

        /** How long finished deliveries stay in the delivery log. */
        @WithDefault("30d")
        Duration retention();

        /** How often the partner sessions (session → subscription and peering) are read from partner-service. */
        @WithDefault("60S")
        Duration sessionRefresh();
    }
}

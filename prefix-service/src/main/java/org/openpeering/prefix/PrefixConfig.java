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
}

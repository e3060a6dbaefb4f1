package org.openpeering.telemetry.collector;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The collectors' settings (ARCHITECTURE.md: BGP listener 1179, BMP station 11019). */
@ConfigMapping(prefix = "telemetry")
public interface CollectorConfig {

    Bgp bgp();

    Bmp bmp();

    Rpki rpki();

    PartnerSync partnerSync();

    /** Latency reporting (DOMAIN.md §6). */
    Latency latency();

    /** The routing table's persistence for warm restarts. */
    Rib rib();

    interface Rib {
        /** Write the RIB to PostgreSQL and read it back at start. */
        @WithDefault("true")
        boolean persist();

        /** How often what changed is written. */
        @WithDefault("2s")
        Duration persistInterval();

        /**
         * Rows per second the writes may average: after writing N rows the next write waits at least N / rate
         * seconds (and at least as long as the write took), so that churn, whose flapping paths are written once per
         * write however often they change, keeps the database only partly busy.
         */
        @WithDefault("10000")
        int writeRate();

        /** How long restored routes of a session that has not come back are kept before they are flushed. */
        @WithDefault("10m")
        Duration restoreHold();
    }

    /** CAIDA as-rel file (plain or .gz) for route leak (b); none: (b) is not checked. */
    Optional<String> asRelationshipsFile();

    interface Latency {
        /**
         * The operator's edge locations and their addresses (RIPE Atlas targets):
         * {@code Amsterdam=192.0.2.10;2001:db8::10,Frankfurt=192.0.2.20}. Samples name one of these locations.
         */
        Optional<String> edges();

        /** Minute aggregates are kept this long; older samples are rejected. */
        @WithDefault("30d")
        Duration minuteRetention();

        /** Hourly aggregates are kept this long. */
        @WithDefault("365d")
        Duration hourRetention();

        /** Daily aggregates: kept forever when empty. */
        Optional<Duration> dayRetention();

        /** How often the in-memory minute aggregates are written (batched). */
        @WithDefault("10s")
        Duration flushInterval();

        /** How often roll-ups, partitions and retention run. */
        @WithDefault("60s")
        Duration maintenanceInterval();

        /** An hour with fewer samples is marked low-confidence. */
        @WithDefault("100")
        int lowConfidenceSamples();
    }

    /** Sessions from partner-service's connection data. */
    interface PartnerSync {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("30S")
        Duration interval();
    }

    interface Rpki {
        /** A VRP file in rpki-client or Routinator JSON; read at start and on reload. */
        Optional<String> vrpFile();

        /** An RTR cache, {@code host:port} (RFC 8210 v1, falling back to v0). */
        Optional<String> rtr();
    }

    interface Bmp {
        /** Whether the BMP station runs. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("11019")
        int port();

        /**
         * Router names by BMP sysName, comma-separated {@code sysName=router}; a router not listed is known by its
         * sysName.
         */
        Optional<String> routers();
    }

    /** How long after a session comes up, without End-of-RIB, its table counts as complete (DOMAIN.md §0). */
    @WithDefault("30S")
    Duration tableSettleTime();

    /** The most routes one session may hold in memory, whatever its max-prefix setting: one peer cannot hurt the others. */
    @WithDefault("2000000")
    int maxRoutesPerSession();

    interface Bgp {
        /** Whether the passive BGP listener runs. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("0.0.0.0")
        String host();

        @WithDefault("1179")
        int port();

        /** The BGP identifier the listener sends (an IPv4 address of the collector). */
        @WithDefault("127.0.0.1")
        String routerId();

        /** Hold time offered in OPEN (seconds); the smaller of both sides is used. */
        @WithDefault("90")
        int holdTime();

        /**
         * Configured neighbours, comma-separated, each {@code address=asn@router[:maxPrefixesV4[:maxPrefixesV6]]},
         * e.g. {@code 127.0.0.2=64500@ams-r1:1000}. Only these may open a session.
         */
        Optional<String> neighbors();
    }
}

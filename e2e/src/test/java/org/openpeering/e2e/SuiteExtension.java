package org.openpeering.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openpeering.local.Suite;
import org.openpeering.local.TempDirs;

/** One running suite per test JVM, started on first use with test settings, stopped when the JVM ends. */
final class SuiteExtension {

    private static Suite suite;

    private static Path stateDir;

    private SuiteExtension() {
    }

    static synchronized Suite suite() {
        if (suite == null) {
            try {
                Path root = Path.of(System.getProperty("openpeering.root", "..")).toAbsolutePath().normalize();
                Path state = Files.createTempDirectory("openpeering-e2e-");
                stateDir = state;
                // RPKI data for the received-routes test: documentation prefixes and origins only
                Path vrps = state.resolve("vrps.json");
                Files.writeString(vrps, "{\"roas\":[{\"prefix\":\"203.0.113.0/24\",\"maxLength\":24,\"asn\":64510,"
                        + "\"ta\":\"e2e\"},{\"prefix\":\"198.51.100.0/24\",\"maxLength\":24,\"asn\":\"AS64511\","
                        + "\"ta\":\"e2e\"},{\"prefix\":\"192.0.2.192/26\",\"maxLength\":26,\"asn\":64511,"
                        + "\"ta\":\"e2e\"}]}");
                // routing-registry data for prefix validation (check 10), RPSL as the RIPE and RADB dumps write it
                Path irr = state.resolve("irr.db");
                StringBuilder rpsl = new StringBuilder("% e2e routing registry: documentation resources only\n\n");
                for (String route : List.of("203.0.113.0/24", "198.51.100.0/25", "198.51.100.128/25", "192.0.2.0/26",
                        "192.0.2.64/26", "192.0.2.192/26")) {
                    rpsl.append("route: ").append(route).append("\norigin: AS64510\nsource: E2E\n\n");
                }
                rpsl.append("route: 192.0.2.128/26\norigin: AS64511\nsource: E2E\n\n");
                rpsl.append("route6: 2001:db8:1::/48\norigin: AS64510\nsource: E2E\n");
                Files.writeString(irr, rpsl);
                Suite.Options options = Suite.Options.forTests(root, state)
                        .withExtraEnvironment(Map.of("PEERING_PAGE_SIZE", "2",
                                "TELEMETRY_BGP_HOST", "127.0.0.1",
                                // sessions come from partner-service's connections, refreshed every second here
                                "TELEMETRY_PARTNER_SYNC_INTERVAL", "1S",
                                "TELEMETRY_RPKI_VRP_FILE", vrps.toString(),
                                "PREFIX_IRR_FILES", irr.toString(),
                                // Pending prefixes (tables completing) are validated again every second here
                                "PREFIX_VALIDATION_RETRY_INTERVAL", "1S",
                                // latency: the edge locations samples may name; minutes written every second
                                "TELEMETRY_LATENCY_EDGES", "Amsterdam=192.0.2.10,Frankfurt=192.0.2.20",
                                "TELEMETRY_LATENCY_FLUSH_INTERVAL", "1s",
                                // warm restarts: restored routes of a session that does not come back go after 10 s
                                "TELEMETRY_RIB_RESTORE_HOLD", "10s"));
                suite = Suite.start(options, Duration.ofSeconds(180));
            } catch (Exception e) {
                throw new IllegalStateException("The suite did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    suite.close();
                } catch (Exception e) {
                    // the JVM is going away
                }
                // the services' databases and logs: a suite run leaves hundreds of megabytes otherwise
                TempDirs.deleteTree(stateDir);
            }));
        }
        return suite;
    }
}

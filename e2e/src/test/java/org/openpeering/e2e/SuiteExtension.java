package org.openpeering.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openpeering.local.Suite;

/** One running suite per test JVM, started on first use with test settings, stopped when the JVM ends. */
final class SuiteExtension {

    private static Suite suite;

    private SuiteExtension() {
    }

    static synchronized Suite suite() {
        if (suite == null) {
            try {
                Path root = Path.of(System.getProperty("openpeering.root", "..")).toAbsolutePath().normalize();
                Path state = Files.createTempDirectory("openpeering-e2e-");
                // RPKI data for the received-routes test: documentation prefixes and origins only
                Path vrps = state.resolve("vrps.json");
                Files.writeString(vrps, "{\"roas\":[{\"prefix\":\"203.0.113.0/24\",\"maxLength\":24,\"asn\":64510,"
                        + "\"ta\":\"e2e\"},{\"prefix\":\"198.51.100.0/24\",\"maxLength\":24,\"asn\":\"AS64511\","
                        + "\"ta\":\"e2e\"}]}");
                Suite.Options options = Suite.Options.forTests(root, state)
                        .withExtraEnvironment(Map.of("PEERING_PAGE_SIZE", "2",
                                "TELEMETRY_BGP_HOST", "127.0.0.1",
                                // sessions come from partner-service's connections, refreshed every second here
                                "TELEMETRY_PARTNER_SYNC_INTERVAL", "1S",
                                "TELEMETRY_RPKI_VRP_FILE", vrps.toString()));
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
            }));
        }
        return suite;
    }
}

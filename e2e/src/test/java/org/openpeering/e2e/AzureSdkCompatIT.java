package org.openpeering.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openpeering.local.DevTokens;
import org.openpeering.local.Suite;

/**
 * The official Azure SDK for JavaScript ({@code @azure/arm-peering} 2.1.0, api-version 2021-06-01, HTTPS only) drives
 * peer ASNs, peerings, locations, geography, providers and availability against the gateway's TLS port
 * ({@code src/test/node/azure-sdk-compat/compat.mjs}). Without Node.js the test is skipped, unless
 * {@code REQUIRE_SDK_COMPAT=true} (CI) makes that a failure.
 */
class AzureSdkCompatIT {

    @Test
    void theAzureSdkForJavaScriptWorksAgainstTheGateway() throws Exception {
        Path dir = Path.of("src/test/node/azure-sdk-compat").toAbsolutePath();
        boolean required = "true".equalsIgnoreCase(System.getenv("REQUIRE_SDK_COMPAT"));
        if (!onPath("node") || !onPath("npm")) {
            if (required) {
                fail("REQUIRE_SDK_COMPAT=true but node/npm are not installed");
            }
            Assumptions.abort("Node.js is not installed: the Azure SDK compatibility test is skipped");
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@azure/arm-peering"))) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5));
        }
        Suite suite = SuiteExtension.suite();
        DevTokens tokens = suite.devTokens();
        String subscription = "sub-sdk";
        ProcessBuilder pb = new ProcessBuilder("node", "compat.mjs").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PEERING_ENDPOINT", suite.gatewayHttpsUrl());
        pb.environment().put("PEERING_SUBSCRIPTION", subscription);
        pb.environment().put("PARTNER_TOKEN", tokens.mint("sdk-partner", List.of(subscription),
                List.of("partner", "customer"), Duration.ofMinutes(30)));
        pb.environment().put("OPERATOR_TOKEN", tokens.mint("sdk-operator", List.of("*"), List.of("operator"),
                Duration.ofMinutes(30)));
        pb.environment().put("NODE_EXTRA_CA_CERTS", suite.gatewayCertificatePem().toString());
        pb.environment().put("PEERING_PEER_ASN", "65543");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the SDK compatibility run did not finish in 5 minutes:\n" + output);
        }
        System.out.println(output);
        assertEquals(0, p.exitValue(), "the Azure SDK compatibility run failed:\n" + output);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(Path dir, List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
    }
}

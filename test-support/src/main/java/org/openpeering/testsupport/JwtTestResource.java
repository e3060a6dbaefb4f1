package org.openpeering.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.openpeering.local.DevTokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes the gateway under test trust a key made for the test JVM (the same kind of development key the local
 * run uses), and mints tokens with it.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    /** JVM-wide: the test resource and the test class are loaded by different class loaders. */
    private static final String DIR_PROPERTY = "openpeering.test.jwt-dir";

    private static DevTokens tokens;
    private static DevTokens foreign;

    /** The test JVM's signing key, made on first use and kept in a directory named by a system property. */
    public static DevTokens tokens() {
        synchronized (System.class) {
            if (tokens == null) {
                try {
                    String dir = System.getProperty(DIR_PROPERTY);
                    if (dir == null) {
                        dir = Files.createTempDirectory("openpeering-test-jwt-").toString();
                        System.setProperty(DIR_PROPERTY, dir);
                    }
                    tokens = DevTokens.loadOrCreate(Path.of(dir));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return tokens;
        }
    }

    /** A token for the subscriptions and roles, valid for an hour. */
    public static String token(List<String> subscriptions, List<String> roles) {
        return tokens().mint("test-user", subscriptions, roles, Duration.ofHours(1));
    }

    /** A correctly signed token that expired an hour ago. */
    public static String expiredToken(List<String> subscriptions, List<String> roles) {
        Instant now = Instant.now();
        return tokens().mint("test-user", subscriptions, roles, now.minusSeconds(7200), now.minusSeconds(3600),
                DevTokens.AUDIENCE);
    }

    /** A token signed by a key the gateway does not trust. */
    public static String foreignToken(List<String> subscriptions, List<String> roles) {
        synchronized (System.class) {
            if (foreign == null) {
                foreign = DevTokens.generate();
            }
        }
        return foreign.mint("intruder", subscriptions, roles, Duration.ofHours(1));
    }

    @Override
    public Map<String, String> start() {
        // Inline, not by location: in test mode Quarkus generates a key pair of its own when none is configured
        // at build time, and an inline key would otherwise win over a location.
        return Map.of(
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "mp.jwt.verify.audiences", DevTokens.AUDIENCE,
                "mp.jwt.verify.publickey", tokens().jwks());
    }

    @Override
    public void stop() {
        // the key file goes with the temporary directory
    }
}

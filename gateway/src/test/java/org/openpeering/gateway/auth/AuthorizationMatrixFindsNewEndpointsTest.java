package org.openpeering.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.JwtTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Proves the matrix finds endpoints nobody listed: a build with two broken test endpoints must fail it. */
@QuarkusTest
@TestProfile(AuthorizationMatrixFindsNewEndpointsTest.WithProbe.class)
@QuarkusTestResource(JwtTestResource.class)
class AuthorizationMatrixFindsNewEndpointsTest {

    /** Adds {@link UnprotectedProbeResource} to the build. */
    public static class WithProbe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openpeering.test.matrix-probe", "true");
        }
    }

    @Inject
    BackendCallInterceptor backend;

    @Test
    void theMatrixReportsAnOpenEndpointAndOneWithoutAccessRules() throws Exception {
        List<String> failures = AuthorizationMatrix.run(AuthorizationMatrix.endpoints(), backend::calls);
        String report = String.join("\n", failures);
        assertTrue(report.contains("GET /subscriptions/{subscriptionId}/providers/Microsoft.Peering/matrixProbeOpen no token"),
                report);
        assertTrue(report.contains("POST /subscriptions/{subscriptionId}/providers/Microsoft.Peering/matrixProbeForgotten: no role may call it"),
                report);
        assertTrue(failures.stream().allMatch(f -> f.contains("matrixProbe")), "only the probes fail:\n" + report);
    }
}

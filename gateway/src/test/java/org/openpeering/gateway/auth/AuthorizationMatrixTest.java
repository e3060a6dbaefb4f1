package org.openpeering.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.JwtTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class AuthorizationMatrixTest {

    @Inject
    BackendCallInterceptor backend;

    @Test
    void everyServedEndpointRejectsWhoMustBeRejectedWithoutReachingAService() throws Exception {
        List<AuthorizationMatrix.Endpoint> endpoints = AuthorizationMatrix.endpoints();
        assertTrue(endpoints.size() >= 60, "the matrix found only " + endpoints.size() + " endpoints");
        List<String> failures = AuthorizationMatrix.run(endpoints, backend::calls);
        assertTrue(failures.isEmpty(), failures.size() + " violations:\n" + String.join("\n", failures));
    }
}

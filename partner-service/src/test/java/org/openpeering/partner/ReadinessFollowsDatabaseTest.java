package org.openpeering.partner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openpeering.testsupport.PostgresTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "partner"))
class ReadinessFollowsDatabaseTest {

    @Test
    void readinessGoesDownWithPostgresAndUpAgainWithoutARestart() throws Exception {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("database migrations"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        try {
            PostgresTestResource.server().stopServer();
            await("readiness DOWN after PostgreSQL stopped").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            PostgresTestResource.server().startServer();
        }
        await("readiness UP after PostgreSQL came back").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}

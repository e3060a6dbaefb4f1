package org.openpeering.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ready only when the database answers and holds every migration this build ships. The query goes through
 * the reactive pool, so it notices a database that went away and one that came back.
 */
@Readiness
@ApplicationScoped
public class MigrationsReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Flyway flyway;
    private final Pool pool;
    private volatile String expectedVersion;

    public MigrationsReadinessCheck(Flyway flyway, Pool pool) {
        this.flyway = flyway;
        this.pool = pool;
    }

    /** Migrations run at start (before this); remember the newest one so readiness can look for it. */
    void onStart(@Observes StartupEvent event) {
        MigrationInfo[] all = flyway.info().all();
        expectedVersion = all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        var b = HealthCheckResponse.named("database migrations").withData("expected", String.valueOf(expectedVersion));
        if (expectedVersion == null) {
            return Uni.createFrom().item(b.down().withData("error", "no migration found").build());
        }
        return pool.preparedQuery("select count(*) from flyway_schema_history where success and version = $1")
                .execute(Tuple.of(expectedVersion))
                .map(rows -> rows.iterator().next().getLong(0) > 0 ? b.up().build()
                        : b.down().withData("error", "migration " + expectedVersion + " not applied").build())
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> b.down().withData("error", e.getClass().getSimpleName()).build());
    }
}

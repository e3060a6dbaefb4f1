package org.openpeering.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openpeering.local.LocalPostgres;
import org.openpeering.local.Ports;
import org.openpeering.local.TempDirs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real PostgreSQL (embedded binaries) per test JVM, and a fresh database for each Quarkus application under
 * test (init arg {@code database}). Tests can stop and start the server through {@link #server()}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalPostgres server;
    private static int databaseCounter;

    private String database = "test";

    /** The shared server, started on first use. */
    public static synchronized LocalPostgres server() {
        if (server == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("openpeering-pg-");
                server = LocalPostgres.start(dir, Ports.random());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
                // the data directory goes too: a test run's databases reach gigabytes
                TempDirs.deleteTree(dir);
            }));
        }
        return server;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres pg = server();
        String name;
        synchronized (PostgresTestResource.class) {
            name = database + "_" + (++databaseCounter);
        }
        try {
            pg.createDatabase(name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        String url = pg.serverUrl() + "/" + name;
        return Map.of(
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // the server outlives the application; it stops with the JVM
    }
}

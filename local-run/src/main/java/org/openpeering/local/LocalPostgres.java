package org.openpeering.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries, for the local run and for tests: a fixed data directory
 * and port, so it can be stopped and started again with its data (that is how readiness tests take it away).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    /** The embedded server trusts local connections; the password is only there because clients insist on one. */
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a server on the port, keeping its data in the directory (created, or reused from an earlier run). */
    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        LocalPostgres pg = new LocalPostgres(dataDirectory, port);
        pg.startServer();
        return pg;
    }

    public synchronized void startServer() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** Stops the server; its data stays for {@link #startServer()}. */
    public synchronized void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Illegal database name: " + name);
        }
        EmbeddedPostgres s;
        synchronized (this) {
            s = server;
        }
        try (Connection c = s.getPostgresDatabase().getConnection()) {
            try (PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database " + name);
            }
        }
    }

    /** The server URL in the reactive client's form, without a database: {@code postgresql://localhost:PORT}. */
    public String serverUrl() {
        return "postgresql://localhost:" + port;
    }

    @Override
    public void close() throws IOException {
        stopServer();
    }
}

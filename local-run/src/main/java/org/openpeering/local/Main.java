package org.openpeering.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the suite with the documented defaults, prints the gateway URL when it is
 * ready, and stops everything on Ctrl-C.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("openpeering.root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(env("LOCAL_STATE_DIR", root.resolve(".local").toString())).toAbsolutePath();
        if (args.length > 0 && args[0].equals("token")) {
            token(state, java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("postgres")) {
            postgres(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0) {
            fail("Unknown command '" + args[0] + "'. Use: ./run-local.sh, or ./run-local.sh token --subscription <id>"
                    + " --role <customer|partner|operator|agent> (both repeatable) [--hours <n>], or ./run-local.sh"
                    + " postgres --dir <data directory> --port <port> [--database <name>]...");
        }

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("GATEWAY_PORT", intEnv("GATEWAY_PORT", 8080));
        ports.put("GATEWAY_HTTPS_PORT", intEnv("GATEWAY_HTTPS_PORT", 8443));
        ports.put("PARTNER_PORT", intEnv("PARTNER_PORT", 8081));
        ports.put("PREFIX_PORT", intEnv("PREFIX_PORT", 8082));
        ports.put("TELEMETRY_PORT", intEnv("TELEMETRY_PORT", 8083));
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            if (!Ports.isFree(e.getValue())) {
                fail("Port " + e.getValue() + " is already in use (" + e.getKey() + "). Stop what uses it, or set "
                        + e.getKey() + " to another port.");
            }
        }
        String databaseUrl = System.getenv("DATABASE_URL");
        int pgPort = 0;
        if (databaseUrl == null || databaseUrl.isBlank()) {
            String fixed = System.getenv("POSTGRES_PORT");
            pgPort = fixed != null ? Integer.parseInt(fixed) : Ports.firstFreeFrom(5432);
            if (fixed != null && !Ports.isFree(pgPort)) {
                fail("Port " + pgPort + " is already in use (POSTGRES_PORT).");
            }
        }
        Suite.Options options = new Suite.Options(root, state, ports.get("GATEWAY_PORT"),
                ports.get("GATEWAY_HTTPS_PORT"), ports.get("PARTNER_PORT"),
                ports.get("PREFIX_PORT"), ports.get("TELEMETRY_PORT"), pgPort, databaseUrl,
                env("DATABASE_USER", LocalPostgres.USER), env("DATABASE_PASSWORD", LocalPostgres.PASSWORD), Map.of());

        System.out.println(databaseUrl == null || databaseUrl.isBlank()
                ? "Starting embedded PostgreSQL on port " + pgPort + " (data in " + state.resolve("pgdata") + ")"
                : "Using PostgreSQL at " + databaseUrl);
        System.out.println("Starting partner-service, prefix-service, telemetry-service and gateway (logs in "
                + state.resolve("logs") + ") ...");
        long t0 = System.nanoTime();
        Suite suite;
        try {
            suite = Suite.start(options, Duration.ofSeconds(intEnv("READY_TIMEOUT_SECONDS", 180)));
        } catch (IllegalStateException e) {
            fail(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping ...");
            try {
                suite.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }));
        System.out.printf("Ready in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        String devToken = suite.devTokens().mint("developer", java.util.List.of("*"), DevTokens.ALL_ROLES,
                java.time.Duration.ofHours(24));
        java.nio.file.Files.writeString(state.resolve("dev-token"), devToken);
        System.out.println("Development token (every role on every subscription, 24 h; also in "
                + state.resolve("dev-token") + "):");
        System.out.println(devToken);
        System.out.println("Gateway: " + suite.gatewayUrl());
        System.out.println("Gateway over TLS (self-signed, " + state.resolve("tls").resolve("gateway.p12") + "): "
                + suite.gatewayHttpsUrl());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** {@code token --subscription S --role R [--hours H]}: a development token, for scripts and tests. */
    private static void token(Path state, String[] args) throws Exception {
        java.util.List<String> subscriptions = new java.util.ArrayList<>();
        java.util.List<String> roles = new java.util.ArrayList<>();
        long hours = 24;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--subscription" -> subscriptions.add(required(args[i], value));
                case "--role" -> {
                    String role = required(args[i], value);
                    if (!DevTokens.ALL_ROLES.contains(role)) {
                        fail("Unknown role '" + role + "': one of " + DevTokens.ALL_ROLES);
                    }
                    roles.add(role);
                }
                case "--hours" -> hours = Long.parseLong(required(args[i], value));
                default -> fail("Unknown option '" + args[i] + "'");
            }
            i++;
        }
        if (subscriptions.isEmpty() || roles.isEmpty()) {
            fail("token needs at least one --subscription (an id, or '*') and one --role");
        }
        DevTokens tokens = DevTokens.loadOrCreate(state.resolve("dev-jwt"));
        System.out.println(tokens.mint("developer", subscriptions, roles, java.time.Duration.ofHours(hours)));
    }

    /**
     * {@code postgres --dir D --port P [--database NAME]...}: only the embedded PostgreSQL, with the named databases
     * (default {@code telemetry}), until killed; for benchmarks that start one service by hand (bench/telemetry.sh).
     */
    private static void postgres(String[] args) throws Exception {
        Path dir = null;
        int port = 0;
        java.util.List<String> databases = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dir" -> dir = Path.of(required(args[i], value)).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--database" -> databases.add(required(args[i], value));
                default -> fail("Unknown option '" + args[i] + "'. Use: postgres --dir <data directory> --port <port>"
                        + " [--database <name>]...");
            }
            i++;
        }
        if (dir == null || port <= 0) {
            fail("postgres needs --dir and --port");
        }
        if (!Ports.isFree(port)) {
            fail("Port " + port + " is already in use.");
        }
        if (databases.isEmpty()) {
            databases.add("telemetry");
        }
        LocalPostgres pg = LocalPostgres.start(dir, port);
        for (String db : databases) {
            pg.createDatabase(db);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("While stopping PostgreSQL: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("PostgreSQL ready on port " + port + " with databases " + databases + " (data in " + dir
                + ")");
        stopped.await();
    }

    private static String required(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("run-local: " + message);
        System.exit(1);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            fail(name + " must be a port number, not '" + v + "'");
            return fallback;
        }
    }
}

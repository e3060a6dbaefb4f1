package org.openpeering.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite as child processes: the four services from their packaged jars, each pointed at its own
 * database, plus an embedded PostgreSQL unless an external server is given. Used by {@code ./run-local.sh}
 * and by the end-to-end tests, so both start the suite the same way.
 */
public final class Suite implements AutoCloseable {

    /** What to start, and where. */
    public record Options(Path repositoryRoot, Path stateDirectory, int gatewayPort, int gatewayHttpsPort,
            int partnerPort, int prefixPort, int telemetryPort, int postgresPort, String databaseUrl,
            String databaseUser, String databasePassword, Map<String, String> extraEnvironment) {

        /** Random ports, a fresh embedded PostgreSQL in {@code stateDirectory}: what tests want. */
        public static Options forTests(Path repositoryRoot, Path stateDirectory) {
            return new Options(repositoryRoot, stateDirectory, Ports.random(), Ports.random(), Ports.random(),
                    Ports.random(), Ports.random(), Ports.random(), null, LocalPostgres.USER, LocalPostgres.PASSWORD,
                    Map.of("TELEMETRY_BGP_PORT", Integer.toString(Ports.random()),
                            "TELEMETRY_BMP_PORT", Integer.toString(Ports.random())));
        }

        /** Adds environment variables for the services (over the ones already set). */
        public Options withExtraEnvironment(Map<String, String> env) {
            Map<String, String> all = new java.util.HashMap<>(extraEnvironment);
            all.putAll(env);
            return new Options(repositoryRoot, stateDirectory, gatewayPort, gatewayHttpsPort, partnerPort, prefixPort,
                    telemetryPort, postgresPort, databaseUrl, databaseUser, databasePassword, Map.copyOf(all));
        }
    }

    /** One service of the suite. */
    public record Service(String name, String module, int port, String database) {
    }

    private final Options options;
    private final List<Service> services;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private DevTokens devTokens;
    private String databaseServer;
    private String serviceToken;
    private String secretKeys;
    private Path keystore;

    private Suite(Options options) {
        this.options = options;
        this.services = List.of(
                new Service("partner-service", "partner-service", options.partnerPort(), "partner"),
                new Service("prefix-service", "prefix-service", options.prefixPort(), "prefix"),
                new Service("telemetry-service", "telemetry-service", options.telemetryPort(), "telemetry"),
                new Service("gateway", "gateway", options.gatewayPort(), null));
    }

    /** Starts everything and returns once every service reports ready; on failure, stops what it started. */
    public static Suite start(Options options, Duration readyTimeout) throws Exception {
        Suite suite = new Suite(options);
        try {
            suite.startAll(readyTimeout);
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll(Duration readyTimeout) throws Exception {
        for (Service s : services) {
            Path jar = jarOf(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Missing " + jar + ": build first (./mvnw -DskipTests package)");
            }
        }
        String dbServer = options.databaseUrl();
        if (dbServer == null || dbServer.isBlank()) {
            postgres = LocalPostgres.start(options.stateDirectory().resolve("pgdata"), options.postgresPort());
            for (Service s : services) {
                if (s.database() != null) {
                    postgres.createDatabase(s.database());
                }
            }
            dbServer = postgres.serverUrl();
        }
        // The gateway trusts only the development key of this state directory; the services trust a token made
        // for this run.
        devTokens = DevTokens.loadOrCreate(options.stateDirectory().resolve("dev-jwt"));
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        serviceToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        databaseServer = dbServer;
        keystore = SelfSignedCertificate.ensure(options.stateDirectory().resolve("tls"));
        secretKeys = SecretKeyRing.ensure(options.stateDirectory().resolve("secrets"));
        Files.createDirectories(options.stateDirectory().resolve("logs"));
        for (Service s : services) {
            Files.deleteIfExists(logOf(s));
            processes.put(s, launch(s));
        }
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (Service s : services) {
            waitReady(http, s, deadline);
        }
    }

    private Process launch(Service s) throws IOException {
        Path logs = options.stateDirectory().resolve("logs");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAM=1g",
                "-jar", jarOf(s).toString());
        pb.directory(options.stateDirectory().toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(s.name() + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(s.port()));
        if (s.name().equals("gateway")) {
            env.put("GATEWAY_HTTPS_PORT", Integer.toString(options.gatewayHttpsPort()));
            env.put("TLS_KEYSTORE_FILE", keystore.toString());
            env.put("TLS_KEYSTORE_PASSWORD", SelfSignedCertificate.PASSWORD);
        }
        if (s.database() != null) {
            env.put("DB_URL", stripTrailingSlash(databaseServer) + "/" + s.database());
            env.put("DB_USER", options.databaseUser());
            env.put("DB_PASSWORD", options.databasePassword());
        }
        env.put("SERVICE_TOKEN", serviceToken);
        if (s.name().equals("partner-service")) {
            env.put("SECRETS_KEY_RING", secretKeys);
            // operator-allocated session addresses come from documentation space in local runs and tests
            env.putIfAbsent("PARTNER_SESSION_POOL_V4", "198.51.100.128/25");
            env.putIfAbsent("PARTNER_SESSION_POOL_V6", "2001:db8:ffff::/120");
        }
        if (s.name().equals("prefix-service")) {
            env.put("SECRETS_KEY_RING", secretKeys);
            // local runs and tests deliver webhooks to local receivers over plain HTTP
            env.putIfAbsent("PREFIX_WEBHOOKS_ALLOW_HTTP", "true");
            env.putIfAbsent("PREFIX_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        }
        if (s.name().equals("telemetry-service")) {
            // the edge locations latency samples may name (documentation addresses) in local runs and tests
            env.putIfAbsent("TELEMETRY_LATENCY_EDGES", "Amsterdam=192.0.2.10;2001:db8::10,Frankfurt=192.0.2.20");
        }
        env.put("AUTH_ISSUER", DevTokens.ISSUER);
        env.put("AUTH_AUDIENCE", DevTokens.AUDIENCE);
        env.put("AUTH_JWKS_URL", options.stateDirectory().resolve("dev-jwt").resolve("jwks.json").toUri().toString());
        env.put("PARTNER_SERVICE_HOST", "localhost");
        env.put("PARTNER_SERVICE_PORT", Integer.toString(options.partnerPort()));
        env.put("PREFIX_SERVICE_HOST", "localhost");
        env.put("PREFIX_SERVICE_PORT", Integer.toString(options.prefixPort()));
        env.put("TELEMETRY_SERVICE_HOST", "localhost");
        env.put("TELEMETRY_SERVICE_PORT", Integer.toString(options.telemetryPort()));
        // Local runs and tests work with documentation resources only (DOMAIN.md §0).
        env.putIfAbsent("PEERING_ALLOW_DOCUMENTATION_RESOURCES", "true");
        env.putIfAbsent("PEERING_OPERATOR_ASN", "64496");
        env.putAll(options.extraEnvironment());
        return pb.start();
    }

    /** Starts a stopped service again and waits until it is ready (tests bring services back with it). */
    public void restartService(String name, Duration readyTimeout) throws Exception {
        Service s = services.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        Process old = processes.get(s);
        if (old.isAlive()) {
            stopService(name);
        }
        processes.put(s, launch(s));
        waitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), s,
                System.nanoTime() + readyTimeout.toNanos());
    }

    private void waitReady(HttpClient http, Service s, long deadline) throws Exception {
        URI ready = URI.create("http://localhost:" + s.port() + "/q/health/ready");
        while (true) {
            Process p = processes.get(s);
            if (!p.isAlive()) {
                throw new IllegalStateException(s.name() + " exited with code " + p.exitValue() + "; its log:\n"
                        + tail(logOf(s), 60));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(s.name() + " was not ready in time; its log:\n" + tail(logOf(s), 60));
            }
            Thread.sleep(200);
        }
    }

    /** The development key the gateway of this suite trusts. */
    public DevTokens devTokens() {
        return devTokens;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.gatewayPort();
    }

    /** The gateway's TLS address (self-signed certificate, in {@code <state>/tls/gateway.p12}). */
    public String gatewayHttpsUrl() {
        return "https://localhost:" + options.gatewayHttpsPort();
    }

    /** The gateway's certificate as PEM, for clients that must trust it (Node: NODE_EXTRA_CA_CERTS). */
    public Path gatewayCertificatePem() throws IOException, InterruptedException {
        return SelfSignedCertificate.exportPem(keystore);
    }

    /** An environment variable the suite gives its services (test settings such as the collector ports). */
    public String environment(String name) {
        return options.extraEnvironment().get(name);
    }

    /** The directory holding each service's log ({@code <name>.log}). */
    public Path logDirectory() {
        return options.stateDirectory().resolve("logs");
    }

    /** The running process of a service (tests stop and start services through this). */
    public Process process(String name) {
        return processes.entrySet().stream().filter(e -> e.getKey().name().equals(name)).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    /** The embedded PostgreSQL, or null when an external server is used. */
    public LocalPostgres postgres() {
        return postgres;
    }

    public Path logOf(Service s) {
        return options.stateDirectory().resolve("logs").resolve(s.name() + ".log");
    }

    /** Stops one service (tests use it to take a backing service away). */
    public void stopService(String name) throws InterruptedException {
        Process p = process(name);
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws IOException {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process p : running) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private Path jarOf(Service s) {
        return options.repositoryRoot().resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

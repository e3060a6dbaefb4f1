package org.openpeering.testsupport.bgp;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real BGP daemon from Debian (gobgpd, exabgp, bird2) run as a child process on loopback for a test, bounded in
 * time with {@code timeout}, stopped by PID. Missing binaries skip the test, unless {@code REQUIRE_INTEROP=true}.
 */
public abstract class Daemon implements AutoCloseable {

    protected final Path dir;
    protected Process process;

    Daemon(String name) throws IOException {
        this.dir = Files.createTempDirectory("interop-" + name + "-");
    }

    /** Skips (or, with REQUIRE_INTEROP=true, fails) when a binary is not installed. */
    public static void require(String... binaries) {
        List<String> missing = new ArrayList<>();
        for (String b : binaries) {
            if (which(b) == null) {
                missing.add(b);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "BGP interop test needs " + missing + " (apt-get install gobgpd exabgp bird2 stayrtr)";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_INTEROP"))) {
            throw new AssertionError("REQUIRE_INTEROP=true: " + message);
        }
        Assumptions.abort(message);
    }

    public static String which(String binary) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/sbin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, binary))) {
                return Path.of(d, binary).toString();
            }
        }
        return null;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    protected Process start(List<String> command) throws IOException {
        List<String> bounded = new ArrayList<>(List.of("timeout", "600"));
        bounded.addAll(command);
        process = new ProcessBuilder(bounded).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.log").toFile()).start();
        return process;
    }

    /** Runs a control command (gobgp, birdc) and returns its output; fails on a non-zero exit. */
    protected String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("daemon.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops the daemon with SIGTERM (and SIGKILL if it lingers). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Waits (at most 20 s) until the daemon is ready by {@code ready}; fails at once with its log when it exits, and
     * with its log when the deadline passes.
     */
    protected void awaitReady(String what, java.util.concurrent.Callable<Boolean> ready) throws IOException {
        try {
            org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .failFast(what + ": the daemon exited", () -> !process.isAlive())
                    .until(() -> {
                        try {
                            return ready.call();
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IOException(what + " failed: " + e.getMessage() + "\n" + log());
        }
    }

    /** The gobgp CLI against a gobgpd API port. */
    protected String gobgp(int apiPort, List<String> args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(which("gobgp"), "--port", String.valueOf(apiPort)));
        c.addAll(args);
        return run(c);
    }
}

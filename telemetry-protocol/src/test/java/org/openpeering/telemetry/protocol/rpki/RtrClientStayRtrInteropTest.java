package org.openpeering.telemetry.protocol.rpki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openpeering.telemetry.protocol.Prefix;

/**
 * RtrClient against the real StayRTR (BGP-LAB.md, "StayRTR"): it serves a VRP file, re-reads it every second and
 * sends Serial Notify when it changes. Skipped when stayrtr is not installed, unless REQUIRE_INTEROP=true.
 */
@Timeout(120)
class RtrClientStayRtrInteropTest {

    private static final Path STAYRTR = Path.of("/usr/bin/stayrtr");
    private static final Path TIMEOUT = Path.of("/usr/bin/timeout");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String TWO = """
            {"metadata":{"buildtime":"2026-11-26T00:00:00Z"},"roas":[
             {"prefix":"203.0.113.0/24","maxLength":24,"asn":64510},
             {"prefix":"2001:db8::/32","maxLength":48,"asn":64511}]}
            """;
    private static final String THREE = """
            {"metadata":{"buildtime":"2026-11-26T00:00:01Z"},"roas":[
             {"prefix":"203.0.113.0/24","maxLength":24,"asn":64510},
             {"prefix":"2001:db8::/32","maxLength":48,"asn":64511},
             {"prefix":"198.51.100.0/24","maxLength":24,"asn":"AS64512"}]}
            """;

    @TempDir
    Path dir;

    private static void requireStayRtr() {
        if (Files.isExecutable(STAYRTR)) {
            return;
        }
        String message = "stayrtr is not installed at " + STAYRTR + ": RTR interop test skipped";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_INTEROP"))) {
            fail(message + ", but REQUIRE_INTEROP=true");
        }
        Assumptions.assumeTrue(false, message + " (set REQUIRE_INTEROP=true to make this a failure)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Written beside and renamed, so that StayRTR's once-a-second read never sees half a file. */
    private void writeVrps(Path file, String json) throws IOException {
        Path tmp = dir.resolve("vrps.json.tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitPort(int port, Process process, Path log) throws Exception {
        try {
            org.awaitility.Awaitility.await("stayrtr listening on " + port).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("stayrtr exited", () -> !process.isAlive())
                    .until(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                            return true;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            fail(e.getMessage() + ":\n" + Files.readString(log));
        }
    }

    @Test
    void syncsFromStayRtrAndFollowsItsSerialNotifyWhenTheFileChanges() throws Exception {
        requireStayRtr();
        Path file = dir.resolve("vrps.json");
        writeVrps(file, TWO);
        int rtrPort = freePort();
        int metricsPort = freePort();
        Path log = dir.resolve("stayrtr.log");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIMEOUT)) {
            // bounds its life even if this JVM dies without running the finally block
            command.addAll(List.of(TIMEOUT.toString(), "150"));
        }
        command.addAll(List.of(STAYRTR.toString(), "-bind", "127.0.0.1:" + rtrPort, "-cache", file.toString(),
                "-checktime=false", "-metrics.addr", "127.0.0.1:" + metricsPort, "-refresh", "1"));
        Process stayrtr = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RecordingListener listener = new RecordingListener();
        try {
            awaitPort(rtrPort, stayrtr, log);
            try (RtrClient client = new RtrClient("127.0.0.1", rtrPort, listener, Duration.ofSeconds(2))
                    .setRetryInterval(Duration.ofSeconds(1))) {
                client.start();
                RecordingListener.VrpsEvent first = listener.awaitVrps(e -> e.set().size() == 2, WAIT);

                assertEquals(Set.of(Vrp.of("203.0.113.0/24", 24, 64510), Vrp.of("2001:db8::/32", 48, 64511)),
                        new HashSet<>(first.set().vrps()));
                VrpSet set = first.set();
                assertEquals(Validity.VALID, set.validate(Prefix.parse("203.0.113.0/24"), 64510L));
                assertEquals(Validity.INVALID_ORIGIN, set.validate(Prefix.parse("203.0.113.0/24"), 64505L));
                assertEquals(Validity.VALID, set.validate(Prefix.parse("2001:db8:1::/48"), 64511L));
                assertEquals(1, client.negotiatedVersion());
                long serial = client.serial();

                writeVrps(file, THREE);
                RecordingListener.VrpsEvent second = listener.awaitVrps(e -> e.set().size() == 3, WAIT);

                assertEquals(Validity.VALID, second.set().validate(Prefix.parse("198.51.100.0/24"), 64512L));
                assertEquals((serial + 1) & 0xFFFF_FFFFL, second.serial());
                // StayRTR's timers (refresh 3600 s) are in force: the change came by Serial Notify on the same session
                long connects = listener.states().stream().filter(s -> s.state().equals("connected")).count();
                assertEquals(1, connects, listener.states().toString());
                assertTrue(listener.vrpEvents().stream().noneMatch(RecordingListener.VrpsEvent::expired));
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nstayrtr log:\n" + Files.readString(log), e);
        } finally {
            stayrtr.descendants().forEach(ProcessHandle::destroy);
            stayrtr.destroy();
            if (!stayrtr.waitFor(10, TimeUnit.SECONDS)) {
                stayrtr.descendants().forEach(ProcessHandle::destroyForcibly);
                stayrtr.destroyForcibly();
            }
        }
    }
}

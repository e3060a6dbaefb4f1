package org.openpeering.telemetry.rpki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.RpkiStatus;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.protocol.rpki.RtrClient;
import org.openpeering.telemetry.protocol.rpki.VrpFiles;
import org.openpeering.telemetry.protocol.rpki.VrpLoad;
import org.openpeering.telemetry.protocol.rpki.VrpSet;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link RpkiState} filled: from the VRP file at start and on the operator's reload, and from an RTR cache
 * when one is configured (its data wins while it is synchronized; the file is the fallback).
 */
@ApplicationScoped
public class RpkiLoader {

    private static final Logger LOG = Logger.getLogger(RpkiLoader.class);

    private final RpkiState state;
    private final CollectorConfig config;
    private RtrClient rtr;
    private volatile RpkiStatus status = RpkiStatus.newBuilder().setSource("none").setRtrVersion(-1)
            .setRtrSerial(-1).build();

    public RpkiLoader(RpkiState state, CollectorConfig config) {
        this.state = state;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (config.rpki().vrpFile().isPresent()) {
            try {
                reloadFile();
            } catch (DomainException e) {
                LOG.errorf("VRP file not loaded: %s", e.getMessage());
            }
        }
        config.rpki().rtr().ifPresent(this::startRtr);
    }

    void stop(@Observes ShutdownEvent event) {
        if (rtr != null) {
            rtr.close();
        }
    }

    /** The operator's reload: the file again, and a fresh copy from the RTR cache. */
    public synchronized RpkiStatus reload() {
        if (config.rpki().vrpFile().isEmpty() && config.rpki().rtr().isEmpty()) {
            throw DomainException.badArgument("rpki", "No RPKI source is configured (telemetry.rpki.vrp-file or"
                    + " telemetry.rpki.rtr).");
        }
        if (config.rpki().vrpFile().isPresent()) {
            reloadFile();
        }
        if (rtr != null) {
            rtr.close();
            startRtr(config.rpki().rtr().get());
        }
        return status;
    }

    public RpkiStatus status() {
        return status;
    }

    private void reloadFile() {
        Path file = Path.of(config.rpki().vrpFile().get());
        long started = System.nanoTime();
        VrpLoad load;
        try (InputStream in = Files.newInputStream(file)) {
            load = VrpFiles.read(in);
        } catch (IOException e) {
            throw DomainException.badArgument("rpki", "The VRP file " + file + " cannot be read: " + e.getMessage());
        }
        VrpSet set = VrpSet.of(load.vrps());
        if (rtr == null || rtr.serial() < 0) {
            state.replace(set, "file:" + file);
        }
        status = RpkiStatus.newBuilder().setSource("file:" + file).setVrps(set.size()).setDuplicates(load.duplicates())
                .setRejected(load.rejected()).setRtrVersion(-1).setRtrSerial(-1).setLoadedAt(Instant.now().toString())
                .addAllProblems(load.problems().subList(0, Math.min(10, load.problems().size()))).build();
        LOG.infof("Loaded %d VRPs from %s in %d ms (%d duplicates, %d rejected)", set.size(), file,
                (System.nanoTime() - started) / 1_000_000, load.duplicates(), load.rejected());
    }

    private void startRtr(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        rtr = new RtrClient(host, port, new RtrClient.Listener() {
            @Override
            public void onVrps(VrpSet current, long serial, boolean expired) {
                if (expired) {
                    state.clear("rtr:" + hostPort + " (expired)");
                } else {
                    state.replace(current, "rtr:" + hostPort);
                }
                status = RpkiStatus.newBuilder().setSource("rtr:" + hostPort).setVrps(current.size())
                        .setRtrVersion(rtr.negotiatedVersion()).setRtrSerial(serial)
                        .setLoadedAt(Instant.now().toString()).addAllProblems(expired ? List.of("expired") : List.of())
                        .build();
            }

            @Override
            public void onState(String s, String detail) {
                LOG.infof("RTR %s: %s %s", hostPort, s, detail == null ? "" : detail);
            }
        }, Duration.ofSeconds(5));
        rtr.start();
    }
}

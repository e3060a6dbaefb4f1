package org.openpeering.prefix.irr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.prefix.PrefixConfig;
import org.openpeering.proto.prefix.v1.IrrStatus;
import org.openpeering.telemetry.protocol.Prefix;

import io.quarkus.runtime.StartupEvent;

/**
 * The routing-registry data in force: the configured RPSL files, read at start and on the operator's reload. A reload
 * that cannot read a file keeps the data in force and reports the problem. With no file configured, validation
 * check 10 is not applied (and the status says so).
 */
@ApplicationScoped
public class IrrState {

    private static final Logger LOG = Logger.getLogger(IrrState.class);

    private final List<String> files;
    private volatile RpslRoutes routes;
    private volatile IrrStatus status = IrrStatus.newBuilder().addProblems("not loaded yet").build();

    public IrrState(PrefixConfig config) {
        this.files = config.irr().files().orElse(List.of()).stream().filter(f -> !f.isBlank()).toList();
    }

    void start(@Observes StartupEvent event) {
        reload();
    }

    /** True when routing-registry files are configured (check 10 applies). */
    public boolean configured() {
        return !files.isEmpty();
    }

    /** The origins of route objects for exactly this prefix (empty when none or nothing loaded). */
    public Set<Long> origins(Prefix prefix) {
        RpslRoutes r = routes;
        return r == null ? Set.of() : r.origins(prefix);
    }

    public IrrStatus status() {
        return status;
    }

    public synchronized IrrStatus reload() {
        IrrStatus.Builder b = IrrStatus.newBuilder().addAllSources(files);
        if (files.isEmpty()) {
            status = b.addProblems("no routing-registry file is configured (PREFIX_IRR_FILES); check 10 is not applied")
                    .build();
            return status;
        }
        RpslRoutes next = new RpslRoutes();
        try {
            for (String file : files) {
                try (InputStream raw = Files.newInputStream(Path.of(file));
                        InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    next.read(reader, file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Routing-registry data not reloaded: %s", e.toString());
            IrrStatus kept = status.toBuilder().clearProblems()
                    .addProblems("reload failed, the previous data stays in force: " + e.getMessage()).build();
            status = kept;
            return kept;
        }
        routes = next;
        status = b.setRouteObjects(next.size()).setRejected(next.rejected()).addAllProblems(next.problems())
                .setLoadedAt(Instant.now().toString()).build();
        LOG.infof("Routing-registry data: %d route objects from %s (%d rejected)", next.size(), files, next.rejected());
        return status;
    }
}

package org.openpeering.telemetry.latency;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.openpeering.common.DomainException;
import org.openpeering.proto.telemetry.v1.ImportRipeAtlasRequest;
import org.openpeering.proto.telemetry.v1.LatencyMaintenanceResult;
import org.openpeering.proto.telemetry.v1.LatencyReport;
import org.openpeering.proto.telemetry.v1.LatencyReportRequest;
import org.openpeering.proto.telemetry.v1.LatencySampleBatch;
import org.openpeering.proto.telemetry.v1.LatencyService;
import org.openpeering.proto.telemetry.v1.RunLatencyMaintenanceRequest;
import org.openpeering.proto.telemetry.v1.UploadSummary;
import org.openpeering.service.CallerIdentity;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.protocol.Prefix;

import io.quarkus.grpc.GrpcService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Latency ingestion (a client stream of sample batches, RIPE Atlas results), reports, and the periodic work: the
 * aggregator's minutes are written every flush interval; roll-ups, partitions and retention run every maintenance
 * interval. Writes and maintenance run one at a time, so a roll-up never misses a minute being written.
 */
@GrpcService
public class LatencyGrpcService implements LatencyService {

    private static final Logger LOG = Logger.getLogger(LatencyGrpcService.class);

    private final LatencyAggregator aggregator;
    private final LatencyStore store;
    private final CollectorConfig.Latency config;
    private final Vertx vertx;
    private final Deque<Runnable> serial = new ArrayDeque<>();
    private boolean running;
    private volatile boolean stopped;
    private long flushTimer = -1;
    private long maintenanceTimer = -1;

    public LatencyGrpcService(LatencyAggregator aggregator, LatencyStore store, CollectorConfig config, Vertx vertx) {
        this.aggregator = aggregator;
        this.store = store;
        this.config = config.latency();
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        flushTimer = vertx.setPeriodic(config.flushInterval().toMillis(), id -> serially(() -> flush(Instant.now()))
                .subscribe().with(n -> {
                }, e -> LOG.warnf("Latency aggregates not written: %s", e.toString())));
        maintenanceTimer = vertx.setPeriodic(config.maintenanceInterval().toMillis(), id -> serially(
                () -> flush(Instant.now()).chain(() -> store.maintain(Instant.now()))).subscribe().with(r -> {
                }, e -> LOG.warnf("Latency maintenance failed: %s", e.toString())));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(flushTimer);
        vertx.cancelTimer(maintenanceTimer);
    }

    /** Runs the work after every earlier one has finished. */
    private <T> Uni<T> serially(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable task = () -> work.get().onTermination().invoke(this::next)
                    .subscribe().with(emitter::complete, emitter::fail);
            boolean now;
            synchronized (serial) {
                serial.addLast(task);
                now = !running;
                running = true;
            }
            if (now) {
                next();
            }
        });
    }

    private void next() {
        Runnable task;
        synchronized (serial) {
            task = serial.pollFirst();
            if (task == null) {
                running = false;
                return;
            }
        }
        task.run();
    }

    private Uni<Integer> flush(Instant now) {
        if (stopped) {
            return Uni.createFrom().item(0);
        }
        var drained = aggregator.drain();
        return store.write(drained, now).onFailure().invoke(e -> aggregator.restore(drained));
    }

    @Override
    public Uni<UploadSummary> uploadSamples(Multi<LatencySampleBatch> batches) {
        UploadSummary.Builder summary = UploadSummary.newBuilder();
        return agentsOnly().chain(() -> batches.onItem().invoke(b -> aggregator.ingest(b, System.currentTimeMillis(),
                summary)).collect().last().map(x -> summary.build()));
    }

    @Override
    public Uni<UploadSummary> importRipeAtlas(ImportRipeAtlasRequest r) {
        return agentsOnly().chain(() -> Uni.createFrom().item(() -> {
            RipeAtlas.Parsed parsed = RipeAtlas.parse(r.getJson().toByteArray(), aggregator.edges());
            UploadSummary.Builder summary = UploadSummary.newBuilder();
            aggregator.refused(parsed.refused(), summary);
            aggregator.ingest(parsed.samples(), System.currentTimeMillis(), summary);
            return summary.build();
        }));
    }

    @Override
    public Uni<LatencyReport> getLatencyReport(LatencyReportRequest r) {
        Prefix customer;
        try {
            customer = Prefix.parse(r.getPrefix());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(DomainException.badArgument("prefix", "The prefix must be a canonical"
                    + " prefix such as 203.0.113.0/24."));
        }
        return Uni.createFrom().deferred(() -> store.report(SampleRules.reported(customer), r.getWindow(),
                r.getLocation(), Instant.now()));
    }

    @Override
    public Uni<LatencyMaintenanceResult> runLatencyMaintenance(RunLatencyMaintenanceRequest r) {
        Instant now = r.getNow().isEmpty() ? Instant.now() : Instant.parse(r.getNow());
        return CallerIdentity.require("Only the operator runs latency maintenance.", "operator").chain(() -> serially(() -> flush(now).chain(written -> store.maintain(now)
                .map(b -> b.setMinuteRowsWritten(written).build()))));
    }

    /** Samples come from measurement agents (the agent role), the operator, or services. */
    private static Uni<Void> agentsOnly() {
        return CallerIdentity.require("Only measurement agents upload latency samples.", "agent", "operator");
    }
}

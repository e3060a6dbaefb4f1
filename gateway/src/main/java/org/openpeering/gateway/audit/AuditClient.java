package org.openpeering.gateway.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.audit.v1.AuditEvent;
import org.openpeering.proto.audit.v1.ListAuditEventsRequest;
import org.openpeering.proto.audit.v1.MutinyAuditServiceGrpc.MutinyAuditServiceStub;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** The audit logs of the three services, with the gateway's call policy. */
@ApplicationScoped
public class AuditClient {

    /** One service's audit API and its name (the merge order among events of the same time). */
    record Source(String service, MutinyAuditServiceStub stub) {
    }

    private final List<Source> sources;
    private final BackendDeadline deadline;

    public AuditClient(@GrpcClient("partner") MutinyAuditServiceStub partner,
            @GrpcClient("prefix") MutinyAuditServiceStub prefix,
            @GrpcClient("telemetry") MutinyAuditServiceStub telemetry, BackendDeadline deadline) {
        this.sources = List.of(new Source("partner-service", partner), new Source("prefix-service", prefix),
                new Source("telemetry-service", telemetry));
        this.deadline = deadline;
    }

    List<Source> sources() {
        return sources;
    }

    Uni<List<AuditEvent>> list(Source source, ListAuditEventsRequest request) {
        return Backends.call(source.service(), deadline.on(source.stub()).listAuditEvents(request))
                .map(r -> r.getEventsList());
    }
}

package org.openpeering.service;

import org.openpeering.common.DomainException;
import org.openpeering.proto.audit.v1.ListAuditEventsRequest;
import org.openpeering.proto.audit.v1.ListAuditEventsResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The audit log, for the operator only (checked here again, whatever the gateway decided). */
@GrpcService
public class AuditGrpcService implements org.openpeering.proto.audit.v1.AuditService {

    private final AuditLog log;

    public AuditGrpcService(AuditLog log) {
        this.log = log;
    }

    @Override
    public Uni<ListAuditEventsResponse> listAuditEvents(ListAuditEventsRequest request) {
        CallerIdentity caller = CallerIdentity.current();
        if (caller != null && !(caller.roles().contains("operator") && caller.canSee("*"))) {
            return Uni.createFrom().failure(new DomainException(org.openpeering.common.ArmCode.AUTHORIZATION_FAILED,
                    "Only the operator reads the audit log.", null));
        }
        return Uni.createFrom().item(request).chain(log::list)
                .map(events -> ListAuditEventsResponse.newBuilder().addAllEvents(events).build())
                .onFailure(java.time.format.DateTimeParseException.class).transform(e -> DomainException.badArgument(
                        "from", "Times must be ISO-8601 with an offset, e.g. 2026-11-26T00:00:00Z."));
    }
}

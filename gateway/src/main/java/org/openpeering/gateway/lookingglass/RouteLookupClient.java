package org.openpeering.gateway.lookingglass;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.telemetry.v1.LookupRoutesRequest;
import org.openpeering.proto.telemetry.v1.Route;
import org.openpeering.proto.telemetry.v1.MutinyRouteLookupServiceGrpc;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** telemetry-service's route lookups, with the gateway's call policy. */
@ApplicationScoped
public class RouteLookupClient {

    static final String SERVICE = "telemetry-service";

    private final MutinyRouteLookupServiceGrpc.MutinyRouteLookupServiceStub stub;
    private final Duration deadline;

    public RouteLookupClient(@GrpcClient("telemetry") MutinyRouteLookupServiceGrpc.MutinyRouteLookupServiceStub stub,
            @ConfigProperty(name = "gateway.backend-deadline") Duration deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<List<Route>> covering(String destinationIp) {
        return Backends.call(SERVICE, stub().lookupRoutes(LookupRoutesRequest.newBuilder()
                .setDestinationIp(destinationIp == null ? "" : destinationIp).setLimit(50).build()))
                .map(r -> r.getRoutesList());
    }

    /** A deadline per call: a stub's deadline is absolute, so it cannot be set once for all calls. */
    private MutinyRouteLookupServiceGrpc.MutinyRouteLookupServiceStub stub() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.openpeering.gateway.lookingglass;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
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
    private final BackendDeadline deadline;

    public RouteLookupClient(@GrpcClient("telemetry") MutinyRouteLookupServiceGrpc.MutinyRouteLookupServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<List<Route>> covering(String destinationIp) {
        return Backends.call(SERVICE, deadline.on(stub).lookupRoutes(LookupRoutesRequest.newBuilder()
                .setDestinationIp(destinationIp == null ? "" : destinationIp).setLimit(50).build()))
                .map(r -> r.getRoutesList());
    }

}

package org.openpeering.telemetry.route;

import org.openpeering.proto.telemetry.v1.LookupRoutesRequest;
import org.openpeering.proto.telemetry.v1.LookupRoutesResponse;
import org.openpeering.proto.telemetry.v1.RouteLookupService;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of route lookups (the looking glass's "BGP route"). */
@GrpcService
public class RouteLookupGrpcService implements RouteLookupService {

    private final RouteStore store;

    public RouteLookupGrpcService(RouteStore store) {
        this.store = store;
    }

    @Override
    public Uni<LookupRoutesResponse> lookupRoutes(LookupRoutesRequest request) {
        return Uni.createFrom().item(request)
                .chain(r -> store.covering(r.getDestinationIp(), r.getLimit()))
                .map(routes -> LookupRoutesResponse.newBuilder().addAllRoutes(routes).build());
    }
}

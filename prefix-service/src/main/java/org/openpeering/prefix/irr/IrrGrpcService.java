package org.openpeering.prefix.irr;

import org.openpeering.proto.prefix.v1.IrrService;
import org.openpeering.proto.prefix.v1.IrrStatus;
import org.openpeering.proto.prefix.v1.ReloadIrrRequest;
import org.openpeering.service.CallerIdentity;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** gRPC face of the routing-registry data; reloading is the operator's. */
@GrpcService
public class IrrGrpcService implements IrrService {

    private final IrrState irr;

    public IrrGrpcService(IrrState irr) {
        this.irr = irr;
    }

    @Override
    @Blocking
    public Uni<IrrStatus> reloadIrr(ReloadIrrRequest request) {
        return CallerIdentity.require("Only the operator reloads routing-registry data.", "operator")
                .map(x -> irr.reload());
    }

    @Override
    public Uni<IrrStatus> getIrrStatus(ReloadIrrRequest request) {
        return Uni.createFrom().item(irr::status);
    }
}

package org.openpeering.telemetry.rpki;

import org.openpeering.proto.telemetry.v1.GetRpkiStatusRequest;
import org.openpeering.proto.telemetry.v1.ReloadRpkiRequest;
import org.openpeering.proto.telemetry.v1.RpkiService;
import org.openpeering.proto.telemetry.v1.RpkiStatus;
import org.openpeering.service.CallerIdentity;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** gRPC face of the RPKI data: the operator reloads, anyone with the service token reads the status. */
@GrpcService
public class RpkiGrpcService implements RpkiService {

    private final RpkiLoader loader;

    public RpkiGrpcService(RpkiLoader loader) {
        this.loader = loader;
    }

    @Override
    @Blocking
    public Uni<RpkiStatus> reloadRpki(ReloadRpkiRequest request) {
        return CallerIdentity.require("Only the operator reloads RPKI data.", "operator").map(x -> loader.reload());
    }

    @Override
    public Uni<RpkiStatus> getRpkiStatus(GetRpkiStatusRequest request) {
        return Uni.createFrom().item(loader.status());
    }
}

package org.openpeering.telemetry.rpki;

import org.openpeering.common.ArmCode;
import org.openpeering.common.DomainException;
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
        CallerIdentity caller = CallerIdentity.current();
        if (caller != null && !caller.roles().contains("operator")) {
            return Uni.createFrom().failure(new DomainException(ArmCode.AUTHORIZATION_FAILED,
                    "Only the operator reloads RPKI data.", null));
        }
        return Uni.createFrom().item(loader::reload);
    }

    @Override
    public Uni<RpkiStatus> getRpkiStatus(GetRpkiStatusRequest request) {
        return Uni.createFrom().item(loader.status());
    }
}

package org.openpeering.partner.provider;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.CheckAvailabilityRequest;
import org.openpeering.proto.partner.v1.CheckAvailabilityResponse;
import org.openpeering.proto.partner.v1.GetReadinessRequest;
import org.openpeering.proto.partner.v1.ListProvidersRequest;
import org.openpeering.proto.partner.v1.ListProvidersResponse;
import org.openpeering.proto.partner.v1.Readiness;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of readiness and the provider directory. */
@GrpcService
public class ProviderDirectoryGrpcService implements org.openpeering.proto.partner.v1.ProviderDirectoryService {

    private final ProviderDirectory directory;

    public ProviderDirectoryGrpcService(ProviderDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Uni<Readiness> getReadiness(GetReadinessRequest r) {
        return directory.readiness(r.getSubscriptionId(), r.getPeerAsnName()).onItem().ifNull()
                .failWith(() -> DomainException.notFound("The Resource 'Microsoft.Peering/peerAsns/"
                        + r.getPeerAsnName() + "' was not found."));
    }

    @Override
    public Uni<ListProvidersResponse> listProviders(ListProvidersRequest r) {
        return directory.providers().map(p -> ListProvidersResponse.newBuilder().addAllProviders(p).build());
    }

    @Override
    public Uni<CheckAvailabilityResponse> checkAvailability(CheckAvailabilityRequest r) {
        return Uni.createFrom().deferred(() -> directory.check(r.getPeeringServiceLocation(),
                r.getPeeringServiceProvider()));
    }

    @Override
    public Uni<org.openpeering.proto.partner.v1.ProviderSessions> getProviderSessions(
            org.openpeering.proto.partner.v1.GetProviderSessionsRequest r) {
        return servicesOnly().chain(() -> directory.providerSessions(r.getProviderName()));
    }

    @Override
    public Uni<org.openpeering.proto.partner.v1.PeeringSessions> getPeeringSessions(
            org.openpeering.proto.partner.v1.GetPeeringSessionsRequest r) {
        return servicesOnly().chain(() -> directory.peeringSessions(r.getSubscriptionId(), r.getResourceGroup(),
                r.getPeeringName()));
    }

    /** Session addresses of every partner: for services (no caller identity) and the operator only. */
    private static Uni<Void> servicesOnly() {
        return org.openpeering.service.CallerIdentity.require("Only services and the operator read provider sessions.",
                "operator");
    }
}

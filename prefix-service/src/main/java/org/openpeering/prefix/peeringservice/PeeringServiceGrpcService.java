package org.openpeering.prefix.peeringservice;

import org.openpeering.common.DomainException;
import org.openpeering.proto.prefix.v1.DeleteResponse;
import org.openpeering.proto.prefix.v1.ListPeeringServicesRequest;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.PeeringService;
import org.openpeering.proto.prefix.v1.PeeringServiceRef;
import org.openpeering.proto.prefix.v1.PeeringServiceService;
import org.openpeering.proto.prefix.v1.PutPeeringServiceRequest;
import org.openpeering.proto.prefix.v1.PutPeeringServiceResponse;
import org.openpeering.proto.prefix.v1.UpdatePeeringServiceTagsRequest;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of customer peering services. */
@GrpcService
public class PeeringServiceGrpcService implements PeeringServiceService {

    private final PeeringServices services;

    public PeeringServiceGrpcService(PeeringServices services) {
        this.services = services;
    }

    @Override
    public Uni<ListPeeringServicesResponse> listPeeringServices(ListPeeringServicesRequest request) {
        return Uni.createFrom().item(() -> PageTokens.decode(request.getPageToken()))
                .chain(position -> services.list(request.getSubscriptionId(), request.getResourceGroup(), position,
                        request.getPageSize()))
                .map(page -> ListPeeringServicesResponse.newBuilder().addAllPeeringServices(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<PutPeeringServiceResponse> putPeeringService(PutPeeringServiceRequest r) {
        return Uni.createFrom().deferred(() -> services.put(r.getPeeringService(), r.getPrecondition()))
                .map(e -> PutPeeringServiceResponse.newBuilder().setPeeringService(e.getKey()).setCreated(e.getValue())
                        .build());
    }

    @Override
    public Uni<PeeringService> getPeeringService(PeeringServiceRef r) {
        return services.get(r.getSubscriptionId(), r.getResourceGroup(), r.getName()).onItem().ifNull()
                .failWith(() -> notFound(r.getName(), r.getResourceGroup()));
    }

    @Override
    public Uni<PeeringService> updatePeeringServiceTags(UpdatePeeringServiceTagsRequest r) {
        return Uni.createFrom().deferred(() -> services.updateTags(r.getSubscriptionId(), r.getResourceGroup(),
                r.getName(), r.getTagsMap(), r.getPrecondition()))
                .onItem().ifNull().failWith(() -> notFound(r.getName(), r.getResourceGroup()));
    }

    @Override
    public Uni<DeleteResponse> deletePeeringService(PeeringServiceRef r) {
        return services.delete(r.getSubscriptionId(), r.getResourceGroup(), r.getName(), r.getPrecondition())
                .map(existed -> DeleteResponse.newBuilder().setExisted(existed).build());
    }

    public static DomainException notFound(String name, String resourceGroup) {
        return DomainException.notFound("The Resource 'Microsoft.Peering/peeringServices/" + name
                + "' under resource group '" + resourceGroup + "' was not found.");
    }
}

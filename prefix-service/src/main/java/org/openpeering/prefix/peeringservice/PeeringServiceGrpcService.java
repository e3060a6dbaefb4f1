package org.openpeering.prefix.peeringservice;

import org.openpeering.proto.prefix.v1.ListPeeringServicesRequest;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.PeeringServiceService;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of customer peering services. */
@GrpcService
public class PeeringServiceGrpcService implements PeeringServiceService {

    private final PeeringServiceCatalog catalog;

    public PeeringServiceGrpcService(PeeringServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Uni<ListPeeringServicesResponse> listPeeringServices(ListPeeringServicesRequest request) {
        return Uni.createFrom().item(() -> PageTokens.decode(request.getPageToken()))
                .chain(position -> catalog.list(request.getSubscriptionId(),
                        request.getResourceGroup().isEmpty() ? null : request.getResourceGroup(), position,
                        request.getPageSize()))
                .map(page -> {
                    var b = ListPeeringServicesResponse.newBuilder()
                            .setNextPageToken(PageTokens.encode(page.nextPosition()));
                    page.items().forEach(p -> b.addPeeringServices(toProto(p)));
                    return b.build();
                });
    }

    static org.openpeering.proto.prefix.v1.PeeringService toProto(PeeringService p) {
        var b = org.openpeering.proto.prefix.v1.PeeringService.newBuilder()
                .setSubscriptionId(p.subscriptionId)
                .setResourceGroup(p.resourceGroup)
                .setName(p.name)
                .setLocation(p.location)
                .putAllTags(p.tags)
                .setVersion(p.version);
        if (p.skuName != null) {
            b.setSkuName(p.skuName);
        }
        if (p.peeringServiceLocation != null) {
            b.setPeeringServiceLocation(p.peeringServiceLocation);
        }
        if (p.peeringServiceProvider != null) {
            b.setPeeringServiceProvider(p.peeringServiceProvider);
        }
        if (p.providerPrimaryPeeringLocation != null) {
            b.setProviderPrimaryPeeringLocation(p.providerPrimaryPeeringLocation);
        }
        if (p.providerBackupPeeringLocation != null) {
            b.setProviderBackupPeeringLocation(p.providerBackupPeeringLocation);
        }
        return b.build();
    }
}

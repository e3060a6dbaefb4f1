package org.openpeering.partner.peering;

import org.openpeering.common.DomainException;
import org.openpeering.partner.catalogue.CatalogueGrpcService;
import org.openpeering.proto.partner.v1.DeletePeeringRequest;
import org.openpeering.proto.partner.v1.DeletePeeringResponse;
import org.openpeering.proto.partner.v1.GetPeeringRequest;
import org.openpeering.proto.partner.v1.ListPeeringsRequest;
import org.openpeering.proto.partner.v1.ListPeeringsResponse;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.PeeringsService;
import org.openpeering.proto.partner.v1.PutPeeringRequest;
import org.openpeering.proto.partner.v1.PutPeeringResponse;
import org.openpeering.proto.partner.v1.SetConnectionStateRequest;
import org.openpeering.proto.partner.v1.UpdatePeeringTagsRequest;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of peerings; connection states are the operator's. */
@GrpcService
public class PeeringGrpcService implements PeeringsService {

    private final PeeringService peerings;
    private final PeeringDependents dependents;

    public PeeringGrpcService(PeeringService peerings, PeeringDependents dependents) {
        this.peerings = peerings;
        this.dependents = dependents;
    }

    @Override
    public Uni<PutPeeringResponse> putPeering(PutPeeringRequest r) {
        return Uni.createFrom().deferred(() -> peerings.put(r.getPeering(), r.getPrecondition(), r.getPeerAsnForeign()))
                .map(p -> PutPeeringResponse.newBuilder().setPeering(p.value()).setCreated(p.created()).build());
    }

    @Override
    public Uni<Peering> getPeering(GetPeeringRequest r) {
        return peerings.get(r.getSubscriptionId(), r.getResourceGroup(), r.getName())
                .onItem().ifNull().failWith(() -> notFound(r.getName(), r.getResourceGroup()));
    }

    @Override
    public Uni<Peering> updatePeeringTags(UpdatePeeringTagsRequest r) {
        return Uni.createFrom().deferred(() -> peerings.updateTags(r.getSubscriptionId(), r.getResourceGroup(),
                r.getName(), r.getTagsMap(), r.getPrecondition()))
                .onItem().ifNull().failWith(() -> notFound(r.getName(), r.getResourceGroup()));
    }

    @Override
    public Uni<DeletePeeringResponse> deletePeering(DeletePeeringRequest r) {
        // registrations are asked for first; one made between the two steps is the partner's own race
        return dependents.requireNone(r.getSubscriptionId(), r.getResourceGroup(), r.getName())
                .chain(() -> peerings.delete(r.getSubscriptionId(), r.getResourceGroup(), r.getName(), r.getPrecondition()))
                .map(existed -> DeletePeeringResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListPeeringsResponse> listPeerings(ListPeeringsRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> peerings.list(r.getSubscriptionId(), r.getResourceGroup(), after, r.getPageSize(),
                        r.getPeeringLocation(), r.getKind(), r.getAsn(), r.getDirectPeeringType()))
                .map(page -> ListPeeringsResponse.newBuilder().addAllPeerings(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextAfter())).build());
    }

    @Override
    public Uni<Peering> setConnectionState(SetConnectionStateRequest r) {
        return CatalogueGrpcService.operator()
                .chain(() -> peerings.setConnectionState(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(),
                        r.getConnectionIdentifier(), r.getState(), r.getRouterName(), r.getErrorMessage()))
                .onItem().ifNull().failWith(() -> notFound(r.getPeeringName(), r.getResourceGroup()));
    }

    @Override
    public Uni<org.openpeering.proto.partner.v1.ListCollectorSessionsResponse> listCollectorSessions(
            org.openpeering.proto.partner.v1.ListCollectorSessionsRequest r) {
        // every subscription's sessions: for services (no caller identity) and the operator only
        return org.openpeering.service.CallerIdentity.require("Only services and the operator list every collector"
                + " session.", "operator").chain(peerings::collectorSessions).map(list -> org.openpeering.proto.partner.v1.ListCollectorSessionsResponse
                .newBuilder().addAllSessions(list).build());
    }

    static DomainException notFound(String name, String resourceGroup) {
        return DomainException.notFound("The Resource 'Microsoft.Peering/peerings/" + name
                + "' under resource group '" + resourceGroup + "' was not found.");
    }
}

package org.openpeering.partner.peerasn;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.DeletePeerAsnRequest;
import org.openpeering.proto.partner.v1.DeletePeerAsnResponse;
import org.openpeering.proto.partner.v1.GetPeerAsnRequest;
import org.openpeering.proto.partner.v1.GetPeerAsnResponse;
import org.openpeering.proto.partner.v1.ListPeerAsnsRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsResponse;
import org.openpeering.proto.partner.v1.PeerAsnService;
import org.openpeering.proto.partner.v1.PutPeerAsnRequest;
import org.openpeering.proto.partner.v1.PutPeerAsnResponse;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateRequest;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateResponse;
import org.openpeering.service.CallerIdentity;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of peer ASN registration. */
@GrpcService
public class PeerAsnGrpcService implements PeerAsnService {

    private final org.openpeering.partner.peerasn.PeerAsnService service;

    public PeerAsnGrpcService(org.openpeering.partner.peerasn.PeerAsnService service) {
        this.service = service;
    }

    @Override
    public Uni<PutPeerAsnResponse> putPeerAsn(PutPeerAsnRequest request) {
        return Uni.createFrom().item(() -> PeerAsnMapper.toInput(request))
                .chain(service::put)
                .map(r -> PutPeerAsnResponse.newBuilder().setPeerAsn(PeerAsnMapper.toProto(r.peerAsn()))
                        .setCreated(r.created()).build());
    }

    @Override
    public Uni<GetPeerAsnResponse> getPeerAsn(GetPeerAsnRequest request) {
        return service.get(request.getSubscriptionId(), request.getName())
                .onItem().ifNull().failWith(() -> DomainException.notFound(
                        "The Resource 'Microsoft.Peering/peerAsns/" + request.getName() + "' was not found."))
                .map(p -> GetPeerAsnResponse.newBuilder().setPeerAsn(PeerAsnMapper.toProto(p)).build());
    }

    @Override
    public Uni<SetPeerAsnValidationStateResponse> setPeerAsnValidationState(SetPeerAsnValidationStateRequest request) {
        // a service token alone must not let a partner approve itself
        return CallerIdentity.require("Only the operator decides on peer ASN registrations.", "operator")
                .replaceWith(request)
                .chain(r -> service.decide(r.getSubscriptionId(), r.getName(), r.getValidationState(),
                        r.getErrorMessage()))
                .onItem().ifNull().failWith(() -> DomainException.notFound(
                        "The Resource 'Microsoft.Peering/peerAsns/" + request.getName() + "' was not found."))
                .map(p -> SetPeerAsnValidationStateResponse.newBuilder().setPeerAsn(PeerAsnMapper.toProto(p))
                        .build());
    }

    @Override
    public Uni<DeletePeerAsnResponse> deletePeerAsn(DeletePeerAsnRequest request) {
        return service.delete(request.getSubscriptionId(), request.getName(),
                PeerAsnMapper.toPrecondition(request.getPrecondition()))
                .map(existed -> DeletePeerAsnResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListPeerAsnsResponse> listPeerAsns(ListPeerAsnsRequest request) {
        return Uni.createFrom().item(() -> PageTokens.decode(request.getPageToken()))
                .chain(after -> service.list(request.getSubscriptionId(), after, request.getPageSize()))
                .map(page -> {
                    var b = ListPeerAsnsResponse.newBuilder()
                            .setNextPageToken(PageTokens.encode(page.nextAfter()));
                    page.items().forEach(p -> b.addPeerAsns(PeerAsnMapper.toProto(p)));
                    return b.build();
                });
    }
}

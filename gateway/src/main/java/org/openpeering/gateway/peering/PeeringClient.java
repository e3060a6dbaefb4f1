package org.openpeering.gateway.peering;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.partner.v1.DeletePeeringRequest;
import org.openpeering.proto.partner.v1.DeletePeeringResponse;
import org.openpeering.proto.partner.v1.GetPeeringRequest;
import org.openpeering.proto.partner.v1.ListPeeringsRequest;
import org.openpeering.proto.partner.v1.ListPeeringsResponse;
import org.openpeering.proto.partner.v1.MutinyPeeringsServiceGrpc;
import org.openpeering.proto.partner.v1.Peering;
import org.openpeering.proto.partner.v1.PutPeeringRequest;
import org.openpeering.proto.partner.v1.PutPeeringResponse;
import org.openpeering.proto.partner.v1.SetConnectionStateRequest;
import org.openpeering.proto.partner.v1.UpdatePeeringTagsRequest;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** partner-service's peering API, with the gateway's call policy. */
@ApplicationScoped
public class PeeringClient {

    static final String SERVICE = "partner-service";

    private final MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub stub;
    private final BackendDeadline deadline;

    public PeeringClient(@GrpcClient("partner") MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<PutPeeringResponse> put(PutPeeringRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).putPeering(r));
    }

    public Uni<Peering> get(String subscriptionId, String resourceGroup, String name) {
        return Backends.call(SERVICE, deadline.on(stub).getPeering(GetPeeringRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup).setName(name).build()));
    }

    public Uni<Peering> updateTags(UpdatePeeringTagsRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).updatePeeringTags(r));
    }

    public Uni<DeletePeeringResponse> delete(DeletePeeringRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).deletePeering(r));
    }

    public Uni<ListPeeringsResponse> list(ListPeeringsRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).listPeerings(r));
    }

    public Uni<Peering> setConnectionState(SetConnectionStateRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).setConnectionState(r));
    }
}

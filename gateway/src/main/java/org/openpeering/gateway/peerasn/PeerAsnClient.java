package org.openpeering.gateway.peerasn;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.partner.v1.DeletePeerAsnRequest;
import org.openpeering.proto.partner.v1.DeletePeerAsnResponse;
import org.openpeering.proto.partner.v1.GetPeerAsnRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsRequest;
import org.openpeering.proto.partner.v1.ListPeerAsnsResponse;
import org.openpeering.proto.partner.v1.PeerAsn;
import org.openpeering.proto.partner.v1.MutinyPeerAsnServiceGrpc;
import org.openpeering.proto.partner.v1.PutPeerAsnRequest;
import org.openpeering.proto.partner.v1.PutPeerAsnResponse;
import org.openpeering.proto.partner.v1.SetPeerAsnValidationStateRequest;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** partner-service's peer ASN API, with the gateway's call policy (deadline from config, retry, ARM errors). */
@ApplicationScoped
public class PeerAsnClient {

    static final String SERVICE = "partner-service";

    private final MutinyPeerAsnServiceGrpc.MutinyPeerAsnServiceStub stub;
    private final BackendDeadline deadline;

    public PeerAsnClient(@GrpcClient("partner") MutinyPeerAsnServiceGrpc.MutinyPeerAsnServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<PutPeerAsnResponse> put(PutPeerAsnRequest request) {
        return Backends.call(SERVICE, deadline.on(stub).putPeerAsn(request));
    }

    public Uni<PeerAsn> get(String subscriptionId, String name) {
        return Backends.call(SERVICE, deadline.on(stub).getPeerAsn(GetPeerAsnRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setName(name).build())).map(r -> r.getPeerAsn());
    }

    public Uni<PeerAsn> decide(String subscriptionId, String name, String state, String errorMessage) {
        return Backends.call(SERVICE, deadline.on(stub).setPeerAsnValidationState(
                SetPeerAsnValidationStateRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setName(name).setValidationState(state)
                .setErrorMessage(errorMessage == null ? "" : errorMessage).build())).map(r -> r.getPeerAsn());
    }

    public Uni<DeletePeerAsnResponse> delete(DeletePeerAsnRequest request) {
        return Backends.call(SERVICE, deadline.on(stub).deletePeerAsn(request));
    }

    public Uni<ListPeerAsnsResponse> list(String subscriptionId, String pageToken) {
        return Backends.call(SERVICE, deadline.on(stub).listPeerAsns(ListPeerAsnsRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setPageToken(pageToken == null ? "" : pageToken).build()));
    }

}

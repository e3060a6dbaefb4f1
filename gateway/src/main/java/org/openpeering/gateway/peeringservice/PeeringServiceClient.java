package org.openpeering.gateway.peeringservice;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.prefix.v1.ListPeeringServicesRequest;
import org.openpeering.proto.prefix.v1.ListPeeringServicesResponse;
import org.openpeering.proto.prefix.v1.MutinyPeeringServiceServiceGrpc;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** prefix-service's peering service API, with the gateway's call policy. */
@ApplicationScoped
public class PeeringServiceClient {

    static final String SERVICE = "prefix-service";

    private final MutinyPeeringServiceServiceGrpc.MutinyPeeringServiceServiceStub stub;
    private final BackendDeadline deadline;

    public PeeringServiceClient(@GrpcClient("prefix") MutinyPeeringServiceServiceGrpc.MutinyPeeringServiceServiceStub stub,
            BackendDeadline deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<ListPeeringServicesResponse> list(String subscriptionId, String resourceGroup, String pageToken) {
        return Backends.call(SERVICE, deadline.on(stub).listPeeringServices(ListPeeringServicesRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup == null ? "" : resourceGroup)
                .setPageToken(pageToken == null ? "" : pageToken).build()));
    }

    public Uni<org.openpeering.proto.prefix.v1.PeeringService> get(org.openpeering.proto.prefix.v1.PeeringServiceRef r) {
        return Backends.call(SERVICE, deadline.on(stub).getPeeringService(r));
    }

    public Uni<org.openpeering.proto.prefix.v1.PutPeeringServiceResponse> put(
            org.openpeering.proto.prefix.v1.PutPeeringServiceRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).putPeeringService(r));
    }

    public Uni<org.openpeering.proto.prefix.v1.PeeringService> updateTags(
            org.openpeering.proto.prefix.v1.UpdatePeeringServiceTagsRequest r) {
        return Backends.call(SERVICE, deadline.on(stub).updatePeeringServiceTags(r));
    }

    public Uni<org.openpeering.proto.prefix.v1.DeleteResponse> delete(org.openpeering.proto.prefix.v1.PeeringServiceRef r) {
        return Backends.call(SERVICE, deadline.on(stub).deletePeeringService(r));
    }
}

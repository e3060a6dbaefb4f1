package org.openpeering.gateway.peeringservice;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final Duration deadline;

    public PeeringServiceClient(@GrpcClient("prefix") MutinyPeeringServiceServiceGrpc.MutinyPeeringServiceServiceStub stub,
            @ConfigProperty(name = "gateway.backend-deadline") Duration deadline) {
        this.stub = stub;
        this.deadline = deadline;
    }

    public Uni<ListPeeringServicesResponse> list(String subscriptionId, String resourceGroup, String pageToken) {
        return Backends.call(SERVICE, stub().listPeeringServices(ListPeeringServicesRequest.newBuilder()
                .setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup == null ? "" : resourceGroup)
                .setPageToken(pageToken == null ? "" : pageToken).build()));
    }

    /** A deadline per call: a stub's deadline is absolute, so it cannot be set once for all calls. */
    private MutinyPeeringServiceServiceGrpc.MutinyPeeringServiceServiceStub stub() {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.openpeering.partner.peering;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.DomainException;
import org.openpeering.partner.PartnerConfig;
import org.openpeering.proto.prefix.v1.ListPeeringDependentsRequest;
import org.openpeering.proto.prefix.v1.MutinyRegistrationServiceGrpc;
import org.openpeering.service.ServiceToken;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Uni;

/**
 * What prefix-service holds under a peering (registered prefixes and ASNs): a peering with dependents cannot be
 * deleted (409 listing them). When prefix-service cannot answer, the delete fails as unavailable: nothing is deleted.
 */
@ApplicationScoped
public class PeeringDependents {

    private final MutinyRegistrationServiceGrpc.MutinyRegistrationServiceStub prefix;
    private final boolean enabled;

    public PeeringDependents(@GrpcClient("prefix") @RegisterClientInterceptor(ServiceToken.class)
            MutinyRegistrationServiceGrpc.MutinyRegistrationServiceStub prefix, PartnerConfig config) {
        this.prefix = prefix;
        this.enabled = config.registrationCheck();
    }

    /** Fails with 409 when prefixes or ASNs are registered under the peering. */
    public Uni<Void> requireNone(String subscriptionId, String resourceGroup, String peeringName) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return prefix.withDeadlineAfter(5, TimeUnit.SECONDS).listPeeringDependents(ListPeeringDependentsRequest
                .newBuilder().setSubscriptionId(subscriptionId).setResourceGroup(resourceGroup)
                .setPeeringName(peeringName).build()).map(r -> {
                    List<String> dependents = r.getDependentsList();
                    if (!dependents.isEmpty()) {
                        throw DomainException.conflict("The peering '" + peeringName + "' has registrations; delete"
                                + " them first: " + String.join(", ", dependents) + ".");
                    }
                    return null;
                });
    }
}

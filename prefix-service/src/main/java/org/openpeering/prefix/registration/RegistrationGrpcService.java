package org.openpeering.prefix.registration;

import org.jboss.logging.Logger;
import org.openpeering.common.DomainException;
import org.openpeering.prefix.validation.Validator;
import org.openpeering.proto.prefix.v1.DeleteResponse;
import org.openpeering.proto.prefix.v1.ListPeeringDependentsRequest;
import org.openpeering.proto.prefix.v1.ListPeeringDependentsResponse;
import org.openpeering.proto.prefix.v1.ListRegisteredAsnsResponse;
import org.openpeering.proto.prefix.v1.ListRegisteredPrefixesResponse;
import org.openpeering.proto.prefix.v1.ListRegistrationsRequest;
import org.openpeering.proto.prefix.v1.PutRegisteredAsnRequest;
import org.openpeering.proto.prefix.v1.PutRegisteredAsnResponse;
import org.openpeering.proto.prefix.v1.PutRegisteredPrefixRequest;
import org.openpeering.proto.prefix.v1.PutRegisteredPrefixResponse;
import org.openpeering.proto.prefix.v1.RegisteredAsn;
import org.openpeering.proto.prefix.v1.RegisteredPrefix;
import org.openpeering.proto.prefix.v1.RegistrationRef;
import org.openpeering.proto.prefix.v1.RegistrationService;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of registered prefixes and ASNs. A new registered prefix is validated right after it is stored. */
@GrpcService
public class RegistrationGrpcService implements RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationGrpcService.class);

    private final Registrations registrations;
    private final Validator validator;

    public RegistrationGrpcService(Registrations registrations, Validator validator) {
        this.registrations = registrations;
        this.validator = validator;
    }

    @Override
    public Uni<PutRegisteredPrefixResponse> putRegisteredPrefix(PutRegisteredPrefixRequest r) {
        return Uni.createFrom().deferred(() -> registrations.putPrefix(r.getRegisteredPrefix(), r.getPrecondition()))
                .invoke(e -> {
                    if (e.getValue()) {
                        RegisteredPrefix p = e.getKey();
                        validator.validateRegistered(p.getSubscriptionId(), p.getResourceGroup(), p.getPeeringName(),
                                p.getName()).subscribe().with(x -> {
                                }, f -> LOG.warnf("Validation of %s failed: %s", p.getPrefix(), f.toString()));
                    }
                })
                .map(e -> PutRegisteredPrefixResponse.newBuilder().setRegisteredPrefix(e.getKey())
                        .setCreated(e.getValue()).build());
    }

    @Override
    public Uni<RegisteredPrefix> getRegisteredPrefix(RegistrationRef r) {
        return registrations.getPrefix(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(), r.getName())
                .onItem().ifNull().failWith(() -> notFound("registeredPrefixes", r));
    }

    @Override
    public Uni<DeleteResponse> deleteRegisteredPrefix(RegistrationRef r) {
        return registrations.deletePrefix(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(), r.getName(),
                r.getPrecondition()).map(existed -> DeleteResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListRegisteredPrefixesResponse> listRegisteredPrefixes(ListRegistrationsRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> registrations.listPrefixes(r.getSubscriptionId(), r.getResourceGroup(),
                        r.getPeeringName(), after, r.getPageSize()))
                .map(page -> ListRegisteredPrefixesResponse.newBuilder().addAllRegisteredPrefixes(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<RegisteredPrefix> validateRegisteredPrefix(RegistrationRef r) {
        return validator.validateRegistered(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(), r.getName())
                .onItem().ifNull().failWith(() -> notFound("registeredPrefixes", r));
    }

    @Override
    public Uni<PutRegisteredAsnResponse> putRegisteredAsn(PutRegisteredAsnRequest r) {
        return Uni.createFrom().deferred(() -> registrations.putAsn(r.getRegisteredAsn(), r.getPrecondition()))
                .map(e -> PutRegisteredAsnResponse.newBuilder().setRegisteredAsn(e.getKey()).setCreated(e.getValue())
                        .build());
    }

    @Override
    public Uni<RegisteredAsn> getRegisteredAsn(RegistrationRef r) {
        return registrations.getAsn(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(), r.getName())
                .onItem().ifNull().failWith(() -> notFound("registeredAsns", r));
    }

    @Override
    public Uni<DeleteResponse> deleteRegisteredAsn(RegistrationRef r) {
        return registrations.deleteAsn(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(), r.getName(),
                r.getPrecondition()).map(existed -> DeleteResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListRegisteredAsnsResponse> listRegisteredAsns(ListRegistrationsRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> registrations.listAsns(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName(),
                        after, r.getPageSize()))
                .map(page -> ListRegisteredAsnsResponse.newBuilder().addAllRegisteredAsns(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<ListPeeringDependentsResponse> listPeeringDependents(ListPeeringDependentsRequest r) {
        return registrations.dependents(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringName())
                .map(d -> ListPeeringDependentsResponse.newBuilder().addAllDependents(d).build());
    }

    private static DomainException notFound(String type, RegistrationRef r) {
        return DomainException.notFound("The Resource 'Microsoft.Peering/peerings/" + r.getPeeringName() + "/" + type
                + "/" + r.getName() + "' under resource group '" + r.getResourceGroup() + "' was not found.");
    }
}

package org.openpeering.prefix.customer;

import java.util.List;

import org.openpeering.common.DomainException;
import org.openpeering.prefix.validation.Validator;
import org.openpeering.prefix.watch.WatchSync;
import org.openpeering.proto.prefix.v1.CustomerPrefix;
import org.openpeering.proto.prefix.v1.CustomerPrefixService;
import org.openpeering.proto.prefix.v1.DeleteResponse;
import org.openpeering.proto.prefix.v1.ListPrefixEventsRequest;
import org.openpeering.proto.prefix.v1.ListPrefixEventsResponse;
import org.openpeering.proto.prefix.v1.ListPrefixesRequest;
import org.openpeering.proto.prefix.v1.ListPrefixesResponse;
import org.openpeering.proto.prefix.v1.PrefixEvent;
import org.openpeering.proto.prefix.v1.PrefixRef;
import org.openpeering.proto.prefix.v1.PutPrefixRequest;
import org.openpeering.proto.prefix.v1.PutPrefixResponse;
import org.openpeering.service.PageTokens;
import org.openpeering.service.PeeringConfig;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of customer prefixes; a new prefix is validated and watched right after it is stored. */
@GrpcService
public class CustomerPrefixGrpcService implements CustomerPrefixService {

    private final CustomerPrefixes prefixes;
    private final Validator validator;
    private final WatchSync watch;
    private final PeeringConfig config;

    public CustomerPrefixGrpcService(CustomerPrefixes prefixes, Validator validator, WatchSync watch,
            PeeringConfig config) {
        this.prefixes = prefixes;
        this.validator = validator;
        this.watch = watch;
        this.config = config;
    }

    @Override
    public Uni<PutPrefixResponse> putPrefix(PutPrefixRequest r) {
        return Uni.createFrom().deferred(() -> prefixes.put(r.getPrefix(), r.getPrecondition())).invoke(e -> {
            validator.request(List.of(e.getKey().id()));
            watch.changed();
        }).map(e -> PutPrefixResponse.newBuilder().setPrefix(e.getKey().value()).setCreated(e.getValue()).build());
    }

    @Override
    public Uni<CustomerPrefix> getPrefix(PrefixRef r) {
        return prefixes.get(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringServiceName(), r.getName(),
                r.getWithEvents()).onItem().ifNull().failWith(() -> notFound(r.getPeeringServiceName(), r.getName(),
                        r.getResourceGroup()));
    }

    @Override
    public Uni<DeleteResponse> deletePrefix(PrefixRef r) {
        return prefixes.delete(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringServiceName(), r.getName(),
                r.getPrecondition()).invoke(existed -> {
                    if (existed) {
                        watch.changed();
                    }
                }).map(existed -> DeleteResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListPrefixesResponse> listPrefixes(ListPrefixesRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> prefixes.list(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringServiceName(),
                        after, r.getPageSize(), r.getWithEvents()))
                .map(page -> ListPrefixesResponse.newBuilder().addAllPrefixes(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextPosition())).build());
    }

    @Override
    public Uni<ListPrefixEventsResponse> listPrefixEvents(ListPrefixEventsRequest r) {
        int size = PageTokens.size(r.getPageSize(), config.pageSize());
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(before -> prefixes.events(r.getSubscriptionId(), r.getResourceGroup(), r.getPeeringServiceName(),
                        r.getName(), before, size + 1))
                .onItem().ifNull().failWith(() -> notFound(r.getPeeringServiceName(), r.getName(), r.getResourceGroup()))
                .map(events -> {
                    ListPrefixEventsResponse.Builder b = ListPrefixEventsResponse.newBuilder();
                    if (events.size() > size) {
                        PrefixEvent last = events.get(size - 1);
                        b.addAllEvents(events.subList(0, size))
                                .setNextPageToken(PageTokens.encode(last.getEventTimestamp() + "|" + last.getId()));
                    } else {
                        b.addAllEvents(events);
                    }
                    return b.build();
                });
    }

    static DomainException notFound(String peeringService, String name, String resourceGroup) {
        return DomainException.notFound("The Resource 'Microsoft.Peering/peeringServices/" + peeringService
                + "/prefixes/" + name + "' under resource group '" + resourceGroup + "' was not found.");
    }
}

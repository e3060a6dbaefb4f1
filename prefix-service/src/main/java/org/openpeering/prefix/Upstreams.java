package org.openpeering.prefix;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.GrpcErrors;
import org.openpeering.proto.partner.v1.GetPeeringSessionsRequest;
import org.openpeering.proto.partner.v1.GetProviderSessionsRequest;
import org.openpeering.proto.partner.v1.ListServiceLocationsRequest;
import org.openpeering.proto.partner.v1.MutinyCatalogueServiceGrpc;
import org.openpeering.proto.partner.v1.MutinyProviderDirectoryServiceGrpc;
import org.openpeering.proto.partner.v1.PeeringSessions;
import org.openpeering.proto.partner.v1.ProviderSessions;
import org.openpeering.proto.partner.v1.ServiceLocation;
import org.openpeering.proto.telemetry.v1.GetPrefixViewRequest;
import org.openpeering.proto.telemetry.v1.MutinyReceivedRoutesServiceGrpc;
import org.openpeering.proto.telemetry.v1.MutinyWatchServiceGrpc;
import org.openpeering.proto.telemetry.v1.PrefixView;
import org.openpeering.proto.telemetry.v1.RouteChange;
import org.openpeering.proto.telemetry.v1.SessionRef;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesRequest;
import org.openpeering.proto.telemetry.v1.SetWatchedPrefixesResponse;
import org.openpeering.proto.telemetry.v1.StreamChangesRequest;
import org.openpeering.service.ServiceToken;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * prefix-service's calls to partner-service and telemetry-service, each with a deadline. A service that cannot be
 * reached fails with {@link Unreachable}: validation turns that into Pending, writes into 503.
 */
@ApplicationScoped
public class Upstreams {

    /** A backing service could not answer (down, or over its deadline). */
    public static final class Unreachable extends io.grpc.StatusRuntimeException {
        public Unreachable(String service, Throwable cause) {
            super(Status.UNAVAILABLE.withDescription(service + " is unreachable ("
                    + Status.fromThrowable(cause).getCode() + ")"));
        }
    }

    private static final long DEADLINE_SECONDS = 5;

    private final MutinyProviderDirectoryServiceGrpc.MutinyProviderDirectoryServiceStub providers;
    private final MutinyCatalogueServiceGrpc.MutinyCatalogueServiceStub catalogue;
    private final MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub routes;
    private final MutinyWatchServiceGrpc.MutinyWatchServiceStub watch;
    private final org.openpeering.proto.partner.v1.MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub peerings;

    public Upstreams(
            @GrpcClient("partner") @RegisterClientInterceptor(ServiceToken.class)
            MutinyProviderDirectoryServiceGrpc.MutinyProviderDirectoryServiceStub providers,
            @GrpcClient("partner") @RegisterClientInterceptor(ServiceToken.class)
            MutinyCatalogueServiceGrpc.MutinyCatalogueServiceStub catalogue,
            @GrpcClient("telemetry") @RegisterClientInterceptor(ServiceToken.class)
            MutinyReceivedRoutesServiceGrpc.MutinyReceivedRoutesServiceStub routes,
            @GrpcClient("telemetry") @RegisterClientInterceptor(ServiceToken.class)
            MutinyWatchServiceGrpc.MutinyWatchServiceStub watch,
            @GrpcClient("partner") @RegisterClientInterceptor(ServiceToken.class)
            org.openpeering.proto.partner.v1.MutinyPeeringsServiceGrpc.MutinyPeeringsServiceStub peerings) {
        this.providers = providers;
        this.catalogue = catalogue;
        this.routes = routes;
        this.watch = watch;
        this.peerings = peerings;
    }

    /** Every partner session placed on a router, with the subscription and peering it belongs to. */
    public Uni<List<org.openpeering.proto.partner.v1.CollectorSession>> collectorSessions() {
        return guard("partner-service", peerings.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listCollectorSessions(org.openpeering.proto.partner.v1.ListCollectorSessionsRequest.getDefaultInstance()))
                .map(r -> r.getSessionsList());
    }

    public Uni<ProviderSessions> provider(String name) {
        return guard("partner-service", providers.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getProviderSessions(GetProviderSessionsRequest.newBuilder().setProviderName(name).build()));
    }

    public Uni<PeeringSessions> peering(String subscriptionId, String resourceGroup, String peeringName) {
        return guard("partner-service", providers.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getPeeringSessions(GetPeeringSessionsRequest.newBuilder().setSubscriptionId(subscriptionId)
                        .setResourceGroup(resourceGroup).setPeeringName(peeringName).build()));
    }

    public Uni<List<ServiceLocation>> serviceLocations() {
        return guard("partner-service", catalogue.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .listServiceLocations(ListServiceLocationsRequest.getDefaultInstance()))
                .map(r -> r.getServiceLocationsList());
    }

    public Uni<PrefixView> prefixView(String prefix, List<SessionRef> sessions) {
        return guard("telemetry-service", routes.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
                .getPrefixView(GetPrefixViewRequest.newBuilder().setPrefix(prefix).addAllSessions(sessions).build()));
    }

    public Uni<SetWatchedPrefixesResponse> setWatched(SetWatchedPrefixesRequest request) {
        return guard("telemetry-service",
                watch.withDeadlineAfter(DEADLINE_SECONDS * 2, TimeUnit.SECONDS).setWatchedPrefixes(request));
    }

    /** The change stream from the given sequence (no deadline: it lives until either side ends it). */
    public Multi<RouteChange> changes(long fromSequence) {
        return watch.streamChanges(StreamChangesRequest.newBuilder().setFromSequence(fromSequence).build());
    }

    private static <T> Uni<T> guard(String service, Uni<T> call) {
        return call.onFailure(e -> GrpcErrors.fromStatus(e) == null).transform(e -> new Unreachable(service, e));
    }
}

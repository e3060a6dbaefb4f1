package org.openpeering.partner.catalogue;

import org.openpeering.common.DomainException;
import org.openpeering.proto.partner.v1.DeleteCatalogueEntryResponse;
import org.openpeering.proto.partner.v1.DeletePeeringLocationRequest;
import org.openpeering.proto.partner.v1.DeleteRouterRequest;
import org.openpeering.proto.partner.v1.GetPeeringLocationRequest;
import org.openpeering.proto.partner.v1.GetRouterRequest;
import org.openpeering.proto.partner.v1.ListCdnPeeringPrefixesRequest;
import org.openpeering.proto.partner.v1.ListCdnPeeringPrefixesResponse;
import org.openpeering.proto.partner.v1.ListPeeringLocationsRequest;
import org.openpeering.proto.partner.v1.ListPeeringLocationsResponse;
import org.openpeering.proto.partner.v1.ListRoutersRequest;
import org.openpeering.proto.partner.v1.ListRoutersResponse;
import org.openpeering.proto.partner.v1.ListServiceCountriesRequest;
import org.openpeering.proto.partner.v1.ListServiceCountriesResponse;
import org.openpeering.proto.partner.v1.ListServiceLocationsRequest;
import org.openpeering.proto.partner.v1.ListServiceLocationsResponse;
import org.openpeering.proto.partner.v1.PeeringLocation;
import org.openpeering.proto.partner.v1.PutPeeringLocationRequest;
import org.openpeering.proto.partner.v1.PutPeeringLocationResponse;
import org.openpeering.proto.partner.v1.PutRouterRequest;
import org.openpeering.proto.partner.v1.PutRouterResponse;
import org.openpeering.proto.partner.v1.Router;
import org.openpeering.service.CallerIdentity;
import org.openpeering.service.PageTokens;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** gRPC face of the catalogue; writes are the operator's. */
@GrpcService
public class CatalogueGrpcService implements org.openpeering.proto.partner.v1.CatalogueService {

    private final CatalogueService catalogue;

    public CatalogueGrpcService(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Uni<ListPeeringLocationsResponse> listPeeringLocations(ListPeeringLocationsRequest r) {
        return Uni.createFrom().item(() -> PageTokens.decode(r.getPageToken()))
                .chain(after -> catalogue.listLocations(r.getKind(), r.getDirectPeeringType(), after, r.getPageSize()))
                .map(page -> ListPeeringLocationsResponse.newBuilder().addAllPeeringLocations(page.items())
                        .setNextPageToken(PageTokens.encode(page.nextAfter())).build());
    }

    @Override
    public Uni<PutPeeringLocationResponse> putPeeringLocation(PutPeeringLocationRequest r) {
        return operator().chain(() -> catalogue.putLocation(r.getPeeringLocation(), r.getHasLatitude(),
                r.getHasLongitude(), r.getPrecondition()))
                .map(p -> PutPeeringLocationResponse.newBuilder().setPeeringLocation(p.value()).setCreated(p.created())
                        .build());
    }

    @Override
    public Uni<PeeringLocation> getPeeringLocation(GetPeeringLocationRequest r) {
        return catalogue.getLocation(r.getName()).onItem().ifNull().failWith(() -> DomainException.notFound(
                "The peering location '" + r.getName() + "' was not found."));
    }

    @Override
    public Uni<DeleteCatalogueEntryResponse> deletePeeringLocation(DeletePeeringLocationRequest r) {
        return operator().chain(() -> catalogue.deleteLocation(r.getName()))
                .map(existed -> DeleteCatalogueEntryResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<PutRouterResponse> putRouter(PutRouterRequest r) {
        return operator().chain(() -> catalogue.putRouter(r.getRouter(), r.getPrecondition()))
                .map(p -> PutRouterResponse.newBuilder().setRouter(p.value()).setCreated(p.created()).build());
    }

    @Override
    public Uni<Router> getRouter(GetRouterRequest r) {
        return catalogue.getRouter(r.getName()).onItem().ifNull().failWith(() -> DomainException.notFound(
                "The router '" + r.getName() + "' was not found."));
    }

    @Override
    public Uni<ListRoutersResponse> listRouters(ListRoutersRequest r) {
        return catalogue.listRouters(r.getPeeringLocation())
                .map(list -> ListRoutersResponse.newBuilder().addAllRouters(list).build());
    }

    @Override
    public Uni<DeleteCatalogueEntryResponse> deleteRouter(DeleteRouterRequest r) {
        return operator().chain(() -> catalogue.deleteRouter(r.getName()))
                .map(existed -> DeleteCatalogueEntryResponse.newBuilder().setExisted(existed).build());
    }

    @Override
    public Uni<ListServiceCountriesResponse> listServiceCountries(ListServiceCountriesRequest r) {
        return catalogue.countries().map(c -> ListServiceCountriesResponse.newBuilder().addAllCountries(c).build());
    }

    @Override
    public Uni<ListServiceLocationsResponse> listServiceLocations(ListServiceLocationsRequest r) {
        return catalogue.serviceLocations(r.getCountry())
                .map(l -> ListServiceLocationsResponse.newBuilder().addAllServiceLocations(l).build());
    }

    @Override
    public Uni<ListCdnPeeringPrefixesResponse> listCdnPeeringPrefixes(ListCdnPeeringPrefixesRequest r) {
        return Uni.createFrom().deferred(() -> catalogue.cdnPrefixes(r.getPeeringLocation()))
                .map(l -> ListCdnPeeringPrefixesResponse.newBuilder().addAllCdnPeeringPrefixes(l).build());
    }

    /** Checked at the gateway too: a service token alone must not let anyone edit the catalogue. */
    public static Uni<Void> operator() {
        return CallerIdentity.require("Only the operator manages this.", "operator");
    }
}

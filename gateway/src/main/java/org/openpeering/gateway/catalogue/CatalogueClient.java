package org.openpeering.gateway.catalogue;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.gateway.arm.BackendDeadline;
import org.openpeering.gateway.arm.Backends;
import org.openpeering.proto.partner.v1.MutinyCatalogueServiceGrpc;
import org.openpeering.proto.partner.v1.MutinyProviderDirectoryServiceGrpc;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** partner-service's catalogue and provider directory, with the gateway's call policy. */
@ApplicationScoped
public class CatalogueClient {

    static final String SERVICE = "partner-service";

    private final MutinyCatalogueServiceGrpc.MutinyCatalogueServiceStub catalogue;
    private final MutinyProviderDirectoryServiceGrpc.MutinyProviderDirectoryServiceStub directory;
    private final BackendDeadline deadline;

    public CatalogueClient(@GrpcClient("partner") MutinyCatalogueServiceGrpc.MutinyCatalogueServiceStub catalogue,
            @GrpcClient("partner") MutinyProviderDirectoryServiceGrpc.MutinyProviderDirectoryServiceStub directory,
            BackendDeadline deadline) {
        this.catalogue = catalogue;
        this.directory = directory;
        this.deadline = deadline;
    }

    /** One call on the catalogue stub. */
    public <T> Uni<T> catalogue(Function<MutinyCatalogueServiceGrpc.MutinyCatalogueServiceStub, Uni<T>> call) {
        return Backends.call(SERVICE, call.apply(deadline.on(catalogue)));
    }

    /** One call on the provider directory stub. */
    public <T> Uni<T> directory(
            Function<MutinyProviderDirectoryServiceGrpc.MutinyProviderDirectoryServiceStub, Uni<T>> call) {
        return Backends.call(SERVICE, call.apply(deadline.on(directory)));
    }
}

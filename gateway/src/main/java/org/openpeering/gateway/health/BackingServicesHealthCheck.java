package org.openpeering.gateway.health;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;

/**
 * The state of the three services, through their gRPC health service, in the health group "services"
 * ({@code /q/health/group/services}). Deliberately not part of the gateway's readiness: a service that is down
 * answers its own requests with 503; it must not take the whole API out of the load balancer.
 */
@HealthGroup("services")
@ApplicationScoped
public class BackingServicesHealthCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private record Backend(String name, Channel channel) {
    }

    private final List<Backend> backends;

    public BackingServicesHealthCheck(@GrpcClient("partner") Channel partner, @GrpcClient("prefix") Channel prefix,
            @GrpcClient("telemetry") Channel telemetry) {
        this.backends = List.of(new Backend("partner-service", partner), new Backend("prefix-service", prefix),
                new Backend("telemetry-service", telemetry));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> states = backends.stream().map(this::state).toList();
        return Uni.join().all(states).andFailFast().map(list -> {
            var b = HealthCheckResponse.named("backing services");
            boolean up = true;
            for (int i = 0; i < backends.size(); i++) {
                b.withData(backends.get(i).name(), list.get(i));
                up &= "SERVING".equals(list.get(i));
            }
            return b.status(up).build();
        });
    }

    private Uni<String> state(Backend backend) {
        return Uni.createFrom().<String>emitter(em -> HealthGrpc.newStub(backend.channel())
                .withDeadlineAfter(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .check(HealthOuterClass.HealthCheckRequest.getDefaultInstance(), new StreamObserver<>() {
                    @Override
                    public void onNext(HealthOuterClass.HealthCheckResponse value) {
                        em.complete(value.getStatus() == HealthOuterClass.HealthCheckResponse.ServingStatus.SERVING ? "SERVING" : value.getStatus().name());
                    }

                    @Override
                    public void onError(Throwable t) {
                        em.complete("UNREACHABLE: " + io.grpc.Status.fromThrowable(t).getCode());
                    }

                    @Override
                    public void onCompleted() {
                        // onNext completed the emitter
                    }
                }));
    }
}

package org.openpeering.gateway.arm;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.openpeering.common.DomainException;
import org.openpeering.common.GrpcErrors;

import io.grpc.Status;
import io.smallrye.mutiny.Uni;

/**
 * How the gateway calls a backing service: a retry on UNAVAILABLE (the call never reached the service, so a
 * retry is safe), then every failure turned into the ARM error it stands for.
 */
public final class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);

    private Backends() {
    }

    public static <T> Uni<T> call(String service, Uni<T> call) {
        return call
                .onFailure(e -> Status.fromThrowable(e).getCode() == Status.Code.UNAVAILABLE
                        && GrpcErrors.fromStatus(e) == null)
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofMillis(400)).atMost(2)
                .onFailure().transform(e -> toArm(service, e));
    }

    static Throwable toArm(String service, Throwable e) {
        if (e instanceof ArmException || e instanceof DomainException) {
            return e;
        }
        DomainException domain = GrpcErrors.fromStatus(e);
        if (domain != null) {
            return ArmExceptionMappers.fromDomain(domain);
        }
        Status.Code code = Status.fromThrowable(e).getCode();
        if (code == Status.Code.UNAVAILABLE) {
            LOG.warnf("%s unavailable: %s", service, Status.fromThrowable(e));
            return ArmException.serviceUnavailable(service);
        }
        if (code == Status.Code.DEADLINE_EXCEEDED) {
            LOG.warnf("%s timed out: %s", service, Status.fromThrowable(e));
            return ArmException.serviceTimedOut(service);
        }
        return e;
    }
}

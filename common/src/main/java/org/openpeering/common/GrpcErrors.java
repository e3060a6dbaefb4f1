package org.openpeering.common;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * The one place where domain errors become gRPC statuses (in the services) and gRPC statuses become domain
 * errors again (in the gateway). The ARM code and target travel as trailers.
 */
public final class GrpcErrors {

    public static final Metadata.Key<String> ARM_CODE = Metadata.Key.of("x-arm-code", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> ARM_TARGET = Metadata.Key.of("x-arm-target", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcErrors() {
    }

    /** Service side: the status a failure is answered with. Unknown failures become INTERNAL without details. */
    public static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof DomainException d) {
            Metadata trailers = new Metadata();
            trailers.put(ARM_CODE, d.code().wire());
            if (d.target() != null) {
                trailers.put(ARM_TARGET, d.target());
            }
            return Status.fromCode(d.code().grpc()).withDescription(d.getMessage()).asRuntimeException(trailers);
        }
        if (failure instanceof StatusRuntimeException s) {
            return s;
        }
        if (failure instanceof StatusException s) {
            return new StatusRuntimeException(s.getStatus(), s.getTrailers());
        }
        // Never leak internals (they may hold data a caller must not see); the cause is logged by the handler.
        return Status.INTERNAL.withDescription("Internal error").withCause(failure).asRuntimeException();
    }

    /**
     * Gateway side: the domain error a failed call carried, or null when the status is not a domain decision
     * (unavailable service, deadline, internal error).
     */
    public static DomainException fromStatus(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        Metadata trailers = Status.trailersFromThrowable(failure);
        if (trailers == null) {
            return null;
        }
        ArmCode code = ArmCode.fromWire(trailers.get(ARM_CODE));
        if (code == null) {
            return null;
        }
        return new DomainException(code, status.getDescription(), trailers.get(ARM_TARGET));
    }
}

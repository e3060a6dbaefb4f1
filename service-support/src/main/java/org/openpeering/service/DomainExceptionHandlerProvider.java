package org.openpeering.service;

import org.openpeering.common.GrpcErrors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;

/** The gRPC exception handler of every service: domain errors become statuses with ARM trailers. */
@ApplicationScoped
public class DomainExceptionHandlerProvider implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(DomainExceptionHandlerProvider.class);

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> serverCall, Metadata metadata) {
        return new ExceptionHandler<>(listener, serverCall, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata md) {
                StatusRuntimeException s = (StatusRuntimeException) transform(failure);
                Metadata trailers = s.getTrailers() != null ? s.getTrailers() : new Metadata();
                call.close(s.getStatus(), trailers);
            }
        };
    }

    @Override
    public Throwable transform(Throwable failure) {
        StatusRuntimeException s = GrpcErrors.toStatus(failure);
        if (s.getStatus().getCode() == Status.Code.INTERNAL && !(failure instanceof StatusRuntimeException)) {
            LOG.error("Unexpected failure in a gRPC call", failure);
        }
        return s;
    }
}

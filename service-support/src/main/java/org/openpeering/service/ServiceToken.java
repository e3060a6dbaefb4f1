package org.openpeering.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.CallerHeaders;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** Presents the service token on a service's own calls to another service (no caller identity: a service). */
@ApplicationScoped
public class ServiceToken implements ClientInterceptor {

    private final String bearer;

    public ServiceToken(PeeringConfig config) {
        this.bearer = CallerHeaders.bearer(config.serviceToken());
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
            CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                headers.put(CallerHeaders.AUTHORIZATION, bearer);
                super.start(listener, headers);
            }
        };
    }
}

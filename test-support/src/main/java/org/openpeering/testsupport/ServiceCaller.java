package org.openpeering.testsupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpeering.common.CallerHeaders;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/**
 * For a service's tests: calls as the gateway does (service token, a caller on every subscription), registered on a
 * test's client with {@code @RegisterClientInterceptor(ServiceCaller.class)}; and {@link #as} for other identities.
 */
@ApplicationScoped
public class ServiceCaller implements ClientInterceptor {

    private final String token;

    public ServiceCaller(@ConfigProperty(name = "peering.service-token", defaultValue = "test-service-token") String token) {
        this.token = token;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
            CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                headers.merge(metadata(token, "test-operator", "*", "operator"));
                super.start(listener, headers);
            }
        };
    }

    /** The headers of a call with the given token (null: none) acting for the subject on the subscriptions. */
    public static Metadata metadata(String token, String subject, String subscriptions, String roles) {
        Metadata md = new Metadata();
        if (token != null) {
            md.put(CallerHeaders.AUTHORIZATION, CallerHeaders.bearer(token));
        }
        if (subscriptions != null) {
            md.put(CallerHeaders.SUBJECT, subject);
            md.put(CallerHeaders.SUBSCRIPTIONS, subscriptions);
            md.put(CallerHeaders.ROLES, roles);
        }
        return md;
    }

    /** The stub sending exactly these headers. */
    public static <S extends AbstractStub<S>> S as(S stub, Metadata headers) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}

package org.openpeering.gateway.auth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
import io.quarkus.arc.Arc;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * Every call to a backing service carries the service token and the identity of the caller the gateway acts for
 * (plus the request id, operation and resource id for the services' audit). Also counts the calls.
 */
@GlobalInterceptor
@ApplicationScoped
public class BackendCallInterceptor implements ClientInterceptor {

    private final String serviceToken;
    private final AtomicLong calls = new AtomicLong();

    public BackendCallInterceptor(@ConfigProperty(name = "gateway.service-token") String serviceToken) {
        this.serviceToken = serviceToken;
    }

    /** How many calls the gateway has made to the services since it started. */
    public long calls() {
        return calls.get();
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
            CallOptions options, Channel next) {
        calls.incrementAndGet();
        CurrentCaller current = currentCaller();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<RespT> listener, Metadata headers) {
                headers.put(CallerHeaders.AUTHORIZATION, CallerHeaders.bearer(serviceToken));
                if (current != null && current.caller() != null) {
                    Caller c = current.caller();
                    headers.put(CallerHeaders.SUBJECT, ascii(c.subject()));
                    headers.put(CallerHeaders.SUBSCRIPTIONS, ascii(String.join(",", c.subscriptions())));
                    headers.put(CallerHeaders.ROLES,
                            c.roles().stream().map(Role::claim).collect(Collectors.joining(",")));
                    if (current.requestId() != null) {
                        headers.put(CallerHeaders.REQUEST_ID, current.requestId());
                    }
                    headers.put(CallerHeaders.OPERATION, ascii(current.operation()));
                    headers.put(CallerHeaders.RESOURCE_ID, ascii(current.resourceId()));
                }
                super.start(listener, headers);
            }
        };
    }

    /** The request's caller, or null outside a request (health checks). */
    private static CurrentCaller currentCaller() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentCaller.class).get();
    }

    /** gRPC ASCII headers: anything else is replaced (names are ASCII already; subjects may not be). */
    private static String ascii(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            sb.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return sb.toString();
    }
}

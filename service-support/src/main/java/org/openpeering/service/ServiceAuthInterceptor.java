package org.openpeering.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import org.openpeering.common.ArmCode;
import org.openpeering.common.CallerHeaders;
import org.openpeering.common.GrpcErrors;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * Service-to-service trust: every gRPC call must carry the service token (only the gateway and the services hold
 * it); a call that acts for a caller may only touch the subscriptions that caller holds. The request's
 * {@code subscription_id} field, wherever a request message has one, is checked again here (defence in depth).
 * The gRPC health service stays open, for probes and tools.
 */
@GlobalInterceptor
@ApplicationScoped
public class ServiceAuthInterceptor implements ServerInterceptor {

    private final byte[] expected;
    private final AuditLog audit;

    public ServiceAuthInterceptor(PeeringConfig config, AuditLog audit) {
        this.expected = CallerHeaders.bearer(config.serviceToken()).getBytes(StandardCharsets.UTF_8);
        this.audit = audit;
    }

    /** Reads are not audited; writes, and reads refused for a foreign subscription, are. */
    static boolean isRead(String bareMethodName) {
        return bareMethodName.startsWith("Get") || bareMethodName.startsWith("List")
                || bareMethodName.startsWith("Lookup") || bareMethodName.startsWith("Check");
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        if (call.getMethodDescriptor().getFullMethodName().startsWith("grpc.health.v1.Health/")) {
            return next.startCall(call, headers);
        }
        String auth = headers.get(CallerHeaders.AUTHORIZATION);
        if (auth == null || !MessageDigest.isEqual(expected, auth.getBytes(StandardCharsets.UTF_8))) {
            call.close(Status.UNAUTHENTICATED.withDescription("A valid service token is required."), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        CallerIdentity caller = CallerIdentity.from(headers);
        String method = call.getMethodDescriptor().getBareMethodName();
        String[] subscriptionSeen = new String[1];
        boolean read = isRead(method);
        ServerCall<ReqT, RespT> audited = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (!read || status.getCode() == Status.Code.PERMISSION_DENIED) {
                    audit.record(caller, subscriptionSeen[0], method, status.isOk() ? "OK" : status.getCode().name());
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<ReqT> delegate = Contexts.interceptCall(
                Context.current().withValue(CallerIdentity.CONTEXT_KEY, caller), audited, headers, next);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            private boolean refused;

            @Override
            public void onMessage(ReqT message) {
                String subscription = subscriptionOf(message);
                subscriptionSeen[0] = subscription;
                if (caller != null && subscription != null && !caller.canSee(subscription)) {
                    refused = true;
                    Metadata trailers = new Metadata();
                    trailers.put(GrpcErrors.ARM_CODE, ArmCode.AUTHORIZATION_FAILED.wire());
                    audited.close(Status.PERMISSION_DENIED.withDescription("The client '" + caller.subject()
                            + "' does not have authorization over scope '/subscriptions/" + subscription + "'."),
                            trailers);
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onReady() {
                if (!refused) {
                    super.onReady();
                }
            }
        };
    }

    /** The request's subscription_id field, if its message has one (found by descriptor, not reflection). */
    static String subscriptionOf(Object message) {
        if (message instanceof Message m) {
            FieldDescriptor f = m.getDescriptorForType().findFieldByName("subscription_id");
            if (f != null && f.getType() == FieldDescriptor.Type.STRING) {
                return (String) m.getField(f);
            }
        }
        return null;
    }
}

package org.openpeering.gateway.arm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.grpc.stub.AbstractStub;

/**
 * The deadline of every call to a backing service ({@code gateway.backend-deadline}). Set per call: a stub's
 * deadline is an absolute time, so a stub configured once would expire for every later call.
 */
@ApplicationScoped
public class BackendDeadline {

    private final Duration deadline;

    public BackendDeadline(@ConfigProperty(name = "gateway.backend-deadline") Duration deadline) {
        this.deadline = deadline;
    }

    /** The stub with a deadline starting now. */
    public <S extends AbstractStub<S>> S on(S stub) {
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package org.openpeering.common;

import io.grpc.Status;

/** The ARM error codes a service can decide on, with the gRPC status that carries each to the gateway. */
public enum ArmCode {
    BAD_ARGUMENT("BadArgument", Status.Code.INVALID_ARGUMENT, 400),
    INVALID_REQUEST_CONTENT("InvalidRequestContent", Status.Code.INVALID_ARGUMENT, 400),
    INVALID_RESOURCE_NAME("InvalidResourceName", Status.Code.INVALID_ARGUMENT, 400),
    RESOURCE_NOT_FOUND("ResourceNotFound", Status.Code.NOT_FOUND, 404),
    OPERATION_NOT_SUPPORTED("OperationNotSupported", Status.Code.UNIMPLEMENTED, 405),
    CONFLICT("Conflict", Status.Code.ALREADY_EXISTS, 409),
    PRECONDITION_FAILED("PreconditionFailed", Status.Code.FAILED_PRECONDITION, 412),
    AUTHORIZATION_FAILED("AuthorizationFailed", Status.Code.PERMISSION_DENIED, 403);

    private final String wire;
    private final Status.Code grpc;
    private final int httpStatus;

    ArmCode(String wire, Status.Code grpc, int httpStatus) {
        this.wire = wire;
        this.grpc = grpc;
        this.httpStatus = httpStatus;
    }

    /** The code as it appears in the ARM error body. */
    public String wire() {
        return wire;
    }

    public Status.Code grpc() {
        return grpc;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code for a wire name, or null when the name is not one of ours. */
    public static ArmCode fromWire(String wire) {
        for (ArmCode c : values()) {
            if (c.wire.equals(wire)) {
                return c;
            }
        }
        return null;
    }
}

package org.openpeering.gateway.arm;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openpeering.common.DomainException;

/** The one ARM error mapper of the gateway: every failure leaves as an ARM error body, never a stack trace. */
public class ArmExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ArmExceptionMappers.class);

    @ServerExceptionMapper
    public Response arm(ArmException e) {
        return ArmResponses.error(e);
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return ArmResponses.error(fromDomain(e));
    }

    /** A service's decision, as the ARM error it stands for. */
    public static ArmException fromDomain(DomainException e) {
        return new ArmException(e.code().httpStatus(), e.code().wire(), e.getMessage(), e.target());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ArmResponses.error(new ArmException(404, "NotFound",
                "No operation of Microsoft.Peering is served at this path.", null));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return ArmResponses.error(new ArmException(405, "OperationNotSupported",
                "The HTTP method is not supported for this resource.", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return ArmResponses.error(new ArmException(413, "RequestEntityTooLarge",
                    "The request body is larger than allowed.", null));
        }
        if (status == 415) {
            return ArmResponses.error(ArmException.invalidContent(null, "The request content type is not supported."));
        }
        if (status >= 500) {
            return internal(e);
        }
        return ArmResponses.error(new ArmException(status, status == 400 ? "InvalidRequestContent" : "BadRequest",
                "The request is not valid.", null));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        LOG.error("Unexpected failure", e);
        return ArmResponses.error(new ArmException(500, "InternalServerError",
                "An internal error occurred. The request id identifies it in the logs.", null));
    }
}

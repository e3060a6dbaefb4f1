package org.openpeering.gateway.arm;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** The conventions every ARM call follows: case-insensitive paths, api-version, request ids. */
public class ArmFilters {

    private final long maxBodyBytes;

    public ArmFilters(@ConfigProperty(name = "gateway.max-body-bytes") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    static final String REQUEST_ID = "x-ms-request-id";
    static final String CORRELATION_ID = "x-ms-correlation-request-id";
    static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";
    public static final String REQUEST_ID_PROPERTY = "arm.request-id";

    /** Canonical keyword spelling, then the api-version check (before routing, so unknown paths get it too). */
    @ServerRequestFilter(preMatching = true)
    public Response beforeRouting(ContainerRequestContext ctx) {
        String id = UUID.randomUUID().toString();
        ctx.setProperty(REQUEST_ID_PROPERTY, id);
        String raw = ctx.getUriInfo().getRequestUri().getRawPath();
        if (raw.startsWith("/q/")) {
            return null;
        }
        String canonical = CanonicalPaths.canonicalize(raw);
        if (!canonical.equals(raw)) {
            URI uri = ctx.getUriInfo().getRequestUri();
            String query = uri.getRawQuery();
            ctx.setRequestUri(URI.create(canonical + (query == null ? "" : "?" + query)));
        }
        String length = ctx.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            return ArmResponses.error(new ArmException(413, "RequestEntityTooLarge", "The request body is "
                    + length + " bytes; at most " + maxBodyBytes + " are accepted.", null));
        }
        try {
            ApiVersions.check(ctx.getUriInfo().getQueryParameters().getFirst("api-version"));
        } catch (ArmException e) {
            return ArmResponses.error(e);
        }
        return null;
    }

    @ServerResponseFilter
    public void afterResponse(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(REQUEST_ID_PROPERTY);
        String requestId = id == null ? UUID.randomUUID().toString() : id.toString();
        response.getHeaders().putSingle(REQUEST_ID, requestId);
        String correlation = request.getHeaderString(CORRELATION_ID);
        if (correlation == null) {
            correlation = request.getHeaderString(CLIENT_REQUEST_ID);
        }
        response.getHeaders().putSingle(CORRELATION_ID, correlation != null ? correlation : requestId);
        String clientRequestId = request.getHeaderString(CLIENT_REQUEST_ID);
        if (clientRequestId != null) {
            response.getHeaders().putSingle(CLIENT_REQUEST_ID, clientRequestId);
        }
        Object rateLimit = request.getProperty("arm.rate-limit");
        if (rateLimit instanceof String[] h && !response.getHeaders().containsKey(h[0])) {
            response.getHeaders().putSingle(h[0], h[1]);
        }
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            response.getHeaders().putSingle("Content-Type", ArmResponses.JSON);
        }
    }
}

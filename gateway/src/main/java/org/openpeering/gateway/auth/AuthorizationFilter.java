package org.openpeering.gateway.auth;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.ArmFilters;
import org.openpeering.gateway.arm.ArmResponses;

/**
 * Every routed request: authenticate the bearer token, check the path's subscription against the token's
 * subscriptions, and the caller's roles against the method's {@link Access}. Deny by default.
 */
public class AuthorizationFilter {

    /** Request property holding the rate-limit header to add to the response (name and remaining count). */
    public static final String RATE_LIMIT_PROPERTY = "arm.rate-limit";

    private final Authenticator authenticator;
    private final CurrentCaller current;
    private final RateLimiter rateLimiter;

    public AuthorizationFilter(Authenticator authenticator, CurrentCaller current, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.current = current;
        this.rateLimiter = rateLimiter;
    }

    @ServerRequestFilter
    public Response authorize(ContainerRequestContext ctx, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        try {
            Caller caller = authenticator.authenticate(ctx.getHeaderString("Authorization"));
            String operation = ctx.getMethod() + " " + operationName(method);
            String subscription = ctx.getUriInfo().getPathParameters().getFirst("subscriptionId");
            if (subscription != null && !caller.canSee(subscription)) {
                throw forbidden("The client '" + caller.subject() + "' does not have authorization to perform action '"
                        + operation + "' over scope '/subscriptions/" + subscription + "'.");
            }
            Set<Role> allowed = allowedRoles(method, ctx.getMethod());
            if (caller.roles().stream().noneMatch(allowed::contains)) {
                throw forbidden("The client '" + caller.subject() + "' with roles " + names(caller.roles())
                        + " does not have authorization to perform action '" + operation + "'; it needs one of "
                        + names(allowed) + ".");
            }
            boolean write = !"GET".equalsIgnoreCase(ctx.getMethod()) && !"HEAD".equalsIgnoreCase(ctx.getMethod());
            RateLimiter.Decision d = rateLimiter.take(subscription != null ? subscription
                    : "caller:" + caller.subject(), write);
            String header = write ? "x-ms-ratelimit-remaining-subscription-writes"
                    : "x-ms-ratelimit-remaining-subscription-reads";
            ctx.setProperty(RATE_LIMIT_PROPERTY, new String[] { header, Long.toString(d.remaining()) });
            if (!d.allowed()) {
                throw new ArmException(429, "TooManyRequests", "The subscription's " + (write ? "write" : "read")
                        + " rate limit is exceeded. Retry after " + d.retryAfterSeconds() + " seconds.", null,
                        java.util.Map.of("Retry-After", Long.toString(d.retryAfterSeconds()), header, "0"));
            }
            Object requestId = ctx.getProperty(ArmFilters.REQUEST_ID_PROPERTY);
            current.set(caller, requestId == null ? null : requestId.toString(), operation,
                    ctx.getUriInfo().getRequestUri().getRawPath());
            return null;
        } catch (ArmException e) {
            return ArmResponses.error(e);
        }
    }

    /** The roles that may call the method: its {@link Access}, plus the operator for reads; none without one. */
    public static Set<Role> allowedRoles(Method method, String httpMethod) {
        Access access = method.getAnnotation(Access.class);
        if (access == null) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Set.of(access.value()));
        if ("GET".equalsIgnoreCase(httpMethod)) {
            roles.add(Role.OPERATOR);
        }
        return roles;
    }

    /** The resource type of a method's path: its literal segments after the provider namespace. */
    static String operationName(Method method) {
        Path p = method.getAnnotation(Path.class);
        String path = p == null ? "" : p.value();
        int ns = path.indexOf("providers/Microsoft.Peering");
        String tail = ns >= 0 ? path.substring(ns + "providers/".length()) : path;
        return java.util.Arrays.stream(tail.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{"))
                .collect(Collectors.joining("/"));
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::claim).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static ArmException forbidden(String message) {
        return new ArmException(403, "AuthorizationFailed", message, null);
    }
}

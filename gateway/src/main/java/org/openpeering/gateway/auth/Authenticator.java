package org.openpeering.gateway.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.openpeering.gateway.arm.ArmException;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer JWTs from the configured OpenID Connect issuer: signature (JWKS), issuer, audience and expiry are
 * checked by smallrye-jwt; this class turns the outcome into ARM's 401 codes and the claims into a {@link Caller}.
 */
@ApplicationScoped
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    private final JWTParser parser;

    public Authenticator(JWTParser parser) {
        this.parser = parser;
    }

    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.");
        }
        if (authorization.length() < 8 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header must carry a Bearer token.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            // the reason stays in the log at DEBUG (never the token itself); the client gets the ARM code
            LOG.debugf("Bearer token rejected: %s", rootMessage(e));
            if (expired(e)) {
                throw unauthorized("ExpiredAuthenticationToken",
                        "The access token has expired. Get a new token and try again.");
            }
            throw unauthorized("InvalidAuthenticationToken",
                    "The access token is invalid (signature, issuer or audience not accepted).");
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String r : strings(jwt.getClaim("roles"))) {
            Role role = Role.fromClaim(r);
            if (role != null) {
                roles.add(role);
            }
        }
        String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
        return new Caller(subject, Set.copyOf(strings(jwt.getClaim("subscriptions"))), Set.copyOf(roles));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException ije && ije.hasExpired()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : String.valueOf(v)));
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof String s) {
            out.add(s);
        }
        return out;
    }

    private static ArmException unauthorized(String code, String message) {
        return new ArmException(401, code, message, null);
    }
}

package org.openpeering.gateway.auth;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.openpeering.testsupport.JwtTestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The authorization matrix, generated from the gateway's own route table: every operation the running gateway
 * serves (its OpenAPI document), matched to the resource method that serves it (reflection), crossed with
 * {no token, expired token, untrusted signature, foreign subscription, wrong role, right caller}. A rejected call
 * must get its ARM status and code and must not reach any backing service (nothing can change).
 */
public final class AuthorizationMatrix {

    /** One routed operation. */
    public record Endpoint(String httpMethod, String path, Method method) {

        public String describe() {
            return httpMethod + " " + path;
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final String SUBSCRIPTION = "matrix-sub";

    private AuthorizationMatrix() {
    }

    /** Every operation the gateway serves, with its Java method; fails when one has no method. */
    public static List<Endpoint> endpoints() throws Exception {
        Map<String, Method> methods = resourceMethods();
        JsonNode openapi = new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Endpoint> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> verbs = p.getValue().fieldNames(); verbs.hasNext();) {
                String verb = verbs.next().toUpperCase();
                if (!Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(verb)) {
                    continue;
                }
                String key = verb + " " + p.getKey();
                Method m = methods.get(key);
                if (m == null) {
                    throw new AssertionError("Served but not found among the resource methods: " + key);
                }
                out.add(new Endpoint(verb, p.getKey(), m));
            }
        }
        return out;
    }

    /** Runs the matrix; returns one line per violation (empty when every endpoint is protected as it must be). */
    public static List<String> run(List<Endpoint> endpoints, LongSupplier backendCalls) {
        List<String> failures = new ArrayList<>();
        List<String> everyRole = List.of("customer", "partner", "operator", "agent");
        for (Endpoint e : endpoints) {
            boolean scoped = e.path().contains("{subscriptionId}");
            String url = url(e.path());
            Set<Role> allowed = AuthorizationFilter.allowedRoles(e.method(), e.httpMethod());
            if (allowed.isEmpty()) {
                failures.add(e.describe() + ": no role may call it (no @Access)");
            }
            expectRejected(failures, e, "no token", null, url, 401, "AuthenticationFailed", backendCalls);
            expectRejected(failures, e, "expired token",
                    JwtTestResource.expiredToken(List.of("*"), everyRole), url, 401, "ExpiredAuthenticationToken",
                    backendCalls);
            expectRejected(failures, e, "untrusted signature",
                    JwtTestResource.foreignToken(List.of("*"), everyRole), url, 401, "InvalidAuthenticationToken",
                    backendCalls);
            if (scoped) {
                expectRejected(failures, e, "foreign subscription",
                        JwtTestResource.token(List.of("someone-else"), everyRole), url, 403, "AuthorizationFailed",
                        backendCalls);
            }
            Set<Role> wrong = EnumSet.complementOf(allowed.isEmpty() ? EnumSet.noneOf(Role.class)
                    : EnumSet.copyOf(allowed));
            if (!wrong.isEmpty()) {
                List<String> wrongRoles = wrong.stream().map(Role::claim).toList();
                expectRejected(failures, e, "wrong role " + wrongRoles,
                        JwtTestResource.token(List.of(SUBSCRIPTION), wrongRoles), url, 403, "AuthorizationFailed",
                        backendCalls);
            }
            if (!allowed.isEmpty()) {
                List<String> rightRoles = List.of(allowed.iterator().next().claim());
                Response r = send(e, url, JwtTestResource.token(List.of(SUBSCRIPTION), rightRoles));
                if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500 && r.statusCode() != 503) {
                    failures.add(e.describe() + " right caller " + rightRoles + ": got " + r.statusCode() + " "
                            + r.asString());
                }
            }
        }
        return failures;
    }

    private static void expectRejected(List<String> failures, Endpoint e, String who, String token, String url,
            int status, String code, LongSupplier backendCalls) {
        long before = backendCalls.getAsLong();
        Response r = send(e, url, token);
        String got = r.statusCode() + " " + r.asString();
        if (r.statusCode() != status || !got.contains("\"code\":\"" + code + "\"")) {
            failures.add(e.describe() + " " + who + ": expected " + status + " " + code + ", got " + got);
        }
        if (status == 401 && r.header("WWW-Authenticate") == null) {
            failures.add(e.describe() + " " + who + ": 401 without WWW-Authenticate");
        }
        if (backendCalls.getAsLong() != before) {
            failures.add(e.describe() + " " + who + ": a backing service was called");
        }
    }

    private static Response send(Endpoint e, String url, String token) {
        var req = RestAssured.given().contentType("application/json").body("{}");
        if (token != null) {
            req = req.header("Authorization", "Bearer " + token);
        }
        return req.request(e.httpMethod(), url);
    }

    /** The path with its parameters filled in, and the api-version. */
    private static String url(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1).equals("subscriptionId") ? SUBSCRIPTION : "x1");
        }
        m.appendTail(sb);
        return sb + "?api-version=2025-05-01";
    }

    /** "VERB /path" of every JAX-RS resource method under org.openpeering.gateway (production and test classes). */
    private static Map<String, Method> resourceMethods() {
        Map<String, Method> out = new HashMap<>();
        for (JavaClass jc : new ClassFileImporter().importPackages("org.openpeering.gateway")) {
            Class<?> c = jc.reflect();
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(DELETE.class) ? "DELETE"
                                : m.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
                if (verb == null) {
                    continue;
                }
                Path mp = m.getAnnotation(Path.class);
                String path = join(classPath.value(), mp == null ? "" : mp.value());
                out.put(verb + " " + path, m);
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}

package org.openpeering.gateway.arm;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds ARM responses: the error body, and JSON bodies with the ARM content type. */
public final class ArmResponses {

    public static final String JSON = "application/json; charset=utf-8";

    private ArmResponses() {
    }

    /** {@code {"error":{"code","message","target"}}} with the exception's status and headers. */
    public static Response error(ArmException e) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (e.target() != null) {
            error.put("target", e.target());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        Response.ResponseBuilder b = Response.status(e.status()).type(JSON).entity(body);
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        if (e.status() == 401) {
            b.header("WWW-Authenticate", "Bearer");
        }
        return b.build();
    }

    /** An ARM list: {@code {"value":[...], "nextLink"}} ({@code nextLink} only when there is a next page). */
    public static ObjectNode list(java.util.stream.Stream<ObjectNode> items, jakarta.ws.rs.core.UriInfo uri,
            String nextToken) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var value = body.putArray("value");
        items.forEach(value::add);
        String next = Links.next(uri, nextToken);
        if (next != null) {
            body.put("nextLink", next);
        }
        return body;
    }

    /** A resource with its version as the ETag header (the body carries it as {@code etag}). */
    public static Response versioned(int status, ObjectNode body, long version) {
        return Response.status(status).entity(body).type(JSON)
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(version))).build();
    }
}

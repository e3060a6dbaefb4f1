package org.openpeering.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.openpeering.gateway.arm.ArmException;
import org.openpeering.gateway.arm.Links;
import org.openpeering.gateway.auth.Access;
import org.openpeering.gateway.auth.Role;
import org.openpeering.proto.audit.v1.AuditEvent;
import org.openpeering.proto.audit.v1.ListAuditEventsRequest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * {@code GET /operator/v1/audit}: the audit logs of all services, merged newest first, filtered by subscription,
 * resource (id prefix) and time range, paged with a cursor ({@code $skipToken}: time, service, id of the last
 * event shown).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final Comparator<AuditEvent> NEWEST_FIRST = Comparator
            .comparing((AuditEvent e) -> OffsetDateTime.parse(e.getAt())).reversed()
            .thenComparing(AuditEvent::getService)
            .thenComparing(Comparator.comparingLong(AuditEvent::getId).reversed());

    private final AuditClient client;

    public AuditResource(AuditClient client) {
        this.client = client;
    }

    @Access({ Role.OPERATOR })
    @GET
    @Path("operator/v1/audit")
    public Uni<ObjectNode> list(@QueryParam("subscription") String subscription,
            @QueryParam("resource") String resource, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("$top") Integer top, @QueryParam("$skipToken") String skipToken, @Context UriInfo uri) {
        int size = top == null ? 100 : top;
        if (size < 1 || size > 1000) {
            throw new ArmException(400, "BadArgument", "$top must be between 1 and 1000.", "$top");
        }
        checkTime(from, "from");
        checkTime(to, "to");
        Cursor cursor = Cursor.decode(skipToken);
        List<Uni<List<AuditEvent>>> calls = new ArrayList<>();
        for (AuditClient.Source source : client.sources()) {
            // one more than a page from each, so that a next page is known to exist
            ListAuditEventsRequest.Builder r = ListAuditEventsRequest.newBuilder().setPageSize(size + 1)
                    .setFilterSubscriptionId(nz(subscription)).setResourceIdPrefix(nz(resource)).setFrom(nz(from))
                    .setTo(nz(to));
            if (cursor != null) {
                // events at the cursor's time come after it from services later in the merge order
                int order = source.service().compareTo(cursor.service());
                r.setBeforeAt(cursor.at()).setBeforeId(order == 0 ? cursor.id() : 0).setIncludeBeforeAt(order > 0);
            }
            calls.add(client.list(source, r.build()));
        }
        return Uni.join().all(calls).andFailFast().map(lists -> {
            List<AuditEvent> all = new ArrayList<>();
            lists.forEach(all::addAll);
            all.sort(NEWEST_FIRST);
            List<AuditEvent> page = all.subList(0, Math.min(size, all.size()));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            var value = body.putArray("value");
            page.forEach(e -> value.add(toJson(e)));
            if (all.size() > size) {
                AuditEvent last = page.get(page.size() - 1);
                body.put("nextLink", Links.next(uri, new Cursor(last.getAt(), last.getService(), last.getId())
                        .encode()));
            }
            return body;
        });
    }

    private static ObjectNode toJson(AuditEvent e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("time", e.getAt());
        o.put("caller", e.getSubject());
        o.put("subscriptionId", e.getSubscriptionId());
        o.put("operation", e.getOperation());
        o.put("resourceId", e.getResourceId());
        o.put("service", e.getService());
        o.put("method", e.getMethod());
        o.put("result", e.getResult());
        o.put("requestId", e.getRequestId());
        return o;
    }

    private static void checkTime(String value, String field) {
        if (value != null && !value.isEmpty()) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new ArmException(400, "BadArgument", "'" + field
                        + "' must be an ISO-8601 time with an offset, e.g. 2026-11-26T00:00:00Z.", field);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The position after the last event shown. */
    record Cursor(String at, String service, long id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + service + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            if (token == null || token.isEmpty()) {
                return null;
            }
            try {
                String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                OffsetDateTime.parse(p[0]);
                return new Cursor(p[0], p[1], Long.parseLong(p[2]));
            } catch (RuntimeException e) {
                throw new ArmException(400, "BadArgument", "The $skipToken is not valid.", "$skipToken");
            }
        }
    }
}

package org.openpeering.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openpeering.proto.audit.v1.AuditEvent;
import org.openpeering.proto.audit.v1.ListAuditEventsRequest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** This service's audit log, in its own database (plain SQL through the reactive client). */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private final Pool pool;
    private final String service;

    public AuditLog(Pool pool, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.pool = pool;
        this.service = service;
    }

    /** Stores one event; a failure to store is logged, never passed to the caller of the audited call. */
    public void record(CallerIdentity caller, String subscriptionId, String method, String result) {
        // the time of the event, not of the insert: inserts run concurrently and may land in another order
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        pool.preparedQuery("insert into audit_event (subject, subscription_id, operation, resource_id, method, "
                + "result, request_id, at) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[] { caller == null ? "service" : caller.subject(), subscriptionId,
                        caller == null ? null : caller.operation(), caller == null ? null : caller.resourceId(), method,
                        result, caller == null ? null : caller.requestId(), at }))
                .subscribe().with(ok -> {
                }, e -> LOG.errorf("Audit event not stored (%s %s): %s", method, result, e.toString()));
    }

    /** Newest first, after the request's cursor and within its filters. */
    public Uni<List<AuditEvent>> list(ListAuditEventsRequest r) {
        int size = r.getPageSize() <= 0 ? 100 : Math.min(r.getPageSize(), 1000);
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        if (!r.getFilterSubscriptionId().isEmpty()) {
            args.add(r.getFilterSubscriptionId());
            where.append(" and subscription_id = $").append(args.size());
        }
        if (!r.getResourceIdPrefix().isEmpty()) {
            args.add(r.getResourceIdPrefix().toLowerCase(java.util.Locale.ROOT) + "%");
            where.append(" and lower(resource_id) like $").append(args.size());
        }
        if (!r.getFrom().isEmpty()) {
            args.add(OffsetDateTime.parse(r.getFrom()));
            where.append(" and at >= $").append(args.size());
        }
        if (!r.getTo().isEmpty()) {
            args.add(OffsetDateTime.parse(r.getTo()));
            where.append(" and at < $").append(args.size());
        }
        if (!r.getBeforeAt().isEmpty()) {
            args.add(OffsetDateTime.parse(r.getBeforeAt()));
            int at = args.size();
            args.add(r.getBeforeId());
            int id = args.size();
            where.append(" and (at < $").append(at).append(" or (at = $").append(at).append(" and id < $").append(id)
                    .append(")").append(r.getIncludeBeforeAt() ? " or at = $" + at : "").append(")");
        }
        args.add(size);
        String sql = "select id, at, subject, subscription_id, operation, resource_id, method, result, request_id "
                + "from audit_event where " + where + " order by at desc, id desc limit $" + args.size();
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<AuditEvent> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(toEvent(row));
            }
            return out;
        });
    }

    private AuditEvent toEvent(Row row) {
        var b = AuditEvent.newBuilder()
                .setId(row.getLong("id"))
                .setAt(row.getOffsetDateTime("at").withOffsetSameInstant(ZoneOffset.UTC).format(AT))
                .setSubject(row.getString("subject"))
                .setMethod(row.getString("method"))
                .setResult(row.getString("result"))
                .setService(service);
        if (row.getString("subscription_id") != null) {
            b.setSubscriptionId(row.getString("subscription_id"));
        }
        if (row.getString("operation") != null) {
            b.setOperation(row.getString("operation"));
        }
        if (row.getString("resource_id") != null) {
            b.setResourceId(row.getString("resource_id"));
        }
        if (row.getString("request_id") != null) {
            b.setRequestId(row.getString("request_id"));
        }
        return b.build();
    }
}

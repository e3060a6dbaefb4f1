package org.openpeering.prefix.webhook;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.openpeering.prefix.PrefixConfig;
import org.openpeering.prefix.Upstreams;
import org.openpeering.proto.partner.v1.CollectorSession;
import org.openpeering.proto.telemetry.v1.SessionRef;

import io.smallrye.mutiny.Uni;

/**
 * Which partner a BGP session belongs to (router + peer address → subscription, resource group, peering), from
 * partner-service's collector sessions, kept for {@code prefix.webhooks.session-refresh} and read again at once
 * (at most every few seconds) when a session is not known. When partner-service cannot answer, the last answer is used.
 */
@ApplicationScoped
public class SessionOwners {

    public record Owner(String subscriptionId, String resourceGroup, String peeringName) {
    }

    private static final Logger LOG = Logger.getLogger(SessionOwners.class);
    private static final long MISS_REFRESH_NANOS = 5_000_000_000L;

    private final Upstreams upstreams;
    private final long refreshNanos;
    private volatile Map<String, Owner> owners = Map.of();
    private volatile long readAt = Long.MIN_VALUE / 2;

    public SessionOwners(Upstreams upstreams, PrefixConfig config) {
        this.upstreams = upstreams;
        this.refreshNanos = config.webhooks().sessionRefresh().toNanos();
    }

    /** The session's owner, or null when no partner connection has that router and address. */
    public Uni<Owner> of(SessionRef session) {
        if (session == null || session.getPeerAddress().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String key = key(session.getRouter(), session.getPeerAddress());
        Owner known = owners.get(key);
        long age = System.nanoTime() - readAt;
        if ((known != null && age < refreshNanos) || (known == null && age < MISS_REFRESH_NANOS)) {
            return Uni.createFrom().item(known);
        }
        return upstreams.collectorSessions().map(list -> {
            Map<String, Owner> next = new HashMap<>();
            for (CollectorSession s : list) {
                next.put(key(s.getRouterName(), s.getPeerAddress()),
                        new Owner(s.getSubscriptionId(), s.getResourceGroup(), s.getPeeringName()));
            }
            owners = next;
            readAt = System.nanoTime();
            return next.get(key);
        }).onFailure().recoverWithItem(e -> {
            LOG.debugf("Partner sessions not read (using the last answer): %s", e.toString());
            readAt = System.nanoTime();
            return owners.get(key);
        });
    }

    static String key(String router, String address) {
        InetAddress literal = WebhookRules.literal(address);
        return router.toLowerCase(Locale.ROOT) + "|" + (literal == null ? address : literal.getHostAddress());
    }
}

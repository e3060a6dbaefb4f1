package org.openpeering.prefix.webhook;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Key rotation (k8s/README.md, "Secrets"): at start, every webhook secret sealed with an older key of the ring is
 * re-sealed with the current one, so that the old key can leave the ring after one start with the new ring.
 * Counts are logged, never secrets.
 */
@ApplicationScoped
public class WebhookSecretRotation {

    private static final Logger LOG = Logger.getLogger(WebhookSecretRotation.class);

    private final Pool pool;
    private final WebhookSecrets secrets;

    public WebhookSecretRotation(Pool pool, WebhookSecrets secrets) {
        this.pool = pool;
        this.secrets = secrets;
    }

    void onStart(@Observes StartupEvent event) {
        rotate().subscribe().with(n -> {
            if (n > 0) {
                LOG.infof("Re-sealed %d webhook secrets with the current key of the ring", n);
            }
        }, e -> LOG.errorf("Re-sealing webhook secrets failed (the old keys must stay in the ring): %s",
                e.getClass().getSimpleName()));
    }

    /** The number of secrets re-sealed. */
    Uni<Integer> rotate() {
        return pool.query("select id, subscription_id, name_key, secret_sealed from webhook").execute().chain(rows -> {
            List<Tuple> updates = new ArrayList<>();
            rows.forEach(r -> {
                String sealed = r.getString("secret_sealed");
                String again = secrets.reSealed(sealed, r.getString("subscription_id"), r.getString("name_key"));
                if (again != null) {
                    updates.add(Tuple.of(r.getLong("id"), sealed, again));
                }
            });
            if (updates.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            // only where the value is still the one read: a concurrent PUT wins
            return pool.preparedQuery("update webhook set secret_sealed = $3 where id = $1 and secret_sealed = $2")
                    .executeBatch(updates).replaceWith(updates.size());
        });
    }
}
